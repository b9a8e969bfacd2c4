"""Draw a horizontal bar chart as SVG from a CSV data file (deterministic bytes, no plotting library)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from volume.xhtml import escape_attr, escape_text

WIDTH = 520
BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 110
TOP = 16
FONT = "'Noto Serif', serif"


@dataclass(frozen=True)
class Row:
    label: str
    value: float
    text: str = ""  # the value as the data file writes it


class ChartDataError(ValueError):
    pass


def read_rows(data: str, label_column: str | None = None, value_column: str | None = None) -> tuple[list[Row], list[dict]]:
    reader = csv.DictReader(io.StringIO(data))
    if not reader.fieldnames or len(reader.fieldnames) < 2:
        raise ChartDataError("the CSV needs a header row with a label column and a number column")
    label_column = label_column or reader.fieldnames[0]
    records = list(reader)
    if value_column is None:
        value_column = next((name for name in reader.fieldnames[1:]
                             if records and all(_number(r.get(name)) is not None for r in records)), None)
    if value_column is None or label_column not in reader.fieldnames:
        raise ChartDataError("no column holds a number in every row")
    rows = []
    for line, record in enumerate(records, start=2):
        value = _number(record.get(value_column))
        if value is None:
            raise ChartDataError(f"line {line}: '{record.get(value_column)}' is not a number")
        rows.append(Row(record[label_column].strip(), value, str(record.get(value_column)).strip()))
    if not rows:
        raise ChartDataError("the CSV has no data rows")
    return rows, records


def _number(text: str | None) -> float | None:
    try:
        return float(str(text).replace(",", "").strip())
    except ValueError:
        return None


def bar_chart_svg(rows: list[Row], unit: str = "", note: str = "", title: str = "") -> bytes:
    rows = sorted(rows, key=lambda r: (-r.value, r.label))
    top = max(r.value for r in rows) or 1.0
    label_width = max(LABEL_WIDTH, 14 + int(6.8 * max(len(r.label) for r in rows)))
    plot = WIDTH - label_width - 70
    height = TOP + len(rows) * (BAR_HEIGHT + GAP) + (34 if note else 10)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img" aria-label="{escape_attr(title)}">',
        f"<title>{escape_text(title)}</title>" if title else "",
        f'<g font-family="{FONT}" font-size="12" fill="#000">',
    ]
    for index, row in enumerate(rows):
        y = TOP + index * (BAR_HEIGHT + GAP)
        length = max(1.0, plot * row.value / top)
        value = row.text or f"{row.value:g}"
        out.append(f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{escape_text(row.label)}</text>')
        out.append(f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" fill="#4d4d4d"/>')
        out.append(f'<text x="{label_width + length + 6:.1f}" y="{y + 15}">{escape_text(value)}{escape_text(" " + unit if unit else "")}</text>')
    axis_bottom = TOP + len(rows) * (BAR_HEIGHT + GAP) - GAP
    out.append(f'<line x1="{label_width}" y1="{TOP - 4}" x2="{label_width}" y2="{axis_bottom + 4}" stroke="#000"/>')
    if note:
        out.append(f'<text x="{label_width}" y="{axis_bottom + 26}" font-size="10" font-style="italic">'
                   f"{escape_text(note)}</text>")
    out.append("</g></svg>\n")
    return "\n".join(part for part in out if part).encode("utf-8")
