"""DAISY Ace on the default volume's EPUB: no critical or serious violation, the accessibility metadata present."""

from __future__ import annotations

import json
import os
import shutil
import subprocess


def test_ace_finds_no_serious_violation(default_build, tmp_path):
    ace = shutil.which("ace-puppeteer")
    assert ace, ("DAISY Ace is not installed: .ci/run installs it with `npm install -g @daisy/ace` "
                 "(PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1) and Debian's chromium")
    project, _ = default_build
    env = dict(os.environ, PUPPETEER_EXECUTABLE_PATH=shutil.which("chromium") or "/usr/bin/chromium")
    run = subprocess.run([ace, "-f", "-s", "-o", str(tmp_path / "ace"), str(project / "dist" / "china-caspian.epub")],
                         env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads((tmp_path / "ace" / "report.json").read_text(encoding="utf-8"))
    violations = [(b["earl:test"]["earl:impact"], b["earl:test"]["dct:title"], a["earl:testSubject"]["url"])
                  for a in report.get("assertions", []) for b in a.get("assertions", [])]
    assert not [v for v in violations if v[0] in ("critical", "serious")], violations
    assert report["earl:result"]["earl:outcome"] == "pass", violations
    missing = set(report.get("a11y-metadata", {}).get("missing", []))
    # only the optional certification claims may be missing (the publisher has not had the book certified)
    assert missing <= {"a11y:certifiedBy", "a11y:certifierCredential", "a11y:certifierReport"}, missing
