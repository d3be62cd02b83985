"""Spam checks for public forms that need no third-party script.

- A honeypot: a text field people never see or reach (off-screen, hidden from assistive
  technology, out of the tab order) but form-filling robots fill in. A filled honeypot is
  not an error the visitor is told about: the view drops the submission quietly.
- A signed time stamp of when the form was shown: sent back faster than a person can type
  (MIN_SECONDS), or after MAX_SECONDS, or altered, the form is refused with a message and
  shown again with what was typed and a fresh stamp.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core import signing
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from linkj.ratelimit import allow_client

MIN_SECONDS = 3
MAX_SECONDS = 24 * 60 * 60
SALT = "linkj.antispam.shown-at"
HONEYPOT = "website"


def stamp() -> str:
    return signing.Signer(salt=SALT).sign(str(int(timezone.now().timestamp())))


def age_of(value: str) -> int | None:
    """Seconds since the form was shown, or None when the stamp is missing or altered."""
    try:
        return int(timezone.now().timestamp()) - int(signing.Signer(salt=SALT).unsign(value))
    except (signing.BadSignature, ValueError, TypeError):
        return None


class SpamCheckedForm(forms.Form):
    """Mix into a public form (before forms.ModelForm or forms.Form)."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    shown_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shown_at"].initial = stamp()
        self.is_spam = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            self.is_spam = True
        age = age_of(self.data.get(self.add_prefix("shown_at"), ""))
        if age is None or age > MAX_SECONDS:
            self._restamp()
            raise forms.ValidationError(
                _(
                    "This form was open too long or could not be checked. Nothing was "
                    "lost: please check your entries and send it again."
                ),
                code="stale",
            )
        if age < MIN_SECONDS:
            raise forms.ValidationError(
                _(
                    "The form was sent back faster than a person can fill it in. Please "
                    "check your entries and send it again."
                ),
                code="too_fast",
            )
        return cleaned

    def _restamp(self) -> None:
        data = self.data.copy()
        data[self.add_prefix("shown_at")] = stamp()
        self.data = data


class ProtectedFormView(FormView):
    """A public form view with a SpamCheckedForm: a robot that filled the honeypot is sent to
    the success page as if all went well (and nothing is kept), a client address over its
    rate limit gets the form back with a message and its text, others reach form_valid()."""

    success_url_name = ""
    rate_scope = ""
    rate_limit_setting = ""  # the name of a (limit, window in seconds) setting

    def rate_limited_message(self) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        valid = form.is_valid()
        if form.is_spam:
            return redirect(self.success_url_name)
        if not valid:
            return self.form_invalid(form)
        limit, window = getattr(settings, self.rate_limit_setting)
        if not allow_client(request, self.rate_scope, limit=limit, window=window):
            form.add_error(None, self.rate_limited_message())
            return self.form_invalid(form)
        return self.form_valid(form)
