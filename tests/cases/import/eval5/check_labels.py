#!/usr/bin/env python3
"""Check this folder's labels with the third held-out set's checker (../eval3/check_labels.py, same keys and rules).

Usage: python3 check_labels.py [case ...]   (default: every case folder next to this script)

One difference from eval3's rules: the text of source.html leaves out elements a browser does not show
(`style="display: none"`), as copied.txt does, so that a hidden COinS span inside a Wikipedia note does not count.
"""
import importlib.util
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("eval3_check_labels", HERE.parent / "eval3" / "check_labels.py")
checker = importlib.util.module_from_spec(spec)
spec.loader.exec_module(checker)
checker.HERE = HERE  # the cases are this folder's


def page_text(case: Path) -> str:
    """eval3's page_text, without the elements the page hides with an inline display:none."""
    root = checker.lxml.html.fromstring((case / "source.html").read_text(encoding="utf-8"))
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for hidden in root.xpath("//*[@style]"):
        if re.search(r"display\s*:\s*none", hidden.get("style", "")) and hidden.getparent() is not None:
            hidden.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return checker.norm(root.text_content())


checker.page_text = page_text

if __name__ == "__main__":
    sys.exit(checker.main(sys.argv[1:]))
