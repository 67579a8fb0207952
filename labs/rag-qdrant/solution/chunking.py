"""Split Markdown documents into chunks that keep their heading path and have stable ids."""
import re
import uuid
from dataclasses import dataclass
from typing import List

HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class Chunk:
    id: str        # uuid5 of "<path>#<index>": the same document gives the same ids on every run
    path: str      # the document's path, e.g. docs/deploy-rollback.md
    title: str     # the document's first heading
    heading: str   # the heading path, e.g. "Rolling back a bad deployment > After the rollback"
    index: int     # position of the chunk in the document, from 0
    text: str      # the heading path, a blank line, then the section text


def chunk_id(path: str, index: int) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{path}#{index}"))


def sections(text: str):
    """Yield (heading levels, body) pairs; a '#' line inside a fenced code block is not a heading."""
    stack: List[str] = []
    body: List[str] = []
    in_fence = False
    for line in text.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if match:
            yield list(stack), "\n".join(body).strip()
            level = len(match.group(1))
            stack = stack[: level - 1] + [match.group(2)]
            body = []
        else:
            body.append(line)
    yield list(stack), "\n".join(body).strip()


def split_by_size(text: str, max_chars: int, overlap: int) -> List[str]:
    """Windows of at most max_chars, each starting `overlap` characters before the previous one
    ended, cut at whitespace where possible."""
    if len(text) <= max_chars:
        return [text]
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + max_chars)
        if end < len(text):
            space = text.rfind(" ", start + max_chars // 2, end)
            end = space if space > start else end
        pieces.append(text[start:end].strip())
        if end >= len(text):
            break
        start = max(end - overlap, start + 1)
    return [p for p in pieces if p]


def chunk_markdown(path: str, text: str, max_chars: int = 800, overlap: int = 100) -> List[Chunk]:
    """Split at headings first, then by size with overlap; empty sections are dropped."""
    if overlap >= max_chars // 2:
        raise ValueError("overlap must be smaller than half of max_chars")
    chunks: List[Chunk] = []
    title = ""
    for stack, body in sections(text):
        if stack and not title:
            title = stack[0]
        if not body:
            continue
        heading = " > ".join(stack) if stack else path
        prefix = heading + "\n\n"
        for piece in split_by_size(body, max_chars - len(prefix), overlap):
            index = len(chunks)
            chunks.append(Chunk(id=chunk_id(path, index), path=path, title=title or path,
                                heading=heading, index=index, text=prefix + piece))
    return chunks
