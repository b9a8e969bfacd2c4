"""`volume preview`: the server's routes, rebuilds on change, diagnostics, Ctrl-C, and live reload in Chromium."""

from __future__ import annotations

import base64
import contextlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import copy_case
from volume.preview import start_preview

CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--no-proxy-server", "--remote-debugging-port=0"]
OLD_SENTENCE = "The opening paragraph makes a claim."
NEW_SENTENCE = "The opening paragraph now makes a bolder claim."


@contextlib.contextmanager
def serving(project: Path):
    """The preview server on a free port, in a thread, as `volume preview --port 0` runs it."""
    server = start_preview(project, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.close()
        thread.join(timeout=5)


def get(server, path: str, host: str | None = None) -> tuple[int, str]:
    """GET exactly this path (no client-side normalising of '..')."""
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=host is not None)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def wait_until(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.1)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_serves_rebuilds_and_shows_diagnostics(tmp_path):
    project = copy_case("small", tmp_path)
    manifest = project / "chapters" / "volume.toml"
    with serving(project) as server:
        status, page = get(server, "/")
        assert status == 200
        assert "Alpha Relations" in page and 'new EventSource("/events")' in page
        assert "S009" in page  # the warning banner
        for path in ("/images/nothing.png", "/../etc/passwd", "/images/../../etc/passwd", "/%2e%2e/etc/passwd",
                     "/chapters/volume.toml", "/chapters/alpha.md", "/index.html", "/images/"):
            assert get(server, path)[0] == 404, path
        assert get(server, "/", host="attacker.example")[0] == 403  # DNS rebinding
        first = int(get(server, "/version")[1])

        events = socket.create_connection(("127.0.0.1", server.server_address[1]), timeout=15)
        events.sendall(b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        stream = events.makefile("rb")
        assert stream.readline().startswith(b"HTTP/1.0 200")

        def next_event() -> int:
            while (line := stream.readline()) and not line.startswith(b"data: "):
                pass
            return int(line[6:])

        assert next_event() == first  # the version the stream starts from

        edit(project / "chapters" / "alpha.md", OLD_SENTENCE, NEW_SENTENCE)
        wait_until(lambda: int(get(server, "/version")[1]) > first, 10, "a rebuild after editing a chapter")
        assert NEW_SENTENCE in get(server, "/")[1]
        assert next_event() > first  # pushed to open pages
        events.close()

        good = manifest.read_text(encoding="utf-8")
        manifest.write_text("[volume\ntitle = 'broken'\n", encoding="utf-8")
        wait_until(lambda: "M002" in get(server, "/")[1], 10, "the diagnostic page")
        status, page = get(server, "/")
        assert status == 200 and "Alpha Relations" not in page and "EventSource" in page

        manifest.write_text(good, encoding="utf-8")
        wait_until(lambda: "Alpha Relations" in get(server, "/")[1], 10, "the book back after the fix")
        assert NEW_SENTENCE in get(server, "/")[1]


def test_cli_prints_address_and_stops_on_ctrl_c(tmp_path):
    project = copy_case("small", tmp_path)
    # Python leaves SIGINT ignored when started with it ignored (as under a non-interactive shell): restore
    # the usual handler, then run the command exactly as `volume preview` does.
    code = ("import signal; signal.signal(signal.SIGINT, signal.default_int_handler); from volume.cli import main; "
            f"main(['preview', '--project', {str(project)!r}, '--port', '0', '--no-watch'])")
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, cwd=Path(__file__).resolve().parent.parent)
    try:
        line = process.stdout.readline()
        match = re.fullmatch(r"Serving A Small Test Volume at http://127\.0\.0\.1:(\d+)/ \(Ctrl-C to stop\)\n", line)
        assert match, line
        connection = http.client.HTTPConnection("127.0.0.1", int(match.group(1)), timeout=10)
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
        connection.close()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert process.returncode == 0
    assert "Traceback" not in err and "Stopped." in out


class DevTools:
    """Just enough of the Chrome DevTools Protocol, over a minimal WebSocket client (RFC 6455), to drive a page."""

    def __init__(self, port: int, path: str):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
                          .encode())
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += self._recv()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        assert b" 101 " in head.split(b"\r\n")[0], head
        self.last_id = 0

    def _recv(self) -> bytes:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("DevTools closed the connection")
        return chunk

    def _read(self, size: int) -> bytes:
        while len(self.buffer) < size:
            self.buffer += self._recv()
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def _send(self, payload: bytes) -> None:
        size = len(payload)
        header = bytes([0x81]) + (bytes([0x80 | size]) if size < 126 else
                                  bytes([0x80 | 126]) + struct.pack(">H", size) if size < 65536 else
                                  bytes([0x80 | 127]) + struct.pack(">Q", size))
        mask = os.urandom(4)  # a client masks every frame
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _message(self) -> dict:
        message = b""
        while True:
            first, second = self._read(2)
            size = second & 0x7F
            if size == 126:
                size = struct.unpack(">H", self._read(2))[0]
            elif size == 127:
                size = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(size)
            opcode = first & 0x0F
            if opcode == 8:
                raise ConnectionError("DevTools closed the connection")
            if opcode in (0, 1, 2):
                message += payload
                if first & 0x80:
                    return json.loads(message)

    def call(self, method: str, session: str | None = None, **params) -> dict:
        self.last_id += 1
        request = {"id": self.last_id, "method": method, "params": params}
        if session:
            request["sessionId"] = session
        self._send(json.dumps(request).encode())
        while True:  # events arrive in between; skip them
            reply = self._message()
            if reply.get("id") == self.last_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def evaluate(self, session: str, expression: str):
        result = self.call("Runtime.evaluate", session, expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def close(self) -> None:
        self.sock.close()


@contextlib.contextmanager
def chromium(tmp_path: Path):
    binary = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if binary is None:
        pytest.fail("Chromium is not installed: `apt-get install -y chromium` (Debian's package; .ci/run installs "
                    "it when it runs as root). The live-reload test needs a real browser.")
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    log = (tmp_path / "chromium.log").open("wb")
    process = subprocess.Popen([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
                               stdout=log, stderr=subprocess.STDOUT)
    devtools = None
    try:
        active = profile / "DevToolsActivePort"

        def ready():
            if process.poll() is not None:
                raise AssertionError(f"Chromium exited ({process.returncode}): "
                                     f"{(tmp_path / 'chromium.log').read_text(errors='replace')[-2000:]}")
            lines = active.read_text().split("\n") if active.exists() else []
            return lines if len(lines) >= 2 and lines[1] else None

        port, path = wait_until(ready, 20, "Chromium's DevTools port")[:2]
        devtools = DevTools(int(port), path)
        yield devtools
    finally:
        if devtools is not None:
            devtools.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_browser_reloads_by_itself_after_an_edit(tmp_path):
    project = copy_case("small", tmp_path)
    with serving(project) as server, chromium(tmp_path) as browser:
        target = browser.call("Target.createTarget", url=server.url)["targetId"]
        session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]

        def page(expression: str):
            try:
                return browser.evaluate(session, expression)
            except RuntimeError:  # between documents while the page reloads
                return None

        wait_until(lambda: page("document.readyState === 'complete' && "
                                "document.body.innerText.includes('Alpha Relations')"), 20, "the page to load")
        assert page("document.querySelectorAll('section[role=doc-chapter]').length") == 2
        assert OLD_SENTENCE in page("document.body.innerText")
        page("window.beforeTheEdit = true")  # gone once the page has reloaded itself

        edit(project / "chapters" / "alpha.md", OLD_SENTENCE, NEW_SENTENCE)
        wait_until(lambda: page(f"document.body.innerText.includes({json.dumps(NEW_SENTENCE)})"), 20,
                   "the open page to show the edited sentence")
        assert page("window.beforeTheEdit === undefined") is True
        assert page("document.querySelectorAll('section[role=doc-chapter]').length") == 2


def test_pdf_built_after_the_page_and_served(tmp_path):
    """`volume preview --pdf`: the page links to /book.pdf, which serves the digital edition the preview built into
    dist/; after an edit the page reloads first and the PDF follows with the new text."""
    import io

    import pypdf

    project = copy_case("small", tmp_path)
    server = start_preview(project, port=0, pdf=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def pdf_text() -> str:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
        connection.request("GET", "/book.pdf")
        response = connection.getresponse()
        body = response.read()
        connection.close()
        if response.status != 200:
            return ""
        assert response.getheader("Content-Type") == "application/pdf"
        return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(body)).pages).split())

    try:
        assert 'href="/book.pdf"' in get(server, "/")[1]
        assert "makes a claim" in wait_until(pdf_text, 600, "the first PDF")
        # served as soon as it is written; the build then puts it into dist/ with the other editions
        server.preview.editions.wait_for_build(0, 600)
        assert (project / "dist" / "small.pdf").read_bytes() == server.preview.editions.pdf
        first = int(get(server, "/pdf-version")[1])
        edit(project / "chapters" / "alpha.md", OLD_SENTENCE, NEW_SENTENCE)
        wait_until(lambda: NEW_SENTENCE in get(server, "/")[1], 60, "the page after the edit")
        wait_until(lambda: int(get(server, "/pdf-version")[1]) > first, 600, "the PDF after the edit")
        assert "now makes a bolder claim" in pdf_text()
    finally:
        server.shutdown()
        server.close()
        thread.join(timeout=5)


def test_glyph_check_sees_a_font_replaced_under_the_same_name(tmp_path):
    """The preview keeps the fonts' digests between rebuilds (hashing 7 MB of fonts on every save cost 15 ms): a font
    file replaced under its own name is read again, and the characters only the new one has count as covered."""
    from volume.checks.glyphs import font_coverage

    fonts = Path(__file__).resolve().parents[1] / "styles" / "fonts"
    folder = tmp_path / "fonts"
    folder.mkdir()
    shutil.copy(fonts / "NotoSerif-Regular.ttf", folder / "Body.ttf")
    armenian_letter = ord("\u0531")
    before = font_coverage(folder)
    assert ord("a") in before and armenian_letter not in before
    assert font_coverage(folder) == before
    shutil.copy(fonts / "NotoSerifArmenian-Regular.ttf", folder / "Body.ttf")
    assert armenian_letter in font_coverage(folder)
