"""A demo member organisation and a person who belongs to it, with a confirmed address.

The person signs in on the public site as member@example.org. A password is set only in a
local demo (DEBUG on), as for the back-office demo accounts; elsewhere the account has none.
Idempotent: a second run changes nothing.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model

from linkj.demo import sync

from .models import Organisation, OrganisationKind, Person

DEMO_EMAIL = "member@example.org"
DEMO_PASSWORD = "linkj-demo-2026"

ORGANISATIONS = [
    {
        "name_ja": "【サンプル】みなと創薬株式会社",
        "name_en": "Example: Minato Drug Discovery Inc.",
        "reading": "みなとそうやく",
        "kind": OrganisationKind.SPECIAL_A,
        "listed": True,
        "website": "",
    },
    {
        "name_ja": "【サンプル】さくらバイオ研究所",
        "name_en": "Example: Sakura Bio Institute",
        "reading": "さくらばいおけんきゅうじょ",
        "kind": OrganisationKind.REGULAR,
        "listed": True,
        "website": "",
    },
]


def load(stdout) -> int:
    changes = 0
    organisations = []
    for values in ORGANISATIONS:
        lookup = {"reading": values["reading"]}
        values = {key: value for key, value in values.items() if key != "reading"}
        organisation, changed = sync(Organisation, lookup, values)
        organisations.append(organisation)
        changes += changed
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username="member", defaults={"email": DEMO_EMAIL, "is_staff": False}
    )
    if created or (settings.DEBUG and not user.has_usable_password()):
        if settings.DEBUG:
            user.set_password(DEMO_PASSWORD)
        else:
            user.set_unusable_password()
        user.save()
        changes += 1
    _address, created = EmailAddress.objects.get_or_create(
        user=user, email=DEMO_EMAIL, defaults={"verified": True, "primary": True}
    )
    changes += created
    _person, changed = sync(
        Person, {"user": user}, {"name": "会員 デモ", "organisation": organisations[0]}
    )
    return changes + changed
