"""Who may see a partner's logo (see linkj.media)."""

from __future__ import annotations

import datetime

from linkj.media import Visibility

from .models import Partner


def logo_visibility(name: str, now: datetime.datetime) -> Visibility | None:
    # Public exactly when the partner is: PartnerQuerySet.live() is `is_disclosed`.
    owners = Partner.objects.filter(logo=name).values_list("is_disclosed", flat=True)
    return Visibility.combine((disclosed, None) for disclosed in owners)


def live_logo_uses(queryset, now: datetime.datetime):
    """Partners whose chosen library logo visitors see: the disclosed ones."""
    return queryset.live()
