"""One name and one rule per idea across the apps (see the README's Glossary): `live()` is what
visitors see, `linkj.publishing.Status` is the one publication state, and
`linkj.publishing.can_preview(user, model)` (the model's view permission) is the one preview
rule, for pages and for the files that belong to them."""

import re
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission

from events.models import Event, EventStatus
from linkj.publishing import Status, can_preview, preview_permission
from members.models import Organisation
from news.models import Release
from pages.models import Page
from partners.models import Partner
from tests.events.factories import EventFactory
from tests.factories import AgreementFactory, PartnerFactory, UserFactory
from tests.news.factories import DraftReleaseFactory
from tests.pages.factories import DraftPageFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent

DRAFTS = {
    "release": lambda: DraftReleaseFactory(),
    "event": lambda: EventFactory(publication=Status.DRAFT),
    "page": lambda: DraftPageFactory(),
    "partner": lambda: PartnerFactory(is_disclosed=False),
    "agreement's partner": lambda: AgreementFactory(partner__is_disclosed=False).partner,
}


def staff_with(codename: str, *, is_staff: bool = True):
    user = UserFactory(is_staff=is_staff)
    user.user_permissions.set(Permission.objects.filter(codename=codename))
    return user


@pytest.mark.parametrize("kind", DRAFTS)
def test_what_visitors_cannot_see_is_previewed_by_staff_with_the_view_permission_only(client, kind):
    hidden = DRAFTS[kind]()
    model = hidden._meta.model_name
    # "?preview" as the admin's preview links ask (a partner's page needs it).
    url = hidden.get_absolute_url() + "?preview"
    assert client.get(url).status_code == 404
    client.force_login(staff_with(f"change_{model}"))
    assert client.get(url).status_code == 404
    client.force_login(staff_with(f"view_{model}", is_staff=False))
    assert client.get(url).status_code == 404
    client.force_login(staff_with(f"view_{model}"))
    response = client.get(url)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert 'content="noindex' in response.content.decode()
    assert "preview-banner" in response.content.decode()


def test_an_undisclosed_partners_logo_follows_the_same_preview_rule(client):
    from tests.test_media import partner_with_logo

    hidden = partner_with_logo(is_disclosed=False)
    client.force_login(staff_with("change_partner"))
    assert client.get(hidden.logo.url).status_code == 404
    client.force_login(staff_with("view_partner"))
    assert client.get(hidden.logo.url).status_code == 200


@pytest.mark.parametrize(
    ("model", "permission"),
    [
        (Release, "news.view_release"),
        (Event, "events.view_event"),
        (Page, "pages.view_page"),
        (Partner, "partners.view_partner"),
    ],
)
def test_the_preview_permission_is_the_models_view_permission(model, permission):
    assert preview_permission(model) == permission
    assert can_preview(staff_with(permission.split(".")[1]), model)
    assert not can_preview(UserFactory(is_staff=True), model)


@pytest.mark.parametrize("model", [Partner, Release, Event, Page, Organisation])
def test_every_content_model_names_visible_to_visitors_live(model):
    assert callable(model.objects.live)
    assert callable(model.is_live)
    for old in ("public", "published", "visible", "listed"):
        assert not hasattr(model.objects.all(), old), f"{model.__name__}.objects.{old}()"


def test_is_live_mirrors_live_for_partners_and_member_organisations():
    shown, hidden = PartnerFactory(is_disclosed=True), PartnerFactory(is_disclosed=False)
    assert [p.pk for p in Partner.objects.live()] == [shown.pk]
    assert (shown.is_live(), hidden.is_live()) == (True, False)
    listed = Organisation.objects.create(
        name="掲載", reading="けいさい", kind="regular", listed=True
    )
    unlisted = Organisation.objects.create(name="非掲載", reading="ひけいさい", kind="regular")
    assert list(Organisation.objects.live()) == [listed]
    assert (listed.is_live(), unlisted.is_live()) == (True, False)


@pytest.mark.parametrize(
    ("model", "field"), [(Release, "status"), (Event, "publication"), (Page, "status")]
)
def test_one_publication_status_type(model, field):
    assert model._meta.get_field(field).choices == Status.choices


def test_an_events_own_state_is_event_status_not_the_publication_status():
    assert Event._meta.get_field("status").choices == EventStatus.choices
    assert not set(EventStatus.values) & set(Status.values)


# Old names that must not come back (a merge from a branch written before the rename).
OLD_NAMES = re.compile(
    r"\.objects\.(public|published)\(|\.partners\.public\(|\.events\.published\("
    r"|\bPublication\.|class Publication\b|can_preview\((self\.)?request\.user\)|\bmay_preview\b"
    r"|def can_preview\(user\)|PREVIEW_PERMISSION|\.objects\.listed\("
)


def test_no_code_or_template_uses_the_old_names():
    files = subprocess.run(
        ["git", "ls-files", "*.py", "*.html", "*.txt"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    this = Path(__file__).relative_to(ROOT).as_posix()
    offenders = [
        f"{name}: {match.group(0)}"
        for name in files
        if name != this and "/migrations/" not in name and (ROOT / name).is_file()
        for match in [OLD_NAMES.search((ROOT / name).read_text(encoding="utf-8"))]
        if match
    ]
    assert offenders == []
