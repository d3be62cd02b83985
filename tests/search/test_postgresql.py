"""On PostgreSQL the search uses the pg_trgm GIN index, also for two- and one-character
Japanese terms (looked up as words among each document's short grams). CI runs PostgreSQL;
on SQLite, which searches with a plain LIKE, these tests are skipped."""

import pytest
from django.db import connection

from search.models import Document, Kind
from search.normalise import document, terms
from search.query import matching_ids

pytestmark = pytest.mark.django_db

CITIES = ["東京", "大阪", "京都", "神戸", "福岡", "札幌", "仙台", "広島"]
FIELDS = ["創薬", "再生医療", "ゲノム", "デジタルヘルス", "Genomics", "Medical devices"]


@pytest.fixture
def many_documents():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite searches with a plain LIKE, without this index")
    rows = []
    for n in range(20_000):
        city, field = CITIES[n % len(CITIES)], FIELDS[n % len(FIELDS)]
        texts = [f"{city}における{field}の連携について{n}", f"Partnership {n} on {field} in Tokyo"]
        if n % 2000 == 0:  # ten releases about Yokohama among twenty thousand
            texts.append("横浜市立大学とＵＣＳＤの覚書")
        rows.append(Document(kind=Kind.RELEASE, object_id=n + 1, text=document(texts)))
    Document.objects.bulk_create(rows, batch_size=5000)
    with connection.cursor() as cursor:
        # New GIN entries wait in the index's pending list until a vacuum moves them (the
        # scale generator's VACUUM ANALYZE, or autovacuum): do the same before planning.
        cursor.execute("SELECT gin_clean_pending_list('search_document_trgm')")
        cursor.execute("ANALYZE search_document")


def test_the_trigram_index_finds_rare_terms_among_many_documents(many_documents):
    # One setup for every query: filling the index takes a while on a shared machine.
    for query in ["ucsd", "横浜", "浜", "横浜市立", "ＵＣＳＤ 横浜"]:
        found = matching_ids(Kind.RELEASE, terms(query))
        plan = found.explain()
        assert "search_document_trgm" in plan, (query, plan)
        assert "Seq Scan" not in plan, (query, plan)
        assert sorted(found.values_list("object_id", flat=True)) == list(range(1, 20_001, 2000)), (
            query
        )


def test_the_index_is_a_gin_trigram_index_on_the_text():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has no GIN index")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_document_trgm'")
        (definition,) = cursor.fetchone()
    assert "USING gin" in definition
    assert "gin_trgm_ops" in definition
