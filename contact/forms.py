from __future__ import annotations

import unicodedata

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from linkj.antispam import SpamCheckedForm

from .models import Enquiry


class EnquiryForm(SpamCheckedForm, forms.ModelForm):
    agree = forms.BooleanField(
        label=_("I agree to the handling of my personal data described in the privacy policy."),
        error_messages={"required": _("Please agree to the privacy policy to send the form.")},
    )

    class Meta:
        model = Enquiry
        fields = ["kind", "name", "organisation", "email", "phone", "message"]
        widgets = {
            "kind": forms.RadioSelect,
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "message": forms.Textarea(attrs={"rows": 8}),
        }
        labels = {"name": _("Your name")}
        help_texts = {
            "email": _("We reply to this address, and send you a copy of your message."),
            "phone": _("Optional. Only if you would like us to call you back."),
        }
        error_messages = {
            "name": {"required": _("Please enter your name.")},
            "email": {
                "required": _("Please enter your e-mail address."),
                "invalid": _("Please enter an e-mail address such as name@example.com."),
            },
            "message": {
                "required": _("Please write your message."),
                "max_length": _(
                    "Please keep your message to %(limit_value)d characters "
                    "(it has %(show_value)d)."
                ),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            choice for choice in self.fields["kind"].choices if choice[0]
        ]
        self.fields["agree"].help_text = format_html(
            '<a href="{}">{}</a>',
            reverse("pages:page_detail", kwargs={"slug": "privacy"}),
            _("Read the privacy policy"),
        )

    def clean_phone(self):
        # Full-width digits and hyphens, as Japanese input methods type them, count as digits.
        phone = unicodedata.normalize("NFKC", self.cleaned_data["phone"]).strip()
        allowed = set("0123456789+-() ")
        if phone and (not set(phone) <= allowed or sum(c.isdigit() for c in phone) < 6):
            raise forms.ValidationError(
                _("Please enter a telephone number with digits only, such as 03-1234-5678."),
                code="phone",
            )
        return phone
