"""What every credential of one specification version by one issuer shares, prepared once.

An ``IssuingContext`` checks that the organisation may issue the version at all, decrypts the
signing key once, reads the achievement and the industry body's signed approval of it, and
finds the accreditation that covers each award date. Building a credential is then only the
learner's part and one signature, which is what makes bulk issuing fast.

``validFrom`` of an award dated today is the moment of issuing; an award dated earlier (learning
finished before the credential was issued) is valid from that date at 00:00 UTC.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from django.utils import timezone

from meritpass.accounts.models import Organisation
from meritpass.catalog.models import Approval, SpecificationVersion
from meritpass.catalog.services import can_issue
from meritpass.core.credentials import ob3
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.messages import Message
from meritpass.core.vocabularies import isced_f
from meritpass.issuing import status_lists
from meritpass.issuing.errors import IssuingError
from meritpass.issuing.models import StatusList
from meritpass.issuing.signing import Item, Shared, SigningPool, sign_items
from meritpass.issuing.validation import LearnerInput, Rules
from meritpass.registry.keys import current_key, private_key, verification_method
from meritpass.registry.models import Accreditation
from meritpass.registry.signing import organisation_profile

__all__ = ["IssuingContext", "valid_from"]

logger = logging.getLogger(__name__)

#: Bytes of randomness in the salt of the learner's hashed email.
SALT_BYTES = 16


def valid_from(awarded_on: date, *, now: datetime) -> datetime:
    """Return when an award dated ``awarded_on`` becomes valid (see the module docstring)."""
    if awarded_on >= timezone.localdate(now):
        return now.astimezone(UTC).replace(microsecond=0)
    return datetime.combine(awarded_on, time(0, 0), tzinfo=UTC)


@dataclass
class IssuingContext:
    """One organisation issuing one specification version: its key, achievement and scope."""

    organisation: Organisation
    version: SpecificationVersion
    rules: Rules
    shared: Shared
    key: Ed25519Multikey = field(repr=False)
    profiles: dict[int, ob3.Profile] = field(default_factory=dict)
    _accreditations: dict[date, Accreditation | None] = field(default_factory=dict)

    @classmethod
    def prepare(cls, organisation: Organisation, version: SpecificationVersion) -> IssuingContext:
        """Return the context, or raise ``IssuingError`` if ``organisation`` may not issue it."""
        _check_issuable(organisation, version)
        approval = Approval.objects.filter(version=version).first()
        if approval is None or not version.achievement:
            raise IssuingError(
                "issuing.not_approved",
                field="version",
                number=version.number,
                title=_title(version),
            )
        row = current_key(organisation)
        key = private_key(row)  # decrypted once for the whole job, kept in memory only
        shared = Shared(
            secret_key=key.export_secret_key_multibase(),
            verification_method=verification_method(row),
            achievement=version.achievement,
            approval=json.loads(approval.credential),
        )
        return cls(
            organisation=organisation,
            version=version,
            rules=Rules.for_version(version),
            shared=shared,
            key=key,
        )

    @property
    def language(self) -> str:
        """Return the language of the credentials: the specification's primary language."""
        language = (self.version.content or {}).get("language")
        return language if language in {"sv", "en"} else "sv"

    def scope_errors(self, awarded_on: date, *, now: datetime) -> list[IssuingError]:
        """Return an error unless an accreditation covers this version on ``awarded_on``."""
        if self.accreditation(awarded_on, now=now) is not None:
            return []
        return [
            IssuingError(
                "issuing.not_accredited",
                field="date",
                value=awarded_on.isoformat(),
                organisation=_name(self.organisation),
                level=self.version.eqf_level,
                field_code=self.version.field_of_education,
            )
        ]

    def accreditation(self, awarded_on: date, *, now: datetime) -> Accreditation | None:
        """Return the newest accreditation covering this version's level and field on
        ``awarded_on`` that has not been withdrawn: a withdrawn provider issues nothing more,
        not even backdated awards."""
        if awarded_on not in self._accreditations:
            at = valid_from(awarded_on, now=now)
            candidates = Accreditation.objects.filter(
                provider=self.organisation,
                valid_from__lte=at,
                valid_until__gt=at,
                withdrawn_at__isnull=True,
            ).order_by("-valid_from", "-created_at")
            covering = (found for found in candidates if self._covers(found))
            self._accreditations[awarded_on] = next(covering, None)
        return self._accreditations[awarded_on]

    def item(
        self,
        *,
        award_id: str,
        learner: LearnerInput,
        revocation: tuple[StatusList, int],
        suspension: tuple[StatusList, int],
        now: datetime,
    ) -> Item:
        """Return what signing one learner's credential needs; its issuer is in ``profiles``."""
        accreditation = self.accreditation(learner.awarded_on, now=now)
        if accreditation is None:
            raise self.scope_errors(learner.awarded_on, now=now)[0]
        if accreditation.pk not in self.profiles:
            self.profiles[accreditation.pk] = self._profile(accreditation)
        return Item(
            award_id=award_id,
            issuer=accreditation.pk,
            learner=ob3.Learner(
                name=learner.name,
                email=learner.email,
                did=learner.did,
                salt=secrets.token_hex(SALT_BYTES),
            ),
            valid_from=valid_from(learner.awarded_on, now=now),
            status=(status_lists.entry(*revocation), status_lists.entry(*suspension)),
            grade=learner.grade,
        )

    def sign(
        self, items: Sequence[Item], *, now: datetime, pool: SigningPool | None = None
    ) -> list[str]:
        """Return the signed credentials of ``items`` (in worker processes with ``pool``)."""
        if pool is not None:
            try:
                return pool.sign(self.profiles, items, now)
            except BrokenProcessPool:
                logger.warning("A signing worker stopped; this chunk is signed in the job itself")
        return sign_items(self.shared, self.key, self.profiles, items, now)

    def credential(
        self,
        *,
        award_id: str,
        learner: LearnerInput,
        revocation: tuple[StatusList, int],
        suspension: tuple[StatusList, int],
        now: datetime,
    ) -> str:
        """Return the signed Open Badges 3.0 credential of one learner, as stored."""
        item = self.item(
            award_id=award_id,
            learner=learner,
            revocation=revocation,
            suspension=suspension,
            now=now,
        )
        return self.sign([item], now=now)[0]

    def _profile(self, accreditation: Accreditation) -> ob3.Profile:
        return organisation_profile(
            self.organisation, self.language, endorsements=(json.loads(accreditation.credential),)
        )

    def _covers(self, accreditation: Accreditation) -> bool:
        level = self.version.eqf_level
        code = self.version.field_of_education
        fields = [str(item) for item in accreditation.fields_of_education]
        return level in accreditation.eqf_levels and any(isced_f.covers(f, code) for f in fields)


def _check_issuable(organisation: Organisation, version: SpecificationVersion) -> None:
    if version.status != SpecificationVersion.Status.PUBLISHED:
        raise IssuingError(
            "issuing.not_published", field="version", number=version.number, title=_title(version)
        )
    if not can_issue(organisation, version):
        raise IssuingError(
            "issuing.cannot_issue",
            field="version",
            organisation=_name(organisation),
            title=_title(version),
        )


def _title(version: SpecificationVersion) -> Message:
    return Message(en=version.title("en"), sv=version.title("sv"))


def _name(organisation: Organisation) -> Message:
    return Message(en=organisation.name("en"), sv=organisation.name("sv"))
