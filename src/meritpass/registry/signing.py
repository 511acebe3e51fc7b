"""Sign documents as an organisation, with its current key from the key store."""

from __future__ import annotations

from datetime import datetime

from meritpass.accounts.models import Organisation
from meritpass.core.credentials.ob3 import Profile
from meritpass.core.documents import JsonObject
from meritpass.core.proofs import data_integrity
from meritpass.core.proofs.suites import eddsa_rdfc_2022
from meritpass.registry.dids import organisation_did
from meritpass.registry.keys import current_key, private_key, verification_method

__all__ = ["Signer", "organisation_profile", "sign_as", "signer_for"]


class Signer:
    """An organisation's signing key, decrypted once, for signing many documents (bulk work)."""

    def __init__(self, organisation: Organisation) -> None:
        self.organisation = organisation
        row = current_key(organisation)
        self.did = organisation_did(organisation)
        self.verification_method = verification_method(row)
        self._key = private_key(row)

    def sign(
        self, document: JsonObject, *, now: datetime, suite: str = eddsa_rdfc_2022.NAME
    ) -> JsonObject:
        """Return ``document`` with a Data Integrity proof by this organisation."""
        return data_integrity.sign(
            document,
            key=self._key,
            verification_method=self.verification_method,
            suite=suite,
            created=now,
        )

    def profile(self, language: str, *, endorsements: tuple[JsonObject, ...] = ()) -> Profile:
        """Return the organisation as an Open Badges issuer profile in ``language``."""
        return organisation_profile(self.organisation, language, endorsements=endorsements)

    def __repr__(self) -> str:
        return f"Signer({self.verification_method!r})"


def organisation_profile(
    organisation: Organisation, language: str, *, endorsements: tuple[JsonObject, ...] = ()
) -> Profile:
    """Return ``organisation`` as an Open Badges profile in ``language``: its DID, name, web
    site and address, with the signed ``endorsements`` it carries (accreditation, recognition)."""
    return Profile(
        id=organisation_did(organisation),
        name=organisation.name(language),
        url=organisation.homepage or None,
        country_code=organisation.country_code,
        region=organisation.region or None,
        endorsements=endorsements,
    )


def signer_for(organisation: Organisation) -> Signer:
    """Return a signer for ``organisation`` (creating its first key if needed)."""
    return Signer(organisation)


def sign_as(organisation: Organisation, document: JsonObject, *, now: datetime) -> JsonObject:
    """Return ``document`` signed by ``organisation`` with eddsa-rdfc-2022."""
    return signer_for(organisation).sign(document, now=now)
