"""An independent SQLCipher 4 page decrypter, written from the format description only.

Used by the R12 tests to look inside the decrypted pages of a vault (including freed space and
stale WAL frames) without going through SQLite, which would hide deleted content.

SQLCipher 4 defaults with a raw key (``x'<64 hex>'``):
- the 32 raw bytes are the AES-256 encryption key (no KDF);
- page size 4096, 80 reserved bytes at the end of every page: a 16-byte IV followed by a
  64-byte HMAC-SHA512;
- page 1 starts with the 16-byte salt (in place of ``SQLite format 3\\0``); its encrypted region
  is bytes 16..4016, on every other page it is bytes 0..4016; the IV follows the encrypted region;
- AES-256-CBC without padding;
- HMAC key = PBKDF2-HMAC-SHA512(encryption key, salt XOR 0x3a, 2 iterations, 32 bytes);
  HMAC input = encrypted region + IV + page number (4 bytes, little endian).

WAL file: a 32-byte header, then frames of a 24-byte frame header (page number big endian first)
followed by one page, encrypted exactly as that page would be in the database file.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096
SALT_SIZE = 16
IV_SIZE = 16
HMAC_SIZE = 64
RESERVE = IV_SIZE + HMAC_SIZE  # 80
WAL_HEADER_SIZE = 32
WAL_FRAME_HEADER_SIZE = 24
# Bytes 16..23 of a plaintext SQLite header for 4096-byte pages, WAL mode (format 2/2),
# 80 reserved bytes, then the fixed payload fractions 64/32/32.
EXPECTED_PAGE1_HEADER = bytes([0x10, 0x00, 0x02, 0x02, RESERVE, 64, 32, 32])


class PageAuthError(ValueError):
    """The HMAC of a page does not match: wrong key, wrong layout or a damaged page."""


@dataclass(frozen=True)
class DecryptedPage:
    source: str  # "db" or "wal"
    index: int  # page number in the db file, or frame number in the WAL
    pgno: int  # SQLite page number (1-based)
    plaintext: bytes  # PAGE_SIZE bytes; for page 1 the first 16 are the salt, kept as is


def read_salt(db_file: Path) -> bytes:
    with open(db_file, "rb") as handle:
        salt = handle.read(SALT_SIZE)
    if len(salt) != SALT_SIZE:
        raise ValueError(f"{db_file} is too short to hold a salt")
    return salt


def hmac_key(key: bytes, salt: bytes) -> bytes:
    hmac_salt = bytes(b ^ 0x3A for b in salt)
    return hashlib.pbkdf2_hmac("sha512", key, hmac_salt, 2, dklen=32)


def decrypt_page(page: bytes, pgno: int, key: bytes, mac_key: bytes | None = None) -> bytes:
    """Plaintext of one encrypted page; checks its HMAC when mac_key is given."""
    if len(key) != 32:
        raise ValueError("the raw key must be 32 bytes")
    if len(page) != PAGE_SIZE:
        raise ValueError(f"a page is {PAGE_SIZE} bytes, got {len(page)}")
    start = SALT_SIZE if pgno == 1 else 0
    end = PAGE_SIZE - RESERVE
    encrypted = page[start:end]
    iv = page[end : end + IV_SIZE]
    if mac_key is not None:
        expected = page[end + IV_SIZE :]
        mac = hmac.new(mac_key, page[start : end + IV_SIZE] + struct.pack("<I", pgno), "sha512")
        if not hmac.compare_digest(mac.digest(), expected):
            raise PageAuthError(f"HMAC mismatch on page {pgno}")
    decryptor = Cipher(algorithms.AES(bytes(key)), modes.CBC(iv)).decryptor()
    plain = decryptor.update(encrypted) + decryptor.finalize()
    return page[:start] + plain + page[end:]


def db_pages(db_file: Path, key: bytes, verify_hmac: bool = True) -> Iterator[DecryptedPage]:
    """Every page of a database file, decrypted (all-zero pages are skipped, never written)."""
    data = Path(db_file).read_bytes()
    if len(data) % PAGE_SIZE:
        raise ValueError(f"{db_file} is not a whole number of {PAGE_SIZE}-byte pages")
    mac_key = hmac_key(key, data[:SALT_SIZE]) if verify_hmac else None
    for i in range(len(data) // PAGE_SIZE):
        page = data[i * PAGE_SIZE : (i + 1) * PAGE_SIZE]
        if page == bytes(PAGE_SIZE):
            continue
        yield DecryptedPage("db", i + 1, i + 1, decrypt_page(page, i + 1, key, mac_key))


def wal_pages(
    wal_file: Path, key: bytes, salt: bytes, verify_hmac: bool = True
) -> Iterator[DecryptedPage]:
    """Every frame of a WAL file, valid or stale, decrypted with the database's salt."""
    data = Path(wal_file).read_bytes() if Path(wal_file).exists() else b""
    if not data:
        return
    mac_key = hmac_key(key, salt) if verify_hmac else None
    frame_size = WAL_FRAME_HEADER_SIZE + PAGE_SIZE
    offset = WAL_HEADER_SIZE
    frame = 0
    while offset + frame_size <= len(data):
        (pgno,) = struct.unpack(">I", data[offset : offset + 4])
        page = data[offset + WAL_FRAME_HEADER_SIZE : offset + frame_size]
        frame += 1
        offset += frame_size
        if pgno == 0:
            continue
        yield DecryptedPage("wal", frame, pgno, decrypt_page(page, pgno, key, mac_key))


def all_pages(db_file: Path, key: bytes, verify_hmac: bool = True) -> list[DecryptedPage]:
    """The database's pages plus every frame of its -wal file, if any."""
    db_file = Path(db_file)
    salt = read_salt(db_file)
    pages = list(db_pages(db_file, key, verify_hmac))
    pages += list(wal_pages(Path(f"{db_file}-wal"), key, salt, verify_hmac))
    return pages


def pages_containing(pages: list[DecryptedPage], needle: bytes) -> list[DecryptedPage]:
    return [p for p in pages if needle in p.plaintext]
