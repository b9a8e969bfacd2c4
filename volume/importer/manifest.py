"""Add a chapter to chapters/volume.toml as text, so the editor's comments and layout stay as they were."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from volume.config import BACK_ROLES, load_manifest
from volume.diagnostics import VolumeError


def _first_back_matter(data: dict) -> int | None:
    for index, entry in enumerate(data.get("contents", [])):
        if isinstance(entry, dict) and (entry.get("matter") == "back" or
                                        (entry.get("role") in BACK_ROLES and entry.get("matter") != "body")):
            return index
    return None


def add_contents_entry(manifest: Path, file_name: str) -> bool:
    """List `file_name` as a chapter: at the end of the body (before any back matter). False if already listed."""
    text = manifest.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    if any(isinstance(e, dict) and e.get("file") == file_name for e in data.get("contents", [])):
        return False
    entry = f"[[contents]]\nfile = {json.dumps(file_name, ensure_ascii=False)}\n"
    lines = text.splitlines(keepends=True)
    headers = [i for i, line in enumerate(lines) if line.strip() == "[[contents]]"]
    back = _first_back_matter(data)
    if back is not None and back < len(headers):
        at = headers[back]
        while at > 0 and lines[at - 1].lstrip().startswith("#"):  # the comments that belong to that entry
            at -= 1
        new_text = "".join(lines[:at]) + entry + "\n" + "".join(lines[at:])
    else:
        new_text = text.rstrip("\n") + "\n\n" + entry if text.strip() else entry
    manifest.write_text(new_text, encoding="utf-8")
    try:
        load_manifest(manifest)
    except VolumeError:
        manifest.write_text(text, encoding="utf-8")
        raise
    return True
