"""End-to-end fixtures: the report tests reuse the service tests' stage; `initialised` is the
team leader's vault made by `init` (once per test process, copied for each test)."""

from pathlib import Path

import pytest

from tests.conftest import cli_env_for, copy_into
from tests.e2e.cli_run import run
from tests.integration.services.conftest import stage  # noqa: F401 - a fixture

PASSWORD = "Lea's w@chtw00rd \"#%"


@pytest.fixture(scope="session")
def made_by_init(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`init` run once per test process: the folder holding `data` and the recovery key file."""
    root = tmp_path_factory.mktemp("init")
    key_file = root / "herstelsleutel.txt"
    done = run(
        cli_env_for(root / "data"),
        "init",
        "--org",
        "Groep INTRO",
        "--user",
        "lea",
        "--full-name",
        "Lea Peeters",
        "--recovery-key-out",
        str(key_file),
        AMO_PASSWORD=PASSWORD,
    )
    assert done.returncode == 0, done.stderr
    assert "herstelsleutel" in done.stdout.lower()
    return root


@pytest.fixture
def initialised(
    made_by_init: Path, cli_env: dict[str, str], tmp_path: Path
) -> tuple[dict[str, str], Path]:
    """This test's own copy of the vault `init` made, and its recovery key file."""
    copy_into(made_by_init, tmp_path)
    return {**cli_env, "AMO_USER": "lea", "AMO_PASSWORD": PASSWORD}, tmp_path / "herstelsleutel.txt"
