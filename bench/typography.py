"""Print a built PDF's typographic counts: hyphenated line ends and where they fall, notes' first-line alignment.

    python3 bench/typography.py dist/china-caspian.pdf
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.typography import report  # noqa: E402

if __name__ == "__main__":
    for name in sys.argv[1:] or ["dist/china-caspian.pdf"]:
        print(name)
        print(report(Path(name)))
