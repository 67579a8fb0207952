"""Retrieval-augmented answers with sources, a refusal for questions the documents do not cover,
and the timings and counts the service exports as metrics."""
import pathlib
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional

HERE = pathlib.Path(__file__).resolve().parent
PROMPT_VERSION = "rag-answer-v1"
SYSTEM_PROMPT = (HERE / "prompts" / f"{PROMPT_VERSION}.txt").read_text(encoding="utf-8")
REFUSAL = "I can't answer that from the documentation I have."

EmbedFn = Callable[[List[str]], List[List[float]]]
SearchFn = Callable[..., List[Dict[str, Any]]]          # (vector, limit=, path=) -> Qdrant points
GenerateFn = Callable[[List[Dict[str, str]]], Dict[str, Any]]  # messages -> Ollama chat response


@dataclass
class Source:
    path: str
    heading: str
    chunk_id: str
    score: float


@dataclass
class RagAnswer:
    answer: str
    refused: bool
    sources: List[Source] = field(default_factory=list)
    model: Optional[str] = None
    input_tokens: int = 0
    output_tokens: int = 0
    top_score: float = 0.0
    retrieval_ms: float = 0.0
    generation_ms: float = 0.0


def build_messages(question: str, hits: List[Dict[str, Any]]) -> List[Dict[str, str]]:
    context = "\n\n".join(f"[{number}] ({hit['payload']['path']})\n{hit['payload']['text']}"
                          for number, hit in enumerate(hits, 1))
    return [{"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"Question: {question}\n\nContext:\n{context}"}]


class Assistant:
    def __init__(self, embed: EmbedFn, search: SearchFn, generate: GenerateFn,
                 min_score: float = 0.3, top_k: int = 4):
        self.embed, self.search, self.generate = embed, search, generate
        self.min_score, self.top_k = min_score, top_k

    def ask(self, question: str, top_k: Optional[int] = None, path: Optional[str] = None) -> RagAnswer:
        started = time.perf_counter()
        vector = self.embed([question])[0]
        hits = self.search(vector, limit=top_k or self.top_k, path=path)
        retrieval_ms = (time.perf_counter() - started) * 1000
        top_score = hits[0]["score"] if hits else 0.0
        if not hits or top_score < self.min_score:
            return RagAnswer(answer=REFUSAL, refused=True, top_score=top_score, retrieval_ms=retrieval_ms)
        generation_started = time.perf_counter()
        reply = self.generate(build_messages(question, hits))
        text = (reply.get("message", {}).get("content") or "").strip()
        sources = [Source(path=h["payload"]["path"], heading=h["payload"].get("heading", ""), chunk_id=str(h["id"]),
                          score=round(h["score"], 4)) for h in hits]
        return RagAnswer(answer=text or REFUSAL, refused=not text or text.startswith(REFUSAL[:30]),
                         sources=sources, model=reply.get("model"),
                         input_tokens=reply.get("prompt_eval_count") or 0, output_tokens=reply.get("eval_count") or 0,
                         top_score=top_score, retrieval_ms=retrieval_ms,
                         generation_ms=(time.perf_counter() - generation_started) * 1000)
