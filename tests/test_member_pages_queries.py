"""Query counts of the pages issue 10 added, holding while the data grows tenfold."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bookings import services as bookings
from registrations import services as registrations
from tests.bookings.factories import LoungeFactory
from tests.members.factories import PersonFactory
from tests.registrations.factories import QuestionFactory, RegistrationSettingsFactory

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime.datetime(2027, 3, 1, 8, 0, tzinfo=NEW_YORK)


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def registered_events(person, count: int) -> list:
    events = []
    for n in range(count):
        settings = RegistrationSettingsFactory(
            event__starts_at=datetime.datetime(2027, 4, 1, tzinfo=datetime.UTC)
            + datetime.timedelta(days=n)
        )
        QuestionFactory.create_batch(2, settings=settings)
        registrations.register(
            event=settings.event, name="会員", email=person.user.email,
            attendance="in_person", user=person.user,
        )  # fmt: skip
        events.append(settings.event)
    return events


def booked_slots(lounge, person, count: int) -> None:
    lounge.bookings_per_member = 1000
    lounge.days_ahead = 365
    lounge.save()
    day = datetime.date(2027, 3, 2)
    made = 0
    while made < count:
        for slot in lounge.slots(day):
            if made < count:
                bookings.book(lounge=lounge, user=person.user, starts_at=slot.starts_at)
                made += 1
        day += datetime.timedelta(days=1)


@pytest.mark.parametrize("scale", [1, 10])
def test_my_page_queries_stay_flat(client, django_assert_max_num_queries, scale):
    person = PersonFactory()
    registered_events(person, 2 * scale)
    booked_slots(LoungeFactory(), person, 3 * scale)
    client.force_login(person.user)
    with django_assert_max_num_queries(8):
        response = client.get("/ja/members/me/")
    assert response.content.decode().count("slot__zone") == 3 * scale


@pytest.mark.parametrize("scale", [1, 10])
def test_an_event_page_with_its_registration_form_queries_stay_flat(
    client, django_assert_max_num_queries, scale
):
    person = PersonFactory()
    [event] = registered_events(person, 1)
    settings = event.registration_settings
    settings.in_person_seats = None
    settings.save()
    QuestionFactory.create_batch(3 * scale, settings=settings)
    for n in range(10 * scale):
        registrations.register(
            event=event, name="x", email=f"p{n}@example.org", attendance="in_person"
        )
    with django_assert_max_num_queries(8):
        client.get(event.get_absolute_url())
    with django_assert_max_num_queries(8):
        response = client.get(f"/ja/registrations/{event.slug}/")
    assert response.content.decode().count('name="question_') == 2 + 3 * scale


@pytest.mark.parametrize("scale", [1, 10])
def test_the_lounge_day_and_the_staff_week_queries_stay_flat(
    admin_client, client, django_assert_max_num_queries, scale
):
    lounge = LoungeFactory()
    person = PersonFactory()
    booked_slots(lounge, person, 7 * scale)
    client.force_login(person.user)
    with django_assert_max_num_queries(8):
        client.get("/en/lounge/nyc-lounge/?date=2027-03-02")
    with django_assert_max_num_queries(8):
        response = admin_client.get("/en/lounge/nyc-lounge/schedule/?date=2027-03-02")
    # Bookings fill Tuesday to Friday of that week, seven a day.
    assert response.content.decode().count("mailto:") == min(7 * scale, 28)


def test_pages_behind_a_sign_in_or_a_link_are_well_formed_html(
    client, admin_client, django_assert_max_num_queries
):
    import html5lib

    person = PersonFactory()
    [event] = registered_events(person, 1)
    lounge = LoungeFactory()
    booked_slots(lounge, person, 2)
    registration = event.registrations.get()
    client.force_login(person.user)
    pages = [
        (client, "/ja/members/me/"),
        (client, registration.get_absolute_url()),
        (client, "/en/lounge/nyc-lounge/?date=2027-03-02"),
        (admin_client, "/ja/lounge/nyc-lounge/schedule/?date=2027-03-02"),
    ]
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder("etree"))
    for user_client, path in pages:
        with django_assert_max_num_queries(8):
            response = user_client.get(path)
        assert response.status_code == 200, path
        document = parser.parse(response.content.decode())
        ids = [element.get("id") for element in document.iter() if element.get("id")]
        assert len(ids) == len(set(ids)), path
    client.logout()
    errors = client.post(f"/en/registrations/{event.slug}/", {"email": "bad"})
    assert errors.status_code == 400
    assert 'aria-invalid="true"' in errors.content.decode()
    parser.parse(errors.content.decode())
