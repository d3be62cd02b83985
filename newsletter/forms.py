from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from linkj.antispam import SpamCheckedForm


class SignUpForm(SpamCheckedForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a link to this address: the sign-up counts once you open it."),
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _("Please enter an e-mail address such as name@example.com."),
        },
    )
    language = forms.ChoiceField(
        label=_("Newsletter language"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )
