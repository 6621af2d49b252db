"""What the command line says, in Dutch and English, and how a text becomes one safe line."""

from __future__ import annotations

import unicodedata

TEXT: dict[str, dict[str, str]] = {
    "password": {"nl": "Wachtwoord: ", "en": "Password: "},
    "new_password": {"nl": "Nieuw wachtwoord: ", "en": "New password: "},
    "repeat": {"nl": "Herhaal het nieuwe wachtwoord: ", "en": "Repeat the new password: "},
    "user": {"nl": "Gebruiker: ", "en": "User: "},
    "mismatch": {"nl": "De wachtwoorden verschillen.", "en": "The passwords differ."},
    "no_input": {
        "nl": "Geen wachtwoord: zet {var} of start het commando in een terminal.",
        "en": "No password: set {var} or run the command in a terminal.",
    },
    "created": {
        "nl": "Kluis gemaakt in {path}. De herstelsleutel staat in {keyfile}: druk hem af en bewaar "
        "hem veilig, en verwijder dan het bestand.",
        "en": "Vault created in {path}. The recovery key is in {keyfile}: print it, keep it safe, "
        "then delete the file.",
    },
    "user_added": {
        "nl": "Gebruiker {login} toegevoegd ({role}).",
        "en": "User {login} added ({role}).",
    },
    "user_removed": {
        "nl": "Gebruiker {login} verwijderd; de sleutel van de kluis is vernieuwd.",
        "en": "User {login} removed; the vault's key was renewed.",
    },
    "user_password_reset": {
        "nl": "Eenmalig wachtwoord voor {login} ingesteld; geef het persoonlijk door. Bij het "
        "volgende ontgrendelen kiest {login} een eigen wachtwoord.",
        "en": "One-time password set for {login}; hand it over in person. At the next unlock "
        "{login} chooses their own password.",
    },
    "passwd_done": {"nl": "Wachtwoord gewijzigd.", "en": "Password changed."},
    "key_on_screen": {
        "nl": "De kluis bestaat al; schrijf deze herstelsleutel nu over en bewaar hem veilig:\n{key}",
        "en": "The vault exists already; copy this recovery key now and keep it safe:\n{key}",
    },
    "backup_done": {
        "nl": "Reservekopie geschreven en gecontroleerd: {path}",
        "en": "Backup written and verified: {path}",
    },
    "restore_done": {
        "nl": "Reservekopie teruggezet. De kluis van daarvoor staat als automatische "
        "reservekopie in {folder}.",
        "en": "Backup restored. The vault as it was before is kept as an automatic backup in "
        "{folder}.",
    },
    "restore_new": {
        "nl": "Reservekopie teruggezet in {path}.",
        "en": "Backup restored into {path}.",
    },
    "check_ok": {
        "nl": "Kluis in orde ({tables} tabellen, {rows} rijen).",
        "en": "Vault is sound ({tables} tables, {rows} rows).",
    },
    "warn_location": {
        "nl": "Waarschuwing: {path} lijkt een gesynchroniseerde of netwerkmap. Bewaar de kluis "
        "liefst lokaal.",
        "en": "Warning: {path} looks like a synced or network folder. Keep the vault local.",
    },
    "report_done": {"nl": "Rapport geschreven: {path}", "en": "Report written: {path}"},
    "bug": {
        "nl": "Onverwachte fout ({kind}); er is niets gewijzigd. Meld dit aan de ontwikkelaars "
        "met het verslag zonder persoonsgegevens in {report}.",
        "en": "Unexpected error ({kind}); nothing was changed. Please report this to the "
        "developers with the report without personal data in {report}.",
    },
    "see_help": {
        "nl": "{message} (zie '{prog} --help')",
        "en": "{message} (see '{prog} --help')",
    },
    "no_gui": {
        "nl": "De grafische interface kan niet starten: {error}",
        "en": "The graphical interface cannot start: {error}",
    },
    "import_template": {
        "nl": "Sjabloon geschreven: {path}",
        "en": "Template written: {path}",
    },
    "exists": {
        "nl": "{path} bestaat al. Kies een andere naam.",
        "en": "{path} already exists. Choose another name.",
    },
    "import_done": {"nl": "{count} aanmeldingen ingelezen.", "en": "{count} referrals imported."},
    "import_dry_run": {
        "nl": "Proef: {count} aanmeldingen zouden ingelezen worden; er is niets bewaard.",
        "en": "Dry run: {count} referrals would be imported; nothing was saved.",
    },
    "import_failed": {
        "nl": "Niets ingelezen: {count} problemen. Verbeter het bestand en probeer opnieuw.",
        "en": "Nothing imported: {count} problems. Correct the file and try again.",
    },
    "form_done": {
        "nl": "Aanmeldingsformulier geschreven: {path}",
        "en": "Referral form written: {path}",
    },
    "form_imported": {
        "nl": "{count} aanmeldingen uit formulieren ingelezen; ze staan op de wachtlijst.",
        "en": "{count} referrals imported from forms; they are on the waiting list.",
    },
    "import_cell": {"nl": "rij {row}, kolom {column}", "en": "row {row}, column {column}"},
    "import_row": {"nl": "rij {row}", "en": "row {row}"},
    "import_file": {"nl": "bestand", "en": "file"},
    "import_warning": {"nl": "waarschuwing: {issue}", "en": "warning: {issue}"},
    "failed_unlock": {
        "nl": "1 mislukte poging sinds uw laatste aanmelding.",
        "en": "1 failed attempt since your last sign-in.",
    },
    "failed_unlocks": {
        "nl": "{count} mislukte pogingen sinds uw laatste aanmelding.",
        "en": "{count} failed attempts since your last sign-in.",
    },
    "weak_password": {
        "nl": "Uw wachtwoord voldoet niet meer aan de regels (minstens 12 tekens, moeilijk te "
        "raden). Kies een nieuw met 'amo-desktop passwd'.",
        "en": "Your password no longer meets the rules (at least 12 characters, hard to "
        "guess). Choose a new one with 'amo-desktop passwd'.",
    },
    # exchange
    "invited": {
        "nl": "Uitnodiging voor {login} geschreven: {path}\nEenmalige code: {code}\n"
        "Geef de code apart van het bestand door (bv. mondeling). Geldig tot {until}.",
        "en": "Invitation for {login} written: {path}\nOne-time code: {code}\n"
        "Pass the code on separately from the file (e.g. in person). Valid until {until}.",
    },
    "joined": {
        "nl": "Aangesloten bij team {team} als {login}. Kluis in {path}.\n"
        "Herstelsleutel: {key}\nSchrijf die op of druk hem af en bewaar hem veilig.",
        "en": "Joined team {team} as {login}. Vault in {path}.\n"
        "Recovery key: {key}\nWrite it down or print it and keep it safe.",
    },
    "joined_file": {
        "nl": "Aangesloten bij team {team} als {login}. Kluis in {path}. De herstelsleutel "
        "staat in {keyfile}: druk hem af, bewaar hem veilig en verwijder dan het bestand.",
        "en": "Joined team {team} as {login}. Vault in {path}. The recovery key is in "
        "{keyfile}: print it, keep it safe, then delete the file.",
    },
    "exported": {
        "nl": "Uitwisselbestand geschreven: {path} ({summary})",
        "en": "Exchange file written: {path} ({summary})",
    },
    "imported": {
        "nl": "Ingelezen van {sender}: {rows} gewijzigde rijen, {conflicts} nieuwe conflicten, "
        "{removed} verwijderd.",
        "en": "Imported from {sender}: {rows} rows changed, {conflicts} new conflicts, "
        "{removed} removed.",
    },
    "folder_set": {"nl": "Gedeelde map ingesteld: {path}", "en": "Shared folder set: {path}"},
    "folder_cleared": {"nl": "Geen gedeelde map meer.", "en": "No shared folder any more."},
    "refused": {"nl": "Geweigerd: {name}: {message}", "en": "Refused: {name}: {message}"},
    "no_conflicts": {"nl": "Geen open conflicten.", "en": "No open conflicts."},
    "resolved": {"nl": "Conflict opgelost.", "en": "Conflict resolved."},
}


_BIDI = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))


def _safe(c: str) -> str:
    if unicodedata.category(c) in ("Cc", "Zl", "Zp") or c in _BIDI:
        return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"
    return c


def one_line(text: str) -> str:
    """Text as one safe line: a control, line-separator or bidi character typed into an
    argument or a file is shown escaped, never splits the line or steers the terminal."""
    return "".join(_safe(c) for c in text)
