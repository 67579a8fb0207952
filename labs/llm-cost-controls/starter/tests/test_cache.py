"""The exact and semantic caches, offline: an in-memory Qdrant and embeddings chosen by the test."""
import pytest

from cache import ExactCache, SemanticCache, exact_key, normalise
from fake_qdrant import FakeQdrant

# Vectors the test controls: a paraphrase points almost the same way, a near miss clearly elsewhere.
VECTORS = {
    "How do I rotate an API key?": [1.0, 0.0, 0.0],
    "What is the way to rotate an API key": [0.97, 0.24, 0.0],     # cosine 0.97: a paraphrase
    "How do I revoke an API key?": [0.8, 0.6, 0.0],                # cosine 0.80: a near miss
    "Who is on call?": [0.0, 0.0, 1.0],
}


def embed(texts):
    return [VECTORS[t] for t in texts]


@pytest.fixture
def semantic():
    cache = SemanticCache(FakeQdrant().client(), embed, threshold=0.90)
    cache.ensure_collection(size=3)
    return cache


def test_normalise_ignores_case_spacing_and_trailing_punctuation():
    assert normalise("  How do I   ROTATE a key?! ") == normalise("how do i rotate a key") == "how do i rotate a key"


def test_the_exact_key_changes_with_everything_that_changes_the_answer():
    base = exact_key("acme", "lab-small", "answer-v3", "How do I rotate a key?")
    assert base == exact_key("acme", "lab-small", "answer-v3", "how do i rotate a key")
    assert len(base) == 64
    others = {exact_key("tiny", "lab-small", "answer-v3", "How do I rotate a key?"),
              exact_key("acme", "lab-large", "answer-v3", "How do I rotate a key?"),
              exact_key("acme", "lab-small", "answer-v4", "How do I rotate a key?")}
    assert base not in others and len(others) == 3


def test_the_exact_cache_expires_entries_after_their_ttl():
    now = [0.0]
    cache = ExactCache(ttl_s=60, clock=lambda: now[0])
    cache.put("k", "answer")
    now[0] = 59
    assert cache.get("k") == "answer"
    now[0] = 61
    assert cache.get("k") is None


def test_a_paraphrase_is_a_semantic_hit(semantic):
    semantic.store("acme", "How do I rotate an API key?", "Create the new key, then revoke the old one.")
    hit = semantic.lookup("acme", "What is the way to rotate an API key")
    assert hit["answer"] == "Create the new key, then revoke the old one."
    assert hit["question"] == "How do I rotate an API key?" and hit["score"] == pytest.approx(0.97, abs=0.01)


def test_a_near_miss_below_the_threshold_is_not_a_hit(semantic):
    semantic.store("acme", "How do I rotate an API key?", "Create the new key, then revoke the old one.")
    assert semantic.lookup("acme", "How do I revoke an API key?") is None


def test_another_tenants_cached_answer_is_never_returned(semantic):
    semantic.store("acme", "How do I rotate an API key?", "acme's answer")
    assert semantic.lookup("tiny", "How do I rotate an API key?") is None


def test_lookup_sends_the_tenant_filter_and_the_threshold():
    fake = FakeQdrant()
    cache = SemanticCache(fake.client(), embed, threshold=0.93)
    cache.ensure_collection(size=3)
    cache.lookup("acme", "Who is on call?")
    method, path, body = fake.requests[-1]
    assert path.endswith("/points/query") and body["limit"] == 1 and body["score_threshold"] == 0.93
    assert body["filter"] == {"must": [{"key": "tenant_id", "match": {"value": "acme"}}]}


def test_storing_the_same_question_twice_keeps_one_point():
    fake = FakeQdrant()
    cache = SemanticCache(fake.client(), embed)
    cache.ensure_collection(size=3)
    cache.store("acme", "How do I rotate an API key?", "first")
    cache.store("acme", "How do I rotate an API key?", "second")
    points = list(fake.collections["answer_cache"].values())
    assert len(points) == 1 and points[0]["payload"] == {"tenant_id": "acme", "question": "How do I rotate an API key?",
                                                          "answer": "second"}
