"""The ``meritpass`` command as a person uses it: files in, one clear line or a report out."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from meritpass.cli import main
from meritpass.core.status.credential import status_list_entry
from tests.factories import trust_chain, typical_credential

STATUS_URL = "https://meritpass.example/status/7"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(path: Path, value: Any) -> str:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.fixture
def key_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "key.json"
    assert run(capsys, "keys", "new", "-o", str(path))[0] == 0
    return path


def credential_for(key_file: Path, *, status: bool = False) -> dict[str, Any]:
    document = typical_credential()
    document["issuer"]["id"] = json.loads(key_file.read_text())["controller"]  # type: ignore[index]
    document.pop("credentialStatus")
    if status:
        document["credentialStatus"] = status_list_entry(
            status_list_credential=STATUS_URL, status_list_index=4711, status_purpose="revocation"
        )
    return document


def test_keys_new_writes_a_private_key_file(key_file: Path) -> None:
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = json.loads(key_file.read_text())
    assert key["controller"].startswith("did:key:z6Mk")
    assert key["id"] == f"{key['controller']}#{key['controller'].removeprefix('did:key:')}"
    assert key["secretKeyMultibase"].startswith("z3u2")


@pytest.mark.parametrize("suite", ["rdfc", "jcs"])
def test_sign_then_verify(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str], suite: str
) -> None:
    unsigned = write(tmp_path / "unsigned.json", credential_for(key_file))
    signed = tmp_path / "signed.json"
    code, _, err = run(
        capsys, "vc", "sign", unsigned, "--key", str(key_file), "--suite", suite, "-o", str(signed)
    )
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "vc", "verify", str(signed))
    assert code == 0
    assert out.splitlines()[-1] == "VERIFIED"
    assert "✓ proof: The proof is valid" in out

    code, out, _ = run(capsys, "--lang", "sv", "vc", "verify", str(signed))
    assert code == 0
    assert out.splitlines()[-1] == "VERIFIERAT"
    assert "✓ proof: Beviset är giltigt" in out


def test_a_changed_credential_is_not_verified(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unsigned = write(tmp_path / "unsigned.json", credential_for(key_file))
    signed = tmp_path / "signed.json"
    run(capsys, "vc", "sign", unsigned, "--key", str(key_file), "-o", str(signed))
    document = json.loads(signed.read_text())
    document["name"] = "Något annat"
    code, out, _ = run(capsys, "vc", "verify", write(tmp_path / "changed.json", document), "--json")
    report = json.loads(out)
    assert code == 1
    assert report["verified"] is False
    assert {
        "check": "proof",
        "outcome": "failed",
        "code": "proof.invalid_signature",
    }.items() <= report["checks"][1].items()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "The document is not valid JSON"),
        (b'{"id": 1, "id": 2}', "The key “id” appears twice in one object."),
        (b"\xc3\x28", "The document is not valid UTF-8 (byte 0)."),
        (b'{"n": 1e400}', "The number 1e400 cannot be represented exactly."),
        (b"[" * 5000 + b"]" * 5000, "The document is nested deeper than 64 levels."),
        (
            json.dumps(
                {
                    "@context": [
                        "https://www.w3.org/ns/credentials/v2",
                        "https://unknown.example/ctx",
                    ],
                    "type": ["VerifiableCredential"],
                    "issuer": "did:example:1",
                    "credentialSubject": {"id": "did:example:2"},
                }
            ).encode(),
            "The context https://unknown.example/ctx is not known to this service",
        ),
    ],
)
def test_unusable_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    path = tmp_path / "input.json"
    path.write_bytes(content)
    code, out, err = run(capsys, "vc", "verify", str(path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"meritpass: {path}: {expected}")


def test_a_file_over_the_size_limit_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b'{"x": "' + b"a" * 1_100_000 + b'"}')
    code, _, err = run(capsys, "--lang", "sv", "vc", "verify", str(path))
    assert code == 2
    assert "Dokumentet är 1100009 byte; gränsen är 1000000 byte." in err


def test_the_size_limit_is_configurable(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signed = tmp_path / "signed.json"
    unsigned = write(tmp_path / "unsigned.json", credential_for(key_file))
    run(capsys, "vc", "sign", unsigned, "--key", str(key_file), "-o", str(signed))
    code, _, err = run(capsys, "vc", "verify", str(signed), "--max-bytes", "1000")
    assert code == 2
    assert "the limit is 1000 bytes" in err
    assert run(capsys, "vc", "verify", str(signed), "--max-bytes", "5000")[0] == 0


@pytest.mark.parametrize("option", ["--now", "--created"])
def test_a_bad_date_names_its_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, option: str
) -> None:
    command = ["vc", "verify"] if option == "--now" else ["vc", "sign", "--key", "k.json"]
    with pytest.raises(SystemExit) as exited:
        main([*command, str(tmp_path / "x.json"), option, "garbage"])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert f"argument {option}: 'garbage' is not a date and time with a time zone" in error


def test_a_missing_file_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "vc", "verify", str(tmp_path / "nope.json"))
    assert code == 2
    assert err.startswith(f"meritpass: cannot read {tmp_path / 'nope.json'}")


def test_a_key_file_without_a_secret_cannot_sign(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    public = {
        k: v for k, v in json.loads(key_file.read_text()).items() if k != "secretKeyMultibase"
    }
    unsigned = write(tmp_path / "unsigned.json", credential_for(key_file))
    code, _, err = run(
        capsys, "vc", "sign", unsigned, "--key", write(tmp_path / "public.json", public)
    )
    assert code == 2
    assert "is not a key file made by `meritpass keys new`" in err


def test_signing_for_another_issuer_warns(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = credential_for(key_file)
    document["issuer"]["id"] = "did:web:someone.example"
    code, _, err = run(
        capsys, "vc", "sign", write(tmp_path / "u.json", document), "--key", str(key_file)
    )
    assert code == 0
    assert "warning: the issuer did:web:someone.example does not control this key" in err


def test_revocation_through_a_status_list(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status_list = tmp_path / "list.json"
    code, _, _ = run(
        capsys,
        "vc",
        "status",
        "new",
        "--id",
        STATUS_URL,
        "--key",
        str(key_file),
        "-o",
        str(status_list),
    )
    assert code == 0
    unsigned = write(tmp_path / "unsigned.json", credential_for(key_file, status=True))
    signed = tmp_path / "signed.json"
    run(capsys, "vc", "sign", unsigned, "--key", str(key_file), "-o", str(signed))

    assert run(capsys, "vc", "verify", str(signed))[0] == 1  # status unknown without the list
    code, out, _ = run(capsys, "vc", "verify", str(signed), "--status-list", str(status_list))
    assert code == 0, out
    assert run(capsys, "vc", "status", "check", str(signed), "--list", str(status_list))[0] == 0

    revoked = tmp_path / "revoked.json"
    code, _, _ = run(
        capsys,
        "vc",
        "status",
        "set",
        str(status_list),
        "--index",
        "4711",
        "--key",
        str(key_file),
        "-o",
        str(revoked),
    )
    assert code == 0
    code, out, _ = run(capsys, "vc", "verify", str(signed), "--status-list", str(revoked))
    assert code == 1
    assert "✗ status:" in out
    code, out, _ = run(capsys, "vc", "status", "check", str(signed), "--list", str(revoked))
    assert code == 1
    assert "revoked" in out.lower()


def test_an_unsigned_list_change_is_refused_by_verifiers(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status_list = tmp_path / "list.json"
    run(
        capsys,
        "vc",
        "status",
        "new",
        "--id",
        STATUS_URL,
        "--key",
        str(key_file),
        "-o",
        str(status_list),
    )
    unsigned_change = tmp_path / "unsigned-list.json"
    code, _, err = run(
        capsys, "vc", "status", "set", str(status_list), "--index", "1", "-o", str(unsigned_change)
    )
    assert code == 0
    assert "the list is unsigned" in err
    signed = tmp_path / "signed.json"
    run(
        capsys,
        "vc",
        "sign",
        write(tmp_path / "u.json", credential_for(key_file, status=True)),
        "--key",
        str(key_file),
        "-o",
        str(signed),
    )
    assert run(capsys, "vc", "verify", str(signed), "--status-list", str(unsigned_change))[0] == 1


def test_presentation_with_challenge(
    tmp_path: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signed = tmp_path / "signed.json"
    own = credential_for(key_file)
    own["credentialSubject"]["id"] = json.loads(key_file.read_text())["controller"]
    run(
        capsys,
        "vc",
        "sign",
        write(tmp_path / "u.json", own),
        "--key",
        str(key_file),
        "-o",
        str(signed),
    )
    holder = json.loads(key_file.read_text())["controller"]
    presentation = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "holder": holder,
        "verifiableCredential": [json.loads(signed.read_text())],
    }
    signed_vp = tmp_path / "vp.json"
    code, _, _ = run(
        capsys,
        "vc",
        "sign",
        write(tmp_path / "vp-u.json", presentation),
        "--key",
        str(key_file),
        "--challenge",
        "abc",
        "-o",
        str(signed_vp),
    )
    assert code == 0
    assert run(capsys, "vc", "verify", str(signed_vp), "--challenge", "abc")[0] == 0
    code, out, _ = run(capsys, "vc", "verify", str(signed_vp), "--challenge", "xyz")
    assert code == 1
    assert "challenge" in out


def test_trust_anchors_turn_on_the_trust_and_approval_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chain = trust_chain()
    signed = write(tmp_path / "award.json", chain.signed_credential(status=[]))
    when = "2026-11-24T12:00:00Z"

    code, out, _ = run(capsys, "vc", "verify", signed, "--now", when, "--json")
    checks = {check["check"]: check for check in json.loads(out)["checks"]}
    assert checks["trust"]["outcome"] == "skipped"

    anchor = chain.authority.did
    code, out, _ = run(
        capsys, "vc", "verify", signed, "--now", when, "--json", "--trust-anchor", anchor
    )
    checks = {check["check"]: check for check in json.loads(out)["checks"]}
    assert code == 0
    assert (checks["trust"]["outcome"], checks["approval"]["outcome"]) == ("passed", "passed")

    stranger = chain.provider.did  # not an authority anyone trusts
    code, out, _ = run(
        capsys, "vc", "verify", signed, "--now", when, "--json", "--trust-anchor", stranger
    )
    checks = {check["check"]: check for check in json.loads(out)["checks"]}
    assert code == 1
    assert checks["trust"]["outcome"] == "failed"
