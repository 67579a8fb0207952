"""Answer a question from the ingested documents and name the sources.

usage: python ask.py "How do I roll back a bad deployment?" [--top-k 4]
"""
import argparse
import sys

from clients import CHAT_MODEL, QdrantStore, ServiceError, embed, generate

SYSTEM = ("You answer questions from an operations team's runbooks. Use only the numbered context "
          "passages. Cite the passages you used like [1]. If the context does not answer the "
          "question, say that the runbooks do not cover it.")


def build_messages(question, hits):
    context = "\n\n".join(f"[{number}] ({hit['payload']['path']})\n{hit['payload']['text']}"
                          for number, hit in enumerate(hits, 1))
    return [{"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"Context:\n{context}\n\nQuestion: {question}"}]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("question")
    parser.add_argument("--collection", default="runbooks")
    parser.add_argument("--top-k", type=int, default=4)
    args = parser.parse_args(argv)
    try:
        hits = QdrantStore(args.collection).search(embed([args.question])[0], limit=args.top_k)
        if not hits:
            print("The collection is empty: run python ingest.py first.", file=sys.stderr)
            return 1
        reply = generate(build_messages(args.question, hits))
    except NotImplementedError as error:
        print(f"Not done yet: {error}", file=sys.stderr)
        return 1
    except ServiceError as error:
        print(f"A service failed: {error}", file=sys.stderr)
        return 3
    print(reply["message"]["content"].strip())
    print()
    print(f"Sources ({CHAT_MODEL}, {reply.get('prompt_eval_count')} tokens in, {reply.get('eval_count')} out):")
    for number, hit in enumerate(hits, 1):
        print(f"  [{number}] {hit['payload']['path']}  {hit['payload']['heading']}  (score {hit['score']:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
