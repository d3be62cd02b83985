import datetime

import factory

from events.models import Category, Event, Format, Speaker, Venue, VenueKind
from linkj.publishing import Status


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"venue-{n}")
    name_ja = factory.Sequence(lambda n: f"会場{n}")
    name_en = factory.Sequence(lambda n: f"Venue {n}")
    city_ja = "東京"
    city_en = "Tokyo"
    kind = VenueKind.OFFICE
    time_zone = "Asia/Tokyo"


class NewYorkLoungeFactory(VenueFactory):
    slug = "nyc-lounge"
    name_ja = "横浜・LINK-J ライフサイエンス・ラウンジ@NYC"
    name_en = "Yokohama-LINK-J Life Science Lounge @NYC"
    city_ja = "ニューヨーク"
    city_en = "New York"
    kind = VenueKind.LOUNGE
    time_zone = "America/New_York"
    description_ja = "<p>ニューヨークの交流拠点です。</p>"
    description_en = "<p>A meeting place in New York.</p>"
    usage_ja = "<p>LINK-J会員と特別会員が予約して利用できます。</p>"
    usage_en = "<p>LINK-J members and special members may use it by reservation.</p>"


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"category-{n}")
    name_ja = factory.Sequence(lambda n: f"分類{n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title_ja = factory.Sequence(lambda n: f"セミナー{n}")
    title_en = factory.Sequence(lambda n: f"Seminar {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    summary_ja = "ライフサイエンスの最新動向を紹介します。"
    summary_en = "The latest in life science."
    venue = factory.SubFactory(VenueFactory)
    starts_at = factory.Sequence(
        lambda n: (
            datetime.datetime(2027, 1, 10, 10, 0, tzinfo=datetime.UTC) + datetime.timedelta(days=n)
        )
    )
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + datetime.timedelta(hours=2))
    format = Format.IN_PERSON
    publication = Status.PUBLISHED
    publish_at = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.set(extracted)


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    event = factory.SubFactory(EventFactory)
    name_ja = factory.Sequence(lambda n: f"講演者{n}")
    name_en = factory.Sequence(lambda n: f"Speaker {n}")
