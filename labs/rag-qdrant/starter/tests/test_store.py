"""QdrantStore against a fake transport: the REST calls ingestion relies on, no Qdrant needed."""
import json

import httpx
import pytest

from clients import QdrantStore, ServiceError


class FakeQdrant:
    """Records requests and answers from a small script keyed by (method, path)."""

    def __init__(self, answers):
        self.answers = answers
        self.requests = []

    def __call__(self, request):
        body = json.loads(request.content) if request.content else None
        self.requests.append((request.method, request.url.path, dict(request.url.params), body))
        status, payload = self.answers.get((request.method, request.url.path), (200, {"result": True}))
        return httpx.Response(status, json=payload)


def store_with(answers, api_key=""):
    fake = FakeQdrant(answers)
    client = httpx.Client(transport=httpx.MockTransport(fake))
    return QdrantStore("runbooks", url="http://qdrant.test", api_key=api_key, client=client), fake


def collection_info(size, distance):
    return {"result": {"points_count": 0, "config": {"params": {"vectors": {"size": size, "distance": distance}}}}}


def test_a_missing_collection_is_created_with_384_cosine_and_a_path_index():
    store, fake = store_with({("GET", "/collections/runbooks"): (404, {"status": {"error": "Not found"}})})
    assert store.ensure_collection() is True
    calls = [(m, p, b) for m, p, _, b in fake.requests]
    assert ("PUT", "/collections/runbooks", {"vectors": {"size": 384, "distance": "Cosine"}}) in calls
    assert ("PUT", "/collections/runbooks/index", {"field_name": "path", "field_schema": "keyword"}) in calls


def test_an_existing_collection_is_left_alone():
    store, fake = store_with({("GET", "/collections/runbooks"): (200, collection_info(384, "Cosine"))})
    assert store.ensure_collection() is False
    assert [m for m, *_ in fake.requests] == ["GET"]


def test_an_existing_collection_with_other_dimensions_is_an_error():
    store, _ = store_with({("GET", "/collections/runbooks"): (200, collection_info(768, "Cosine"))})
    with pytest.raises(ServiceError, match="768"):
        store.ensure_collection()


def test_replace_document_deletes_by_path_then_upserts_in_batches_and_waits():
    store, fake = store_with({})
    points = [{"id": f"00000000-0000-0000-0000-{i:012d}", "vector": [0.1] * 384, "payload": {"path": "docs/a.md"}}
              for i in range(5)]
    store.replace_document("docs/a.md", points, batch_size=2)
    method, path, params, body = fake.requests[0]
    assert (method, path) == ("POST", "/collections/runbooks/points/delete")
    assert body == {"filter": {"must": [{"key": "path", "match": {"value": "docs/a.md"}}]}}
    upserts = [(p, params, b) for m, p, params, b in fake.requests if m == "PUT"]
    assert [len(b["points"]) for _, _, b in upserts] == [2, 2, 1]
    assert all(params.get("wait") == "true" for _, params, _ in upserts)


def test_search_asks_the_query_api_for_payloads():
    hit = {"id": "x", "score": 0.9, "payload": {"path": "docs/a.md"}}
    store, fake = store_with({("POST", "/collections/runbooks/points/query"): (200, {"result": {"points": [hit]}})})
    assert store.search([0.5] * 384, limit=3) == [hit]
    _, _, _, body = fake.requests[0]
    assert body["limit"] == 3 and body["with_payload"] is True and len(body["query"]) == 384


def test_the_api_key_is_sent_when_set():
    seen = []
    client = httpx.Client(transport=httpx.MockTransport(
        lambda request: seen.append(request.headers.get("api-key")) or httpx.Response(200, json={"result": {"count": 0}})))
    QdrantStore("runbooks", url="http://qdrant.test", api_key="s3cret", client=client).count()
    assert seen == ["s3cret"]


def test_an_error_answer_becomes_a_service_error():
    store, _ = store_with({("POST", "/collections/runbooks/points/query"): (400, {"status": {"error": "Wrong input"}})})
    with pytest.raises(ServiceError, match="400"):
        store.search([0.0] * 384)
