"""Make copied.txt (browser innerText) and made.docx (pandoc) beside each case's source.html."""
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypandoc

HERE = Path(__file__).resolve().parent
OFFLINE_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu",
    "--disable-background-networking", "--no-proxy-server",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--disable-extensions", "--disable-sync", "--no-first-run",
    "--window-size=1366,900", "--remote-debugging-pipe",
]


class Pipe:
    """A CDP connection over chromium's --remote-debugging-pipe (fds 3 and 4)."""

    def __init__(self, url, profile):
        to_chrome_r, self.to_chrome_w = os.pipe()
        self.from_chrome_r, from_chrome_w = os.pipe()
        fds = {3: to_chrome_r, 4: from_chrome_w}

        def child_fds():
            for target, fd in fds.items():
                os.dup2(fd, target)
                os.set_inheritable(target, True)

        self.proc = subprocess.Popen(
            ["unshare", "--net", "chromium", *OFFLINE_FLAGS, f"--user-data-dir={profile}", url],
            preexec_fn=child_fds, 
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buf = b""
        self.next_id = 0

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_chrome_w, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(reply["error"])
                return reply["result"]

    def _read(self):
        while b"\0" not in self.buf:
            chunk = os.read(self.from_chrome_r, 65536)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def close(self):
        try:
            self.send("Browser.close")
        except RuntimeError:
            pass
        self.proc.wait(timeout=30)


def inner_text(html_path):
    """The page's document.body.innerText as headless chromium lays it out, offline."""
    with tempfile.TemporaryDirectory() as profile:
        pipe = Pipe(html_path.as_uri(), profile)
        try:
            for _ in range(100):
                targets = pipe.send("Target.getTargets")["targetInfos"]
                pages = [t for t in targets if t["type"] == "page"]
                if pages:
                    break
                time.sleep(0.1)
            session = pipe.send("Target.attachToTarget",
                                {"targetId": pages[0]["targetId"], "flatten": True})["sessionId"]
            for _ in range(200):
                state = pipe.send("Runtime.evaluate", {"expression": "document.readyState",
                                                        "returnByValue": True}, session)
                if state["result"].get("value") == "complete":
                    break
                time.sleep(0.1)
            time.sleep(1.0)
            result = pipe.send("Runtime.evaluate", {"expression": "document.body.innerText",
                                                     "returnByValue": True}, session)
            return result["result"]["value"]
        finally:
            pipe.close()


def make_docx(source, docx):
    """`pandoc --sandbox source.html -o made.docx`, run in an empty network namespace so nothing is fetched."""
    pandoc = pypandoc.get_pandoc_path()
    subprocess.run(["unshare", "--net", pandoc, "--sandbox", "--quiet", source.name, "-o", docx.name],
                   cwd=source.parent, check=True)


def main(names):
    cases = [HERE / n for n in names] or sorted(p.parent for p in HERE.glob("*/source.html"))
    for case in cases:
        source = case / "source.html"
        text = inner_text(source)
        (case / "copied.txt").write_text(text.rstrip("\n") + "\n", encoding="utf-8")
        make_docx(source, case / "made.docx")
        print(f"{case.name}: {len(text)} chars copied, made.docx written")


if __name__ == "__main__":
    main(sys.argv[1:])
