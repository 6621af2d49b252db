"""Who is working: the caller every service checks, known to every layer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Identity:
    """Who unlocked the vault; roles are authorization, not cryptography (R8)."""

    user_id: str
    login: str
    role: str
