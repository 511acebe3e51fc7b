"""HTTPS fetches for the edges: DID documents (did:web) and status list credentials.

The core never touches the network; an edge that is allowed to passes :func:`fetch_https` (or a
caching wrapper of it) in as a fetcher. Only ``https`` URLs are fetched, responses are bounded in
size and time, and every failure becomes a :class:`ResolutionError`.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import Final

from meritpass.core.errors import ResolutionError

DEFAULT_TIMEOUT: Final = 10.0
DEFAULT_MAX_BYTES: Final = 1_000_000
_ACCEPT: Final = (
    "application/did+json, application/vc+ld+json, application/ld+json, application/json"
)


class _HttpsOnly(urllib.request.HTTPRedirectHandler):
    max_redirections = 3

    def redirect_request(  # noqa: PLR0917 - the signature urllib calls
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: object,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not newurl.startswith("https://"):
            raise ResolutionError(
                "resolution.failed", what=newurl, reason="redirect away from https"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


_OPENER: Final = urllib.request.build_opener(_HttpsOnly())


def fetch_https(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_private: bool = False,
) -> bytes:
    """Return the body at ``url`` (https only), or raise :class:`ResolutionError`.

    Security: a host that resolves to a loopback, private or link-local address is refused unless
    ``allow_private``, so a credential cannot make a server probe its own network (SSRF). The
    check runs before connecting; DNS answers that change between the check and the connection
    are not caught here.
    """
    if not url.startswith("https://"):
        raise ResolutionError("resolution.failed", what=url, reason="only https URLs are fetched")
    if not allow_private:
        _refuse_private_host(url)
    request = urllib.request.Request(url, headers={"Accept": _ACCEPT})  # noqa: S310 - https only
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            body: bytes = response.read(max_bytes + 1)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        raise ResolutionError("resolution.failed", what=url, reason=str(error)) from None
    if len(body) > max_bytes:
        raise ResolutionError(
            "resolution.failed", what=url, reason=f"larger than {max_bytes} bytes"
        )
    return body


def _refuse_private_host(url: str) -> None:
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        addresses = {
            str(info[4][0]) for info in socket.getaddrinfo(host, 443, type=socket.SOCK_STREAM)
        }
    except (OSError, UnicodeError) as error:
        raise ResolutionError("resolution.failed", what=url, reason=str(error)) from None
    for address in addresses:
        if not ipaddress.ip_address(address.split("%", 1)[0]).is_global:
            raise ResolutionError(
                "resolution.failed", what=url, reason=f"{host} is not a public address"
            )
