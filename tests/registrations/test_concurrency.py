import datetime

import pytest
from django.utils import timezone

from registrations import services
from registrations.models import Registration, RegistrationStatus
from tests.concurrency import race, require_postgresql
from tests.events.factories import EventFactory
from tests.registrations.factories import RegistrationSettingsFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_hundred_people_racing_for_the_last_seat_give_one_confirmed_and_99_waiting():
    require_postgresql()
    starts = timezone.now() + datetime.timedelta(days=30)
    event = EventFactory(
        format="in_person", starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
    )
    RegistrationSettingsFactory(event=event, in_person_seats=5, waiting_list=True)
    for n in range(4):  # four of the five seats are gone already
        services.register(
            event=event, name=f"Early {n}", email=f"early{n}@example.org", attendance="in_person"
        )

    def attempt(n: int) -> str:
        registration = services.register(
            event=event, name=f"Racer {n}", email=f"racer{n}@example.org", attendance="in_person"
        )
        return registration.status

    results, errors = race(attempt, 100)

    assert errors == []
    assert sorted(results).count(RegistrationStatus.CONFIRMED) == 1
    assert sorted(results).count(RegistrationStatus.WAITING) == 99
    racers = Registration.objects.filter(email__startswith="racer")
    assert racers.filter(status=RegistrationStatus.CONFIRMED).count() == 1
    assert racers.filter(status=RegistrationStatus.WAITING).count() == 99
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 5


def test_a_hundred_cancellations_and_registrations_at_once_never_overfill_the_room():
    """Cancellations move people up while new people register: the room never holds more
    than its seats, and nobody waits while a seat is free."""
    require_postgresql()
    starts = timezone.now() + datetime.timedelta(days=30)
    event = EventFactory(
        format="in_person", starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
    )
    RegistrationSettingsFactory(event=event, in_person_seats=10, waiting_list=True)
    first = [
        services.register(
            event=event, name=f"First {n}", email=f"first{n}@example.org", attendance="in_person"
        )
        for n in range(30)
    ]

    def attempt(n: int):
        if n < 50:
            return services.register(
                event=event, name=f"New {n}", email=f"new{n}@example.org", attendance="in_person"
            )
        # Workers 50-79 cancel the first thirty: ten confirmed, twenty waiting.
        return services.cancel(first[n - 50])

    results, errors = race(attempt, 80)

    assert errors == []
    cancelled = Registration.objects.filter(event=event, status=RegistrationStatus.CANCELLED)
    assert cancelled.count() == 30
    confirmed = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
    assert confirmed.count() == 10
    assert Registration.objects.filter(event=event, status=RegistrationStatus.WAITING).exists()
