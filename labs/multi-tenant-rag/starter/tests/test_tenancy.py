"""The tenant-scoped store against an in-memory Qdrant: no service needed."""
import inspect

import pytest

from clients import hash_embed
from fake_qdrant import FakeQdrant
from tenancy import TENANT_FIELD, TenantError, TenantScopedStore, check_tenant, tenant_filter


def seeded(fake):
    store = TenantScopedStore(fake.client())
    for tenant, texts in {"acme": ["acme failover runbook", "acme api keys"],
                          "globex": ["globex failover runbook GLOBEX-SECRET-7731", "globex api keys"]}.items():
        store.upsert(tenant, [{"id": f"{tenant}-{i}", "vector": v, "payload": {"text": t}}
                              for i, (t, v) in enumerate(zip(texts, hash_embed(texts)))])
    return store


@pytest.mark.parametrize("bad", [None, "", " ", "*", "acme OR 1=1", "Globex", "acme\"}", "a", 42])
def test_a_missing_or_malformed_tenant_is_refused(bad):
    with pytest.raises(TenantError):
        check_tenant(bad)


def test_the_filter_keeps_only_the_tenants_points():
    assert tenant_filter("acme") == {"must": [{"key": TENANT_FIELD, "match": {"value": "acme"}}]}
    with pytest.raises(TenantError):
        tenant_filter("")


def test_upsert_stamps_the_tenant_over_whatever_the_payload_claims():
    fake = FakeQdrant()
    store = TenantScopedStore(fake.client())
    store.upsert("acme", [{"id": "p1", "vector": [1.0] * 384, "payload": {"text": "x", TENANT_FIELD: "globex"}}])
    assert fake.points["p1"]["payload"][TENANT_FIELD] == "acme"


def test_every_search_sends_the_tenant_filter():
    fake = FakeQdrant()
    store = seeded(fake)
    store.search("acme", hash_embed(["failover"])[0], limit=10)
    method, path, body = fake.requests[-1]
    assert path.endswith("/points/query") and body["filter"] == tenant_filter("acme") and body["limit"] == 10


def test_a_tenant_never_gets_another_tenants_points():
    store = seeded(FakeQdrant())
    hits = store.search("acme", hash_embed(["GLOBEX-SECRET-7731 globex failover runbook"])[0], limit=10)
    assert hits and {h["payload"][TENANT_FIELD] for h in hits} == {"acme"}


def test_hits_of_another_tenant_are_dropped_even_when_the_backend_ignores_the_filter():
    store = seeded(FakeQdrant(honour_filters=False))
    hits = store.search("acme", hash_embed(["globex"])[0], limit=10)
    assert {h["payload"][TENANT_FIELD] for h in hits} == {"acme"}


def test_another_tenants_point_cannot_be_fetched_by_id():
    store = seeded(FakeQdrant())
    assert store.get("acme", "globex-0") is None
    assert store.get("globex", "globex-0")["payload"]["text"].startswith("globex failover")


def test_the_store_has_no_way_to_read_without_a_tenant():
    for name in ("search", "get", "upsert", "count"):
        parameters = list(inspect.signature(getattr(TenantScopedStore, name)).parameters.values())
        assert parameters[1].name == "tenant_id" and parameters[1].default is inspect.Parameter.empty, name
    with pytest.raises(TenantError):
        seeded(FakeQdrant()).search("", [0.0] * 384)


def test_five_hundred_random_queries_over_three_tenants_find_no_cross_tenant_hit():
    import random
    rng = random.Random(30)
    words = "database failover replica primary key rotate revoke customer billing report marker secret".split()
    fake = FakeQdrant()
    store = TenantScopedStore(fake.client())
    for tenant in ("acme", "globex", "initech"):
        texts = [f"{tenant} " + " ".join(rng.sample(words, 4)) for _ in range(20)]
        store.upsert(tenant, [{"id": f"{tenant}-{i}", "vector": v, "payload": {"text": t}}
                              for i, (t, v) in enumerate(zip(texts, hash_embed(texts)))])
    for _ in range(500):
        tenant = rng.choice(["acme", "globex", "initech"])
        query = " ".join(rng.sample(words + ["acme", "globex", "initech"], 3))
        hits = store.search(tenant, hash_embed([query])[0], limit=10)
        assert len(hits) == 10 and all(h["payload"][TENANT_FIELD] == tenant for h in hits), query
