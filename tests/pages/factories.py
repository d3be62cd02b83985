import datetime

import factory
from django.utils import timezone

from linkj.publishing import Status
from pages.models import Navigation, Page


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    slug = factory.Sequence(lambda n: f"page-{n}")
    title_ja = factory.Sequence(lambda n: f"固定ページ{n}")
    title_en = factory.Sequence(lambda n: f"Standing page {n}")
    summary_ja = "ページの概要です。"
    summary_en = "What this page is about."
    body_ja = "<p>本文です。</p>"
    body_en = "<p>The body.</p>"
    navigation = Navigation.FOOTER
    status = Status.PUBLISHED
    publish_at_ja = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    publish_at_en = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))


class DraftPageFactory(PageFactory):
    status = Status.DRAFT
    publish_at_ja = None
    publish_at_en = None
