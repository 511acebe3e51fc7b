"""``meritpass vc status``: make a status list, set an entry, check a credential's entries."""

from __future__ import annotations

import argparse
import copy
import sys
from datetime import UTC, datetime
from typing import Any, Final

from meritpass.cli.keys import load_key
from meritpass.cli.output import (
    NOT_VERIFIED,
    SUCCESS,
    CommandError,
    parse_moment,
    read_document,
    write_json,
)
from meritpass.core.documents import JsonObject
from meritpass.core.messages import Message
from meritpass.core.status.bitstring_status_list import MINIMUM_ENTRIES, BitstringStatusList
from meritpass.core.status.credential import STATUS_PURPOSES, status_list_credential
from meritpass.core.status.validate import check_status
from meritpass.library import sign

_NOT_A_LIST: Final = Message(
    en="{path} is not a BitstringStatusListCredential",
    sv="{path} är inget BitstringStatusListCredential",
)
_UNSIGNED: Final = Message(
    en="note: the list is unsigned (give --key to sign it); verifiers only accept signed lists",
    sv="obs: listan är osignerad (ange --key för att signera); "
    "granskare godtar bara signerade listor",
)


def register(commands: Any) -> None:
    status = commands.add_parser("status", help="Bitstring Status Lists")
    actions = status.add_subparsers(required=True, metavar="COMMAND")

    new = actions.add_parser("new", help="make a status list credential")
    new.add_argument("--id", required=True, help="the URL the list will be served at")
    new.add_argument("--issuer", help="issuer DID (default: the --key's controller)")
    new.add_argument("--purpose", choices=sorted(STATUS_PURPOSES), default="revocation")
    new.add_argument("--length", type=int, default=MINIMUM_ENTRIES, help="number of entries")
    new.add_argument("--key", help="key file to sign the list with")
    new.add_argument("-o", "--out")
    new.set_defaults(run=_new)

    setter = actions.add_parser("set", help="set (or clear) the status of one entry")
    setter.add_argument("list", help="status list credential JSON")
    setter.add_argument("--index", type=int, required=True)
    setter.add_argument("--value", type=int, default=1, help="1 to set (default), 0 to clear")
    setter.add_argument("--key", help="key file to re-sign the list with")
    setter.add_argument("-o", "--out")
    setter.set_defaults(run=_set)

    checker = actions.add_parser("check", help="read a credential's status from its list")
    checker.add_argument("credential", help="credential JSON")
    checker.add_argument("--list", action="append", required=True, metavar="FILE")
    checker.add_argument("--now", type=parse_moment)
    checker.set_defaults(run=_check)


def _new(arguments: argparse.Namespace) -> int:
    key_and_method = load_key(arguments.key) if arguments.key else None
    issuer = arguments.issuer or (key_and_method[1].split("#")[0] if key_and_method else None)
    if issuer is None:
        raise CommandError(Message(en="give --issuer or --key", sv="ange --issuer eller --key"))
    credential = status_list_credential(
        credential_id=arguments.id,
        issuer=issuer,
        status_purpose=arguments.purpose,
        status_list=BitstringStatusList(arguments.length),
        valid_from=datetime.now(UTC).replace(microsecond=0),
    )
    _write(credential, key_and_method, arguments)
    return SUCCESS


def _set(arguments: argparse.Namespace) -> int:
    credential = read_document(arguments.list)
    subject = credential.get("credentialSubject")
    if not isinstance(subject, dict) or "encodedList" not in subject:
        raise CommandError(_NOT_A_LIST, path=arguments.list)
    status_list = BitstringStatusList.decode(subject["encodedList"])
    status_list.set_status(arguments.index, arguments.value)
    updated = {name: copy.deepcopy(value) for name, value in credential.items() if name != "proof"}
    updated["credentialSubject"] = {**subject, "encodedList": status_list.encode()}
    key_and_method = load_key(arguments.key) if arguments.key else None
    _write(updated, key_and_method, arguments)
    return SUCCESS


def _check(arguments: argparse.Namespace) -> int:
    credential = read_document(arguments.credential)
    lists = {str(document.get("id")): document for document in map(read_document, arguments.list)}
    results = check_status(
        credential.get("credentialStatus"),
        get_status_list_credential=lists.get,
        now=arguments.now or datetime.now(UTC),
    )
    for result in results:
        print(result.text(arguments.lang))
    settled = all(result.checked and result.valid for result in results)
    return SUCCESS if settled else NOT_VERIFIED


def _write(
    credential: JsonObject,
    key_and_method: tuple[Any, str] | None,
    arguments: argparse.Namespace,
) -> None:
    if key_and_method is None:
        print(_UNSIGNED.text(arguments.lang), file=sys.stderr)
        write_json(credential, arguments.out)
        return
    key, method = key_and_method
    write_json(sign(credential, key=key, verification_method=method), arguments.out)
