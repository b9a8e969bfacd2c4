"""WeasyPrint's C libraries found from one `ldconfig -p` (render/pdf/libraries.py): the same answers as
ctypes.util.find_library for every name WeasyPrint tries, and the same libraries loaded."""

from __future__ import annotations

import ctypes.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from volume.render.pdf import libraries

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the quick lookup is Linux's only")


def weasyprints_names() -> list[str]:
    """Every library name WeasyPrint's ffi module tries, read from its source."""
    import importlib.util

    source = Path(importlib.util.find_spec("weasyprint.text.ffi").origin).read_text(encoding="utf-8")
    calls = re.findall(r"_dlopen\(\s*ffi,([^)]*)\)", source)
    return [name for call in calls for name in re.findall(r"'([^']+)'", call)]


def test_the_quick_lookup_answers_as_find_library_does():
    names = weasyprints_names()
    assert len(names) >= 30  # seven libraries, several names each
    quick = libraries.cached_lookup(libraries._ldconfig_listing())
    assert {name: quick(name) for name in names} == {name: ctypes.util.find_library(name) for name in names}


LOADED = """
import sys
if sys.argv[1] == "quick":
    import volume.render.pdf.libraries
import ctypes.util, weasyprint.text.ffi as ffi
names = ("gobject", "pango", "harfbuzz", "harfbuzz_subset", "harfbuzz_vector", "fontconfig", "pangoft2")
print(sorted(n for n in names if getattr(ffi, n) is not None), ctypes.util.find_library.__module__)
"""


def test_weasyprint_loads_the_same_libraries_and_the_lookup_is_restored():
    runs = {way: subprocess.run([sys.executable, "-c", LOADED, way], capture_output=True, text=True, check=True).stdout
            for way in ("quick", "usual")}
    assert runs["quick"] == runs["usual"]
    assert "gobject" in runs["quick"] and runs["quick"].strip().endswith("ctypes.util")
