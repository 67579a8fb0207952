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


def chunk_markdown(path: str, text: str, max_chars: int = 800, overlap: int = 100) -> List[Chunk]:
    """Split a Markdown document into chunks.

    TODO(lab, step 1):
      - walk the lines; a line matching HEADING starts a new section, except inside a fenced code
        block (toggle a flag on every line matching FENCE): a "# comment" in a bash block is code;
      - keep the heading path: "Title > Section" (a level-2 heading replaces the previous level-2
        one, and so on); the document's first heading is its title;
      - drop sections with no text under the heading;
      - a section longer than fits in max_chars (heading path included) is cut into windows that
        overlap by `overlap` characters, cut at a space where possible;
      - each chunk's text is the heading path, a blank line, then the section text, at most
        max_chars in all; index counts chunks from 0; id is chunk_id(path, index);
      - raise ValueError when overlap is not smaller than half of max_chars.
    """
    raise NotImplementedError("chunk_markdown() is not written yet: see its TODO in chunking.py")
