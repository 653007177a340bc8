from .helper_probe import VALUE
def test_probe(probe):
    assert probe == VALUE
