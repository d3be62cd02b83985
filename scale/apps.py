from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScaleConfig(AppConfig):
    """Synthetic content at production scale (`manage.py generate_scale_data`), for the
    benchmark and the query-budget tests. It sits above every content app, since it writes
    partners, releases and events together; nothing imports it."""

    name = "scale"
    verbose_name = _("Scale data")
