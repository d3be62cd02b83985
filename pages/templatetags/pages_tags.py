from __future__ import annotations

from django import template

from pages.navigation import menus

register = template.Library()


@register.simple_tag
def site_menus() -> dict[str, list[dict]]:
    """`{% site_menus as menus %}`: the header and footer links to standing pages."""
    return menus()
