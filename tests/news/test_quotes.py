"""Quotes: the speaker's own words in quotation form; summaries of remarks never are."""

import pytest

from news.models import QuoteKind
from tests.news.factories import QuoteFactory, ReleaseFactory

pytestmark = pytest.mark.django_db


def quotes_section(html: str) -> str:
    return html.split('id="quotes-title"', 1)[1].split("</section>", 1)[0]


def test_a_summary_of_remarks_is_not_shown_as_a_quotation(client):
    release = ReleaseFactory()
    QuoteFactory(release=release, kind=QuoteKind.SUMMARY, text_ja="要旨の文章です。")
    section = quotes_section(client.get(release.get_absolute_url()).content.decode())
    assert "要旨の文章です。" in section
    assert "<blockquote" not in section
    assert "発言の要旨です" in section


def test_a_quotation_is_shown_as_a_blockquote(client):
    release = ReleaseFactory()
    QuoteFactory(release=release, kind=QuoteKind.QUOTATION, text_ja="本人の言葉です。")
    section = quotes_section(client.get(release.get_absolute_url()).content.decode())
    assert "<blockquote" in section
    assert "発言の要旨です" not in section


def test_japanese_credits_read_organisation_title_name_and_english_name_first(client):
    release = ReleaseFactory()
    QuoteFactory(release=release)
    japanese = quotes_section(client.get(release.get_absolute_url()).content.decode())
    assert japanese.index("LINK-J") < japanese.index("事務局長") < japanese.index("山田太郎")
    english = quotes_section(client.get(f"/en{release.get_absolute_url()[3:]}").content.decode())
    assert english.index("Taro Yamada") < english.index("Executive Director")
    assert "<cite" not in japanese + english


def test_every_demo_quote_is_a_summary_of_remarks():
    from io import StringIO

    from django.core.management import call_command

    from news.models import Quote

    call_command("load_demo", stdout=StringIO())
    assert Quote.objects.exists()
    assert set(Quote.objects.values_list("kind", flat=True)) == {QuoteKind.SUMMARY}
