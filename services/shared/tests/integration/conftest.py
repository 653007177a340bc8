import pytest
from .helper_probe import VALUE

@pytest.fixture
def probe():
    return VALUE
