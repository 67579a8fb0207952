"""Addresses and the two HTTP calls the service needs: Ollama embeddings and a Qdrant client.

OLLAMA_HOST is read like the ollama CLI reads it; QDRANT_URL and QDRANT_API_KEY come from the
environment the workbench sets for the lab's service and commands. The defaults are the usual ports.
"""
import hashlib
import math
import os
from typing import List

import httpx

EMBED_MODEL = os.environ.get("LAB_EMBED_MODEL", "all-minilm")   # 384 dimensions
VECTOR_SIZE = 384


class ServiceError(RuntimeError):
    """Ollama or Qdrant could not be reached or refused a request."""


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


def qdrant_client() -> httpx.Client:
    """An httpx client whose base URL is Qdrant's, with the API key header when one is set."""
    key = os.environ.get("QDRANT_API_KEY", "")
    return httpx.Client(base_url=os.environ.get("QDRANT_URL", "http://127.0.0.1:6333").rstrip("/"),
                        headers={"api-key": key} if key else {}, timeout=30)


def embed(texts: List[str], model: str = EMBED_MODEL) -> List[List[float]]:
    """Embed texts with Ollama's /api/embed (the lab's embedding model)."""
    try:
        response = httpx.post(f"{ollama_url()}/api/embed", json={"model": model, "input": texts}, timeout=120)
    except httpx.HTTPError as error:
        raise ServiceError(f"cannot reach Ollama at {ollama_url()}: {error}") from error
    if response.status_code != 200:
        raise ServiceError(f"Ollama answered {response.status_code}: {response.text[:300]}")
    return response.json()["embeddings"]


def hash_embed(texts: List[str]) -> List[List[float]]:
    """A deterministic stand-in embedder for the offline tests: a hashed bag of words, normalised.
    It knows nothing about meaning; isolation must not depend on meaning anyway."""
    vectors = []
    for text in texts:
        vector = [0.0] * VECTOR_SIZE
        for word in text.lower().split():
            digest = int.from_bytes(hashlib.sha256(word.encode()).digest()[:8], "big")
            vector[digest % VECTOR_SIZE] += 1.0 if digest & 1 else -1.0
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        vectors.append([v / norm for v in vector])
    return vectors
