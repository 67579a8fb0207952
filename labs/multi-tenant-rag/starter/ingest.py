"""Load every tenant's documents into the shared collection, each point stamped with its tenant.

usage: python ingest.py [--tenants tenants]

tenants/<tenant id>/*.md: the folder name is the tenant. Point ids are derived from the tenant,
the path and the chunk's position, so running it again overwrites instead of duplicating.
"""
import argparse
import pathlib
import sys
import uuid
from typing import List

import clients
from tenancy import StoreError, TenantError, TenantScopedStore


def point_id(tenant: str, path: str, index: int) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{tenant}/{path}#{index}"))


def chunks(text: str) -> List[str]:
    """Paragraphs, each prefixed with the document's title so a chunk still says what it is about."""
    lines = text.strip().splitlines()
    title = lines[0].lstrip("# ").strip() if lines else ""
    paragraphs = [p.strip() for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
    return [f"{title}\n\n{p}" for p in paragraphs] or [title]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tenants", default="tenants")
    args = parser.parse_args(argv)
    root = pathlib.Path(args.tenants)
    if not root.is_dir():
        print(f"No folder {root}: run this from the lab's workspace.", file=sys.stderr)
        return 2
    store = TenantScopedStore(clients.qdrant_client())
    total = 0
    try:
        if store.ensure_collection():
            print("created collection tenant_docs (384 dimensions, Cosine) with a tenant index on tenant_id")
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            tenant = folder.name
            points = []
            for file in sorted(folder.glob("*.md")):
                path = file.relative_to(root).as_posix()
                texts = chunks(file.read_text(encoding="utf-8"))
                for index, (text, vector) in enumerate(zip(texts, clients.embed(texts))):
                    points.append({"id": point_id(tenant, path, index), "vector": vector,
                                   "payload": {"path": path, "text": text}})
            store.upsert(tenant, points)
            count = store.count(tenant)
            total += count
            print(f"tenant {tenant}: {len(points)} chunks written, {count} points")
    except NotImplementedError as error:
        print(f"Not done yet: {error}", file=sys.stderr)
        return 1
    except TenantError as error:
        print(f"A folder name is not a valid tenant id: {error}", file=sys.stderr)
        return 2
    except (StoreError, clients.ServiceError) as error:
        print(f"A service failed: {error}", file=sys.stderr)
        return 3
    print(f"points in collection: {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
