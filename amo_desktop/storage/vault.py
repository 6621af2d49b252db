"""The vault: one encrypted database plus its key sidecar; create, unlock, lock, back up, restore."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlcipher3 import dbapi2

from amo_desktop import __version__
from amo_desktop.domain.identity import Identity
from amo_desktop.errors import (
    CorruptVaultError,
    KnownError,
    VaultClosedError,
    VaultExistsError,
    VaultMissingError,
    WrongPasswordError,
    WrongRecoveryKeyError,
)
from amo_desktop.storage import backup as backups
from amo_desktop.storage import keyslots, migrate, rotation, unlock_attempts
from amo_desktop.storage import restore as staging
from amo_desktop.storage.engine import connect_keyed, make_engine, quick_check
from amo_desktop.storage.errors import translate_db_error, translate_os_error
from amo_desktop.storage.integrity import CHECK_PRAGMAS, IntegrityCheck, Verdict
from amo_desktop.storage.keyslots import (
    DekGeneration,
    KdfParams,
    Sidecar,
    Slot,
    new_password_slot,
    new_recovery_slot,
    now_iso,
    open_password_slot,
    open_recovery_slot,
    reseal_password_slot,
    unwrap_dek,
    wrap_dek,
    wrap_for_all,
)
from amo_desktop.storage.lockfile import VaultLock
from amo_desktop.storage.outputs import check_output
from amo_desktop.storage.restore import RestorePlan
from amo_desktop.storage.rotation import CrashHook

if TYPE_CHECKING:  # SQLAlchemy and the models load when the vault opens, not before
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

DB_NAME = "vault.db"
KEYS_NAME = "vault.keys"
LOCK_NAME = "vault.lock"
BACKUP_DIR = "backups"
DAILY = timedelta(hours=24)
_T = TypeVar("_T")


class Vault:
    """One installation's encrypted store; unlocked by one user at a time, one writer at a time."""

    def __init__(self, data_dir: Path, kdf: KdfParams | None = None) -> None:
        """kdf None: the shipped Argon2id cost (keyslots.DEFAULT_KDF), looked up here so the
        test suite can lower it in its own process; nothing in the environment changes it."""
        self.data_dir = Path(data_dir)
        self.kdf = kdf if kdf is not None else keyslots.DEFAULT_KDF
        # Failed unlocks the last successful unlock found in the key file (issue 12).
        self.failed_unlocks = 0
        self._lock = VaultLock(self.data_dir / LOCK_NAME)
        self._dek: bytearray | None = None
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._sidecar: Sidecar | None = None
        self.identity: Identity | None = None
        self._check: IntegrityCheck | None = None

    # --- paths and state ----------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def keys_path(self) -> Path:
        return self.data_dir / KEYS_NAME

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / BACKUP_DIR

    def exists(self) -> bool:
        if self.data_dir.exists():
            self._recover_leftovers()
        return self.db_path.exists() and self.keys_path.exists()

    def _recover_leftovers(self) -> None:
        """Finish an interrupted restore and clean what a killed one left, but only when no one
        holds the vault: not another program, and not this object in the middle of a restore."""
        if self._lock.held or not backups.has_leftovers(self.data_dir):
            return
        try:
            self._lock.acquire()
        except KnownError:
            return  # in use elsewhere: that program finishes or cleans its own
        try:
            backups.finish_swap(self.data_dir, DB_NAME, KEYS_NAME)
            for leftover in backups.clean_leftovers(self.data_dir):
                log.info(
                    "removed a leftover of an interrupted restore or backup: %s", leftover.name
                )
        finally:
            self._lock.release()

    @property
    def is_unlocked(self) -> bool:
        return self._engine is not None

    @property
    def engine(self) -> Engine:
        return _opened(self._engine)

    @property
    def sidecar(self) -> Sidecar:
        return _opened(self._sidecar)

    def inventory(self) -> Sidecar:
        """What the sidecar tells without any key (R25)."""
        if not self.exists():
            raise VaultMissingError(path=str(self.data_dir))
        return Sidecar.load(self.keys_path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on error."""
        with _opened(self._sessions)() as session, self._translated():
            try:
                yield session
                session.commit()
            except Exception:
                session.rollback()
                raise

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One unit of work on a Core connection, for work on tables rather than models (the
        exchange's books): committed when the block ends, rolled back on error."""
        with self._translated(), self.engine.begin() as conn:
            yield conn

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A Core connection for reads: whatever it did is rolled back when the block ends."""
        with self._translated(), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """A database failure of the environment (disk full, locked, damaged) as a known error."""
        try:
            yield
        except Exception as exc:
            known = translate_db_error(exc, str(self.data_dir))
            if known is not None and not isinstance(exc, KnownError):
                raise known from exc
            raise

    @contextmanager
    def raw_connection(self) -> Iterator[dbapi2.Connection]:
        """A keyed DB-API connection of its own, for backups and checks."""
        conn = connect_keyed(self.db_path, self._require_dek())
        try:
            yield conn
        finally:
            conn.close()

    def _require_dek(self) -> bytearray:
        return _opened(self._dek)

    # --- the unlock's integrity check (R17) ---------------------------------------------
    @property
    def integrity(self) -> str:
        """'checking' while the unlock's quick_check still runs, 'failed' (read-only) or 'ok'."""
        return self._check.state if self._check is not None else "ok"

    def when_checked(self, listener: Verdict) -> None:
        """`listener(None)` once the unlock's check passed, `listener(error)` if it failed."""
        if self._check is None:
            listener(None)
        else:
            self._check.when_done(listener)

    def _writable(self) -> None:
        """Wait for the unlock's check; raise its error when it failed, so nothing is written."""
        if self._check is not None:
            self._check.wait_writable()

    def _guard(self, statement: str) -> None:
        check = self._check
        if check is not None:
            check.guard(statement)

    # --- create -------------------------------------------------------------------------
    def create(
        self,
        organisation: str,
        login: str,
        full_name: str,
        password: str,
        user_id: str | None = None,
        role: str = "teamleader",
    ) -> str:
        """Make a new vault with its first user (the team leader, or a coach joining a team)
        and a recovery slot; returns the recovery key."""
        if self.exists():
            raise VaultExistsError(path=str(self.data_dir))
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise (translate_os_error(exc, str(self.data_dir)) or exc) from exc
        self._lock.acquire()
        try:
            wal, shm = Path(f"{self.db_path}-wal"), Path(f"{self.db_path}-shm")
            for leftover in (self.db_path, wal, shm):
                leftover.unlink(missing_ok=True)  # an earlier create that died before its sidecar
            from amo_desktop.domain.models import AuditEvent, User, new_id
            from amo_desktop.storage import capture

            vault_id = new_id()
            user_id = user_id or new_id()
            dek = bytearray(secrets.token_bytes(32))
            slot, _ = new_password_slot(vault_id, user_id, login.strip(), role, password, self.kdf)
            recovery_slot, _, recovery_key = new_recovery_slot(vault_id)
            sidecar = Sidecar(
                vault_id=vault_id,
                organisation=organisation,
                created_at=now_iso(),
                slots=[slot, recovery_slot],
                deks=[wrap_for_all(vault_id, [slot, recovery_slot], 1, "current", dek)],
                app_version=__version__,
            )
            self._dek = dek
            self.db_path.touch(mode=0o600)  # SQLite keeps the mode for -wal and -shm
            self._start_engine()
            migrate.upgrade(self.engine)
            capture.install(self.engine)
            sidecar.schema_revision = migrate.head_revision()
            with self.session() as s:
                s.add(
                    User(
                        id=user_id,
                        login=login.strip(),
                        full_name=full_name,
                        role=role,
                        changed_by=user_id,
                    )
                )
                s.flush()
                s.add(
                    AuditEvent(
                        user_id=user_id, action="vault.create", entity="vault", entity_id=vault_id
                    )
                )
            sidecar.save(self.keys_path)
            self._sidecar = sidecar
            self.identity = Identity(user_id, login.strip(), role)
            log.info("vault %s created", vault_id)
            return recovery_key
        except BaseException:
            self.lock()
            for path in (self.db_path, Path(f"{self.db_path}-wal"), Path(f"{self.db_path}-shm")):
                if not self.keys_path.exists():
                    path.unlink(missing_ok=True)
            raise

    # --- unlock / lock ------------------------------------------------------------------
    def unlock(
        self,
        login: str,
        password: str,
        daily_backup: bool = True,
        background_check: bool = False,
        reset_failures: bool = True,
    ) -> Identity:
        """reset_failures=False: the failed-unlock count is only read (`failed_unlocks`); the
        caller resets it with `reset_failed_unlocks` once the user has been told (the CLI, at
        the end of a command that succeeded).
        daily_backup=False: the caller makes the daily backup itself later (the GUI does it
        in the background once the window shows; on a large vault it takes a minute).
        background_check=True: the quick_check runs on its own thread after unlock returns
        (seconds on a large vault); reads go on meanwhile, writes wait for it, and after a
        failure the vault stays read-only (`integrity`, `when_checked`). The daily backup is
        then the caller's too: it would wait for the check."""
        sidecar = self.inventory()
        slot = sidecar.slot_for_login(login)
        try:
            if slot is None:
                raise WrongPasswordError()
            private = open_password_slot(sidecar.vault_id, slot, password)
        except WrongPasswordError:
            unlock_attempts.count_failure(self)
            raise
        self._open(
            sidecar,
            slot,
            lambda gen: unwrap_dek(sidecar.vault_id, slot, private, gen),
            daily_backup,
            background_check,
        )
        self.failed_unlocks = unlock_attempts.failures(self.sidecar)
        if reset_failures:
            unlock_attempts.reset_after_unlock(self)
        if _kdf_of(slot).weaker_than(self.kdf):
            try:  # after a background check, this waits for it
                self._update_sidecar(
                    lambda sc: _replace_slot(
                        sc, reseal_password_slot(sc.vault_id, slot, private, password, self.kdf)
                    )
                )
                log.info("slot %s re-wrapped with stronger KDF", slot.slot_id)
            except CorruptVaultError:  # found damaged: read-only, the window says so
                log.warning("slot %s kept its KDF: the vault is read-only", slot.slot_id)
        return self.identity  # type: ignore[return-value]

    def unlock_with_recovery(self, recovery_key: str) -> Identity:
        sidecar = self.inventory()
        slot = sidecar.recovery_slot()
        if slot is None:
            raise CorruptVaultError()
        try:
            private = open_recovery_slot(sidecar.vault_id, slot, recovery_key)
        except WrongRecoveryKeyError:
            unlock_attempts.count_failure(self)
            raise
        self._open(sidecar, slot, lambda gen: unwrap_dek(sidecar.vault_id, slot, private, gen))
        self.failed_unlocks = unlock_attempts.failures(self.sidecar)
        unlock_attempts.reset_after_unlock(self)
        return self.identity  # type: ignore[return-value]

    def reset_failed_unlocks(self) -> None:
        """The count back to 0 after the user was told, whether the vault is open or not."""
        unlock_attempts.reset(self)

    def _open(
        self,
        sidecar: Sidecar,
        slot: Slot,
        unwrap: Callable[[DekGeneration], bytearray],
        daily_backup: bool = True,
        background_check: bool = False,
    ) -> None:
        self._lock.acquire()
        try:
            self._dek = self._find_dek(sidecar, unwrap)
            self._sidecar = Sidecar.load(self.keys_path)  # _find_dek may have promoted a key
            self._start_engine()
            revision = migrate.current_revision(self.engine)
            migrate.check_known(revision)
            if background_check and revision == migrate.head_revision():
                self._check = IntegrityCheck(
                    connect_keyed(self.db_path, self._require_dek(), pragmas=CHECK_PRAGMAS)
                )
                self._check.start()
            else:
                with self.raw_connection() as conn:
                    quick_check(conn)
            self.identity = Identity(slot.user_id, slot.login, slot.role)
            if revision != migrate.head_revision():
                self.backup(reason="migration")
                migrate.upgrade(self.engine)
                self._update_sidecar(
                    lambda sc: setattr(sc, "schema_revision", migrate.head_revision())
                )
            elif daily_backup and not background_check and self.backup_due():
                self.backup(reason="daily")
            from amo_desktop.storage import capture, removal

            capture.install(self.engine)
            if removal.finish_pending(self) == slot.user_id:
                raise WrongPasswordError()  # the removal this user interrupted is now done
            log.info("vault %s unlocked by user %s", sidecar.vault_id, slot.user_id)
        except BaseException:
            self.lock()
            raise

    def _find_dek(
        self, sidecar: Sidecar, unwrap: Callable[[DekGeneration], bytearray]
    ) -> bytearray:
        """The current DEK, or the pending one if a rotation got as far as rekeying."""
        candidates = [sidecar.current()]
        pending = sidecar.pending()
        if pending is not None:
            candidates.append(pending)
        for generation in candidates:
            dek = unwrap(generation)
            try:
                connect_keyed(self.db_path, dek, pragmas=()).close()
            except CorruptVaultError:
                rotation.zero(dek)
                continue
            if generation.state == "pending":
                self._promote(sidecar, generation)
            return dek
        raise CorruptVaultError()

    def _promote(self, sidecar: Sidecar, generation: DekGeneration) -> None:
        """Finish a rotation that was interrupted after the rekey: the pending key is current."""
        fresh = sidecar.copy()
        fresh.deks = [d for d in fresh.deks if d.generation == generation.generation]
        fresh.deks[0].state = "current"
        fresh.save(self.keys_path)
        log.info("finished an interrupted key rotation (generation %s)", generation.generation)

    def _start_engine(self) -> None:
        from sqlalchemy.orm import sessionmaker

        self._engine = make_engine(self.db_path, self._require_dek, self._guard)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    def lock(self) -> None:
        """Dispose the engine and pool, zero the data key, release the writer lock (R9, R20)."""
        check, self._check = self._check, None
        if check is not None:
            check.cancel()
        if self._engine is not None:
            if check is None or check.state == "ok":  # a vault found damaged is never written
                try:
                    with self._engine.connect() as conn:
                        conn.exec_driver_sql("PRAGMA optimize")  # SQLite's advice before closing
                except Exception:
                    log.warning("PRAGMA optimize failed at lock")
            self._engine.dispose()
        self._engine = None
        self._sessions = None
        if self._dek is not None:
            rotation.zero(self._dek)
        self._dek = None
        self._sidecar = None
        self.identity = None
        self.failed_unlocks = 0
        self._lock.release()

    # --- slots --------------------------------------------------------------------------
    def _update_sidecar(self, change: Callable[[Sidecar], object]) -> None:
        self._writable()
        fresh = self.sidecar.copy()
        change(fresh)
        try:
            fresh.save(self.keys_path)
        except OSError as exc:
            raise (translate_os_error(exc, str(self.data_dir)) or exc) from exc
        self._sidecar = fresh

    def add_slot(self, user_id: str, login: str, role: str, password: str) -> None:
        if self.sidecar.slot_for_login(login) is not None:
            raise ValueError("login already has a slot")
        slot, _ = new_password_slot(self.sidecar.vault_id, user_id, login, role, password, self.kdf)
        dek = self._require_dek()

        def change(sc: Sidecar) -> None:
            sc.slots.append(slot)
            current = sc.current()
            current.wraps[slot.slot_id] = wrap_dek(sc.vault_id, slot, current.generation, dek)

        self._update_sidecar(change)

    def change_password(self, old_password: str, new_password: str) -> None:
        """Rewrites only the unlocked user's own slot; a one-time password's mark goes."""
        identity = _opened(self.identity)
        slot = self.sidecar.slot_for_user(identity.user_id)
        if slot is None:
            raise WrongPasswordError()
        private = open_password_slot(self.sidecar.vault_id, slot, old_password)
        own = replace(slot, must_change=False)
        self._update_sidecar(
            lambda sc: _replace_slot(
                sc, reseal_password_slot(sc.vault_id, own, private, new_password, self.kdf)
            )
        )

    def replace_password_slot(
        self, user_id: str, new_password: str, must_change: bool = False
    ) -> None:
        """A fresh key pair and slot for a user who forgot the password (recovery path, or a
        one-time password from the team leader: `must_change`)."""
        old = self.sidecar.slot_for_user(user_id)
        if old is None:
            raise WrongPasswordError()
        slot, _ = new_password_slot(
            self.sidecar.vault_id, user_id, old.login, old.role, new_password, self.kdf
        )
        slot.must_change = must_change
        dek = self._require_dek()

        def change(sc: Sidecar) -> None:
            sc.slots = [slot if s.user_id == user_id else s for s in sc.slots]
            current = sc.current()
            current.wraps.pop(old.slot_id, None)
            current.wraps[slot.slot_id] = wrap_dek(sc.vault_id, slot, current.generation, dek)

        self._update_sidecar(change)

    def remove_slot_and_rotate(self, user_id: str, crash: CrashHook | None = None) -> None:
        """Revoke a user: drop the slot, then rekey to a new DEK; either key opens at every step."""
        rotation.remove_and_rotate(self, user_id, crash)

    # --- backups ------------------------------------------------------------------------
    def backup_due(self) -> bool:
        """True when the last backup is a day old or there is none (R15: at most daily)."""
        last = self.sidecar.last_backup_at
        if last is None:
            return True
        return datetime.now(UTC) - datetime.fromisoformat(last) >= DAILY

    def backup(self, out: Path | None = None, reason: str = "manual") -> backups.BackupInfo:
        """Online, encrypted, verified; automatic ones go to the backups folder and rotate."""
        self._writable()  # a backup's full check would only repeat a running quick_check
        dek = self._require_dek()
        automatic = out is None
        if out is not None:
            check_output(out, self.data_dir)  # before minutes of work, not after
        if out is None:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            out = self.backup_dir / f"amo-{stamp}-{reason}{backups.BACKUP_SUFFIX}"
        try:
            self.backup_dir.mkdir(exist_ok=True, mode=0o700)
            with self.raw_connection() as conn:
                quick_check(conn, full=True)
                info = backups.write_backup(
                    conn,
                    dek,
                    self.sidecar,
                    Path(out),
                    self.data_dir,
                    protect=None if automatic else self.data_dir,
                )
            if automatic:
                backups.rotate(self.backup_dir)
            self._update_sidecar(lambda sc: setattr(sc, "last_backup_at", info.created_at))
        except OSError as exc:
            raise (translate_os_error(exc, str(Path(out).parent)) or exc) from exc
        log.info("backup written (%s)", reason)
        return info

    def checkpoint(self) -> None:
        """Move the WAL into the file and truncate it, so erased text leaves no copy (R12)."""
        self._writable()
        with self.raw_connection() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def check(self) -> dict[str, int]:
        """Full integrity checks (R17); returns the row counts."""
        with self.raw_connection() as conn:
            quick_check(conn, full=True)
            if conn.execute("PRAGMA foreign_key_check").fetchall():
                raise CorruptVaultError()
            return backups.table_counts(conn)

    # --- restore (the steps; services/restore.py runs them in order) ----------------------
    def stage_restore(
        self,
        backup_file: Path,
        login: str,
        password: str,
        may_replace: Callable[[Sidecar, Slot], bool],
    ) -> RestorePlan:
        """Unpack and verify a backup into a temp folder beside the vault, keyed for the users
        the current vault has now; nothing live changes. Replacing an existing vault needs the
        password of a user of the *current* vault that `may_replace` allows, and the same vault."""
        return staging.stage(self, Path(backup_file), login, password, may_replace)

    def commit_restore(self, plan: RestorePlan) -> Identity:
        """Save the current vault as a before-restore backup, swap the staged one in, open it."""
        return staging.commit(self, plan)

    def abandon_restore(self, plan: RestorePlan) -> None:
        """Throw the staged copy away; the live vault is as it was."""
        staging.abandon(self, plan)


def _kdf_of(slot: Slot) -> KdfParams:
    return KdfParams(slot.kdf["memory_kib"], slot.kdf["iterations"], slot.kdf["lanes"])


def _replace_slot(sidecar: Sidecar, slot: Slot) -> None:
    sidecar.slots = [slot if s.slot_id == slot.slot_id else s for s in sidecar.slots]


def _opened(value: _T | None) -> _T:
    """`value`, which only an unlocked vault has."""
    if value is None:
        raise VaultClosedError()
    return value
