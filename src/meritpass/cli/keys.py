"""``meritpass keys``: create Ed25519 keys with their did:key."""

from __future__ import annotations

import argparse
from typing import Any, Final

from meritpass.cli.output import SUCCESS, CommandError, read_document, write_json
from meritpass.core.did.key import did_key, verification_method_id
from meritpass.core.documents import JsonObject
from meritpass.core.keys.multikey import Ed25519Multikey
from meritpass.core.messages import Message

_NOT_A_KEY: Final = Message(
    en="{path} is not a key file made by `meritpass keys new` (no secretKeyMultibase)",
    sv="{path} är ingen nyckelfil från `meritpass keys new` (secretKeyMultibase saknas)",
)


def register(commands: Any) -> None:
    keys = commands.add_parser("keys", help="manage signing keys")
    actions = keys.add_subparsers(required=True, metavar="COMMAND")
    new = actions.add_parser("new", help="create an Ed25519 key and its did:key")
    new.add_argument("-o", "--out", help="write the key file here (mode 0600) instead of stdout")
    new.set_defaults(run=_new)


def _new(arguments: argparse.Namespace) -> int:
    key = Ed25519Multikey.generate()
    write_json(key_file(key), arguments.out, private=True)
    return SUCCESS


def key_file(key: Ed25519Multikey) -> JsonObject:
    """Return the JSON a key file holds: the key pair, its did:key and verification method."""
    return {
        "type": "Multikey",
        "id": verification_method_id(key),
        "controller": did_key(key),
        "publicKeyMultibase": key.public_key_multibase,
        "secretKeyMultibase": key.export_secret_key_multibase(),
    }


def load_key(path: str) -> tuple[Ed25519Multikey, str]:
    """Return the signing key in a key file and its verification method id."""
    document = read_document(path)
    key = Ed25519Multikey.from_multikey(document)
    if not key.can_sign:
        raise CommandError(_NOT_A_KEY, path=path)
    method = document.get("id")
    return key, method if isinstance(method, str) else verification_method_id(key)
