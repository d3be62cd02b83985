import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.factories import UserFactory

ROOT = Path(settings.BASE_DIR)
CATALOGUES = sorted(ROOT.glob("locale/ja/LC_MESSAGES/django.po")) + sorted(
    ROOT.glob("*/locale/ja/LC_MESSAGES/django.po")
)


def manage(*args, env_overrides=None, cwd=ROOT):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_overrides or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "linkj.settings.production",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-key-for-tests-only-0123456789",
    "DJANGO_ALLOWED_HOSTS": "www.link-j.example",
}


def test_production_settings_pass_the_deploy_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_settings_refuse_to_start_half_configured(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = manage("check", env_overrides=env)
    assert result.returncode != 0
    assert missing in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/ja/", "/en/partners/", "/admin/login/"])
def test_csp_forbids_inline_code_on_public_pages_and_admin(client, url):
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_admin_pages_for_editors_carry_the_csp(client):
    client.force_login(UserFactory(is_superuser=True))
    response = client.get("/admin/partners/partner/add/")
    assert "unsafe-inline" not in response["Content-Security-Policy"]


TEMPLATES_WITHOUT_INLINE_CODE = sorted((ROOT / "templates").rglob("*.html"))


@pytest.mark.parametrize("template", TEMPLATES_WITHOUT_INLINE_CODE, ids=lambda p: p.name)
def test_templates_hold_no_inline_script_or_style(template):
    text = template.read_text()
    assert " style=" not in text
    assert " onclick=" not in text and " onload=" not in text
    for chunk in text.split("<script")[1:]:
        tag = chunk.split(">", 1)[0]
        assert (
            "src=" in tag or 'type="application/ld+json"' in tag or "json_script" in chunk[:200]
        ), template


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"), [("ja", "ページが見つかりません"), ("en", "Page not found")]
)
def test_not_found_page_speaks_the_visitors_language(client, language, text):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_japanese_catalogues_are_complete_and_compiled(catalogue):
    po = polib.pofile(str(catalogue))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"untranslated in {catalogue}: {untranslated}"
    assert not fuzzy, f"fuzzy in {catalogue}: {fuzzy}"
    compiled = catalogue.with_suffix(".mo")
    assert compiled.exists()
    mo = polib.mofile(str(compiled))
    compiled_texts = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in mo}
    stale = [
        e.msgid
        for e in po.translated_entries()
        if compiled_texts.get((e.msgctxt, e.msgid)) != (e.msgstr or e.msgstr_plural)
    ]
    assert not stale, f"run msgfmt, the .mo file is stale: {stale[:5]}"


def test_every_interface_string_is_in_a_catalogue(tmp_path):
    """Fails when a new gettext string was added without updating the Japanese catalogues."""
    if not shutil.which("xgettext"):
        if os.environ.get("CI") == "true":
            pytest.fail("gettext tools are required on CI")
        pytest.skip("gettext tools are not installed")
    copy = tmp_path / "repo"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "media", "staticfiles", "node_modules", "*.sqlite3"
        ),
    )
    known = set()
    for catalogue in CATALOGUES:
        known |= {entry.msgid for entry in polib.pofile(str(catalogue))}
    env = {"DJANGO_SETTINGS_MODULE": "linkj.settings.test"}
    result = manage(
        "makemessages", "-l", "ja", "--no-location", "-i", "tests/*", "-i", ".venv/*",
        env_overrides=env, cwd=copy,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    fresh = polib.pofile(str(copy / "locale/ja/LC_MESSAGES/django.po"))
    missing = sorted(entry.msgid for entry in fresh if entry.msgid not in known)
    assert not missing, f"strings with no Japanese translation yet: {missing}"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ja", "en"])
def test_home_page_renders_in_each_language(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    text = response.content.decode()
    assert f'<html lang="{language}">' in text
    if language == "ja":
        assert "ライフサイエンス・イノベーション・ネットワーク・ジャパン" in text
        assert "Skip to main content" not in text
