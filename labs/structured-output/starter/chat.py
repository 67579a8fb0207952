"""Ask the local model one question and show what the server reports about the call.

usage: python chat.py "What is the capital of France? Answer with one word."
"""
import sys

import llm


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        result = llm.chat([{"role": "user", "content": argv[1]}], options={"temperature": 0, "seed": 42})
    except NotImplementedError as error:
        print(f"Not done yet: {error}", file=sys.stderr)
        return 1
    except llm.OllamaError as error:
        print(f"The model server failed: {error}", file=sys.stderr)
        return 3
    print(result.text.strip())
    print(f"model={result.model} tokens in={result.input_tokens} out={result.output_tokens} "
          f"latency_ms={result.latency_ms:.0f} done_reason={result.done_reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
