"""The catalogue of errors a user can act on, shared by every layer and kept apart from bugs."""

from __future__ import annotations

from typing import ClassVar

_MESSAGES: dict[str, dict[str, str]] = {
    "wrong_password": {
        "nl": "Gebruikersnaam of wachtwoord is niet juist. Probeer opnieuw of gebruik de herstelsleutel.",
        "en": "User name or password is not correct. Try again or use the recovery key.",
    },
    "wrong_recovery_key": {
        "nl": "Deze herstelsleutel hoort niet bij deze kluis of is verkeerd overgetypt.",
        "en": "This recovery key does not belong to this vault or was mistyped.",
    },
    "vault_missing": {
        "nl": "Er is nog geen kluis in {path}. Maak er een met 'init' of kies een andere map.",
        "en": "There is no vault in {path} yet. Create one with 'init' or choose another folder.",
    },
    "vault_exists": {
        "nl": "Er staat al een kluis in {path}. Kies een andere map of open de bestaande kluis.",
        "en": "A vault already exists in {path}. Choose another folder or open the existing vault.",
    },
    "vault_locked": {
        "nl": "De kluis is al geopend door een ander venster of programma. Sluit dat eerst.",
        "en": "The vault is already open in another window or program. Close that first.",
    },
    "disk_full": {
        "nl": "De schijf is vol. Maak ruimte vrij en probeer opnieuw; er is niets verloren.",
        "en": "The disk is full. Free some space and try again; nothing was lost.",
    },
    "read_only": {
        "nl": "De kluismap is alleen-lezen ({path}). Kies een map waarin u mag schrijven.",
        "en": "The vault folder is read-only ({path}). Choose a folder you can write to.",
    },
    "corrupt": {
        "nl": "De kluis is beschadigd. Zet een reservekopie terug met 'restore'; er is niets gewijzigd.",
        "en": "The vault is damaged. Restore a backup with 'restore'; nothing was changed.",
    },
    "newer_schema": {
        "nl": "Deze kluis is gemaakt met een nieuwere versie van AMO Desktop. Installeer de nieuwste versie.",
        "en": "This vault was made by a newer version of AMO Desktop. Install the latest version.",
    },
    "bad_backup": {
        "nl": "Deze reservekopie is onvolledig of beschadigd ({detail}). Kies een andere reservekopie.",
        "en": "This backup is incomplete or damaged ({detail}). Choose another backup.",
    },
    "permission": {
        "nl": "U hebt geen toegang tot dit onderdeel. Vraag het aan de teamverantwoordelijke.",
        "en": "You do not have access to this. Ask the team leader.",
    },
    "bundle_damaged": {
        "nl": "Dit uitwisselbestand is beschadigd of gewijzigd ({detail}). Er is niets ingelezen; vraag een nieuw bestand.",
        "en": "This exchange file is damaged or was altered ({detail}). Nothing was imported; ask for a new file.",
    },
    "bundle_other_team": {
        "nl": "Dit uitwisselbestand komt van een ander team. Er is niets ingelezen.",
        "en": "This exchange file comes from another team. Nothing was imported.",
    },
    "bundle_revoked": {
        "nl": "Dit uitwisselbestand komt van een laptop van iemand die uit het team is verwijderd ({login}). Er is niets ingelezen.",
        "en": "This exchange file comes from the laptop of someone removed from the team ({login}). Nothing was imported.",
    },
    "bundle_unknown": {
        "nl": "Dit uitwisselbestand komt van een laptop die deze kluis niet kent. Wissel eerst met de teamverantwoordelijke.",
        "en": "This exchange file comes from a laptop this vault does not know. Exchange with the team leader first.",
    },
    "bundle_not_for_us": {
        "nl": "Dit uitwisselbestand bevat niets voor deze laptop. Er is niets ingelezen.",
        "en": "This exchange file holds nothing for this laptop. Nothing was imported.",
    },
    "bundle_old_key": {
        "nl": "Dit uitwisselbestand gebruikt een oude teamsleutel. Laat de afzender eerst met de teamverantwoordelijke uitwisselen.",
        "en": "This exchange file uses an old team key. Let the sender exchange with the team leader first.",
    },
    "bundle_forbidden": {
        "nl": "Dit uitwisselbestand van {login} is geweigerd: het wijzigt {what}, en dat mag deze gebruiker niet. Er is niets ingelezen.",
        "en": "This exchange file from {login} was refused: it changes {what_en}, which this user may not do. Nothing was imported.",
    },
    "no_team": {
        "nl": "Deze kluis hoort nog niet bij een team. Maak een uitnodiging (teamverantwoordelijke) of sluit aan met een uitnodiging.",
        "en": "This vault is not part of a team yet. Make an invitation (team leader) or join with one.",
    },
    "invite_code": {
        "nl": "De code past niet bij deze uitnodiging, of het bestand is beschadigd. Controleer de code.",
        "en": "The code does not match this invitation, or the file is damaged. Check the code.",
    },
    "invite_expired": {
        "nl": "Deze uitnodiging is verlopen of ingetrokken. Vraag de teamverantwoordelijke om een nieuwe.",
        "en": "This invitation has expired or was withdrawn. Ask the team leader for a new one.",
    },
    "output_in_vault": {
        "nl": "{path} is een bestand van de kluis zelf. Kies een plaats buiten de kluismap, bv. Documenten.",
        "en": "{path} is one of the vault's own files. Choose a place outside the vault folder, e.g. Documents.",
    },
    "output_no_folder": {
        "nl": "De map {folder} bestaat niet. Kies een bestaande map.",
        "en": "The folder {folder} does not exist. Choose an existing folder.",
    },
    "output_is_folder": {
        "nl": "{path} is een map, geen bestand. Geef ook een bestandsnaam op.",
        "en": "{path} is a folder, not a file. Give a file name too.",
    },
    "output_not_writable": {
        "nl": "Kan {path} niet schrijven: alleen-lezen of geen toegang. Kies een andere plaats.",
        "en": "Cannot write {path}: read-only or no access. Choose another place.",
    },
    "restore_other_vault": {
        "nl": "Deze reservekopie hoort bij een andere kluis en vervangt deze kluis niet. Wilt u ze "
        "toch openen, zet ze dan terug in een lege kluismap (bv. op een nieuwe laptop, met --data-dir).",
        "en": "This backup belongs to another vault and does not replace this one. To open it "
        "anyway, restore it into an empty vault folder (e.g. on a new laptop, with --data-dir).",
    },
    "restore_not_allowed": {
        "nl": "Alleen de teamverantwoordelijke (of op een coachlaptop de eigen gebruiker) mag een "
        "reservekopie terugzetten over deze kluis.",
        "en": "Only the team leader (or on a coach's laptop its own user) may restore a backup "
        "over this vault.",
    },
    "restore_unknown_user": {
        "nl": "U had nog geen gebruiker in deze kluis toen de reservekopie gemaakt werd. Laat een "
        "teamverantwoordelijke die er toen al was ze terugzetten.",
        "en": "You had no user in this vault when the backup was made. Let a team leader who "
        "was there then restore it.",
    },
    "input_missing": {
        "nl": "Het bestand {path} bestaat niet. Controleer de naam en de map.",
        "en": "The file {path} does not exist. Check the name and the folder.",
    },
    "input_is_folder": {
        "nl": "{path} is een map, geen bestand. Kies een bestand in die map.",
        "en": "{path} is a folder, not a file. Choose a file in that folder.",
    },
    "input_unreadable": {
        "nl": "Kan {path} niet lezen: geen toegang, of het bestand is te groot.",
        "en": "Cannot read {path}: no access, or the file is too large.",
    },
    "input_wrong_text": {
        "nl": "{path} is geen leesbare tekst. Bewaar het als UTF-8-tekstbestand en probeer opnieuw.",
        "en": "{path} is not readable text. Save it as a UTF-8 text file and try again.",
    },
    "backup_too_large": {
        "nl": "Deze reservekopie zou uitgepakt veel groter worden dan een kluis kan zijn. Er is "
        "niets teruggezet.",
        "en": "This backup would unpack to far more than a vault can be. Nothing was restored.",
    },
    "form_damaged": {
        "nl": "Dit bestand is geen leesbaar pdf-formulier (beschadigd of geen pdf). Er is niets "
        "ingelezen; vraag de school het formulier opnieuw te bewaren en te sturen.",
        "en": "This file is not a readable PDF form (damaged or not a PDF). Nothing was "
        "imported; ask the school to save and send the form again.",
    },
    "form_too_large": {
        "nl": "Dit bestand is te groot voor een aanmeldingsformulier ({detail}). Er is niets "
        "ingelezen.",
        "en": "This file is too large for a referral form ({detail_en}). Nothing was imported.",
    },
    "form_flattened": {
        "nl": "Deze pdf heeft geen invulvelden (afgedrukt en ingescand, of afgevlakt). Vraag de "
        "school het ingevulde formulier zelf te bewaren en door te sturen.",
        "en": "This PDF has no form fields (printed and scanned, or flattened). Ask the school "
        "to save the filled-in form itself and send it.",
    },
    "form_not_ours": {
        "nl": "Deze pdf is geen aanmeldingsformulier van AMO Desktop. Stuur de school een "
        "formulier via 'Aanmeldingsformulier maken…'.",
        "en": "This PDF is not an AMO Desktop referral form. Send the school a form made with "
        "'Aanmeldingsformulier maken…'.",
    },
    "form_other_team": {
        "nl": "Dit aanmeldingsformulier is gemaakt door een ander team. Er is niets ingelezen.",
        "en": "This referral form was made by another team. Nothing was imported.",
    },
    "form_newer": {
        "nl": "Dit aanmeldingsformulier is gemaakt met een nieuwere versie van AMO Desktop. "
        "Installeer de nieuwste versie en probeer opnieuw.",
        "en": "This referral form was made by a newer version of AMO Desktop. Install the "
        "latest version and try again.",
    },
    "form_odd": {
        "nl": "Dit formulier heeft velden die niet in een aanmeldingsformulier horen ({detail}). "
        "Er is niets ingelezen.",
        "en": "This form has fields that do not belong in a referral form ({detail_en}). "
        "Nothing was imported.",
    },
    "form_script": {
        "nl": "Dit formulier bevat JavaScript, dat een aanmeldingsformulier nooit heeft; het is "
        "geweigerd en er is niets ingelezen.",
        "en": "This form contains JavaScript, which a referral form never has; it was refused "
        "and nothing was imported.",
    },
    "validation": {"nl": "{message}", "en": "{message}"},
    "vault_closed": {
        "nl": "De kluis is vergrendeld. Ontgrendel ze opnieuw.",
        "en": "The vault is locked. Unlock it again.",
    },
}


class KnownError(Exception):
    """An error the user can understand and act on; never shown with a traceback."""

    code: ClassVar[str] = ""

    def __init__(self, **params: str) -> None:
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "nl") -> str:
        table = _MESSAGES[self.code]
        return table.get(lang, table["nl"]).format(**self.params)


class WrongPasswordError(KnownError):
    code = "wrong_password"


class WrongRecoveryKeyError(KnownError):
    code = "wrong_recovery_key"


class VaultMissingError(KnownError):
    code = "vault_missing"


class VaultExistsError(KnownError):
    code = "vault_exists"


class VaultLockedError(KnownError):
    code = "vault_locked"


class DiskFullError(KnownError):
    code = "disk_full"


class ReadOnlyError(KnownError):
    code = "read_only"


class CorruptVaultError(KnownError):
    code = "corrupt"


class NewerSchemaError(KnownError):
    code = "newer_schema"


class BadBackupError(KnownError):
    code = "bad_backup"


class PermissionDeniedError(KnownError):
    code = "permission"


class VaultClosedError(KnownError):
    code = "vault_closed"


class ValidationError(KnownError):
    """A bad input, tied to the field the UI shows it next to."""

    code = "validation"

    def __init__(self, field: str, nl: str, en: str | None = None) -> None:
        self.field = field
        self._texts = {"nl": nl, "en": en or nl}
        super().__init__(message=nl)

    def message(self, lang: str = "nl") -> str:
        return self._texts.get(lang, self._texts["nl"])


class BundleDamagedError(KnownError):
    code = "bundle_damaged"


class BundleOtherTeamError(KnownError):
    code = "bundle_other_team"


class BundleRevokedError(KnownError):
    code = "bundle_revoked"


class BundleUnknownSenderError(KnownError):
    code = "bundle_unknown"


class BundleNotForUsError(KnownError):
    code = "bundle_not_for_us"


class BundleOldKeyError(KnownError):
    code = "bundle_old_key"


class BundleForbiddenError(KnownError):
    """A coach's bundle holds a change outside the coach's rights (exchange-format.md)."""

    code = "bundle_forbidden"


class NoTeamError(KnownError):
    code = "no_team"


class InviteCodeError(KnownError):
    code = "invite_code"


class InviteExpiredError(KnownError):
    code = "invite_expired"


class OutputInVaultError(KnownError):
    code = "output_in_vault"


class OutputFolderMissingError(KnownError):
    code = "output_no_folder"


class OutputIsFolderError(KnownError):
    code = "output_is_folder"


class OutputNotWritableError(KnownError):
    code = "output_not_writable"


class RestoreOtherVaultError(KnownError):
    code = "restore_other_vault"


class RestoreNotAllowedError(KnownError):
    code = "restore_not_allowed"


class BackupTooLargeError(KnownError):
    code = "backup_too_large"


class RestoreUnknownUserError(KnownError):
    code = "restore_unknown_user"


class InputMissingError(KnownError):
    code = "input_missing"


class InputIsFolderError(KnownError):
    code = "input_is_folder"


class InputUnreadableError(KnownError):
    code = "input_unreadable"


class InputWrongTextError(KnownError):
    code = "input_wrong_text"


class FormDamagedError(KnownError):
    code = "form_damaged"


class FormTooLargeError(KnownError):
    code = "form_too_large"


class FormFlattenedError(KnownError):
    code = "form_flattened"


class FormNotOursError(KnownError):
    code = "form_not_ours"


class FormOtherTeamError(KnownError):
    code = "form_other_team"


class FormNewerError(KnownError):
    code = "form_newer"


class FormOddError(KnownError):
    code = "form_odd"


class FormScriptError(KnownError):
    code = "form_script"
