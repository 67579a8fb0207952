"""Read-only operations tools, registered with Pydantic argument models.

The registry gives the model a JSON Schema for each tool's arguments (generated from the Pydantic
model) and validates every call the model makes before running it, so a wrong argument becomes a
readable error the model can correct, not an exception in your service.
"""
import json  # noqa: F401 - call() needs it
import pathlib
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Type

from pydantic import BaseModel, Field, ValidationError  # noqa: F401 - call() needs ValidationError

from compat import json_schema  # noqa: F401 - schemas() needs it

FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures" / "cluster.json"
MAX_OUTPUT = 1000  # characters a tool may return to the model


@dataclass
class Tool:
    name: str
    description: str
    args_model: Type[BaseModel]
    func: Callable[[BaseModel], Any]


@dataclass
class ToolResult:
    ok: bool
    content: str


class ToolRegistry:
    def __init__(self):
        self.tools: Dict[str, Tool] = {}

    def register(self, name: str, description: str, args_model: Type[BaseModel]):
        """Decorator: @registry.register("get_pod_status", "...", PodArgs)."""
        def decorate(func):
            if name in self.tools:
                raise ValueError(f"tool {name} is already registered")
            self.tools[name] = Tool(name, description, args_model, func)
            return func
        return decorate

    def schemas(self) -> List[Dict[str, Any]]:
        """The tools in the shape Ollama's (and OpenAI's) chat API expects.

        TODO(lab, step 1): one entry per registered tool:
            {"type": "function",
             "function": {"name": ..., "description": ...,
                          "parameters": json_schema(tool.args_model) without its "title" key}}
        """
        raise NotImplementedError("ToolRegistry.schemas() is not written yet: see its TODO in tools.py")

    def call(self, name: str, arguments: Optional[Dict[str, Any]]) -> ToolResult:
        """Validate the arguments and run the tool; every failure becomes a ToolResult with ok=False.

        TODO(lab, step 1):
          - an unknown name: ToolResult(False, "unknown tool '<name>'; available tools: <names>");
          - build tool.args_model(**arguments); on ValidationError return ToolResult(False, ...) with
            each error's field name (e["loc"]) and message (e["msg"]), so the model can fix its call;
          - run tool.func(args); an exception becomes ToolResult(False, "<name> failed: <error>");
          - a result that is not a string is sent as JSON (json.dumps(..., sort_keys=True));
          - cut the text to at most MAX_OUTPUT characters.
        """
        raise NotImplementedError("ToolRegistry.call() is not written yet: see its TODO in tools.py")


def load_fixtures() -> Dict[str, Any]:
    return json.loads(FIXTURES.read_text(encoding="utf-8"))


registry = ToolRegistry()


class PodArgs(BaseModel):
    namespace: str = Field(..., min_length=1, description="Kubernetes namespace, e.g. shop")
    pod: str = Field(..., min_length=1, description="Pod name, e.g. checkout-7d9f")


class ServiceArgs(BaseModel):
    service: str = Field(..., min_length=1, description="Service name, e.g. checkout")


class SearchArgs(BaseModel):
    query: str = Field(..., min_length=2, description="What to look for in the runbooks")


@registry.register("get_pod_status", "Current status of one Kubernetes pod: phase, readiness, restarts "
                   "and the reason it is failing, if any.", PodArgs)
def get_pod_status(args: PodArgs):
    pods = load_fixtures()["pods"]
    key = f"{args.namespace}/{args.pod}"
    if key not in pods:
        known = ", ".join(sorted(pods))
        raise LookupError(f"no pod {key}; known pods: {known}")
    return {"pod": key, **pods[key]}


@registry.register("get_error_rate", "Fraction of requests that failed over the last 5 minutes for a "
                   "service, from Prometheus.", ServiceArgs)
def get_error_rate(args: ServiceArgs):
    rates = load_fixtures()["error_rates"]
    if args.service not in rates:
        raise LookupError(f"no metrics for service {args.service}; known services: {', '.join(sorted(rates))}")
    return {"service": args.service, "error_rate_5m": rates[args.service]}


@registry.register("search_runbooks", "Search the team's runbooks and return the best matching "
                   "entries.", SearchArgs)
def search_runbooks(args: SearchArgs):
    words = {w.lower().strip(".,?") for w in args.query.split() if len(w) > 2}
    scored = []
    for entry in load_fixtures()["runbooks"]:
        text = (entry["title"] + " " + entry["text"]).lower()
        score = sum(1 for w in words if w in text)
        if score:
            scored.append((score, entry))
    scored.sort(key=lambda pair: -pair[0])
    return [{"title": entry["title"], "text": entry["text"]} for _, entry in scored[:2]] or "no runbook matches"
