import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from bookings import services
from bookings.models import Booking, BookingStatus
from members.models import OrganisationKind
from tests.bookings.factories import LoungeFactory
from tests.concurrency import require_postgresql
from tests.factories import UserFactory
from tests.members.factories import PersonFactory

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
# Monday 1 March 2027, 08:00 in New York (22:00 in Tokyo).
NOW = datetime.datetime(2027, 3, 1, 8, 0, tzinfo=NEW_YORK)
SLOT = datetime.datetime(2027, 3, 3, 10, 0, tzinfo=NEW_YORK)  # Wednesday, 10:00 New York


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def lounge():
    return LoungeFactory()


@pytest.fixture
def member():
    return PersonFactory(name="会員 花子").user


def book(client, lounge, starts_at, language="en"):
    return client.post(
        f"/{language}/lounge/{lounge.venue.slug}/", {"starts_at": starts_at.isoformat()}
    )


def test_the_day_shows_slots_on_the_lounges_clock_and_in_japan_time(client, lounge):
    text = client.get("/en/lounge/nyc-lounge/?date=2027-03-03").content.decode()
    assert text.count('class="slot slot--free"') == 7  # 10:00 to 17:00, one hour each
    assert "10:00" in text and "New York time" in text
    assert "4 March 2027 00:00" in text and "Japan time" in text
    assert "Sign in to book" in text
    japanese = client.get("/ja/lounge/nyc-lounge/?date=2027-03-03").content.decode()
    assert "ニューヨーク時間" in japanese and "日本時間" in japanese
    assert "2027年3月3日 水曜日" in japanese


def test_the_lounge_is_closed_on_days_without_opening_hours(client, lounge):
    text = client.get("/en/lounge/nyc-lounge/?date=2027-03-06").content.decode()  # Saturday
    assert "The lounge is closed on this day." in text


def test_slots_follow_the_lounges_clock_across_daylight_saving_time(lounge):
    # New York springs forward on 14 March 2027: 10:00 is 14:00 UTC before, 14:00 UTC after
    # only by coincidence of the hour moving: 10:00 EST = 15:00 UTC, 10:00 EDT = 14:00 UTC.
    friday, monday = datetime.date(2027, 3, 12), datetime.date(2027, 3, 15)
    assert lounge.slots(friday)[0].starts_at.astimezone(datetime.UTC).hour == 15
    assert lounge.slots(monday)[0].starts_at.astimezone(datetime.UTC).hour == 14


def test_a_member_books_a_slot_and_sees_it_on_their_page(client, lounge, member):
    client.force_login(member)
    response = book(client, lounge, SLOT)
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.starts_at == SLOT
    assert booking.ends_at == SLOT + datetime.timedelta(hours=1)
    assert booking.organisation == member.person.organisation
    day = client.get(response["Location"]).content.decode()
    assert "Booked: 3 March 2027 10:00–11:00 (New York time)." in day
    assert 'class="slot slot--mine"' in day
    page = client.get("/en/members/me/").content.decode()
    assert "Yokohama-LINK-J Life Science Lounge @NYC" in page
    assert "Cancel this booking" in page


def test_a_member_cancels_their_booking(client, lounge, member):
    client.force_login(member)
    book(client, lounge, SLOT)
    booking = Booking.objects.get()
    response = client.post(f"/en/lounge/bookings/{booking.pk}/cancel/")
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    # Someone else's booking cannot be cancelled by guessing its number.
    client.force_login(PersonFactory().user)
    book(client, lounge, SLOT)
    other = Booking.objects.booked().get()
    client.force_login(member)
    assert client.post(f"/en/lounge/bookings/{other.pk}/cancel/").status_code == 404


def test_a_taken_slot_cannot_be_booked_again(client, lounge, member):
    client.force_login(member)
    book(client, lounge, SLOT)
    client.force_login(PersonFactory().user)
    response = book(client, lounge, SLOT)
    assert response.status_code == 409
    assert "has just been booked by someone else" in response.content.decode()
    assert Booking.objects.count() == 1


def test_people_without_a_member_organisation_cannot_book(client, lounge):
    client.force_login(PersonFactory(organisation=None).user)
    page = client.get("/en/lounge/nyc-lounge/?date=2027-03-03").content.decode()
    assert "not linked to a member organisation yet" in page
    assert book(client, lounge, SLOT).status_code == 409
    assert not Booking.objects.exists()


def test_only_special_members_may_book_a_lounge_kept_for_them(client, lounge):
    client.force_login(PersonFactory(organisation__kind=OrganisationKind.REGULAR).user)
    response = book(client, lounge, SLOT)
    assert "special members only" in response.content.decode()
    lounge.special_members_only = False
    lounge.save()
    assert book(client, lounge, SLOT).status_code == 302


def test_a_member_holds_at_most_the_lounges_limit_of_upcoming_bookings(client, lounge, member):
    colleague = PersonFactory(organisation=member.person.organisation).user
    client.force_login(member)
    book(client, lounge, SLOT)
    client.force_login(colleague)
    book(client, lounge, SLOT + datetime.timedelta(hours=1))
    response = book(client, lounge, SLOT + datetime.timedelta(hours=2))
    assert response.status_code == 409
    assert "already holds 2 upcoming bookings" in response.content.decode()


def test_only_real_future_slots_within_reach_can_be_booked(client, lounge, member):
    client.force_login(member)
    assert book(client, lounge, SLOT + datetime.timedelta(minutes=30)).status_code == 409
    assert book(client, lounge, NOW - datetime.timedelta(hours=22)).status_code == 409
    far = datetime.datetime(2027, 6, 2, 10, 0, tzinfo=NEW_YORK)
    response = book(client, lounge, far)
    assert "up to 60 days ahead" in response.content.decode()
    assert client.post("/en/lounge/nyc-lounge/", {"starts_at": "soon"}).status_code == 400
    assert not Booking.objects.exists()


def test_booking_needs_a_signed_in_visitor(client, lounge):
    response = book(client, lounge, SLOT)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_overlapping_bookings_are_refused_readably_on_every_database(lounge, member):
    services.book(lounge=lounge, user=member, starts_at=SLOT)
    overlapping = Booking(
        lounge=lounge,
        user=member,
        organisation=member.person.organisation,
        starts_at=SLOT + datetime.timedelta(minutes=30),
        ends_at=SLOT + datetime.timedelta(minutes=90),
    )
    with pytest.raises(ValidationError, match="その時間はすでに予約が入っています"):
        overlapping.full_clean()
    overlapping.status = BookingStatus.CANCELLED
    overlapping.full_clean()  # a cancelled booking holds no time


def test_postgresql_itself_refuses_overlapping_bookings(lounge, member):
    require_postgresql()
    organisation = member.person.organisation
    Booking.objects.create(
        lounge=lounge, user=member, organisation=organisation,
        starts_at=SLOT, ends_at=SLOT + datetime.timedelta(hours=1),
    )  # fmt: skip
    with pytest.raises(IntegrityError, match="booking_no_overlap"), transaction.atomic():
        Booking.objects.create(
            lounge=lounge, user=member, organisation=organisation,
            starts_at=SLOT + datetime.timedelta(minutes=59), ends_at=SLOT + datetime.timedelta(hours=2),
        )  # fmt: skip
    # Touching ends do not overlap ([start, end) ranges), and cancelled ones hold no time.
    Booking.objects.create(
        lounge=lounge, user=member, organisation=organisation, status=BookingStatus.CANCELLED,
        starts_at=SLOT, ends_at=SLOT + datetime.timedelta(hours=1),
    )  # fmt: skip
    Booking.objects.create(
        lounge=lounge, user=member, organisation=organisation,
        starts_at=SLOT + datetime.timedelta(hours=1), ends_at=SLOT + datetime.timedelta(hours=2),
    )  # fmt: skip


def main_of(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_staff_see_the_lounges_week_with_who_booked(client, lounge, member):
    services.book(lounge=lounge, user=member, starts_at=SLOT)
    url = "/ja/lounge/nyc-lounge/schedule/?date=2027-03-03"
    assert client.get(url).status_code == 302  # to the admin login
    client.force_login(member)
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(is_superuser=True))
    week = client.get(url).content.decode()
    assert main_of(week).count("<h2 ") == 7
    assert "2027年3月1日 月曜日" in week and "2027年3月7日 日曜日" in week
    assert "会員 花子" in week and member.person.organisation.name in week
    assert "7 枠中 1 枠が予約済み" in week
    day = client.get(url + "&span=day").content.decode()
    assert main_of(day).count("<h2 ") == 1
