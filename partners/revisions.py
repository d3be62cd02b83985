"""What a partner's revision holds, and how a restored partner waits for a publisher.

A partner's revision holds its former names and its agreements with their signatories and
scope links; an agreement's own revision holds its signatories. Restoring either leaves the
partner's name undisclosed (its page and name hidden) until a publisher discloses it again.
"""

from __future__ import annotations

from linkj import revisions

from .models import Agreement, FormerName, Partner, Signatory

PUBLISHING_FIELDS = ("is_disclosed",)


def register() -> None:
    revisions.register(Signatory)
    revisions.register(FormerName)
    revisions.register(Agreement, follow=["signatories"])
    revisions.register(Partner, follow=["former_names", "agreements"])


def unpublish_partner(partner: Partner) -> None:
    partner.is_disclosed = False


def unpublish_agreement(agreement: Agreement) -> None:
    # The agreement shows on its partner's page: the page waits for a publisher too.
    Partner.objects.filter(pk=agreement.partner_id).update(is_disclosed=False)


def restore(*, version, user):
    if version._model is Agreement:
        return revisions.restore(version=version, user=user, unpublish=unpublish_agreement)
    return revisions.restore(
        version=version, user=user, keep=PUBLISHING_FIELDS, unpublish=unpublish_partner
    )
