from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Person


class SignupDetailsForm(forms.Form):
    """What allauth's sign-up form asks beyond email and password (ACCOUNT_SIGNUP_FORM_CLASS)."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user) -> None:
        Person.objects.update_or_create(user=user, defaults={"name": self.cleaned_data["name"]})
