"""Tenant-scoped access to the one Qdrant collection every tenant shares.

Isolation is enforced here, on the server side, and nowhere else: every read and write goes
through TenantScopedStore, which always adds the tenant's payload filter and has no method that
could search without one. The tenant id comes from the caller's identity (main.py), never from
the request body, so nothing a user types can widen the filter.
"""
import re
from typing import Any, Dict, List, Optional

import httpx

COLLECTION = "tenant_docs"
TENANT_FIELD = "tenant_id"
TENANT_ID = re.compile(r"^[a-z][a-z0-9-]{1,31}$")


class TenantError(ValueError):
    """A tenant id that is missing or malformed: the request is refused, never run unscoped."""


class StoreError(RuntimeError):
    """Qdrant could not be reached or refused a request."""


def check_tenant(tenant_id: Any) -> str:
    """The tenant id when it is a string that matches TENANT_ID; TenantError otherwise.

    TODO(lab, step 1): None, "", "*", "acme OR 1=1", "Globex" and anything else that does not match
    TENANT_ID raise TenantError with a sentence saying the tenant id is missing or malformed.
    """
    raise NotImplementedError("tenancy.check_tenant() is not written yet: see its TODO in tenancy.py")


def tenant_filter(tenant_id: str) -> Dict[str, Any]:
    """TODO(lab, step 1): Qdrant's filter that keeps only this tenant's points:
    {"must": [{"key": TENANT_FIELD, "match": {"value": <checked tenant id>}}]}."""
    raise NotImplementedError("tenancy.tenant_filter() is not written yet: see its TODO in tenancy.py")


class TenantScopedStore:
    def __init__(self, http: httpx.Client, collection: str = COLLECTION):
        self.http = http                   # base_url is Qdrant's (clients.qdrant_client())
        self.collection = collection

    def _call(self, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Any:
        try:
            response = self.http.request(method, f"/collections/{self.collection}{path}", json=body)
        except httpx.HTTPError as error:
            raise StoreError(f"cannot reach Qdrant: {error}") from error
        if response.status_code != 200:
            raise StoreError(f"Qdrant answered {response.status_code}: {response.text[:300]}")
        return response.json()["result"]

    def ensure_collection(self, size: int = 384) -> bool:
        """Create the collection with a tenant index on tenant_id when it is missing; True when created.

        is_tenant tells Qdrant (1.11 and later) to lay points out by tenant, so a filtered search reads
        one tenant's data instead of scanning everyone's.
        """
        try:
            exists = self.http.get(f"/collections/{self.collection}").status_code == 200
        except httpx.HTTPError as error:
            raise StoreError(f"cannot reach Qdrant: {error}") from error
        if exists:
            return False
        self._call("PUT", "", {"vectors": {"size": size, "distance": "Cosine"}})
        self._call("PUT", "/index?wait=true", {"field_name": TENANT_FIELD,
                                                "field_schema": {"type": "keyword", "is_tenant": True}})
        return True

    def count(self, tenant_id: str) -> int:
        return self._call("POST", "/points/count", {"filter": tenant_filter(tenant_id), "exact": True})["count"]

    def upsert(self, tenant_id: str, points: List[Dict[str, Any]]) -> None:
        """Write points ({id, vector, payload}) for this tenant.

        TODO(lab, step 1): check the tenant first, then set payload[TENANT_FIELD] = tenant_id on every
        point, overwriting whatever the payload claims, and PUT them to /points?wait=true as {"points": [...]}.
        """
        raise NotImplementedError("TenantScopedStore.upsert() is not written yet: see its TODO in tenancy.py")

    def search(self, tenant_id: str, vector: List[float], limit: int = 5) -> List[Dict[str, Any]]:
        """This tenant's `limit` nearest points, best first, each {id, score, payload}.

        TODO(lab, step 1): POST /points/query with {"query": vector, "limit": limit, "with_payload": True,
        "filter": tenant_filter(tenant_id)} and return result["points"], leaving out any hit whose payload
        names another tenant (defence in depth: a bug elsewhere must still not leak).
        """
        raise NotImplementedError("TenantScopedStore.search() is not written yet: see its TODO in tenancy.py")

    def get(self, tenant_id: str, point_id: str) -> Optional[Dict[str, Any]]:
        """One point by id, or None when it does not exist *or belongs to another tenant*.

        TODO(lab, step 1): POST /points with {"ids": [point_id], "with_payload": True}; return the point only
        when its payload's tenant is this tenant. Answering "exists, but not yours" would tell an attacker
        which ids are real.
        """
        raise NotImplementedError("TenantScopedStore.get() is not written yet: see its TODO in tenancy.py")
