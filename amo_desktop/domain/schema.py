"""Every model module, imported once so Base.metadata knows the whole schema."""

from amo_desktop.domain import caseload, exchange, models, reference
from amo_desktop.domain.models import Base

metadata = Base.metadata
__all__ = ["caseload", "exchange", "metadata", "models", "reference"]
