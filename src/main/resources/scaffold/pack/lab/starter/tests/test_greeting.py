import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from greeting import greeting


def test_greets_by_name():
    assert greeting("Ada") == "Hello, Ada!"


def test_greets_anyone():
    assert greeting("Grace") == "Hello, Grace!"
