from __future__ import annotations

from django import template

from registrations.availability import availability
from registrations.forms import RegistrationForm, initial_for
from registrations.models import Registration, RegistrationSettings

register = template.Library()


@register.inclusion_tag("registrations/includes/panel.html", takes_context=True)
def registration_panel(context, event) -> dict:
    """The registration box on an event page (nothing when the event takes no registrations
    on this site)."""
    settings = RegistrationSettings.objects.filter(event=event, enabled=True).first()
    if settings is None or event.has_ended():
        return {"state": None}
    settings.event = event
    request = context["request"]
    state = availability(settings, request.user)
    form = None
    if state.takes_registrations and state.existing is None:
        form = RegistrationForm(
            settings=settings, questions=settings.questions.all(), initial=initial_for(request.user)
        )
    return {"event": event, "state": state, "form": form, "request": request}


@register.simple_tag
def registrations_of(user) -> list[Registration]:
    """A signed-in person's registrations, soonest event first."""
    return list(
        Registration.objects.of_user(user)
        .select_related("event__venue")
        .order_by("-event__starts_at", "pk")
    )
