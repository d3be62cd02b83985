"""The apps are layered: each may import only the layers below it.

    linkj (the project package: shared pieces) < library, partners, members, pages, contact,
        newsletter
        < news < events
        < registrations, bookings < search < scale (the synthetic-data tool)

A lower app shows what upper apps add through linkj/extensions.py, never by importing them.
An app missing from LAYERS fails the test, so every new app is placed deliberately.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {
    "linkj": 0,
    "partners": 1,
    # The media library: partners, news and events point to it with ForeignKeys named as
    # strings ("library.Image") and tell it which uses are live through linkj/extensions.py.
    "library": 1,
    "news": 2,
    "events": 3,
    # Members, standing pages, the contact form and the newsletter stand beside the content:
    # they need only linkj.
    "members": 1,
    "pages": 1,
    "contact": 1,
    "newsletter": 1,
    # Registrations and lounge bookings are about events and members.
    "registrations": 4,
    "bookings": 4,
    # Site search reads partners, releases and events.
    "search": 5,
    # Tools above every content app.
    "scale": 9,
}
APPS = sorted(path.parent.name for path in ROOT.glob("*/apps.py"))


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_every_app_has_a_layer():
    assert set(APPS) <= set(LAYERS), f"place these apps in LAYERS: {set(APPS) - set(LAYERS)}"


@pytest.mark.parametrize("app", APPS)
def test_an_app_imports_only_the_layers_below_it(app):
    level = LAYERS[app]
    offences = []
    for path in sorted((ROOT / app).rglob("*.py")):
        for root in imported_roots(path) & set(LAYERS):
            if root != app and LAYERS[root] >= level:
                offences.append(f"{path.relative_to(ROOT)} imports {root}")
    assert not offences, offences


def test_the_check_sees_an_upward_import(tmp_path):
    sample = tmp_path / "views.py"
    sample.write_text("from news.models import Release\nimport events.ics\n")
    assert imported_roots(sample) == {"news", "events"}
