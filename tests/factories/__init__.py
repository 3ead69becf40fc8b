"""factory_boy factories, one module per app; import them from here."""

from .accounts import PASSWORD, ApplicantFactory, StaffFactory, UserFactory

__all__ = ["PASSWORD", "ApplicantFactory", "StaffFactory", "UserFactory"]
