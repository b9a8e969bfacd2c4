"""Make an import case's copied.txt (Chromium's innerText of the page) and made.docx (pandoc) from its source.html.

    python3 bench/import_case_files.py [--scripts] tests/cases/import/<set>/<case> [more case folders]

copied.txt is what a reader gets by selecting the whole page in Chromium and copying it: the page is opened from
the file in headless Chromium (Debian's package) in a 1366×900 window with no network (every host name made
unresolvable, no proxy, no background networking), and `document.body.innerText` is written out, as Chromium's copy does (list numbers drawn by CSS, such as an <ol>'s, are not part of it). Page scripts are
disabled unless --scripts is given (the dev set's second half, SECOND-SET.md, was made with scripts on: offline,
they change little). made.docx is `pandoc --sandbox source.html -o made.docx` (--sandbox: no image is fetched), the
Word file an editor gets by opening the page in a word processor; pandoc comes with pypandoc-binary.
(This script replaces the dev set's former make_derived.py, which did the same with scripts on, under
`unshare --net`, over DevTools' pipe.)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypandoc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.test_preview import DevTools  # noqa: E402  (the project's minimal DevTools client)

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-proxy-server", "--remote-debugging-port=0",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--blink-settings=imagesEnabled=false", "--window-size=1366,900"]


def inner_text(page: Path, browser: DevTools, scripts: bool = False) -> str:
    target = browser.call("Target.createTarget", url="about:blank")["targetId"]
    session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    browser.call("Emulation.setScriptExecutionDisabled", session, value=not scripts)
    browser.call("Page.enable", session)
    browser.call("Page.navigate", session, url=page.resolve().as_uri())
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        state = browser.evaluate(session, "document.readyState + '|' + location.href")
        if state and state.startswith("complete|file:"):
            break
        time.sleep(0.2)
    text = browser.evaluate(session, "document.body.innerText")
    browser.call("Target.closeTarget", targetId=target)
    return text


def start_browser(profile: Path) -> tuple[subprocess.Popen, DevTools]:
    binary = shutil.which("chromium") or "/usr/bin/chromium"
    process = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    active = profile / "DevToolsActivePort"
    for _ in range(100):
        lines = active.read_text().split("\n") if active.exists() else []
        if len(lines) >= 2 and lines[1]:
            return process, DevTools(int(lines[0]), lines[1])
        time.sleep(0.2)
    process.kill()
    raise SystemExit("Chromium did not open its DevTools port")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="+", type=Path)
    parser.add_argument("--scripts", action="store_true", help="let the page's scripts run (offline)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        process, browser = start_browser(Path(tmp))
        try:
            for case in args.cases:
                source = case / "source.html"
                text = inner_text(source, browser, args.scripts)
                (case / "copied.txt").write_text(text.rstrip("\n") + "\n", encoding="utf-8")
                pypandoc.convert_file(str(source), "docx", format="html", outputfile=str(case / "made.docx"), sandbox=True)
                print(f"{case}: copied.txt ({len(text)} characters), made.docx")
        finally:
            browser.close()
            process.terminate()
            process.wait(timeout=10)


if __name__ == "__main__":
    main()
