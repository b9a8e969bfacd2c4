"""The workers' fork server does their first piece's warm-up once (render/pdf/warm_up.py): a piece laid out after
importing render/pdf/libraries.py, as the fork server does, reads no hyphenation patterns and parses no C type of
its own, and lays out as it does without the warm-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

STYLES = Path(__file__).resolve().parent.parent / "styles"

CHILD = """
import json, sys, types
if sys.argv[2] == "cold":
    sys.modules["volume.render.pdf.warm_up"] = types.SimpleNamespace(warm_up=lambda: None)
import volume.render.pdf.libraries
import pyphen
from pathlib import Path
from weasyprint.text.ffi import ffi
from volume.render.pdf import layout, weasy
before = (sorted(map(str, pyphen.hdcache)), sorted(ffi._parsed_types))
layout.set_up_worker(Path(sys.argv[1]))
words = "Intergovernmental organisations negotiated comprehensive infrastructural understandings " * 12
html = ('<html lang="en"><body style="width: 9em; text-align: justify; hyphens: auto">'
        f'<p>{words}</p></body></html>')
document = weasy.document_from_tree(__import__("volume.render.pdf.fast_html", fromlist=["x"]).element_tree(html),
                                    Path(sys.argv[1]).as_uri() + "/", None).render()
pdf = document.write_pdf()
after = (sorted(map(str, pyphen.hdcache)), sorted(ffi._parsed_types))
print(json.dumps({"before": before, "after": after, "pages": len(document.pages), "size": len(pdf),
                  "lines": sum(1 for _ in pdf.split(b" TJ")) - 1}))
"""


def _run(mode: str) -> dict:
    run = subprocess.run([sys.executable, "-c", CHILD, str(STYLES), mode], capture_output=True, text=True, check=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_the_fork_servers_warm_up_leaves_a_worker_nothing_to_read_and_the_same_layout():
    warm, cold = _run("warm"), _run("cold")
    assert warm["before"][0] and warm["before"][0] == warm["after"][0]  # English patterns read before, none after
    assert warm["before"][1] == warm["after"][1]  # every C type parsed before the layout
    assert not cold["before"][0] and cold["after"][0] == warm["after"][0]  # without it, the layout reads them
    assert len(cold["after"][1]) > len(cold["before"][1])
    assert (warm["pages"], warm["size"], warm["lines"]) == (cold["pages"], cold["size"], cold["lines"])
