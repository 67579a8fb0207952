"""Assistant.ask with a fake embedder, a fake search and a fake model: no Qdrant, no Ollama."""
import pytest

from rag import REFUSAL, Assistant


def hit(path, score, number=1):
    return {"id": f"00000000-0000-0000-0000-00000000000{number}", "score": score,
            "payload": {"path": path, "heading": f"Heading of {path}", "text": f"Text of {path}."}}


class Fakes:
    def __init__(self, hits, answer="Roll back with kubectl rollout undo [1]."):
        self.hits, self.answer = hits, answer
        self.searches, self.prompts = [], []

    def embed(self, texts):
        return [[0.1] * 384 for _ in texts]

    def search(self, vector, limit=4, path=None):
        self.searches.append({"limit": limit, "path": path})
        return self.hits[:limit]

    def generate(self, messages):
        self.prompts.append(messages)
        return {"model": "qwen2.5:0.5b", "message": {"role": "assistant", "content": self.answer},
                "prompt_eval_count": 420, "eval_count": 31}


def assistant(fakes, **options):
    return Assistant(embed=fakes.embed, search=fakes.search, generate=fakes.generate, **options)


def test_a_covered_question_is_answered_with_its_sources():
    fakes = Fakes([hit("docs/deploy-rollback.md", 0.71, 1), hit("docs/postmortems.md", 0.40, 2)])
    result = assistant(fakes).ask("How do I roll back?")
    assert not result.refused
    assert result.answer.startswith("Roll back")
    assert [s.path for s in result.sources] == ["docs/deploy-rollback.md", "docs/postmortems.md"]
    assert result.sources[0].chunk_id == "00000000-0000-0000-0000-000000000001"
    assert result.sources[0].score == pytest.approx(0.71)
    assert (result.model, result.input_tokens, result.output_tokens) == ("qwen2.5:0.5b", 420, 31)
    assert result.top_score == pytest.approx(0.71)


def test_the_prompt_numbers_the_passages_and_carries_the_rules():
    fakes = Fakes([hit("docs/deploy-rollback.md", 0.71)])
    assistant(fakes).ask("How do I roll back?")
    system, user = fakes.prompts[0]
    assert system["role"] == "system" and "only" in system["content"].lower()
    assert "[1] (docs/deploy-rollback.md)" in user["content"] and "How do I roll back?" in user["content"]


def test_a_weak_best_hit_is_refused_without_calling_the_model():
    fakes = Fakes([hit("docs/dns-outage.md", 0.12)])
    result = assistant(fakes, min_score=0.3).ask("What is the capital of Australia?")
    assert result.refused and result.answer == REFUSAL
    assert result.sources == [] and fakes.prompts == []
    assert result.top_score == pytest.approx(0.12)


def test_no_hits_at_all_is_a_refusal():
    result = assistant(Fakes([])).ask("Anything?")
    assert result.refused and result.answer == REFUSAL and result.top_score == 0.0


def test_top_k_and_the_path_filter_reach_the_search():
    fakes = Fakes([hit("docs/dns-outage.md", 0.8)])
    assistant(fakes).ask("DNS?", top_k=7, path="docs/dns-outage.md")
    assert fakes.searches == [{"limit": 7, "path": "docs/dns-outage.md"}]


def test_a_model_that_declines_counts_as_refused():
    fakes = Fakes([hit("docs/dns-outage.md", 0.5)], answer=REFUSAL)
    assert assistant(fakes).ask("Something the passages do not say").refused


def test_timings_are_measured():
    result = assistant(Fakes([hit("docs/dns-outage.md", 0.5)])).ask("DNS?")
    assert result.retrieval_ms >= 0 and result.generation_ms >= 0
