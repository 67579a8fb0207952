"""Three Pydantic calls that differ between v2 and v1.

The lab is written for Pydantic v2. Debian 12 ships Pydantic 1.10, so these helpers use the v2
method when it exists and the v1 one otherwise. Everywhere else the code is plain v2-style Pydantic.
"""
from typing import Any, Dict, Type, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


def json_schema(model: Type[BaseModel]) -> Dict[str, Any]:
    """The model's JSON Schema (v2: model_json_schema, v1: schema)."""
    if hasattr(model, "model_json_schema"):
        return model.model_json_schema()
    return model.schema()


def parse_json(model: Type[M], text: str) -> M:
    """Validate a JSON string; raises pydantic.ValidationError for bad JSON or a bad shape."""
    if hasattr(model, "model_validate_json"):
        return model.model_validate_json(text)
    return model.parse_raw(text)


def to_dict(instance: BaseModel) -> Dict[str, Any]:
    """The instance as plain data (v2: model_dump, v1: dict)."""
    if hasattr(instance, "model_dump"):
        return instance.model_dump()
    return instance.dict()
