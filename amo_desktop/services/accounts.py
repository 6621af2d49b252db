"""Accounts: team leader and coaches, their passwords, and revoking a user's access."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from amo_desktop.domain.identity import Identity
from amo_desktop.domain.models import User, new_id
from amo_desktop.domain.roles import Role
from amo_desktop.errors import KnownError, ValidationError
from amo_desktop.services import audit, password_policy
from amo_desktop.services.authz import ALL_ROLES, TEAMLEADER_ROLES, public, requires
from amo_desktop.services.password_policy import password_words
from amo_desktop.storage import removal
from amo_desktop.storage.rotation import CrashHook
from amo_desktop.storage.vault import Vault

MIN_PASSWORD_LENGTH = password_policy.MIN_LENGTH


@dataclass(frozen=True)
class UserInfo:
    id: str
    login: str
    full_name: str
    role: str
    active: bool


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.login, user.full_name, user.role, user.active)


def validate_password(
    password: str, field: str = "password", user_inputs: Iterable[str] = ()
) -> None:
    """The rule for every new password (services/password_policy.py); one clear line if not."""
    password_policy.validate_new_password(password, user_inputs, field)


def validate_login(login: str) -> str:
    cleaned = login.strip()
    if not cleaned or len(cleaned) > 64 or any(ch.isspace() for ch in cleaned):
        raise ValidationError(
            "login",
            "Een gebruikersnaam heeft 1 tot 64 tekens en geen spaties.",
            "A user name has 1 to 64 characters and no spaces.",
        )
    return cleaned


def password_strength(password: str, user_inputs: Iterable[str] = ()) -> int:
    """0 (weak) to 4 (strong): zxcvbn's score, 0 or 1 below the minimum length."""
    return password_policy.password_verdict(password, user_inputs).score


def _own_words(vault: Vault, login: str, full_name: str | None = None) -> list[str]:
    """The user's login, full name and the organisation: words a new password must not lean on."""
    organisation = (
        vault.sidecar.organisation if vault.is_unlocked else vault.inventory().organisation
    )
    return password_words(login, full_name, organisation)


@public
def create_vault(vault: Vault, organisation: str, login: str, full_name: str, password: str) -> str:
    """First run: the team leader's account and the recovery key (returned once, to print)."""
    if not organisation.strip():
        raise ValidationError(
            "organisation", "Vul de naam van de organisatie in.", "Fill in the organisation's name."
        )
    login = validate_login(login)
    validate_password(password, user_inputs=password_words(login, full_name, organisation))
    return vault.create(organisation.strip(), login, full_name.strip(), password)


@requires(ALL_ROLES)
def list_users(vault: Vault, caller: Identity, include_removed: bool = False) -> list[UserInfo]:
    with vault.session() as s:
        query = select(User).order_by(User.login)
        if not include_removed:
            query = query.where(User.active.is_(True))
        return [_info(u) for u in s.scalars(query)]


@requires(TEAMLEADER_ROLES)
def add_user(
    vault: Vault, caller: Identity, login: str, role: str, full_name: str, password: str
) -> UserInfo:
    login = validate_login(login)
    if role not in {r.value for r in Role}:
        raise ValidationError(
            "role", "Kies coach of teamverantwoordelijke.", "Choose coach or team leader."
        )
    validate_password(password, user_inputs=_own_words(vault, login, full_name))
    with vault.session() as s:
        if s.scalar(select(User).where(User.login == login)) is not None:
            raise ValidationError(
                "login",
                f"De gebruikersnaam '{login}' bestaat al.",
                f"The user name '{login}' already exists.",
            )
    user_id = new_id()
    vault.add_slot(user_id, login, role, password)
    with vault.session() as s:
        user = User(
            id=user_id,
            login=login,
            full_name=full_name.strip(),
            role=role,
            changed_by=caller.user_id,
        )
        s.add(user)
        s.flush()
        audit.record(s, caller.user_id, "user.add", "user", user_id, f"role={role}")
        return _info(user)


@requires(TEAMLEADER_ROLES)
def remove_user(vault: Vault, caller: Identity, login: str, crash: CrashHook | None = None) -> None:
    """Slot, data key, user, laptops and team key in one journaled operation (removal.py).

    Removing someone already removed finishes whatever an interrupted removal left undone."""
    with vault.session() as s:
        user = s.scalar(select(User).where(User.login == login))
        if user is None:
            raise ValidationError(
                "login", f"Er is geen gebruiker '{login}'.", f"There is no user '{login}'."
            )
        if user.id == caller.user_id:
            raise ValidationError(
                "login", "U kunt uzelf niet verwijderen.", "You cannot remove yourself."
            )
        if user.active and user.role in TEAMLEADER_ROLES:
            leaders = s.scalars(
                select(User).where(User.active.is_(True), User.role.in_(TEAMLEADER_ROLES))
            ).all()
            if len(leaders) <= 1:
                raise ValidationError(
                    "login",
                    "De laatste teamverantwoordelijke kan niet weg.",
                    "The last team leader cannot be removed.",
                )
        user_id = user.id
    removal.remove_user(vault, user_id, caller.user_id, crash)


def _full_name(vault: Vault, user_id: str) -> str:
    try:
        with vault.session() as s:
            return s.scalar(select(User.full_name).where(User.id == user_id)) or ""
    except KnownError:  # a vault found damaged at unlock: judge without the name
        return ""


@requires(ALL_ROLES)
def change_password(vault: Vault, caller: Identity, old_password: str, new_password: str) -> None:
    words = _own_words(vault, caller.login, _full_name(vault, caller.user_id))
    validate_password(new_password, "new_password", words)
    vault.change_password(old_password, new_password)
    with vault.session() as s:
        audit.record(s, caller.user_id, "user.password_change", "user", caller.user_id)


@requires(TEAMLEADER_ROLES)
def reset_password(vault: Vault, caller: Identity, login: str, one_time_password: str) -> None:
    """A forgotten password: the team leader's open vault seals the data key to a new slot for
    the user, with a one-time password the user must replace at the next unlock. Not for
    oneself (Account > Wachtwoord wijzigen); the password never reaches the audit."""
    with vault.session() as s:
        user = s.scalar(select(User).where(User.login == login, User.active.is_(True)))
        if user is None:
            raise ValidationError(
                "login", f"Er is geen gebruiker '{login}'.", f"There is no user '{login}'."
            )
        if user.id == caller.user_id:
            raise ValidationError(
                "login",
                "Uw eigen wachtwoord wijzigt u via Account › Wachtwoord wijzigen.",
                "Change your own password with Account › Change password.",
            )
        user_id, words = user.id, _own_words(vault, user.login, user.full_name)
    validate_password(one_time_password, "password", words)
    vault.replace_password_slot(user_id, one_time_password, must_change=True)
    with vault.session() as s:
        audit.record(s, caller.user_id, "user.password_reset", "user", user_id)


def password_proposal() -> str:
    """A strong one-time password to read out: four groups of four letters and digits that
    are hard to confuse (no 0/O, 1/l/I)."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    while True:
        groups = ["".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4)]
        proposal = "-".join(groups)
        if password_policy.password_verdict(proposal).ok:
            return proposal


@public
def reset_password_with_recovery(
    vault: Vault, login: str, recovery_key: str, new_password: str
) -> Identity:
    """Forgotten password: the recovery key opens the vault and gives the user a new slot."""
    validate_password(new_password, "new_password", _own_words(vault, login))
    vault.unlock_with_recovery(recovery_key)
    found = vault.failed_unlocks  # said once the user is in with the new password
    try:
        slot = vault.sidecar.slot_for_login(login)
        if slot is None:
            raise ValidationError(
                "login", f"Er is geen gebruiker '{login}'.", f"There is no user '{login}'."
            )
        words = _own_words(vault, slot.login, _full_name(vault, slot.user_id))
        validate_password(new_password, "new_password", words)
        vault.replace_password_slot(slot.user_id, new_password)
        with vault.session() as s:
            audit.record(s, slot.user_id, "user.password_reset_recovery", "user", slot.user_id)
    finally:
        vault.lock()
    identity = vault.unlock(login, new_password)
    vault.failed_unlocks = found
    return identity


@dataclass(frozen=True)
class UnlockOutcome:
    """What the user should hear right after unlocking."""

    identity: Identity
    failed_attempts: int  # failed unlocks since the last successful one (then reset to 0)
    change_password: bool  # the password is below today's rule: ask for a new one
    must_change: bool = False  # a one-time password from the team leader: a new one first


@public
def unlock(
    vault: Vault,
    login: str,
    password: str,
    daily_backup: bool = True,
    background_check: bool = False,
    reset_failures: bool = True,
) -> UnlockOutcome:
    """Vault.unlock, plus whether the password chosen before today's rule should be changed."""
    identity = vault.unlock(
        login,
        password,
        daily_backup=daily_backup,
        background_check=background_check,
        reset_failures=reset_failures,
    )
    words = _own_words(vault, identity.login, _full_name(vault, identity.user_id))
    weak = not password_policy.password_verdict(password, words).ok
    slot = vault.sidecar.slot_for_user(identity.user_id)
    once = slot is not None and slot.must_change
    return UnlockOutcome(identity, vault.failed_unlocks, weak and not once, once)
