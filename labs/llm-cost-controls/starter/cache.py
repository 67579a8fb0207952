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
    """TODO(lab, step 1): lower-case, collapse runs of whitespace to one space, and strip spaces and
    trailing ? ! . characters, so "How do I rotate a key?" and "how do i  rotate a key" are equal."""
    raise NotImplementedError("cache.normalise() is not written yet: see its TODO in cache.py")


def exact_key(tenant: str, model: str, prompt_version: str, question: str) -> str:
    """TODO(lab, step 1): the SHA-256 hex digest of tenant, model, prompt version and the normalised
    question, joined with a separator that cannot occur in them ("\\x1f"). Each part changes the
    answer, so each must change the key: a new prompt version must never be served an old answer."""
    raise NotImplementedError("cache.exact_key() is not written yet: see its TODO in cache.py")


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
        """The cached {question, answer, score} of this tenant closest to the question, or None.

        TODO(lab, step 1): embed the question, POST /points/query with {"query": vector, "limit": 1,
        "with_payload": True, "score_threshold": self.threshold, "filter": {"must": [{"key": "tenant_id",
        "match": {"value": tenant}}]}}; return None when no point comes back, else its payload's question
        and answer with the hit's score.
        """
        raise NotImplementedError("SemanticCache.lookup() is not written yet: see its TODO in cache.py")

    def store(self, tenant: str, question: str, answer: str) -> None:
        """TODO(lab, step 1): embed the question and PUT one point to /points?wait=true: its id the
        uuid5(NAMESPACE_URL, tenant + "/" + normalise(question)) as a string, its payload tenant_id,
        question and answer."""
        raise NotImplementedError("SemanticCache.store() is not written yet: see its TODO in cache.py")
