from django import template

register = template.Library()


@register.inclusion_tag("events/includes/upcoming_events.html")
def upcoming_events(count: int = 3) -> dict:
    return {"events": []}
