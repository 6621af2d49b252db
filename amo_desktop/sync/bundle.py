"""Exchange files: one encrypted section per receiving laptop, signed by the sender.

Layout and key derivation are in docs/exchange-format.md. Only primitives from
`cryptography` (X25519, Ed25519, HKDF-SHA256, AES-256-GCM) and Argon2id for invitation codes.
"""

from __future__ import annotations

import json
import secrets
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from amo_desktop.errors import BundleDamagedError, InviteCodeError
from amo_desktop.storage.keyslots import b64d, b64e

BUNDLE_MAGIC = b"AMOX\x01"
INVITE_MAGIC = b"AMOI\x01"
SIGNATURE_LEN = 64
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
INVITE_KDF = {"memory_kib": 65_536, "iterations": 3, "lanes": 4}
RAW = serialization.Encoding.Raw


# --- keys ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class VaultKeys:
    box_private: bytes
    sign_private: bytes

    @staticmethod
    def generate() -> VaultKeys:
        return VaultKeys(
            _raw_private(X25519PrivateKey.generate()), _raw_private(Ed25519PrivateKey.generate())
        )

    @property
    def box_public(self) -> bytes:
        return _raw_public(X25519PrivateKey.from_private_bytes(self.box_private))

    @property
    def sign_public(self) -> bytes:
        return _raw_public(Ed25519PrivateKey.from_private_bytes(self.sign_private))


def _raw_private(key: X25519PrivateKey | Ed25519PrivateKey) -> bytes:
    return key.private_bytes(RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def _raw_public(key: X25519PrivateKey | Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)


def _derive(shared: bytes, salt: bytes | None, info: str) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt, info.encode()).derive(shared)


def _to(recipient_public: bytes) -> tuple[bytes, bytes]:
    """A fresh ephemeral key and the secret it shares with the recipient."""
    eph = X25519PrivateKey.generate()
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    return eph.public_key().public_bytes(RAW, serialization.PublicFormat.Raw), shared


def _from(box_private: bytes, eph_public: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(box_private).exchange(
        X25519PublicKey.from_public_bytes(eph_public)
    )


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


class Packer:
    """A payload as zlib-compressed JSON, written piece by piece while its rows are read: a full
    export of a large vault (700,000 rows) never holds all its rows, nor their text, at once.
    `unpack` reads the result back; the bytes are the same kind `zlib.compress` makes."""

    FLUSH = 1 << 20  # characters of JSON gathered before they are compressed

    def __init__(self) -> None:
        self._zip = zlib.compressobj(3)
        self._packed = bytearray()  # grows in place: no second copy of a 40 MiB section
        self._text: list[str] = []
        self._size = 0

    def raw(self, text: str) -> None:
        self._text.append(text)
        self._size += len(text)
        if self._size >= self.FLUSH:
            self._compress()

    def value(self, value: Any) -> None:
        self.raw(_json(value))

    def array(self, chunks: Iterable[list[Any]]) -> None:
        """One JSON array of the items of every chunk, each chunk encoded at once."""
        self.raw("[")
        first = True
        for chunk in chunks:
            if chunk:
                self.raw(("" if first else ",") + _json(chunk)[1:-1])
                first = False
        self.raw("]")

    def object(self, fields: dict[str, Any]) -> None:
        """`fields` as a JSON object, in their order; a callable value writes itself."""
        self.raw("{")
        for i, (name, value) in enumerate(fields.items()):
            self.raw(("," if i else "") + _json(name) + ":")
            if callable(value):
                value(self)
            else:
                self.value(value)
        self.raw("}")

    def _compress(self) -> None:
        self._packed += self._zip.compress("".join(self._text).encode())
        self._text.clear()
        self._size = 0

    def finish(self) -> bytearray:
        self._compress()
        self._packed += self._zip.flush()
        packed, self._packed = self._packed, bytearray()
        return packed


def pack(fields: dict[str, Any]) -> bytearray:
    """A payload as compressed JSON; a callable value writes itself (see Packer.object)."""
    packer = Packer()
    packer.object(fields)
    return packer.finish()


def unpack(data: bytes) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(zlib.decompress(data))
    return payload


# --- bundles ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Section:
    to: str
    box_public: bytes
    payload: bytes | bytearray  # packed
    key_update: tuple[int, bytes] | None = None  # (generation, new team key)


def write_bundle(
    header: dict[str, Any], sections: list[Section], team_key: bytes, sign_private: bytes
) -> bytes:
    """header holds format, team, gen, from, id, created; sections and key updates are added."""
    metas, secrets_by_to, offset = [], {}, 0
    updates = []
    for s in sections:
        eph, shared = _to(s.box_public)
        nonce = secrets.token_bytes(12)
        metas.append(
            {
                "to": s.to,
                "eph": b64e(eph),
                "nonce": b64e(nonce),
                "offset": offset,
                "length": len(s.payload) + 16,
            }
        )
        secrets_by_to[s.to] = (shared, nonce)
        offset += len(s.payload) + 16
        if s.key_update is not None:
            gen, new_key = s.key_update
            u_eph, u_shared = _to(s.box_public)
            u_nonce = secrets.token_bytes(12)
            key = _derive(u_shared, None, f"amo-exchange-key-update|{header['id']}|{s.to}|{gen}")
            sealed = AESGCM(key).encrypt(u_nonce, new_key, header["team"].encode())
            updates.append(
                {
                    "to": s.to,
                    "gen": gen,
                    "eph": b64e(u_eph),
                    "nonce": b64e(u_nonce),
                    "sealed": b64e(sealed),
                }
            )
    full = {**header, "sections": metas, "key_updates": updates}
    head = json.dumps(full, separators=(",", ":"), sort_keys=True).encode()
    body = bytearray()
    for s in sections:
        shared, nonce = secrets_by_to[s.to]
        key = _derive(shared, team_key, f"amo-exchange-section|{header['id']}|{s.to}")
        body += AESGCM(key).encrypt(nonce, s.payload, head)
    signed = BUNDLE_MAGIC + struct.pack(">I", len(head)) + head + bytes(body)
    signature = Ed25519PrivateKey.from_private_bytes(sign_private).sign(signed)
    return signed + signature


@dataclass(frozen=True)
class ParsedBundle:
    header: dict[str, Any]
    head_bytes: bytes
    body: bytes
    signed: bytes
    signature: bytes


def parse_bundle(data: bytes) -> ParsedBundle:
    """The clear header, for routing; nothing in it is trusted before verify()."""
    if not data.startswith(BUNDLE_MAGIC) or len(data) < len(BUNDLE_MAGIC) + 4 + SIGNATURE_LEN:
        raise BundleDamagedError(detail="geen AMO-uitwisselbestand")
    (head_len,) = struct.unpack(">I", data[5:9])
    head = data[9 : 9 + head_len]
    try:
        header = json.loads(head)
    except ValueError as exc:
        raise BundleDamagedError(detail="kop onleesbaar") from exc
    if not isinstance(header, dict) or header.get("format") != 1:
        raise BundleDamagedError(detail="onbekend formaat")
    return ParsedBundle(
        header,
        head,
        data[9 + head_len : -SIGNATURE_LEN],
        data[:-SIGNATURE_LEN],
        data[-SIGNATURE_LEN:],
    )


def verify(bundle: ParsedBundle, sign_public: bytes) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(bundle.signature, bundle.signed)
    except InvalidSignature as exc:
        raise BundleDamagedError(detail="handtekening klopt niet") from exc


def key_update_for(bundle: ParsedBundle, me: str, box_private: bytes) -> tuple[int, bytes] | None:
    for u in bundle.header.get("key_updates", []):
        if u["to"] != me:
            continue
        shared = _from(box_private, b64d(u["eph"]))
        key = _derive(
            shared, None, f"amo-exchange-key-update|{bundle.header['id']}|{me}|{u['gen']}"
        )
        try:
            new_key = AESGCM(key).decrypt(
                b64d(u["nonce"]), b64d(u["sealed"]), bundle.header["team"].encode()
            )
        except InvalidTag as exc:
            raise BundleDamagedError(detail="sleutelupdate") from exc
        return int(u["gen"]), new_key
    return None


def section_for(bundle: ParsedBundle, me: str) -> dict[str, Any] | None:
    return next((s for s in bundle.header.get("sections", []) if s["to"] == me), None)


def open_section(
    bundle: ParsedBundle, meta: dict[str, Any], box_private: bytes, team_key: bytes
) -> dict[str, Any]:
    shared = _from(box_private, b64d(meta["eph"]))
    key = _derive(shared, team_key, f"amo-exchange-section|{bundle.header['id']}|{meta['to']}")
    chunk = bundle.body[meta["offset"] : meta["offset"] + meta["length"]]
    try:
        return unpack(AESGCM(key).decrypt(b64d(meta["nonce"]), chunk, bundle.head_bytes))
    except (InvalidTag, zlib.error, ValueError) as exc:
        raise BundleDamagedError(detail="inhoud klopt niet") from exc


# --- invitations --------------------------------------------------------------------------
def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


# What an invitation may ask of the receiving laptop: an edited header must not make it spend
# gigabytes or minutes (issue 12). INVITE_KDF is well inside; tests use 8 MiB and one pass.
_KDF_BOUNDS = {"memory_kib": (8, 1 << 20), "iterations": (1, 32), "lanes": (1, 16)}


def _check_kdf(kdf: Any) -> dict[str, int]:
    """The invitation's Argon2id numbers, or BundleDamagedError when they were edited."""
    if not isinstance(kdf, dict) or set(kdf) != set(_KDF_BOUNDS):
        raise BundleDamagedError(detail="kdf")
    for name, (low, high) in _KDF_BOUNDS.items():
        value = kdf[name]
        if type(value) is not int or not low <= value <= high:
            raise BundleDamagedError(detail="kdf")
    if kdf["memory_kib"] < 8 * kdf["lanes"]:
        raise BundleDamagedError(detail="kdf")
    return kdf


def _code_key(code: str, salt: bytes, kdf: dict[str, int]) -> bytes:
    normal = "".join(ch for ch in code.upper() if ch.isalnum())
    return hash_secret_raw(
        normal.encode(), salt, kdf["iterations"], kdf["memory_kib"], kdf["lanes"], 32, Type.ID
    )


def write_invite(
    header: dict[str, Any], packed: bytes | bytearray, code: str, kdf: dict[str, int] | None = None
) -> bytes:
    """An invitation with the payload `packed` (see Packer), sealed with the one-time code."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    kdf = kdf or INVITE_KDF
    full = {**header, "salt": b64e(salt), "nonce": b64e(nonce), "kdf": kdf}
    head = json.dumps(full, separators=(",", ":"), sort_keys=True).encode()
    sealed = AESGCM(_code_key(code, salt, kdf)).encrypt(nonce, packed, head)
    return INVITE_MAGIC + struct.pack(">I", len(head)) + head + sealed


def read_invite(data: bytes, code: str) -> tuple[dict[str, Any], dict[str, Any]]:
    if not data.startswith(INVITE_MAGIC) or len(data) < 9:
        raise BundleDamagedError(detail="geen AMO-uitnodiging")
    (head_len,) = struct.unpack(">I", data[5:9])
    head = data[9 : 9 + head_len]
    try:
        header = json.loads(head)
        kdf = _check_kdf(header["kdf"])
        key = _code_key(code, b64d(header["salt"]), kdf)
        payload = unpack(AESGCM(key).decrypt(b64d(header["nonce"]), data[9 + head_len :], head))
    except (InvalidTag, ValueError, KeyError, TypeError, zlib.error) as exc:
        raise InviteCodeError() from exc
    return header, payload
