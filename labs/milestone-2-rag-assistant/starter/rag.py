"""Retrieval-augmented answers with sources, a refusal for questions the documents do not cover,
and the timings and counts the service exports as metrics."""
import pathlib
import time  # noqa: F401 - ask() needs it
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
        """Retrieve, decide whether the documents cover the question, and answer with sources.

        TODO(lab, step 2):
          - time the retrieval: embed([question])[0], then search(vector, limit=top_k or
            self.top_k, path=path);
          - no hits, or the best hit's score below self.min_score: the documents do not cover the
            question, so return RagAnswer(answer=REFUSAL, refused=True, top_score=...,
            retrieval_ms=...) without calling the model;
          - otherwise time generate(build_messages(question, hits)); the answer is the reply's
            message.content; every hit becomes a Source(path, heading, chunk_id=str(id), score);
            copy model, prompt_eval_count and eval_count (either may be missing) from the reply;
          - an empty answer, or one that starts with the refusal sentence, counts as refused.
        """
        raise NotImplementedError("Assistant.ask() is not written yet: see its TODO in rag.py")
