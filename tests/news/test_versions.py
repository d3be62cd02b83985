"""The version number moves on atomically: copies loaded at the same version never share one."""

import threading

import pytest
from django.db import connection, connections

from linkj.publishing import Status
from news.models import Release
from tests.news.factories import DraftReleaseFactory


@pytest.mark.django_db
def test_two_copies_loaded_before_either_saves_get_their_own_versions_and_revisions():
    release = DraftReleaseFactory(title_en="Original")
    first = Release.objects.get(pk=release.pk)
    second = Release.objects.get(pk=release.pk)
    first.title_en = "First"
    first.save()
    second.title_en = "Second"
    second.save()
    assert (first.version, second.version) == (2, 3)
    assert Release.objects.values_list("version", flat=True).get(pk=release.pk) == 3
    titles = dict(release.revisions.values_list("version", "data__title_en"))
    assert titles == {1: "Original", 2: "First", 3: "Second"}


@pytest.mark.django_db
def test_a_save_of_some_fields_moves_the_version_on_too():
    release = DraftReleaseFactory()
    stale = Release.objects.get(pk=release.pk)
    release.save()
    stale.status = Status.REVIEW
    stale.save(update_fields=["status"])
    assert stale.version == 3
    assert Release.objects.get(pk=release.pk).version == 3


@pytest.mark.django_db(transaction=True)
def test_concurrent_saves_on_two_connections_get_consecutive_versions():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite in memory has one connection; the row lock is PostgreSQL's")
    release = DraftReleaseFactory()
    copies = [Release.objects.get(pk=release.pk) for _ in range(2)]
    ready = threading.Barrier(2)
    errors = []

    def save(copy):
        try:
            ready.wait(timeout=10)
            copy.save()
        except Exception as exc:  # reported to the main thread below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(copy,)) for copy in copies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert sorted(copy.version for copy in copies) == [2, 3]
    assert sorted(release.revisions.values_list("version", flat=True)) == [1, 2, 3]
