"""The TriageResult model: what it accepts, what it rejects, and the schema the model is given."""
import pytest
from pydantic import ValidationError

from compat import json_schema, parse_json
from models import TriageResult

GOOD = '{"service": "orders-db", "reason": "Writes fail for every customer.", "severity": "P1"}'


def test_a_good_answer_validates():
    result = parse_json(TriageResult, GOOD)
    assert (result.service, result.severity) == ("orders-db", "P1")
    assert result.reason.startswith("Writes fail")


@pytest.mark.parametrize("severity", ["P5", "critical", "p1", ""])
def test_a_severity_outside_the_scale_is_rejected(severity):
    with pytest.raises(ValidationError):
        parse_json(TriageResult, GOOD.replace('"P1"', f'"{severity}"'))


def test_a_missing_service_is_rejected():
    with pytest.raises(ValidationError):
        parse_json(TriageResult, '{"reason": "Writes fail for every customer.", "severity": "P1"}')


def test_an_empty_service_is_rejected():
    with pytest.raises(ValidationError):
        parse_json(TriageResult, GOOD.replace('"orders-db"', '""'))


def test_text_that_is_not_json_is_rejected():
    with pytest.raises(ValidationError):
        parse_json(TriageResult, "Severity: P1 because orders-db is down")


def test_the_schema_lists_the_fields_in_order_with_descriptions():
    schema = json_schema(TriageResult)
    assert list(schema["properties"]) == ["service", "reason", "severity"]
    assert schema["required"] == ["service", "reason", "severity"]
    assert schema["properties"]["severity"]["enum"] == ["P1", "P2", "P3", "P4"]
    for name, field in schema["properties"].items():
        assert field.get("description"), f"{name} has no description"
