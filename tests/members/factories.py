import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from members.models import Organisation, OrganisationKind, Person


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_ja = factory.Sequence(lambda n: f"会員企業{n}")
    name_en = factory.Sequence(lambda n: f"Member Company {n}")
    reading = factory.Sequence(lambda n: f"かいいんきぎょう{n % 10}")
    kind = OrganisationKind.SPECIAL_A
    listed = True


class MemberUserFactory(factory.django.DjangoModelFactory):
    """A person with a confirmed address on the public site (not staff)."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    is_staff = False

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    user = factory.SubFactory(MemberUserFactory)
    name = factory.Sequence(lambda n: f"会員 太郎{n}")
    organisation = factory.SubFactory(OrganisationFactory)
