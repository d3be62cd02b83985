from __future__ import annotations

from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView

from linkj.antispam import ProtectedFormView

from . import services
from .forms import SignUpForm
from .models import SubscriberStatus
from .tokens import subscriber_to_confirm, subscriber_to_unsubscribe


class SignUpView(ProtectedFormView):
    template_name = "newsletter/sign_up.html"
    form_class = SignUpForm
    success_url_name = "newsletter:check_inbox"
    rate_scope = "newsletter"
    rate_limit_setting = "NEWSLETTER_RATE_LIMIT"

    def get_initial(self):
        return {"language": get_language()}

    def rate_limited_message(self) -> str:
        return _(
            "Many sign-ups have come from your network in a short time, so this one "
            "was not recorded. Please try again in an hour."
        )

    def form_valid(self, form):
        services.sign_up(email=form.cleaned_data["email"], language=form.cleaned_data["language"])
        return redirect(self.success_url_name)


class CheckInboxView(TemplateView):
    template_name = "newsletter/check_inbox.html"


def _invalid_link(request):
    response = render(request, "newsletter/invalid_link.html", status=404)
    return response


# Personal answers (one address's state): never kept by the page cache or a browser.
@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """The link in the confirmation mail. Opening it shows one button; the sign-up is
    confirmed by pressing it (a POST), so that mail scanners, which open links, cannot
    confirm on anyone's behalf."""

    def get(self, request, token):
        subscriber = subscriber_to_confirm(token)
        if subscriber is None:
            return _invalid_link(request)
        return render(
            request,
            "newsletter/confirm.html",
            {"subscriber": subscriber, "done": subscriber.status == SubscriberStatus.CONFIRMED},
        )

    def post(self, request, token):
        subscriber = subscriber_to_confirm(token)
        if subscriber is None:
            return _invalid_link(request)
        services.confirm(subscriber=subscriber)
        return redirect("newsletter:confirm", token=token)


@method_decorator(never_cache, name="dispatch")
@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(View):
    """The link in every mail: one button on this page, or one click in the mail program
    (List-Unsubscribe-Post), which POSTs here without a CSRF token. The signed token is the
    authority, and all it can do is take its own address off the list."""

    def get(self, request, token):
        subscriber = subscriber_to_unsubscribe(token)
        if subscriber is None:
            return _invalid_link(request)
        done = subscriber.status == SubscriberStatus.UNSUBSCRIBED
        return render(request, "newsletter/unsubscribe.html", {"done": done})

    def post(self, request, token):
        subscriber = subscriber_to_unsubscribe(token)
        if subscriber is None:
            return _invalid_link(request)
        services.unsubscribe(subscriber=subscriber)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return render(request, "newsletter/unsubscribe.html", {"done": True})
        return redirect("newsletter:unsubscribe", token=token)
