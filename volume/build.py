"""One build: manifest → Volume → transforms → PDF editions and EPUB, written atomically into the output folder."""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from volume.config import Manifest, find_manifest, load_manifest
from volume.diagnostics import Diagnostic, Report, SourceLocation, VolumeError
from volume.load import load_volume
from volume.model import Volume
from volume.render.pagemap import PageFacts
from volume.transforms import run_transforms

log = logging.getLogger(__name__)


@dataclass
class Output:
    path: Path
    pages: int | None = None

    @property
    def size(self) -> int:
        return self.path.stat().st_size


@dataclass
class BuildResult:
    outputs: list[Output] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    seconds: float = 0.0
    volume: Volume | None = None
    up_to_date: bool = False  # nothing changed since the last build: nothing was redone
    timings: dict[str, float] = field(default_factory=dict)
    pieces: dict[str, int] = field(default_factory=dict)  # PDF pieces laid out, and taken from the cache


STAMP = ".build-stamp.json"


def inputs_key(manifest: Manifest, styles: Path) -> str:
    """Everything an output depends on: the chapters folder, the styles, the tool versions, the date source."""
    from volume.cache import tree_digest, versions

    extra = json.dumps({"versions": versions(), "epoch": os.environ.get("SOURCE_DATE_EPOCH", "")}, sort_keys=True)
    return tree_digest(manifest.chapters_dir, styles, extra=extra)


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _up_to_date(out_dir: Path, key: str) -> BuildResult | None:
    """The previous build's result, if its inputs were exactly these and its outputs are still as written."""
    try:
        stamp = json.loads((out_dir / STAMP).read_text(encoding="utf-8"))
        if stamp["key"] != key:
            return None
        outputs = []
        for name, info in stamp["outputs"].items():
            if _file_hash(out_dir / name) != info["sha256"]:
                return None
            outputs.append(Output(out_dir / name, info.get("pages")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    result = BuildResult(outputs=outputs, up_to_date=True)
    for item in stamp.get("warnings", []):
        path = Path(item["file"]) if item.get("file") else None
        result.report.items.append(Diagnostic(item["code"], item["message"],
                                              SourceLocation(path, item.get("line")) if path else None))
    return result


def _write_stamp(out_dir: Path, key: str, result: BuildResult) -> None:
    stamp = {"key": key,
             "outputs": {o.path.name: {"sha256": _file_hash(o.path), "pages": o.pages} for o in result.outputs},
             "warnings": [{"code": d.code, "message": d.message,
                           "file": str(d.location.path) if d.location else None,
                           "line": d.location.line if d.location else None} for d in result.report.items]}
    tmp = out_dir / f".{STAMP}.tmp-{os.getpid()}"
    tmp.write_text(json.dumps(stamp, indent=1), encoding="utf-8")
    os.replace(tmp, out_dir / STAMP)


def styles_dir_for(manifest: Manifest) -> Path:
    """The project's own styles/ when it has a book.css, else the ones volume ships."""
    from volume.resources import bundled_styles

    project_styles = manifest.project_dir / "styles"
    return project_styles if (project_styles / "book.css").is_file() else bundled_styles()


def prepare(project: Path, report: Report, use_cache: bool = True,
            after_reading: Callable[[], None] | None = None) -> Volume:
    """Read, transform and check the volume: everything a build or `volume check` needs before rendering.
    after_reading() is called once pandoc has converted the sources (the build starts its workers then)."""
    from volume.cache import Cache
    from volume.checks.glyphs import check_glyphs

    manifest = load_manifest(find_manifest(project))
    volume = load_volume(manifest, report, Cache(manifest.project_dir) if use_cache else None)
    if after_reading is not None:
        after_reading()
    volume = run_transforms(volume, report)
    check_glyphs(volume, styles_dir_for(manifest) / "fonts", report)
    report.apply_silence(manifest.silence, SourceLocation(manifest.path))
    report.checkpoint()
    return volume


def _warm_up(styles: str) -> bool:
    """Run first in each worker, while the main process transforms the chapters: fontconfig and the style sheet."""
    from volume.render.piece_layout import warm_up

    warm_up(Path(styles))
    return True


def _write_epub(volume: Volume, styles: Path, target: Path, facts: PageFacts) -> None:
    from volume.render.epub import write_epub

    write_epub(volume, styles, target, facts)


PRELOAD = ["weasyprint", "volume.render.piece_layout", "volume.render.fast_html"]  # not the EPUB: not urgent


def _process_context():
    """Worker processes forked from a fork server that has imported WeasyPrint and the renderers once, instead of
    each spawned process importing them (about a second of CPU apiece). The server is started from a fresh
    interpreter, single-threaded, so forking it is safe; fontconfig is set up in each worker, after the fork."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


class Workers:
    """Two layout processes, one per core, forked from a fork server started with a fixed hash seed (the font
    subsetter's output depends on set order, so a fixed seed keeps the PDFs byte-identical).

    start() is called once pandoc has converted the sources: pandoc's processes have both cores to themselves
    first, then the server imports what it preloads while the main process runs the transforms. The processes
    are started from a thread, so that the main process does not wait for the server meanwhile."""

    def __init__(self, styles: Path):
        self.styles = styles
        self.executor = concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=_process_context())

    def start(self) -> None:
        import threading
        from multiprocessing import forkserver

        previous = os.environ.get("PYTHONHASHSEED")
        os.environ["PYTHONHASHSEED"] = "0"
        try:
            forkserver.ensure_running()  # launches the server with this environment; does not wait for it
        finally:
            if previous is None:
                os.environ.pop("PYTHONHASHSEED", None)
            else:
                os.environ["PYTHONHASHSEED"] = previous
        threading.Thread(target=self._warm_up, name="volume-workers", daemon=True).start()

    def _warm_up(self) -> None:
        try:
            for _ in range(2):
                self.executor.submit(_warm_up, str(self.styles))
        except (RuntimeError, concurrent.futures.process.BrokenProcessPool):
            pass  # the build ended (a user's mistake found while reading) before its workers were up


def build(project: Path, progress: Callable[[str], None] = lambda step: None, force: bool = False) -> BuildResult:
    started = time.perf_counter()
    manifest = load_manifest(find_manifest(project))
    styles = styles_dir_for(manifest)
    out_dir = manifest.project_dir / manifest.output_dir
    key = inputs_key(manifest, styles)
    if not force:
        previous = _up_to_date(out_dir, key)
        if previous is not None:
            previous.seconds = time.perf_counter() - started
            return previous
    result = BuildResult()
    workers = Workers(styles)
    with workers.executor:
        return _build(project, manifest, styles, out_dir, key, workers, result, progress, started)


def _build(project, manifest, styles, out_dir, key, workers, result, progress, started) -> BuildResult:
    from volume.render.pdf import render_editions
    progress("Reading chapters")
    mark = time.perf_counter()
    volume = prepare(project, result.report, after_reading=workers.start)
    result.timings["read_and_transform"] = time.perf_counter() - mark
    result.volume = volume
    slug = manifest.slug
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        # Outputs are written beside dist/, then each moved in with one atomic rename: a build that fails or is
        # killed leaves dist/ holding the previous files, whole. Leftovers of killed builds are swept here.
        staging_root = manifest.project_dir / ".volume-cache" / "staging"
        staging_root.mkdir(parents=True, exist_ok=True)
        for old in staging_root.glob("build-*"):
            if old.stat().st_mtime < time.time() - 3600:
                shutil.rmtree(old, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix="build-", dir=staging_root))
    except OSError as exc:
        raise VolumeError.single("B001", f"cannot write to {out_dir}: {exc.strerror}; check permissions",
                                 SourceLocation(out_dir)) from None
    try:
        progress("Laying out the book")
        mark = time.perf_counter()
        epub_jobs: list = []

        def on_facts(placed: Volume, facts: PageFacts) -> None:  # the EPUB is made while the PDFs are joined
            result.volume = placed
            packer = concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=_process_context())
            epub_jobs.append((packer, packer.submit(_write_epub, placed, styles, staging / f"{slug}.epub", facts)))

        try:
            pieces = manifest.project_dir / ".volume-cache" / "pieces"
            editions = render_editions(volume, styles, workers.executor, pieces,
                                       staging / f"{slug}.pdf", staging / f"{slug}-print.pdf", on_facts,
                                       release_workers=lambda: workers.executor.shutdown(wait=True))
            result.timings["pdf_editions"] = time.perf_counter() - mark
            result.pieces = {"laid_out": editions.laid_out, "cached": editions.cached,
                             "index_fallbacks": editions.index_fallbacks}
            mark = time.perf_counter()
            progress("Packaging the EPUB")
            for _packer, job in epub_jobs:
                job.result()
            result.timings["epub_wait"] = time.perf_counter() - mark
        finally:
            for packer, _job in epub_jobs:
                packer.shutdown(wait=True, cancel_futures=True)
        pages = {f"{slug}.pdf": len(editions.digital.labels), f"{slug}-print.pdf": editions.print_pages}
        names = [f"{slug}.pdf", f"{slug}-print.pdf", f"{slug}.epub"]
        for name in names:  # each file replaced atomically; a killed build leaves whole files only
            os.replace(staging / name, out_dir / name)
            result.outputs.append(Output(out_dir / name, pages.get(name)))
        _write_stamp(out_dir, key, result)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.seconds = time.perf_counter() - started
    return result


def write_release_files(result: BuildResult, project: Path) -> list[Path]:
    """dist/SHA256SUMS and dist/build-report.json: what was built, from what, with what, and how long it took."""
    from volume.cache import versions

    manifest = load_manifest(find_manifest(project))
    out_dir = manifest.project_dir / manifest.output_dir
    sums = "".join(f"{_file_hash(o.path)}  {o.path.name}\n" for o in sorted(result.outputs, key=lambda o: o.path.name))
    volume = result.volume
    sources = {}
    for path in sorted(p for p in manifest.chapters_dir.rglob("*") if p.is_file()):
        sources[str(path.relative_to(manifest.project_dir))] = _file_hash(path)
    report = {
        "tool": versions(),
        "python": sys.version.split()[0],
        "sources": sources,
        "outputs": {o.path.name: {"sha256": _file_hash(o.path), "bytes": o.size, "pages": o.pages}
                    for o in result.outputs},
        "counts": {
            "chapters": sum(1 for c in volume.chapters if c.role == "chapter") if volume else None,
            "notes": sum(len(c.notes) for c in volume.chapters) if volume else None,
            "bibliography_entries": len(volume.bibliography) if volume else None,
            "index_entries": len(volume.index_entries) if volume else None,
            "abbreviations": len(volume.abbreviations) if volume else None,
        },
        "warnings": [d.format(manifest.project_dir) for d in result.report.warnings],
        "timings_seconds": {k: round(v, 3) for k, v in result.timings.items()} | {"total": round(result.seconds, 3)},
        "pdf_pieces": result.pieces,
    }
    written = []
    for name, text in (("SHA256SUMS", sums), ("build-report.json", json.dumps(report, indent=2, ensure_ascii=False))):
        tmp = out_dir / f".{name}.tmp-{os.getpid()}"
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, out_dir / name)
        written.append(out_dir / name)
    return written


def clean(project: Path) -> list[Path]:
    manifest = load_manifest(find_manifest(project))
    removed = []
    for folder in (manifest.project_dir / manifest.output_dir, manifest.project_dir / ".volume-cache"):
        if folder.exists():
            shutil.rmtree(folder)
            removed.append(folder)
    return removed
