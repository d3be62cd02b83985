import io

import pytest
from django.core.management import call_command

from bookings.models import Lounge
from members.models import Person
from registrations.models import RegistrationSettings

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_member_a_registration_open_event_and_lounge_hours(settings):
    settings.DEBUG = True  # the demo member gets its documented password only in a local demo
    call_command("load_demo", stdout=io.StringIO())
    person = Person.objects.select_related("user", "organisation").get(
        user__email="member@example.org"
    )
    assert person.organisation.is_special
    assert person.user.check_password("linkj-demo-2026")
    assert person.user.emailaddress_set.get().verified
    registration = RegistrationSettings.objects.select_related("event").get()
    assert registration.enabled and registration.event.status == "open"
    assert registration.questions.count() == 2
    lounge = Lounge.objects.get(venue__slug="nyc-lounge")
    assert lounge.opening_hours.count() == 5
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "(0 change(s))" in out.getvalue()


def test_outside_a_local_demo_the_demo_member_has_no_password(settings):
    settings.DEBUG = False
    call_command("load_demo", stdout=io.StringIO())
    assert not Person.objects.get(user__email="member@example.org").user.has_usable_password()
