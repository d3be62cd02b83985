"""Static assets: every stylesheet is CSS, generated ones are current."""

import subprocess
import sys
from pathlib import Path

import pytest
import tinycss2
from django.conf import settings

STATIC = Path(settings.BASE_DIR) / "static"
STYLESHEETS = sorted(STATIC.rglob("*.css"))


def parse_errors(path: Path) -> list[str]:
    rules = tinycss2.parse_stylesheet(
        path.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True
    )
    errors = [rule.message for rule in rules if rule.type == "error"]
    for rule in rules:
        if rule.type == "qualified-rule":
            for item in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True):
                if item.type == "error":
                    errors.append(item.message)
    return errors


def test_the_project_has_stylesheets():
    assert STATIC / "news" / "prose-editor-base.css" in STYLESHEETS
    assert len(STYLESHEETS) >= 4


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: str(p.relative_to(STATIC)))
def test_every_stylesheet_parses_as_css(path):
    assert parse_errors(path) == []


def test_javascript_in_a_stylesheet_is_caught(tmp_path):
    wrong = tmp_path / "wrong.css"
    wrong.write_text("var r={};r.d=(e,t,n)=>{var i=(t,n)=>{for(var i in t)r.o(t,i)}};")
    assert parse_errors(wrong)


def test_the_editor_base_css_is_what_the_build_script_makes():
    script = Path(settings.BASE_DIR) / "scripts" / "build_editor_css.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True)
    assert result.returncode == 0, result.stderr.decode()
    css = (STATIC / "news" / "prose-editor-base.css").read_text()
    assert ".ProseMirror-hideselection" in css


def test_change_list_titles_keep_a_readable_width():
    rules = tinycss2.parse_stylesheet((STATIC / "css" / "admin.css").read_text(), True, True)
    widths = {}
    for rule in rules:
        if rule.type != "qualified-rule":
            continue
        selector = tinycss2.serialize(rule.prelude)
        for declaration in tinycss2.parse_blocks_contents(rule.content, True, True):
            if declaration.type == "declaration" and declaration.lower_name == "min-width":
                widths[selector] = tinycss2.serialize(declaration.value).strip()
    # Row header (th) and cell (td) alike: the title is the first, linked column.
    title_rules = [selector for selector in widths if "#result_list .field-title" in selector]
    assert title_rules and widths[title_rules[0]] == "16em"
