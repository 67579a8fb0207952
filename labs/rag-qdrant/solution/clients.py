"""Small HTTP clients for the two services of the lab: Ollama (embeddings, chat) and Qdrant (REST).

Both addresses come from the environment, which the workbench sets for the lab's commands:
OLLAMA_HOST (read like the ollama CLI reads it) and QDRANT_URL, plus QDRANT_API_KEY when the
Qdrant service requires a key. The defaults are the usual local ports.
"""
import os
from typing import Any, Dict, List, Optional

import httpx

EMBED_MODEL = os.environ.get("LAB_EMBED_MODEL", "all-minilm")   # 384 dimensions
CHAT_MODEL = os.environ.get("LAB_MODEL", "qwen2.5:0.5b")
VECTOR_SIZE = 384
DISTANCE = "Cosine"


class ServiceError(RuntimeError):
    """A service could not be reached or refused a request."""


def ollama_url() -> str:
    raw = os.environ.get("OLLAMA_HOST", "").strip()
    scheme, default_port = "http", "11434"
    if "://" in raw:
        scheme, raw = raw.split("://", 1)
        default_port = {"http": "80", "https": "443"}.get(scheme, "11434")
    host = raw.strip("/") or "127.0.0.1"
    if host.startswith(":"):
        host = "127.0.0.1" + host
    if host.startswith("0.0.0.0"):
        host = "127.0.0.1" + host[len("0.0.0.0"):]
    if ":" not in host.rsplit("]", 1)[-1]:
        host = f"{host}:{default_port}"
    return f"{scheme}://{host}"


def qdrant_url() -> str:
    return os.environ.get("QDRANT_URL", "http://127.0.0.1:6333").rstrip("/")


def _post(url: str, payload: Dict[str, Any], timeout: float, what: str) -> Dict[str, Any]:
    try:
        response = httpx.post(url, json=payload, timeout=timeout)
    except httpx.HTTPError as error:
        raise ServiceError(f"cannot reach {what} at {url}: {error}") from error
    if response.status_code != 200:
        raise ServiceError(f"{what} answered {response.status_code}: {response.text[:300]}")
    return response.json()


def embed(texts: List[str], model: str = EMBED_MODEL, batch_size: int = 32) -> List[List[float]]:
    """Embed texts with Ollama's /api/embed, in batches."""
    vectors: List[List[float]] = []
    for start in range(0, len(texts), batch_size):
        batch = texts[start:start + batch_size]
        body = _post(f"{ollama_url()}/api/embed", {"model": model, "input": batch}, 120, "Ollama")
        vectors.extend(body["embeddings"])
    return vectors


def generate(messages: List[Dict[str, str]], model: str = CHAT_MODEL,
             options: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """One non-streaming chat call; returns Ollama's response object."""
    payload = {"model": model, "messages": messages, "stream": False,
               "options": options or {"temperature": 0, "seed": 42, "num_predict": 256}}
    return _post(f"{ollama_url()}/api/chat", payload, 180, "Ollama")


class QdrantStore:
    """The few Qdrant REST calls ingestion and retrieval need."""

    def __init__(self, collection: str, url: Optional[str] = None, api_key: Optional[str] = None,
                 client: Optional[httpx.Client] = None):
        self.collection = collection
        self.url = (url or qdrant_url()).rstrip("/")
        key = api_key if api_key is not None else os.environ.get("QDRANT_API_KEY", "")
        headers = {"api-key": key} if key else {}
        self.http = client or httpx.Client(timeout=60, headers=headers)
        if client is not None and key:
            self.http.headers.update(headers)

    def _call(self, method: str, path: str, json: Optional[Dict[str, Any]] = None) -> httpx.Response:
        try:
            return self.http.request(method, f"{self.url}{path}", json=json)
        except httpx.HTTPError as error:
            raise ServiceError(f"cannot reach Qdrant at {self.url}: {error}") from error

    def _ok(self, response: httpx.Response) -> Dict[str, Any]:
        if response.status_code != 200:
            raise ServiceError(f"Qdrant answered {response.status_code}: {response.text[:300]}")
        return response.json()["result"]

    def ensure_collection(self, size: int = VECTOR_SIZE, distance: str = DISTANCE) -> bool:
        """Create the collection when it is missing and index `path`; True when it was created.
        An existing collection with another vector size or distance is an error, never recreated."""
        response = self._call("GET", f"/collections/{self.collection}")
        if response.status_code == 200:
            vectors = response.json()["result"]["config"]["params"]["vectors"]
            if vectors.get("size") != size or vectors.get("distance") != distance:
                raise ServiceError(
                    f"collection {self.collection} has {vectors.get('size')} dimensions and distance "
                    f"{vectors.get('distance')}, not {size} and {distance}; delete it and ingest again")
            return False
        if response.status_code != 404:
            self._ok(response)
        self._ok(self._call("PUT", f"/collections/{self.collection}",
                            {"vectors": {"size": size, "distance": distance}}))
        self._ok(self._call("PUT", f"/collections/{self.collection}/index?wait=true",
                            {"field_name": "path", "field_schema": "keyword"}))
        return True

    def count(self, path: Optional[str] = None, content_hash: Optional[str] = None) -> int:
        """Points in the collection, optionally only those of one document (and one version of it)."""
        must = []
        if path is not None:
            must.append({"key": "path", "match": {"value": path}})
        if content_hash is not None:
            must.append({"key": "hash", "match": {"value": content_hash}})
        body: Dict[str, Any] = {"exact": True}
        if must:
            body["filter"] = {"must": must}
        return self._ok(self._call("POST", f"/collections/{self.collection}/points/count", body))["count"]

    def replace_document(self, path: str, points: List[Dict[str, Any]], batch_size: int = 128) -> None:
        """Delete every point of `path`, then upsert its new points in batches, waiting for each."""
        self._ok(self._call("POST", f"/collections/{self.collection}/points/delete?wait=true",
                            {"filter": {"must": [{"key": "path", "match": {"value": path}}]}}))
        for start in range(0, len(points), batch_size):
            self._ok(self._call("PUT", f"/collections/{self.collection}/points?wait=true",
                                {"points": points[start:start + batch_size]}))

    def search(self, vector: List[float], limit: int = 4) -> List[Dict[str, Any]]:
        """The `limit` nearest points, best first, each {id, score, payload}."""
        result = self._ok(self._call("POST", f"/collections/{self.collection}/points/query",
                                     {"query": vector, "limit": limit, "with_payload": True}))
        return result["points"]
