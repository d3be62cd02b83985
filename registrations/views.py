from django.conf import settings as django_settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from events.models import Event
from linkj.ratelimit import allow_client

from . import services
from .availability import availability
from .forms import RegistrationForm, initial_for
from .models import Registration, RegistrationSettings


def _settings_for(slug: str) -> RegistrationSettings:
    event = get_object_or_404(Event.objects.live().select_related("venue"), slug=slug)
    settings = RegistrationSettings.objects.filter(event=event, enabled=True).first()
    if settings is None:
        raise Http404
    settings.event = event
    return settings


@never_cache
def register(request, slug):
    """The registration form on a page of its own: where the event page's form posts, and
    where errors are shown with what was typed."""
    settings = _settings_for(slug)
    questions = settings.questions.all()
    state = availability(settings, request.user)
    form = RegistrationForm(
        request.POST or None,
        settings=settings,
        questions=questions,
        initial=initial_for(request.user),
    )
    status = 200
    if request.method == "POST" and state.takes_registrations:
        limit = django_settings.REGISTRATIONS_PER_ADDRESS_PER_HOUR
        if not allow_client(request, "registration", limit=limit, window=3600):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Too many registrations from your network in the last hour. Please try again later."
                ),
            )
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                registration = services.register(
                    event=settings.event,
                    name=data["name"],
                    email=data["email"],
                    organisation=data["organisation"],
                    attendance=data["attendance"],
                    answers=form.answers(),
                    user=request.user,
                    language=get_language(),
                )
            except services.RegistrationRefused as refused:
                form.add_error(refused.field, refused.message)
            else:
                messages.success(request, _("Thank you. We have sent you an email."))
                return redirect(registration.get_absolute_url())
        if form.errors and status == 200:
            status = 400
    return render(
        request,
        "registrations/register.html",
        {"event": settings.event, "state": state, "form": form},
        status=status,
    )


def registration_detail(request, token):
    """The registrant's page, reached from the link in their mails: no account needed."""
    registration = Registration.from_token(token)
    if registration is None:
        raise Http404
    error = None
    if request.method == "POST":
        try:
            services.cancel(registration)
        except services.RegistrationRefused as refused:
            error = refused.message
        else:
            messages.success(request, _("Your registration has been cancelled."))
            return redirect(registration.get_absolute_url())
    settings = registration.event.registration_settings
    response = render(
        request,
        "registrations/registration_detail.html",
        {
            "registration": registration,
            "event": registration.event,
            "settings": settings,
            "error": error,
        },
        status=400 if error else 200,
    )
    add_never_cache_headers(response)
    # The address is a key to the registration: never send it to another site. Not
    # "no-referrer": browsers then send "Origin: null" with the cancel form, which fails
    # the CSRF check.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response
