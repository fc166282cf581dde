"""Where a fetch may connect: a URL's origin in one canonical form, name resolution, and the
address checks (loopback, private, link-local, shared, multicast, cloud metadata) that refuse an
internal address unless the granted origin names it itself.

Tests replace name resolution by patching ``resolve`` here: ``checked_address`` looks it up."""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from urllib.parse import urlsplit

from .answers import FetchRefused

_HOST_NAME = re.compile(r"^[a-z0-9_-]+(\.[a-z0-9_-]+)*$")
METADATA_HOSTS = {"metadata.google.internal", "metadata", "instance-data"}


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` with the default port dropped, the host lower-cased and in its
    ASCII (IDNA) form, and an IP address in its canonical form."""
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[::1" and other broken IPv6 literals
        raise FetchRefused("invalid_url", f"{url[:80]!r} is not a valid URL") from None
    scheme = (parts.scheme or "").lower()
    if scheme not in ("http", "https"):
        raise FetchRefused("invalid_url", f"only http and https URLs can be fetched, not {url[:80]!r}")
    if not parts.hostname:
        raise FetchRefused("invalid_url", f"{url[:80]!r} has no host")
    host = parts.hostname.lower().rstrip(".")
    try:
        host = ipaddress.ip_address(host).compressed
    except ValueError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise FetchRefused("invalid_url", f"{parts.hostname!r} is not a valid host name") from None
        if not _HOST_NAME.match(host):
            raise FetchRefused("invalid_url", f"{parts.hostname[:80]!r} is not a valid host name") from None
    try:
        port = parts.port
    except ValueError:
        raise FetchRefused("invalid_url", f"{url[:80]!r} has an invalid port") from None
    if ":" in host:
        host = f"[{host}]"
    if port is None or (scheme, port) in (("http", 80), ("https", 443)):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def is_internal(address: str) -> bool:
    """Addresses an artifact must not reach by accident (this machine, the LAN, the cloud)."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if isinstance(ip, ipaddress.IPv6Address) and ip.sixtofour is not None:
        ip = ip.sixtofour
    return (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or (isinstance(ip, ipaddress.IPv4Address) and ip in ipaddress.ip_network("100.64.0.0/10"))
    )


async def resolve(host: str, port: int) -> list[str]:
    """The addresses ``host`` stands for, in the resolver's order (an address stands for itself)."""
    host = host.strip("[]")
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchRefused("network_error", f"cannot resolve {host}: {exc.strerror}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def names_itself(host: str) -> bool:
    """True when the host in the URL is an address (or localhost): granting such an origin
    means the person knowingly granted that machine, so an internal address is fine."""
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return False


async def checked_address(host: str, port: int) -> str:
    """The address a request to ``host`` (ASCII, no brackets) connects to: the first it resolves
    to, once every answer was checked. A cloud metadata name is refused before it is looked up;
    a name with any internal answer is refused unless it names that address itself."""
    if host in METADATA_HOSTS:
        raise FetchRefused("network_denied", f"{host} is a cloud metadata service")
    addresses = await resolve(host, port)
    if not addresses:
        raise FetchRefused("network_error", f"cannot resolve {host}")
    internal = [a for a in addresses if is_internal(a)]
    if internal and not names_itself(host):
        raise FetchRefused(
            "network_denied",
            f"{host} resolves to an internal address ({internal[0]}); an artifact reaches "
            "this machine or your network only through an origin granted by its address",
        )
    return addresses[0]
