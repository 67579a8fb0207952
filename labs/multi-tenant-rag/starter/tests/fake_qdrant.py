"""An in-memory Qdrant for the offline tests, behind httpx.MockTransport: upsert, count, query and
retrieve, with `must` + `match` filters. Every request body is kept in `requests` so a test can
look at what the store sent. With honour_filters=False it ignores filters, like a misconfigured
or buggy backend, to prove that the store's own check still holds."""
import json
import math

import httpx


class FakeQdrant:
    def __init__(self, honour_filters: bool = True):
        self.points = {}
        self.requests = []
        self.honour_filters = honour_filters

    def client(self) -> httpx.Client:
        return httpx.Client(base_url="http://qdrant.test", transport=httpx.MockTransport(self.handle))

    def keeps(self, point, query_filter):
        if not query_filter or not self.honour_filters:
            return True
        return all(point["payload"].get(c["key"]) == c["match"]["value"] for c in query_filter.get("must", []))

    def handle(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else {}
        self.requests.append((request.method, request.url.path, body))
        path = request.url.path.split("/collections/tenant_docs", 1)[-1]
        if request.method == "PUT" and path == "/points":
            for point in body["points"]:
                self.points[point["id"]] = point
            return httpx.Response(200, json={"result": {"status": "completed"}})
        if request.method == "POST" and path == "/points/count":
            kept = [p for p in self.points.values() if self.keeps(p, body.get("filter"))]
            return httpx.Response(200, json={"result": {"count": len(kept)}})
        if request.method == "POST" and path == "/points/query":
            kept = [p for p in self.points.values() if self.keeps(p, body.get("filter"))]
            hits = sorted(({"id": p["id"], "score": cosine(body["query"], p["vector"]), "payload": p["payload"]}
                           for p in kept), key=lambda h: -h["score"])
            return httpx.Response(200, json={"result": {"points": hits[:body.get("limit", 10)]}})
        if request.method == "POST" and path == "/points":
            found = [{"id": i, "payload": self.points[i]["payload"]} for i in body["ids"] if i in self.points]
            return httpx.Response(200, json={"result": found})
        return httpx.Response(404, json={"status": {"error": f"the fake has no route {request.method} {path}"}})


def cosine(a, b):
    dot = sum(x * y for x, y in zip(a, b))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0
