"""End-to-end report tests reuse the service tests' stage."""

from tests.integration.services.conftest import stage  # noqa: F401 - a fixture
