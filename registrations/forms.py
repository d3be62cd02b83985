from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from linkj.forms import PublicFormMixin
from members.models import Person

from .models import RegistrationSettings


class RegistrationForm(PublicFormMixin, forms.Form):
    name = forms.CharField(
        label=pgettext_lazy("person", "Name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("We send the confirmation and the link to cancel to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=pgettext_lazy("affiliation", "Organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    attendance = forms.ChoiceField(label=_("How will you attend?"), widget=forms.RadioSelect)

    def __init__(self, *args, settings: RegistrationSettings, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.settings = settings
        choices = settings.attendance_choices()
        attendance = self.fields["attendance"]
        attendance.choices = choices
        if len(choices) == 1:
            attendance.widget = forms.HiddenInput()
            attendance.initial = choices[0][0]
        self.questions = list(questions)
        for question in self.questions:
            widget = forms.Textarea(attrs={"rows": 3}) if question.long_answer else None
            self.fields[f"question_{question.pk}"] = forms.CharField(
                label=question.label,
                help_text=question.help_text,
                required=question.required,
                max_length=2000,
                widget=widget,
            )

    def answers(self) -> dict[int, str]:
        return {
            question.pk: self.cleaned_data[f"question_{question.pk}"]
            for question in self.questions
            if self.cleaned_data.get(f"question_{question.pk}")
        }


def initial_for(user) -> dict:
    """A signed-in person's name, address and organisation, typed for them."""
    if not user.is_authenticated:
        return {}
    person = Person.objects.select_related("organisation").filter(user=user).first()
    initial = {"email": user.email}
    if person:
        initial["name"] = person.name
        if person.organisation:
            initial["organisation"] = person.organisation.name
    return initial
