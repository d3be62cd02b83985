import datetime

import factory
from django.contrib.auth import get_user_model

from partners.models import Agreement, Kind, Partner, ScopeItem


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    is_staff = True


class ScopeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScopeItem
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"scope-{n}")
    name_ja = factory.Sequence(lambda n: f"提携内容{n}")
    name_en = factory.Sequence(lambda n: f"Scope item {n}")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    slug = factory.Sequence(lambda n: f"partner-{n}")
    name_ja = factory.Sequence(lambda n: f"パートナー団体{n}")
    name_reading = factory.Sequence(lambda n: f"ぱあとなあだんたい{n}")
    name_en = factory.Sequence(lambda n: f"Partner organisation {n}")
    short_name_en = factory.Sequence(lambda n: f"P{n}")
    kind = Kind.CLUSTER
    country = "US"
    description_ja = "ライフサイエンスの団体です。"
    description_en = "A life-science organisation."


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    partner = factory.SubFactory(PartnerFactory)
    signed_on = factory.Sequence(
        lambda n: datetime.date(2016, 1, 1) + datetime.timedelta(days=7 * n)
    )

    @factory.post_generation
    def scope_items(self, create, extracted, **kwargs):
        if create and extracted:
            self.scope_items.set(extracted)
