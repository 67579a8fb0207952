"""Two caches in front of the model: exact (a hash of everything that shapes the answer) and semantic
(a question close enough in meaning to one already answered, found in Qdrant).

Both are scoped by tenant. A cache shared across tenants is a data leak with a hit rate: acme's
question would be answered with globex's cached answer, documents and all.
"""
import hashlib
import re
import time
import uuid
from typing import Any, Callable, Dict, List, Optional

import httpx

Embed = Callable[[List[str]], List[List[float]]]
COLLECTION = "answer_cache"


class ExactCache:
    """An in-process dict with a time to live; a shared deployment would use Redis (SET key value EX ttl)."""

    def __init__(self, ttl_s: float = 3600, clock: Callable[[], float] = time.monotonic):
        self.ttl_s, self.clock = ttl_s, clock
        self.entries: Dict[str, tuple] = {}

    def get(self, key: str) -> Optional[str]:
        entry = self.entries.get(key)
        if entry is None or self.clock() - entry[1] > self.ttl_s:
            return None
        return entry[0]

    def put(self, key: str, answer: str) -> None:
        self.entries[key] = (answer, self.clock())


def normalise(question: str) -> str:
    return re.sub(r"\s+", " ", question.lower()).strip().rstrip("?!. ").strip()


def exact_key(tenant: str, model: str, prompt_version: str, question: str) -> str:
    parts = [tenant, model, prompt_version, normalise(question)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


class SemanticCache:
    def __init__(self, http: httpx.Client, embed: Embed, threshold: float = 0.90, collection: str = COLLECTION):
        self.http, self.embed, self.threshold, self.collection = http, embed, threshold, collection

    def _call(self, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Any:
        response = self.http.request(method, f"/collections/{self.collection}{path}", json=body)
        if response.status_code != 200:
            raise RuntimeError(f"Qdrant answered {response.status_code}: {response.text[:300]}")
        return response.json()["result"]

    def ensure_collection(self, size: int = 384) -> None:
        if self.http.get(f"/collections/{self.collection}").status_code == 200:
            return
        self._call("PUT", "", {"vectors": {"size": size, "distance": "Cosine"}})
        self._call("PUT", "/index?wait=true", {"field_name": "tenant_id",
                                                "field_schema": {"type": "keyword", "is_tenant": True}})

    def clear(self) -> None:
        self.http.delete(f"/collections/{self.collection}")
        self.ensure_collection()

    def lookup(self, tenant: str, question: str) -> Optional[Dict[str, Any]]:
        vector = self.embed([question])[0]
        points = self._call("POST", "/points/query", {
            "query": vector, "limit": 1, "with_payload": True, "score_threshold": self.threshold,
            "filter": {"must": [{"key": "tenant_id", "match": {"value": tenant}}]}})["points"]
        if not points:
            return None
        payload = points[0]["payload"]
        return {"question": payload["question"], "answer": payload["answer"], "score": points[0]["score"]}

    def store(self, tenant: str, question: str, answer: str) -> None:
        vector = self.embed([question])[0]
        point_id = str(uuid.uuid5(uuid.NAMESPACE_URL, tenant + "/" + normalise(question)))
        self._call("PUT", "/points?wait=true", {"points": [{
            "id": point_id, "vector": vector,
            "payload": {"tenant_id": tenant, "question": question, "answer": answer}}]})
