"""The heading-aware chunker: no empty chunks, heading paths kept, sizes and overlap honoured,
fenced code left whole, ids stable across runs."""
import pathlib

import pytest

from chunking import chunk_id, chunk_markdown

DOC = """# Deploy guide

Intro paragraph about deploying.

## Rolling back

Run the command below.

```bash
# this comment is not a heading
kubectl rollout undo deployment/orders-api
```

## Empty section

## After the rollback

Check the dashboards.
"""

DOCS = pathlib.Path(__file__).resolve().parent.parent / "docs"


def test_sections_become_chunks_and_empty_sections_are_dropped():
    chunks = chunk_markdown("docs/deploy.md", DOC)
    assert [c.heading for c in chunks] == [
        "Deploy guide", "Deploy guide > Rolling back", "Deploy guide > After the rollback"]
    assert all(c.text.strip() for c in chunks)


def test_each_chunk_starts_with_its_heading_path_and_keeps_the_title():
    chunks = chunk_markdown("docs/deploy.md", DOC)
    for chunk in chunks:
        assert chunk.text.startswith(chunk.heading + "\n\n")
        assert chunk.title == "Deploy guide"
        assert chunk.path == "docs/deploy.md"


def test_a_hash_line_inside_a_code_fence_is_not_a_heading():
    rollback = chunk_markdown("docs/deploy.md", DOC)[1]
    assert "# this comment is not a heading" in rollback.text
    assert "kubectl rollout undo" in rollback.text


def test_ids_are_uuid5_of_path_and_position_and_stable_across_runs():
    first = chunk_markdown("docs/deploy.md", DOC)
    second = chunk_markdown("docs/deploy.md", DOC)
    assert [c.id for c in first] == [c.id for c in second]
    assert [c.index for c in first] == [0, 1, 2]
    assert first[1].id == chunk_id("docs/deploy.md", 1)
    assert len({c.id for c in first}) == len(first)
    assert chunk_id("docs/a.md", 0) != chunk_id("docs/b.md", 0)


def test_a_long_section_is_split_with_overlap_and_no_chunk_is_too_long():
    words = " ".join(f"word{i:03d}" for i in range(400))  # about 3,200 characters
    chunks = chunk_markdown("docs/long.md", "# Long\n\n" + words, max_chars=500, overlap=80)
    assert len(chunks) >= 7
    assert all(len(c.text) <= 500 for c in chunks)
    for before, after in zip(chunks, chunks[1:]):
        tail = before.text.split()[-3:]
        assert " ".join(tail) in after.text, "consecutive chunks must overlap"


def test_too_much_overlap_is_refused():
    with pytest.raises(ValueError):
        chunk_markdown("docs/x.md", "# X\n\ntext", max_chars=100, overlap=60)


def test_the_sample_documents_chunk_cleanly():
    files = sorted(DOCS.glob("*.md"))
    assert len(files) >= 8
    for file in files:
        chunks = chunk_markdown(f"docs/{file.name}", file.read_text(encoding="utf-8"))
        assert chunks, file.name
        assert all(len(c.text) <= 800 for c in chunks), file.name
