"""A quotation's credit reads 組織 役職 氏名 upright, as Japanese print sets it: no italics
anywhere in the quote, whatever the browser's defaults for figcaption, cite or blockquote."""

import pytest

from news.models import QuoteKind
from tests.news.factories import QuoteFactory, ReleaseFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("kind", [QuoteKind.QUOTATION, QuoteKind.SUMMARY])
def test_quote_credits_are_in_japanese_order_and_upright(page, kind):
    release = ReleaseFactory()
    QuoteFactory(release=release, kind=kind)
    page.goto(release.get_absolute_url())
    credit = page.locator(".quote__credit")
    assert "LINK-J 事務局長 山田太郎" in credit.inner_text()
    styles = page.evaluate(
        """() => [...document.querySelectorAll('.release__quotes *')]
            .map(element => getComputedStyle(element).fontStyle)"""
    )
    assert styles and set(styles) == {"normal"}
