import datetime

import pytest
from django.utils import timezone

from bookings import services
from bookings.models import Booking
from tests.bookings.factories import LoungeFactory
from tests.concurrency import race, require_postgresql
from tests.members.factories import PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _next_weekday_slot(lounge) -> datetime.datetime:
    day = lounge.today() + datetime.timedelta(days=2)
    while day.weekday() > 4:
        day += datetime.timedelta(days=1)
    return lounge.slots(day)[-1].starts_at  # the day's last slot


def test_a_hundred_members_racing_for_the_last_slot_give_exactly_one_booking():
    require_postgresql()
    lounge = LoungeFactory()
    slot = _next_weekday_slot(lounge)
    # Every other slot of that day is gone already.
    for other in lounge.slots(slot.astimezone(lounge.venue.tzinfo).date())[:-1]:
        services.book(lounge=lounge, user=PersonFactory().user, starts_at=other.starts_at)
    members = [PersonFactory().user for _ in range(100)]

    def attempt(n: int) -> Booking:
        return services.book(lounge=lounge, user=members[n], starts_at=slot)

    bookings, errors = race(attempt, 100)

    assert len(bookings) == 1
    assert len(errors) == 99
    assert all(isinstance(error, services.BookingRefused) for error in errors)
    assert Booking.objects.booked().filter(starts_at=slot).count() == 1
    assert Booking.objects.booked().filter(starts_at__gte=timezone.now()).count() == 7


def test_one_member_racing_itself_never_exceeds_its_limit():
    require_postgresql()
    lounge = LoungeFactory(bookings_per_member=2)
    colleagues = PersonFactory().organisation
    people = [PersonFactory(organisation=colleagues).user for _ in range(7)]
    day = _next_weekday_slot(lounge).astimezone(lounge.venue.tzinfo).date()
    slots = lounge.slots(day)

    def attempt(n: int) -> Booking:
        return services.book(lounge=lounge, user=people[n], starts_at=slots[n].starts_at)

    bookings, errors = race(attempt, 7)

    assert len(bookings) == 2
    assert Booking.objects.booked().filter(organisation=colleagues).count() == 2
