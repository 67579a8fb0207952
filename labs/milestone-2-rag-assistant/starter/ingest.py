"""Load the Markdown documents into Qdrant: chunk, embed with all-minilm, upsert. Idempotent.

usage: python ingest.py [--docs docs] [--collection runbooks]

A document whose content hash is already in the collection (with the same number of chunks) is
skipped, so a second run changes nothing. A changed document has its old points deleted by a
filter on `path` before its new chunks are upserted, so a shrinking document leaves no orphans.
"""
import argparse
import hashlib
import pathlib
import sys

from chunking import chunk_markdown
from clients import QdrantStore, ServiceError, embed


def load_documents(folder: pathlib.Path):
    for file in sorted(folder.rglob("*.md")):
        text = file.read_text(encoding="utf-8")
        yield file.as_posix(), text, hashlib.sha256(text.encode("utf-8")).hexdigest()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="docs")
    parser.add_argument("--collection", default="runbooks")
    args = parser.parse_args(argv)

    folder = pathlib.Path(args.docs)
    if not folder.is_dir():
        print(f"No folder {folder}: run this from the lab's workspace.", file=sys.stderr)
        return 2
    store = QdrantStore(args.collection)
    try:
        if store.ensure_collection():
            print(f"created collection {args.collection} (384 dimensions, Cosine) with a keyword index on path")
        documents = changed = upserted = 0
        for path, text, digest in load_documents(folder):
            documents += 1
            chunks = chunk_markdown(path, text)
            if store.count(path=path, content_hash=digest) == len(chunks) == store.count(path=path):
                continue
            vectors = embed([chunk.text for chunk in chunks])
            points = [{"id": chunk.id, "vector": vector,
                       "payload": {"path": chunk.path, "title": chunk.title, "heading": chunk.heading,
                                   "chunk_index": chunk.index, "text": chunk.text, "hash": digest}}
                      for chunk, vector in zip(chunks, vectors)]
            store.replace_document(path, points)
            changed += 1
            upserted += len(points)
            print(f"  {path}: {len(points)} chunks")
        total = store.count()
    except NotImplementedError as error:
        print(f"Not done yet: {error}", file=sys.stderr)
        return 1
    except ServiceError as error:
        print(f"A service failed: {error}", file=sys.stderr)
        return 3
    print(f"documents: {documents}  changed: {changed}  unchanged: {documents - changed}  "
          f"chunks upserted: {upserted}  points in collection: {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
