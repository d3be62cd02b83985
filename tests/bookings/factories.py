import datetime

import factory

from bookings.models import Lounge, OpeningHours
from tests.events.factories import NewYorkLoungeFactory


class LoungeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lounge
        django_get_or_create = ("venue",)
        skip_postgeneration_save = True

    venue = factory.SubFactory(NewYorkLoungeFactory)
    slot_minutes = 60
    bookings_per_member = 2

    @factory.post_generation
    def weekdays(self, create, extracted, **kwargs):
        """Open Monday to Friday, 10:00-17:00 on the lounge's clock."""
        if create:
            for weekday in extracted if extracted is not None else range(5):
                OpeningHours.objects.get_or_create(
                    lounge=self,
                    weekday=weekday,
                    defaults={"opens": datetime.time(10), "closes": datetime.time(17)},
                )
