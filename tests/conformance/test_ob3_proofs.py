"""The Open Badges 3.0 and CLR 2.0 eddsa-rdfc-2022 test vectors (1EdTech, see ob3/SOURCE.md).

The 1EdTech vectors sign with a Multikey controlled by ``https://example.edu/issuers/565049``,
an HTTPS controller document rather than a DID. The resolver is given that controller document,
built from the vector's own ``multikey_*`` values, so the controller check runs with the issuer as
the expected controller. The CLR vector needs the CLR 2.0.1 context, which is not bundled; the test
serves the copy in the 1EdTech validator fixtures.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from meritpass.core.did.resolver import StandardResolver
from meritpass.core.jsonld.loader import DocumentLoader, bundled_loader, loader_with
from meritpass.core.keys import multibase
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.limits import DEFAULT_LIMITS
from meritpass.core.proofs import data_integrity

OB3 = Path(__file__).parents[1] / "data/standards/ob3"
IMPL = OB3 / "1EdTech-openbadges-specification/ob_v3p0/impl"
CLR_CONTEXT = (
    OB3 / "1EdTech-digital-credentials-public-validator/inspector-vc/src/main/resources/contexts"
    "/clr-v2p0-2.0.1.json"
)
CREATED = datetime(2010, 1, 1, 19, 23, 24, tzinfo=UTC)
NOW = datetime(2025, 6, 1, tzinfo=UTC)
Json = dict[str, Any]


def load_vector(name: str) -> Json:
    value: Json = json.loads((IMPL / "test-vectors-extracted" / name).read_text("utf-8"))
    return value


@pytest.fixture(
    params=["obv3p0-eddsa-rdfc-2022.json", "clrv2p0-eddsa-rdfc-2022.json"], ids=["ob", "clr"]
)
def vector(request: pytest.FixtureRequest) -> Json:
    return load_vector(request.param)


def loader() -> DocumentLoader:
    context = json.loads(CLR_CONTEXT.read_text("utf-8"))
    return loader_with({"https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": context})


def canonical(vector: Json, name: str) -> str:
    path: Path = IMPL / "test-vectors-extracted" / vector[name]
    return path.resolve().read_text("utf-8")


def key(vector: Json) -> Ed25519Multikey:
    return Ed25519Multikey.from_secret_key_multibase(vector["multikey_secretKeyMultibase"])


def resolver(vector: Json) -> StandardResolver:
    controller = vector["multikey_controller"]
    document = {
        "id": controller,
        "verificationMethod": [key(vector).to_verification_method(controller)],
        "assertionMethod": [vector["multikey_id"]],
    }
    return StandardResolver(documents=[document])


def proofs(document: Json) -> list[Json]:
    value = document["proof"]
    return value if isinstance(value, list) else [value]


def test_the_key_material(vector: Json) -> None:
    pair = key(vector)
    assert pair.public_key.hex() == vector["publicKeyHex"]
    assert pair.public_key_multibase == vector["multikey_publicKeyMultibase"]
    seed = multibase.decode(pair.export_secret_key_multibase())[2:]
    assert vector["privateKeyHex"] == (seed + pair.public_key).hex()
    assert vector["multikey_id"] == f"{vector['multikey_controller']}#{pair.public_key_multibase}"


def test_every_intermediate_value(vector: Json) -> None:
    suite = data_integrity.SUITES["eddsa-rdfc-2022"]
    (proof,) = proofs(vector["signedCredential"])
    options = {name: value for name, value in proof.items() if name != "proofValue"}
    forms = suite.signing_forms(vector["unsignedCredential"], options, loader(), DEFAULT_LIMITS)
    assert forms.document.decode("utf-8") == canonical(vector, "canonicalDocumentFile")
    assert forms.proof_configuration.decode("utf-8") == canonical(vector, "canonicalProofFile")
    assert forms.document_hash.hex() == vector["documentHashHex"]
    assert hashlib.sha256(forms.proof_configuration).hexdigest() == vector["proofHashHex"]
    assert forms.hash_data.hex() == vector["dataToSignHex"]
    signature = key(vector).sign(forms.hash_data)
    assert signature.hex() == vector["signatureHex"]
    assert multibase.encode(signature) == vector["proofValue"] == proof["proofValue"]


def test_signing_reproduces_the_signed_credential(vector: Json) -> None:
    secured = data_integrity.sign(
        vector["unsignedCredential"],
        key=key(vector),
        verification_method=vector["multikey_id"],
        created=CREATED,
        loader=loader(),
    )
    expected = vector["signedCredential"]
    # The CLR vector writes its one proof as a one-element array; the content is the same.
    assert proofs(secured) == proofs(expected)
    assert {k: v for k, v in secured.items() if k != "proof"} == vector["unsignedCredential"]
    assert {k: v for k, v in expected.items() if k != "proof"} == vector["unsignedCredential"]


def test_the_signed_credential_verifies_with_the_issuer_as_controller(vector: Json) -> None:
    credential = vector["signedCredential"]
    result = data_integrity.verify(
        credential,
        resolver=resolver(vector),
        now=NOW,
        loader=loader(),
        expected_controller=credential["issuer"]["id"],
    )
    assert result.verified
    (proof,) = result
    assert proof.controller == "https://example.edu/issuers/565049"


def test_a_changed_achievement_fails(vector: Json) -> None:
    credential = json.loads(json.dumps(vector["signedCredential"]))
    credential["name"] = credential["name"] + "!"
    result = data_integrity.verify(credential, resolver=resolver(vector), now=NOW, loader=loader())
    assert [item.code for item in result] == ["proof.invalid_signature"]


def test_the_clr_context_is_not_fetched_when_missing() -> None:
    credential = load_vector("clrv2p0-eddsa-rdfc-2022.json")["signedCredential"]
    result = data_integrity.verify(
        credential,
        resolver=resolver(load_vector("clrv2p0-eddsa-rdfc-2022.json")),
        now=NOW,
        loader=bundled_loader,
    )
    assert [item.code for item in result] == ["jsonld.unknown_context"]
