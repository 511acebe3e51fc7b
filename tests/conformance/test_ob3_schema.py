"""What Meritpass builds passes the official Open Badges 3.0 JSON Schemas (1EdTech).

The schemas are the ones purl.imsglobal.org serves (the "JSON-LD Schema adaptation", draft
2019-09), copied from conform-ed (see ob3/SOURCE.md §2). They check the OB 3.0 shape only; the
EU elements travel in the Meritpass context, which the schemas allow as additional properties.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from meritpass.core.credentials.ob3 import Learner
from meritpass.core.documents import JsonObject
from meritpass.core.status.credential import status_list_entry
from tests.factories import STATUS_URL, TrustChain, trust_chain

SCHEMAS = (
    Path(__file__).parents[1]
    / "data/standards/ob3/conform-ed-vendored/packages/coverage/vendor/open-badges/v3_0"
)


def validator(name: str) -> Any:
    schema = json.loads((SCHEMAS / f"ob_v3p0_{name}_schema.json").read_text("utf-8"))
    return jsonschema.Draft201909Validator(schema)


def errors(name: str, document: JsonObject) -> list[str]:
    found = validator(name).iter_errors(document)
    return [f"{list(error.absolute_path)}: {error.message[:200]}" for error in found]


@pytest.fixture(scope="module")
def chain() -> TrustChain:
    return trust_chain()


def test_the_signed_micro_credential_is_a_valid_achievement_credential(chain: TrustChain) -> None:
    assert errors("achievementcredential", chain.signed_credential()) == []


def test_an_ungraded_credential_without_a_did_is_valid_too(chain: TrustChain) -> None:
    learner = Learner(name="Alva Lindqvist", email="alva@example.se", salt="x")
    credential = chain.signed_credential(learner=learner, grade=None, status=[])
    assert errors("achievementcredential", credential) == []


@pytest.mark.parametrize("name", ["accreditation", "recognition", "approval"])
def test_each_endorsement_is_a_valid_endorsement_credential(chain: TrustChain, name: str) -> None:
    assert errors("endorsementcredential", getattr(chain, name)) == []


def test_the_schema_accepts_only_one_status_entry(chain: TrustChain) -> None:
    """OB 3.0 allows one credentialStatus; VC 2.0 allows several (see ob3.open_badge_credential)."""
    entries = [
        status_list_entry(
            status_list_credential=STATUS_URL, status_list_index=index, status_purpose=purpose
        )
        for index, purpose in ((1, "revocation"), (2, "suspension"))
    ]
    found = errors("achievementcredential", chain.credential(status=entries))
    assert [message.split(":")[0] for message in found] == ["['credentialStatus']"]
