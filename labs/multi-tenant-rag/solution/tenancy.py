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
    if not isinstance(tenant_id, str) or not TENANT_ID.match(tenant_id):
        raise TenantError(f"the tenant id {tenant_id!r} is missing or malformed: expected lower-case letters, "
                          "digits and dashes")
    return tenant_id


def tenant_filter(tenant_id: str) -> Dict[str, Any]:
    return {"must": [{"key": TENANT_FIELD, "match": {"value": check_tenant(tenant_id)}}]}


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
        tenant = check_tenant(tenant_id)
        stamped = [{**point, "payload": {**point.get("payload", {}), TENANT_FIELD: tenant}} for point in points]
        self._call("PUT", "/points?wait=true", {"points": stamped})

    def search(self, tenant_id: str, vector: List[float], limit: int = 5) -> List[Dict[str, Any]]:
        tenant = check_tenant(tenant_id)
        result = self._call("POST", "/points/query", {"query": vector, "limit": limit, "with_payload": True,
                                                      "filter": tenant_filter(tenant)})
        return [hit for hit in result["points"] if hit.get("payload", {}).get(TENANT_FIELD) == tenant]

    def get(self, tenant_id: str, point_id: str) -> Optional[Dict[str, Any]]:
        tenant = check_tenant(tenant_id)
        points = self._call("POST", "/points", {"ids": [point_id], "with_payload": True})
        for point in points:
            if point.get("payload", {}).get(TENANT_FIELD) == tenant:
                return point
        return None
