"""The complexity router against the labelled questions in data/questions.jsonl."""
import json
import pathlib

from router import classify

DATA = pathlib.Path(__file__).resolve().parent.parent / "data" / "questions.jsonl"
ROWS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_labelled_set_is_big_enough_and_balanced():
    labels = [row["label"] for row in ROWS]
    assert len(ROWS) >= 30
    assert labels.count("simple") >= 10 and labels.count("complex") >= 10


def test_the_router_agrees_with_at_least_85_percent_of_the_labels():
    misses = [row["question"][:60] for row in ROWS if classify(row["question"]).route != row["label"]]
    accuracy = 1 - len(misses) / len(ROWS)
    assert accuracy >= 0.85, f"accuracy {accuracy:.2f}; misrouted: {misses}"


def test_a_short_factual_question_is_simple():
    assert classify("What port does Qdrant use for REST?").route == "simple"


def test_a_request_for_trade_offs_is_complex_and_says_why():
    decision = classify("Compare rolling updates and canaries for the checkout service and recommend one.")
    assert decision.route == "complex"
    assert decision.reason and "compare" in decision.reason.lower()


def test_code_or_logs_make_a_question_complex():
    decision = classify("What went wrong here?\n```\nERROR pool exhausted\nERROR upstream timeout\n```")
    assert decision.route == "complex"
