"""Build the Open Badges achievement of a version and the industry body's approval credential.

The identifiers are URLs of this platform that serve the documents themselves
(``catalog_public``): ``<public url>/specifications/<uuid>/versions/<n>`` for the achievement and
the same followed by ``/approval`` for the approval credential.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.conf import settings

from meritpass.accounts.models import Organisation
from meritpass.catalog import content as spec_content
from meritpass.catalog.models import SpecificationVersion
from meritpass.core.credentials import endorsements, ob3
from meritpass.core.credentials.microcredential import Specification
from meritpass.core.documents import JsonObject
from meritpass.registry.models import Recognition
from meritpass.registry.signing import signer_for
from meritpass.taxonomy.models import Concept


def achievement_id(version: SpecificationVersion) -> str:
    """Return the achievement's id: the URL at which this platform serves it."""
    specification = version.specification
    return (
        f"{settings.MERITPASS_PUBLIC_URL}/specifications/{specification.uuid}"
        f"/versions/{version.number}"
    )


def approval_id(version: SpecificationVersion) -> str:
    """Return the approval credential's id: the URL at which this platform serves it."""
    return f"{achievement_id(version)}/approval"


def skill_labels(uris: list[str], language: str) -> dict[str, str]:
    """Return the ESCO label of each skill URI in ``language`` (English where Swedish lacks)."""
    concepts = Concept.objects.filter(uri__in=uris)
    return {concept.uri: concept.label(language)[0] for concept in concepts}


def build_achievement(version: SpecificationVersion, specification: Specification) -> JsonObject:
    """Return the OB3 achievement of ``version`` in its primary language, its owner as creator."""
    content: Mapping[str, Any] = version.content
    language = spec_content.language(content)
    owner = version.specification.owner
    return ob3.achievement(
        specification,
        id=achievement_id(version),
        creator=signer_for(owner).profile(language),
        language=language,
        skill_labels=skill_labels(spec_content.skill_uris(content), language),
    )


def signed_approval(
    version: SpecificationVersion,
    industry_body: Organisation,
    recognition: Recognition,
    *,
    comment: str,
    now: datetime,
) -> JsonObject:
    """Return the approval credential of ``version``, signed by ``industry_body``.

    The body's profile carries its recognition credential, so a verifier can follow the chain to
    the authority without asking this platform.
    """
    assert version.achievement is not None
    language = spec_content.language(version.content)
    signer = signer_for(industry_body)
    profile = signer.profile(language, endorsements=(json.loads(recognition.credential),))
    unsigned = endorsements.approval_credential(
        id=approval_id(version),
        industry_body=profile,
        achievement=version.achievement,
        comment=comment,
        valid_from=now,
    )
    return signer.sign(unsigned, now=now)


def serialise(document: JsonObject) -> str:
    """Return ``document`` as the compact JSON text that is stored and served byte for byte."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))
