import factory

from registrations.models import Question, RegistrationSettings
from tests.events.factories import EventFactory


class RegistrationSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegistrationSettings

    event = factory.SubFactory(EventFactory)
    enabled = True
    in_person_seats = 30
    online_seats = 100
    waiting_list = True


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    settings = factory.SubFactory(RegistrationSettingsFactory)
    label_ja = "食事の制限"
    label_en = "Dietary needs"
