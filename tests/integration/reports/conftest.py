"""Reports use the same stage as the service tests."""

from tests.integration.services.conftest import stage  # noqa: F401 - a fixture
