"""Test support for the gateway: a fake identity service and a client that fills in forms."""
from .browser import Browser, text_of
from .fake_identity import ENROLMENT_SECRET, GOOD_CODE, FakeIdentity

__all__ = ["Browser", "ENROLMENT_SECRET", "FakeIdentity", "GOOD_CODE", "text_of"]
