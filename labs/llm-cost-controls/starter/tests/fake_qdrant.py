"""An in-memory Qdrant for the offline tests, behind httpx.MockTransport: collections, upsert, and
query with `must` + `match` filters, `limit` and `score_threshold`. Request bodies are kept in
`requests` so a test can look at what the code sent."""
import json
import math
import re

import httpx


class FakeQdrant:
    def __init__(self):
        self.collections = {}
        self.requests = []

    def client(self) -> httpx.Client:
        return httpx.Client(base_url="http://qdrant.test", transport=httpx.MockTransport(self.handle))

    def handle(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else {}
        self.requests.append((request.method, request.url.path, body))
        match = re.match(r"^/collections/([^/]+)(.*)$", request.url.path)
        if not match:
            return httpx.Response(404, json={"status": {"error": "no such route"}})
        name, rest = match.groups()
        points = self.collections.get(name)
        if request.method == "GET" and rest == "":
            return httpx.Response(200 if points is not None else 404, json={"result": {}})
        if request.method == "PUT" and rest == "":
            self.collections[name] = {}
            return httpx.Response(200, json={"result": True})
        if request.method == "DELETE" and rest == "":
            self.collections.pop(name, None)
            return httpx.Response(200, json={"result": True})
        if points is None:
            return httpx.Response(404, json={"status": {"error": f"Collection {name} not found"}})
        if rest.startswith("/index"):
            return httpx.Response(200, json={"result": {"status": "completed"}})
        if request.method == "PUT" and rest == "/points":
            for point in body["points"]:
                points[point["id"]] = point
            return httpx.Response(200, json={"result": {"status": "completed"}})
        if request.method == "POST" and rest == "/points/query":
            must = (body.get("filter") or {}).get("must", [])
            kept = [p for p in points.values()
                    if all(p["payload"].get(c["key"]) == c["match"]["value"] for c in must)]
            hits = sorted(({"id": p["id"], "score": cosine(body["query"], p["vector"]), "payload": p["payload"]}
                           for p in kept), key=lambda h: -h["score"])
            threshold = body.get("score_threshold")
            hits = [h for h in hits if threshold is None or h["score"] >= threshold]
            return httpx.Response(200, json={"result": {"points": hits[:body.get("limit", 10)]}})
        return httpx.Response(404, json={"status": {"error": f"the fake has no route {request.method} {rest}"}})


def cosine(a, b):
    dot = sum(x * y for x, y in zip(a, b))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0
