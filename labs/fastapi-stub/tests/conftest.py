"""Lets the tests import main.py however pytest is started (python -m pytest or plain pytest)."""
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
