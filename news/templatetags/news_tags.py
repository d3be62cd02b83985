from django import template

register = template.Library()


@register.inclusion_tag("news/includes/latest_releases.html")
def latest_releases(count: int = 4) -> dict:
    return {"releases": []}
