from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Event registration")

    def ready(self) -> None:
        from linkj import extensions

        from .models import RegistrationSettings

        # The registration panel shows each visitor their own state and form.
        extensions.personal_event_page.register(
            "registrations",
            lambda slug: RegistrationSettings.objects.filter(
                event__slug=slug, enabled=True
            ).exists(),
        )
