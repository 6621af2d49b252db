"""Proves, inside whatever program runs it (frozen or not), that the vault really encrypts (R21)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlcipher3 import dbapi2

from amo_desktop import __version__
from amo_desktop.errors import WrongPasswordError
from amo_desktop.storage.keyslots import KdfParams
from amo_desktop.storage.vault import Vault

CANARY = "SELFTEST-CANARY-Łukasz-Øberg-7f3a"
PLAINTEXT_HEADER = b"SQLite format 3\x00"
EXPECTED_SETTINGS = {
    "cipher_page_size": "4096",
    "cipher_hmac_algorithm": "HMAC_SHA512",
    "cipher_kdf_algorithm": "PBKDF2_HMAC_SHA512",
    "cipher_plaintext_header_size": "0",
    "cipher_use_hmac": "1",
}


def library_versions() -> dict[str, str]:
    conn = dbapi2.connect(":memory:")
    try:
        conn.set_key(b"x'" + b"00" * 32 + b"'")  # the provider answers only on a keyed handle
        return {
            "sqlcipher": conn.execute("PRAGMA cipher_version").fetchone()[0] or "",
            "crypto_provider": conn.execute("PRAGMA cipher_provider_version").fetchone()[0] or "",
            "sqlite": conn.execute("SELECT sqlite_version()").fetchone()[0],
        }
    finally:
        conn.close()


def cipher_settings(conn: dbapi2.Connection) -> dict[str, str]:
    settings = {}
    for (line,) in conn.execute("PRAGMA cipher_settings").fetchall():
        name, _, value = line.removeprefix("PRAGMA ").rstrip(";").partition(" = ")
        settings[name.strip()] = value.strip()
    return settings


def _check(ok: bool, what: str, report: Callable[[str], None]) -> bool:
    report(f"{'OK  ' if ok else 'FAIL'} {what}")
    return ok


def run_selftest(report: Callable[[str], None] = print) -> int:
    """0 when every check passes, 1 otherwise; each check prints one line."""
    from amo_desktop.services import accounts

    versions = library_versions()
    report(
        f"AMO Desktop {__version__}; SQLCipher {versions['sqlcipher']}; "
        f"{versions['crypto_provider']}; SQLite {versions['sqlite']}"
    )
    results = [_check(bool(versions["sqlcipher"]), "SQLCipher is the database library", report)]
    with tempfile.TemporaryDirectory(prefix="amo-selftest-") as tmp:
        folder = Path(tmp) / "vault"
        vault = Vault(folder, kdf=KdfParams(19_456, 2, 1))
        accounts.create_vault(vault, "Selftest", "selftest", CANARY, "selftest-wachtwoord")
        vault.lock()
        raw = b"".join(p.read_bytes() for p in folder.glob("vault.db*") if p.is_file())
        header = (folder / "vault.db").read_bytes()[:16]
        results.append(_check(header != PLAINTEXT_HEADER, "database header is encrypted", report))
        results.append(
            _check(CANARY.encode() not in raw, "no plaintext in the database files", report)
        )
        try:
            vault.unlock("selftest", "not the password")
            results.append(_check(False, "a wrong password is refused", report))
            vault.lock()
        except WrongPasswordError:
            results.append(_check(True, "a wrong password is refused", report))
        identity = vault.unlock("selftest", "selftest-wachtwoord")
        users = accounts.list_users(vault, identity)
        results.append(_check(users[0].full_name == CANARY, "data read back after unlock", report))
        with vault.raw_connection() as conn:
            settings = cipher_settings(conn)
            same = all(settings.get(k) == v for k, v in EXPECTED_SETTINGS.items())
            results.append(_check(same, "standard SQLCipher 4 settings", report))
            memory = conn.execute("PRAGMA cipher_memory_security").fetchone()[0]
            results.append(
                _check(str(memory) == "0", "cipher memory security off (R20, by design)", report)
            )
        vault.lock()
    for extra in _extra_checks():
        results.append(extra(report))
    ok = all(results)
    report("selftest passed" if ok else "selftest FAILED")
    return 0 if ok else 1


def _extra_checks() -> list[Callable[[Callable[[str], None]], bool]]:
    return [
        _check_pdf,
        _check_form,
        _check_translations,
        _check_passwords,
        _check_safe_xml,
        _check_guide,
    ]


def _check_guide(report: Callable[[str], None]) -> bool:
    """The user guide that F1 opens is shipped with the program."""
    from amo_desktop.config import guide_path

    return _check(guide_path().is_file(), "the user guide is present", report)


def _check_passwords(report: Callable[[str], None]) -> bool:
    """zxcvbn is bundled and judges passwords; new key slots get the shipped Argon2id cost,
    whatever the environment says (issue 12)."""
    from amo_desktop.services.password_policy import password_verdict
    from amo_desktop.storage.keyslots import DEFAULT_KDF

    weak = [password_verdict(p).ok for p in ("12345678", "password1234")]
    strong = password_verdict("selftest-wachtwoord").ok
    rule = _check(strong and not any(weak), "weak new passwords are refused (zxcvbn)", report)
    shipped = Vault(Path(tempfile.gettempdir())).kdf == DEFAULT_KDF
    return _check(shipped, "new key slots get the shipped Argon2id cost", report) and rule


def _check_safe_xml(report: Callable[[str], None]) -> bool:
    """openpyxl reads a spreadsheet to import through defusedxml only when it is bundled."""
    import openpyxl

    return _check(bool(openpyxl.DEFUSEDXML), "spreadsheets are read through defusedxml", report)


def _check_pdf(report: Callable[[str], None]) -> bool:
    """A report renders with its embedded font (ReportLab's data and our TTFs are bundled)."""
    import io

    from amo_desktop.reports.recovery import render

    buffer = io.BytesIO()
    render("Selftest Łukasz Øberg", "selftest", "ABCD-EFGH-IJKL", buffer)
    data = buffer.getvalue()
    return _check(data.startswith(b"%PDF") and b"/FontFile2" in data, "a PDF renders", report)


def _check_form(report: Callable[[str], None]) -> bool:
    """A referral form is made and its fields read back (pypdf is bundled, issue 16)."""
    from amo_desktop.reports import referral_form as spec
    from amo_desktop.services._form_read import read_form_file

    identity = spec.FormIdentity(spec.FORM_VERSION, "selftest", "school", spec.PUPIL, "0")
    header = spec.FormHeader("Selftest", "Łukasz Øberg", "School", "07/12/2026")
    with tempfile.TemporaryDirectory(prefix="amo-selftest-") as tmp:
        path = Path(tmp) / "formulier.pdf"
        path.write_bytes(spec.render(header, identity))
        field = read_form_file(path).fields.get(spec.ID_FIELD)
    ok = field is not None and field.value == identity.text()
    return _check(ok, "a referral form is made and read back", report)


def _check_translations(report: Callable[[str], None]) -> bool:
    """Qt's own Dutch dialogs and our English strings load (always required when frozen)."""
    import sys

    try:
        from amo_desktop.ui.shell.translations import check_translations
    except ImportError as exc:  # a build without Qt cannot show a window at all
        return _check(False, f"Qt translations ({exc})", report)
    loaded, missing = check_translations()
    if missing and not getattr(sys, "frozen", False):
        report(f"SKIP translations not built in this source tree: {', '.join(missing)}")
        return True
    return _check(not missing, f"translations load ({', '.join(loaded)})", report)
