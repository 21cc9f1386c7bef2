"""Reading claims files (CSV, JSON, JSON Lines) into validated rows, with file and line in errors.

Columns (CSV header / JSON keys): `text` (required); optional `language`, `source`,
`source_kind`, `attribution`, `attribution_kind`, `url`, `article_title`, `gloss_en`.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from workbench.errors import WorkbenchError
from workbench.models import AttributionKind, SourceKind

REQUIRED_COLUMNS = ("text",)
OPTIONAL_COLUMNS = (
    "language",
    "source",
    "source_kind",
    "attribution",
    "attribution_kind",
    "url",
    "article_title",
    "gloss_en",
)
MAX_CLAIM_CHARS = 5000
# the database's column sizes: checked here so every backend refuses the same rows, clearly
COLUMN_LIMITS = {
    "language": 8,
    "source": 300,
    "url": 2000,
    "article_title": 1000,
    "gloss_en": 5000,
    "attribution": 1000,
}


class MalformedFileError(WorkbenchError):
    """A file Workbench cannot read; the message names the file and, where known, the line."""

    def __init__(self, name: str, problem: str, line: int | None = None):
        where = f"{name}, line {line}" if line is not None else name
        super().__init__(f"{where}: {problem}")
        self.name = name
        self.line = line


@dataclass(frozen=True)
class ClaimRow:
    line: int
    text: str
    language: str | None
    source: str | None
    source_kind: str | None
    attribution: str | None
    attribution_kind: str | None
    url: str | None
    article_title: str | None
    gloss_en: str | None


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise TypeError("expected text")
    text = " ".join(str(value).split())
    return text or None


def _row(name: str, line: int, record: dict[str, Any]) -> ClaimRow:
    try:
        values = {key: _clean(record.get(key)) for key in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
    except TypeError:
        raise MalformedFileError(name, "every value must be text or a number", line) from None
    text = values["text"]
    if not text:
        raise MalformedFileError(name, "the claim `text` is empty", line)
    if len(text) > MAX_CLAIM_CHARS:
        raise MalformedFileError(
            name, f"the claim is {len(text)} characters long (at most {MAX_CLAIM_CHARS})", line
        )
    for column, limit in COLUMN_LIMITS.items():
        if values[column] and len(values[column]) > limit:
            raise MalformedFileError(
                name, f"`{column}` is {len(values[column])} characters long (at most {limit})", line
            )
    kinds = {k.value for k in SourceKind}
    if values["source_kind"] and values["source_kind"] not in kinds:
        raise MalformedFileError(
            name,
            f"source_kind {values['source_kind']!r} is not one of {', '.join(sorted(kinds))}",
            line,
        )
    attribution_kinds = {k.value for k in AttributionKind}
    if values["attribution_kind"] and values["attribution_kind"] not in attribution_kinds:
        raise MalformedFileError(
            name,
            f"attribution_kind {values['attribution_kind']!r} is not one of "
            f"{', '.join(sorted(attribution_kinds))}",
            line,
        )
    if (values["attribution"] or values["source_kind"]) and not values["source"]:
        raise MalformedFileError(name, "an attribution needs a `source` (who said it)", line)
    return ClaimRow(line=line, **values)  # type: ignore[arg-type]


def read_csv(name: str, text: str) -> list[ClaimRow]:
    # the header decides the delimiter: csv.Sniffer guesses wrong on "2,2 Prozent" in a row
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [column.strip() for column in (reader.fieldnames or [])]
    if not header:
        raise MalformedFileError(name, "the CSV file has no header row", 1)
    reader.fieldnames = header
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise MalformedFileError(
            name,
            f"missing column {', '.join(missing)} (header: {', '.join(header)}); "
            f"expected {', '.join(REQUIRED_COLUMNS)} and optionally {', '.join(OPTIONAL_COLUMNS)}",
            1,
        )
    rows: list[ClaimRow] = []
    try:
        for record in reader:
            line = reader.line_num
            if None in record:
                raise MalformedFileError(name, "more fields than the header has", line)
            if all(not (value or "").strip() for value in record.values()):
                continue
            rows.append(_row(name, line, record))
    except csv.Error as error:
        raise MalformedFileError(name, f"broken CSV ({error})", reader.line_num) from None
    if not rows:
        raise MalformedFileError(name, "the CSV file has a header but no claims")
    return rows


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _json_items(name: str, text: str) -> list[tuple[int, Any]]:
    """Top-level items with the line each starts on, for errors a person can find."""
    decoder = json.JSONDecoder()
    try:
        document, _ = decoder.raw_decode(text, len(text) - len(text.lstrip()))
    except json.JSONDecodeError as error:
        raise MalformedFileError(name, f"not valid JSON ({error.msg})", error.lineno) from None
    if isinstance(document, dict) and isinstance(document.get("claims"), list):
        start = text.find("[", text.find('"claims"'))
    elif isinstance(document, list):
        start = text.find("[")
    else:
        return [(1, document)]
    items: list[tuple[int, Any]] = []
    position = start + 1
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            return items
        item, end = decoder.raw_decode(text, position)
        items.append((_line_of(text, position), item))
        position = end


def read_json(name: str, text: str) -> list[ClaimRow]:
    if not text.strip():
        raise MalformedFileError(name, "the file is empty")
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        whole_error = error
    else:
        whole_error = None
    items: list[tuple[int, Any]]
    if whole_error is None:
        items = _json_items(name, text)
    elif text.lstrip().startswith("{"):
        # not one JSON document: JSON Lines, where every non-empty line must parse
        items = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append((number, json.loads(line)))
            except json.JSONDecodeError as error:
                raise MalformedFileError(
                    name, f"not valid JSON or JSON Lines ({error.msg})", number
                ) from None
    else:
        raise MalformedFileError(name, f"not valid JSON ({whole_error.msg})", whole_error.lineno)
    rows = []
    for line, item in items:
        if not isinstance(item, dict):
            raise MalformedFileError(name, "each claim must be a JSON object", line)
        rows.append(_row(name, line, item))
    if not rows:
        raise MalformedFileError(name, "the file holds no claims")
    return rows
