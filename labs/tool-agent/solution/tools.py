"""Read-only operations tools, registered with Pydantic argument models.

The registry gives the model a JSON Schema for each tool's arguments (generated from the Pydantic
model) and validates every call the model makes before running it, so a wrong argument becomes a
readable error the model can correct, not an exception in your service.
"""
import json
import pathlib
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Type

from pydantic import BaseModel, Field, ValidationError

from compat import json_schema

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
        """The tools in the shape Ollama's (and OpenAI's) chat API expects."""
        specs = []
        for tool in self.tools.values():
            parameters = json_schema(tool.args_model)
            parameters.pop("title", None)
            specs.append({"type": "function",
                          "function": {"name": tool.name, "description": tool.description, "parameters": parameters}})
        return specs

    def call(self, name: str, arguments: Optional[Dict[str, Any]]) -> ToolResult:
        """Validate the arguments and run the tool; every failure becomes a ToolResult with ok=False."""
        tool = self.tools.get(name)
        if tool is None:
            return ToolResult(False, f"unknown tool '{name}'; available tools: {', '.join(sorted(self.tools))}")
        try:
            args = tool.args_model(**(arguments or {}))
        except ValidationError as error:
            problems = "; ".join(f"{'.'.join(str(part) for part in e['loc'])}: {e['msg']}" for e in error.errors())
            return ToolResult(False, f"invalid arguments for {name}: {problems}")
        try:
            output = tool.func(args)
        except Exception as error:  # a tool failure is an observation for the model, not a crash
            return ToolResult(False, f"{name} failed: {error}")
        text = output if isinstance(output, str) else json.dumps(output, sort_keys=True)
        if len(text) > MAX_OUTPUT:
            text = text[: MAX_OUTPUT - 15] + " ...[truncated]"
        return ToolResult(True, text)


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
