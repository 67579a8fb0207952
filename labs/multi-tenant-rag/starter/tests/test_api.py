"""The HTTP API with the store on an in-memory Qdrant and a hash embedder: no service needed."""
import pytest
from fastapi.testclient import TestClient

import main
from clients import hash_embed
from fake_qdrant import FakeQdrant
from tenancy import TenantScopedStore

ACME = {"Authorization": "Bearer key-acme-7f3a9c"}


@pytest.fixture
def client():
    fake = FakeQdrant()
    store = TenantScopedStore(fake.client())
    for tenant, text in (("acme", "acme failover runbook"), ("globex", "globex failover GLOBEX-SECRET-7731")):
        store.upsert(tenant, [{"id": f"00000000-0000-0000-0000-00000000000{1 if tenant == 'acme' else 2}",
                               "vector": hash_embed([text])[0], "payload": {"text": text, "path": f"{tenant}/a.md"}}])
    main.app.dependency_overrides[main.get_store] = lambda: store
    main.app.dependency_overrides[main.get_embed] = lambda: hash_embed
    yield TestClient(main.app)
    main.app.dependency_overrides.clear()


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer"}, {"Authorization": "Bearer nope"},
                                     {"Authorization": "Basic key-acme-7f3a9c"}, {"Authorization": "key-acme-7f3a9c"}])
def test_without_a_valid_key_the_answer_is_401(client, headers):
    response = client.post("/search", json={"query": "failover"}, headers=headers)
    assert response.status_code == 401, response.text
    assert response.headers.get("www-authenticate") == "Bearer"


def test_the_tenant_comes_from_the_key_not_from_the_body_or_a_header(client):
    response = client.post("/search", json={"query": "GLOBEX-SECRET-7731", "limit": 50, "tenant_id": "globex",
                                            "filter": {"must": []}},
                           headers={**ACME, "X-Tenant-Id": "globex"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["tenant"] == "acme" and {h["tenant"] for h in body["hits"]} == {"acme"}
    assert "GLOBEX-SECRET-7731" not in response.text


def test_another_tenants_document_is_a_404_like_a_missing_one(client):
    other = client.get("/documents/00000000-0000-0000-0000-000000000002", headers=ACME)
    missing = client.get("/documents/00000000-0000-0000-0000-000000000009", headers=ACME)
    assert other.status_code == missing.status_code == 404
    assert client.get("/documents/00000000-0000-0000-0000-000000000001", headers=ACME).status_code == 200
