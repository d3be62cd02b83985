"""Who may see a partner's logo (see linkj.media)."""

from __future__ import annotations

import datetime

from linkj.media import Visibility

from .models import Partner


def logo_visibility(name: str, now: datetime.datetime) -> Visibility | None:
    # Public exactly when the partner is: PartnerQuerySet.public() is `is_disclosed`.
    owners = Partner.objects.filter(logo=name).values_list("is_disclosed", flat=True)
    return Visibility.combine((disclosed, None) for disclosed in owners)


def may_preview(user) -> bool:
    """Staff who may look at partners in the admin (view or change, as the admin reads it) see
    undisclosed partners' logos there."""
    return bool(
        user.is_active
        and user.is_staff
        and (user.has_perm("partners.view_partner") or user.has_perm("partners.change_partner"))
    )


def live_logo_uses(queryset, now: datetime.datetime):
    """Partners whose chosen library logo visitors see: the disclosed ones."""
    return queryset.public()
