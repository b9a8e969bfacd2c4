"""`volume preview`: serve the book as one HTML page on localhost, rebuild it on change, reload the browser."""

from __future__ import annotations

import logging
import secrets
import socket
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from volume.build import Prepared, inputs_key, prepare, styles_dir_for
from volume.cache import remember_between_builds
from volume.config import find_manifest, load_manifest
from volume.diagnostics import Report, VolumeError
from volume.render.preview import book_page, error_page

log = logging.getLogger(__name__)
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
KEEP_ALIVE_SECONDS = 15.0
DEBOUNCE_MS = 200
WAKE_MS = 250  # how often the watching thread looks up when nothing changes
STEP_MS = 10  # a burst of saves ends when nothing changed for this long (watchfiles' default: 50). From a file
#              written to watchfiles' batch, eight saves: 21-35 ms with 20, 11-20 ms with 10
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


class Preview:
    """The last good page and its assets, under a version number bumped each time the page changes."""

    def __init__(self, project: Path, announce: Callable[[list[str], bool, Report], None] | None = None,
                 pdf: bool = False):
        remember_between_builds()
        self.project = project
        self.editions = EditionBuilds(project) if pdf else None  # --pdf: the editions too, after the page
        self.announce = announce or (lambda changed, updated, report: None)  # told after each rebuild on change
        self.root = project.resolve()
        self.nonce = secrets.token_urlsafe(16)
        self.title = self.root.name
        self.version = 0
        self.page = b""
        self.written = ""  # the page as rendered, its version left as a slot (compared with the next one)
        self.assets: dict[str, tuple[str, bytes]] = {}  # name -> (media type, data)
        self.report = Report()  # the last build's diagnostics, for the CLI
        self.changed = threading.Condition()
        self.closing = False

    def rebuild(self) -> bool:
        """Build the page from the sources now (with --pdf, then ask for the editions, from the same reading of the
        sources); True if the page differs from the one being served."""
        report = Report()
        assets = prepared = None
        slot = f"@@version-{self.nonce}@@"  # the page is written once, its version put in after (the nonce is secret)
        try:
            key = self._inputs_key()
            started = time.perf_counter()
            volume = prepare(self.project, report)
            if key is not None:
                prepared = Prepared(key, volume, report, time.perf_counter() - started)
            css = (styles_dir_for(volume.manifest) / "epub.css").read_text(encoding="utf-8")
            page = book_page(volume, css, list(report.warnings), self.root, slot, self.nonce, self.editions is not None)
            assets = {a.name: (a.media_type, a.data) for c in volume.chapters for a in c.assets}
            self.title = volume.meta.title
        except VolumeError as exc:
            report = exc.report
            page = error_page([d.format(self.root) for d in report.items], slot, self.nonce)
        except Exception as exc:  # noqa: BLE001 (a bug in volume: show it, keep serving and watching)
            log.error("preview build failed:\n%s", traceback.format_exc())
            page = error_page(["internal error (a bug in volume; the traceback is in the terminal): "
                               + f"{exc.__class__.__name__}: {exc}"], slot, self.nonce)
        self.report = report
        if self.editions is not None:
            self.editions.want(prepared)
        # Only this (the building) thread changes the version, so the page is compared outside the lock.
        if self.version and page == self.written:
            return False
        self.written = page
        served = page.replace(slot, str(self.version + 1)).encode("utf-8")
        with self.changed:
            self.page = served
            if assets is not None:
                self.assets = assets
            self.version += 1
            self.changed.notify_all()
        return True

    def _inputs_key(self) -> str | None:
        """With --pdf, the key of the sources as they are before they are read (a save while they are read makes
        the next build's key differ, so nothing is taken as up to date that was not built)."""
        if self.editions is None:
            return None
        manifest = load_manifest(find_manifest(self.project))
        return inputs_key(manifest, styles_dir_for(manifest))

    def wait_for_change(self, seen: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen or self.closing, timeout)
            return self.version

    def close(self) -> None:
        with self.changed:
            self.closing = True
            self.changed.notify_all()
        if self.editions is not None:
            self.editions.close()


class EditionBuilds:
    """`volume preview --pdf`: the three editions built after each change of the page, in a thread of their own (the
    page does not wait for them), on one warm scheduler (volume/watch.py), from the volume the page was made from;
    the newest digital PDF is served as soon as a build has written it (before the print edition, the EPUB and the
    cover, which then go into dist/ with it)."""

    def __init__(self, project: Path):
        from volume.watch import WarmBuilds

        self.builds = WarmBuilds(project)
        self.wanted = threading.Event()
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.prepared: Prepared | None = None  # the newest reading of the sources, for the next build
        self.pdf = b""
        self.version = 0  # bumped each time a new PDF is in place
        self.ended = threading.Condition()
        self.builds_ended = 0  # builds finished or failed (what a caller waits on: wait_for_build)
        self.thread = threading.Thread(target=self._run, name="volume-preview-pdf", daemon=True)
        self.thread.start()

    def want(self, prepared: Prepared | None = None) -> None:
        """Build again, from this reading of the sources (None: the build reads them itself)."""
        with self.lock:
            self.prepared = prepared
        self.wanted.set()

    def _run(self) -> None:
        while not self.stopping.is_set():
            if not self.wanted.wait(WAKE_MS / 1000):
                continue
            self.wanted.clear()  # saves during the build make one more build, not one each
            try:
                self._build_once()
            finally:
                with self.ended:
                    self.builds_ended += 1
                    self.ended.notify_all()

    def _build_once(self) -> None:
        with self.lock:
            prepared, self.prepared = self.prepared, None
        try:
            result = self.builds.build(digital_saved=self._serve, prepared=prepared)
        except VolumeError as exc:
            log.info("the editions do not build: %d error(s), listed on the page", len(exc.report.errors))
            return
        except Exception:  # noqa: BLE001 (a bug in volume: say so, keep serving the last PDF)
            log.error("building the editions failed:\n%s", traceback.format_exc())
            return
        digital = next((o.path for o in result.outputs if o.path.suffix == ".pdf"
                        and not o.path.stem.endswith(("-print", "-cover"))), None)
        if digital is None or (result.up_to_date and self.pdf):
            return
        self._serve(digital)
        log.info("editions rebuilt: PDF version %d", self.version)

    def wait_for_build(self, ended: int, timeout: float) -> int:
        """Wait until more than `ended` builds have ended and nothing more is asked for; how many have ended."""
        with self.ended:
            self.ended.wait_for(lambda: self.builds_ended > ended and not self.wanted.is_set(), timeout)
            return self.builds_ended

    def _serve(self, digital: Path) -> None:
        """Serve this digital PDF from now on (a new version only if its bytes changed)."""
        data = digital.read_bytes()
        with self.lock:
            if data != self.pdf:
                self.pdf = data
                self.version += 1

    def close(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=600)
        self.builds.close()


def watched_paths(project: Path) -> list[Path]:
    """The chapters folder and the project's styles; the project folder when there is no manifest yet."""
    try:
        chapters = find_manifest(project).parent
    except VolumeError:
        return [project.resolve()]
    styles = chapters.parent / "styles"
    return [chapters] + ([styles] if styles.is_dir() else [])


def _shown_paths(root: Path, paths: list[str]) -> list[str]:
    """The changed files as the user knows them: relative to the project, each once, in order."""
    shown = set()
    for path in paths:
        resolved = Path(path).resolve()
        name = resolved.name
        if name.startswith(".") or name.endswith("~") or (not resolved.suffix and not resolved.exists()):
            continue  # an editor's swap or backup file, or a temporary file already renamed into place
        shown.add(str(resolved.relative_to(root)) if resolved.is_relative_to(root) else path)
    return sorted(shown)


def watch(preview: Preview, stop: threading.Event, built: threading.Event) -> None:
    """Build once the watcher is in place (so no save is missed), then after each burst of changes: the one
    thread that builds."""
    from watchfiles import watch as watch_changes

    try:
        # yield_on_timeout: the first (maybe empty) batch says the watcher is ready
        for changes in watch_changes(*watched_paths(preview.project), debounce=DEBOUNCE_MS, stop_event=stop,
                                     rust_timeout=WAKE_MS, yield_on_timeout=True, raise_interrupt=False,
                                     step=STEP_MS):
            if not built.is_set():
                preview.rebuild()
                built.set()
            elif changes:
                changed = _shown_paths(preview.root, [path for _kind, path in changes]) or ["a file"]
                log.info("changed: %s", ", ".join(changed))
                updated = preview.rebuild()
                if updated:
                    log.info("rebuilt: version %d", preview.version)
                preview.announce(changed, updated, preview.report)
    except OSError as exc:  # a watched folder vanished, or too many watches: say so; the server keeps serving
        log.error("stopped watching for changes: %s", exc)
    finally:
        if not built.is_set():
            preview.rebuild()
            built.set()


class Handler(BaseHTTPRequestHandler):
    """Serves only what the preview made: the page, its images, the version and the change stream."""

    server: PreviewServer
    server_version = "volume-preview"

    head_only = False

    def do_HEAD(self) -> None:
        self.head_only = True
        self.do_GET()

    def do_GET(self) -> None:
        preview = self.server.preview
        if not self._host_allowed():
            return self._send(403, b"Forbidden host\n", "text/plain; charset=utf-8")
        path = urlsplit(self.path).path
        if path == "/":
            with preview.changed:
                page = preview.page
            return self._send(200, page, "text/html; charset=utf-8")
        if path == "/book.pdf" and preview.editions is not None:
            with preview.editions.lock:
                pdf = preview.editions.pdf
            if pdf:
                return self._send(200, pdf, "application/pdf")
            return self._send(503, b"The PDF is being built; reload in a moment.\n", "text/plain; charset=utf-8")
        if path == "/pdf-version" and preview.editions is not None:
            return self._send(200, f"{preview.editions.version}\n".encode(), "text/plain; charset=utf-8")
        if path == "/version":
            return self._send(200, f"{preview.version}\n".encode(), "text/plain; charset=utf-8")
        if path == "/events":
            return self._send(200, b"", "text/event-stream") if self.head_only else self._stream_events()
        if path.startswith("/images/"):
            asset = preview.assets.get(unquote(path[len("/images/"):]))
            if asset is not None:
                return self._send(200, asset[1], asset[0])
        self._send(404, b"Not found\n", "text/plain; charset=utf-8")

    def _host_allowed(self) -> bool:
        """On loopback, answer only requests addressed to loopback names: no DNS rebinding."""
        if self.server.host not in LOOPBACK_NAMES:
            return True
        host = self.headers.get("Host", "")
        name = host[1:].split("]")[0] if host.startswith("[") else host.rsplit(":", 1)[0]
        return name in LOOPBACK_NAMES

    def _headers(self, status: int, media_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy",
                         f"default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                         f"font-src 'self' data:; connect-src 'self'; script-src 'nonce-{self.server.preview.nonce}'; "
                         "base-uri 'none'; form-action 'none'")

    def _send(self, status: int, body: bytes, media_type: str) -> None:
        self._headers(status, media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not self.head_only:
            self.wfile.write(body)

    def _stream_events(self) -> None:
        preview = self.server.preview
        self._headers(200, "text/event-stream; charset=utf-8")
        self.end_headers()
        self.close_connection = True
        version = preview.version
        try:
            self.wfile.write(f"retry: 1000\ndata: {version}\n\n".encode())
            self.wfile.flush()
            while not preview.closing:
                current = preview.wait_for_change(version, KEEP_ALIVE_SECONDS)
                message = f"data: {current}\n\n" if current != version else ": keep-alive\n\n"
                version = current
                self.wfile.write(message.encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            pass  # the page was closed or reloaded

    def log_message(self, format: str, *args) -> None:
        log.debug("%s %s", self.address_string(), format % args)


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, preview: Preview, host: str, port: int):
        self.preview = preview
        self.host = host
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), Handler)
        self.stop_watching = threading.Event()
        self.watcher: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.server_address[1]}/"

    def start_watching(self) -> threading.Event:
        """Start the watching thread; the event is set once it has made the first build."""
        built = threading.Event()
        self.watcher = threading.Thread(target=watch, args=(self.preview, self.stop_watching, built),
                                        name="volume-preview-watch", daemon=True)
        self.watcher.start()
        return built

    def close(self) -> None:
        """Stop watching, end the event streams and release the port (after serve_forever has returned)."""
        self.stop_watching.set()
        self.preview.close()
        self.server_close()
        if self.watcher is not None:
            self.watcher.join(timeout=5)


def start_preview(project: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                  watch_changes: bool = True, announce=None, pdf: bool = False) -> PreviewServer:
    """Bind the server (port 0: a free one), start watching, build once; the caller runs serve_forever.
    `announce(changed paths, page changed, report)` is called after each rebuild that a change set off. With pdf,
    the editions are built after the page (the digital PDF served at /book.pdf)."""
    server = PreviewServer(Preview(project, announce, pdf), host, port)
    if watch_changes:
        server.start_watching().wait()
    else:
        server.preview.rebuild()
    return server
