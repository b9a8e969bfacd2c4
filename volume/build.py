"""One build: manifest → Volume → transforms → PDF editions and EPUB, written atomically into the output folder."""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from volume.config import Manifest, find_manifest, load_manifest
from volume.diagnostics import Diagnostic, Report, SourceLocation, VolumeError
from volume.library_warnings import WorkerError, collecting, failure, in_worker, report_warnings
from volume.load import load_volume
from volume.model import PageFacts, Volume
from volume.publish import STAMP, Staging, recover_output
from volume.scheduler import Scheduler, in_own_thread

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
    laid_out: list[str] = field(default_factory=list)  # the names of the PDF pieces this build laid out
    release_files: list[Path] = field(default_factory=list)  # SHA256SUMS and build-report.json, with --release


def inputs_key(manifest: Manifest, styles: Path) -> str:
    """Everything an output depends on: the chapters folder, the styles, the tool's versions and code, the date
    source."""
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


def _write_stamp(folder: Path, key: str, result: BuildResult) -> None:
    """The set's stamp: the inputs' key, every file of the set with its SHA-256 (what `volume clean` may remove),
    the editions' pages, and the build's warnings (shown again by a build that has nothing to do)."""
    outputs = {o.path.name: {"sha256": _file_hash(o.path), "pages": o.pages} for o in result.outputs}
    files = {name: info["sha256"] for name, info in outputs.items()}
    files |= {p.name: _file_hash(p) for p in result.release_files}
    stamp = {"key": key, "files": files, "outputs": outputs,
             "warnings": [{"code": d.code, "message": d.message,
                           "file": str(d.location.path) if d.location else None,
                           "line": d.location.line if d.location else None} for d in result.report.items]}
    (folder / STAMP).write_text(json.dumps(stamp, indent=1), encoding="utf-8")


def styles_dir_for(manifest: Manifest) -> Path:
    """The project's own styles/ when it has a book.css, else the ones volume ships."""
    from volume.resources import bundled_styles

    project_styles = manifest.project_dir / "styles"
    return project_styles if (project_styles / "book.css").is_file() else bundled_styles()


def prepare(project: Path, report: Report, use_cache: bool = True,
            after_reading: Callable[[], None] | None = None) -> Volume:
    """Read, transform and check the volume: everything a build or `volume check` needs before rendering.
    after_reading() is called once: as soon as pandoc leaves a core free (at once when it converts at most one
    source, as after an edit; else once it has converted them), so the build's workers start up meanwhile."""
    from volume.cache import Cache, on_disk
    from volume.checks.glyphs import check_glyphs

    manifest = load_manifest(find_manifest(project))
    for warning in manifest.warnings:
        report.add(warning.code, warning.message, warning.location)
    started = []

    def start(converting: int | None = None) -> None:
        if after_reading is not None and not started and (converting is None or converting <= 1):
            started.append(True)
            after_reading()

    with collecting(skip=("pypandoc",)) as collector:  # pandoc's warnings are reported per source by load
        styles = styles_dir_for(manifest)
        early = in_own_thread(warm_up, manifest, styles)
        try:
            volume = load_volume(manifest, report, Cache(manifest.project_dir) if use_cache else None, start)
            start()
        except BaseException:
            concurrent.futures.wait([early])  # nothing of this build runs on once it has failed
            raise
        cover_report = early.result()
        from volume.transforms import run_transforms

        with on_disk(Cache(manifest.project_dir) if use_cache else None):  # each chapter's and note's results kept
            volume = run_transforms(volume, report)
        check_glyphs(volume, styles / "fonts", report)
        for item in cover_report.items:
            report.add(item.code, item.message, item.location)
    report_warnings(report, collector.records, SourceLocation(manifest.path))
    report.apply_silence(manifest.silence, SourceLocation(manifest.path))
    report.checkpoint()
    return volume


def warm_up(manifest: Manifest, styles: Path) -> Report:
    """What does not need the sources, done while pandoc converts them (the main thread only waits then): the
    transforms' modules imported, index.toml's terms read and their pattern compiled, and the cover checked (its
    diagnostics returned). After an edit pandoc converts one chapter, a third of a second or more."""
    import volume.transforms  # noqa: F401  (the reference parser's modules with it)
    from volume.transforms.index import read_index_terms

    read_index_terms(manifest.chapters_dir)
    try:  # what the build imports once the sources are read (not WeasyPrint: only the workers lay out)
        import volume.render.pdf.editions  # noqa: F401
        import volume.render.trade_files  # noqa: F401
        import pikepdf  # noqa: F401
    except Exception:  # noqa: BLE001 - only a head start: the build imports them itself and reports what fails
        log.debug("warming up the imports failed", exc_info=True)
    cover = Report()
    _check_trade(manifest, styles, cover)
    return cover


def _check_trade(manifest: Manifest, styles: Path, report: Report) -> None:
    """The cover's picture and words, checked with the rest (the cover and ONIX are written on every build)."""
    from volume.checks.cover import check_cover

    check_cover(manifest, styles / "fonts", report)


@dataclass(frozen=True)
class Prepared:
    """The volume already read and transformed by prepare() (`volume preview --pdf` reads it once for its page and
    the editions): the inputs' key taken before the sources were read, the volume, its diagnostics, the seconds."""

    key: str
    volume: Volume
    report: Report
    seconds: float = 0.0


@dataclass(frozen=True)
class BuildOptions:
    """What the caller asks of a build."""

    force: bool = False  # rebuild even if nothing changed
    release: bool = False  # also SHA256SUMS and build-report.json
    progress: Callable[[str], None] = lambda step: None  # told each step's name
    digital_saved: Callable[[Path], None] | None = None  # given the digital PDF once written (still in the staging
    # folder: the build may yet fail), before the print edition, the EPUB and the cover are done
    prepared: Prepared | None = None  # the sources read already: not read again


@dataclass
class _Run:
    """One build under way: where it reads and writes, its workers, and what it has made so far."""

    project: Path
    manifest: Manifest
    styles: Path
    out_dir: Path
    key: str
    options: BuildOptions
    scheduler: Scheduler
    result: BuildResult
    started: float


WARM_WORKERS_BELOW = 400 * 2**20  # bytes: an edit loop keeps its workers from one build to the next under this


def layout_scheduler(styles: Path, keep_warm: bool = False) -> Scheduler:
    """Two layout workers (one per core), each set up for WeasyPrint when it starts; with keep_warm (an edit loop)
    kept from one build to the next while they stay small, else started afresh for each."""
    from volume.render.pdf.layout import set_up_worker

    return Scheduler(2, set_up_worker, (styles,), WARM_WORKERS_BELOW if keep_warm else 0)


def build(project: Path, progress: Callable[[str], None] = lambda step: None, force: bool = False,
          release: bool = False, scheduler: Scheduler | None = None,
          digital_saved: Callable[[Path], None] | None = None, prepared: Prepared | None = None) -> BuildResult:
    """Build the editions (and with `release` SHA256SUMS and build-report.json) and put them in the output folder
    as one set: the old set stays whole until the new one replaces it at once (volume/publish.py). A scheduler may be
    given (to keep its workers from one build to the next); otherwise the build starts its own and ends it.
    digital_saved(path) is called once the digital PDF is written; `prepared` is the volume read already."""
    started = time.perf_counter()
    options = BuildOptions(force, release, progress, digital_saved, prepared)
    manifest = load_manifest(find_manifest(project))
    styles = styles_dir_for(manifest)
    out_dir = manifest.project_dir / manifest.output_dir
    kept = _recover(manifest, out_dir)
    key = prepared.key if prepared is not None else inputs_key(manifest, styles)
    if not (force or release):
        previous = _up_to_date(out_dir, key)
        if previous is not None:
            previous.seconds = time.perf_counter() - started
            _report_kept(previous.report, kept)
            return previous
    result = BuildResult()
    _report_kept(result.report, kept)
    if scheduler is not None:
        try:
            return _build(_Run(project, manifest, styles, out_dir, key, options, scheduler, result, started))
        except BaseException:
            scheduler.recycle(cancel=True)  # the failed build's jobs are not left to run for the next one
            raise
    with layout_scheduler(styles) as own:
        return _build(_Run(project, manifest, styles, out_dir, key, options, own, result, started))


def _recover(manifest: Manifest, out_dir: Path) -> list[Path]:
    try:
        return recover_output(manifest.project_dir, out_dir)
    except OSError as exc:
        raise VolumeError.single("B001", f"cannot tidy the output folder after an interrupted build: {exc}; "
                                 "check its permissions", SourceLocation(out_dir)) from None


def _report_kept(report: Report, kept: list[Path]) -> None:
    for path in kept:
        report.add("O005", f"'{path.name}' was saved into the output folder while a build was replacing it; it is "
                   "kept under this name: rename it back if you need it", SourceLocation(path))


def _build(run: _Run) -> BuildResult:
    run.options.progress("Reading chapters")
    mark, prepared = time.perf_counter(), run.options.prepared
    if prepared is None:
        volume = prepare(run.project, run.result.report, after_reading=run.scheduler.start)
        run.result.timings["read_and_transform"] = time.perf_counter() - mark
    else:
        run.scheduler.start()
        volume = prepared.volume
        run.result.report.items += [d for d in prepared.report.items if d not in run.result.report.items]
        run.result.timings["read_and_transform"] = prepared.seconds
    run.result.volume = volume
    try:
        staging = Staging(run.manifest.project_dir, run.out_dir)
    except OSError as exc:
        raise VolumeError.single("B001", f"cannot write beside {run.out_dir}: {exc.strerror or exc}; check "
                                 "permissions", SourceLocation(run.out_dir)) from None
    try:
        _make_set(run, volume, staging)
    finally:
        staging.discard()
        staging.close()
    result = run.result
    result.outputs = [Output(run.out_dir / o.path.name, o.pages) for o in result.outputs]
    result.release_files = [run.out_dir / p.name for p in result.release_files]
    result.seconds = time.perf_counter() - run.started
    return result


def _make_set(run: _Run, volume: Volume, staging: Staging) -> None:
    """The editions, the trade files and the stamp made into the staging folder, then swapped into place."""
    manifest, result = run.manifest, run.result
    with collecting(skip=("pypandoc",)) as collector:
        _render(run, volume, staging.path)
    report_warnings(result.report, collector.records, SourceLocation(manifest.path))
    result.report.apply_silence(manifest.silence, SourceLocation(manifest.path), layout=True)
    result.seconds = time.perf_counter() - run.started
    if run.options.release:
        result.release_files = write_release_files(result, manifest, staging.path)
    _write_stamp(staging.path, run.key, result)
    run.options.progress("Putting the editions in place")
    try:
        _report_kept(result.report, staging.publish(swapped=lambda: run.options.progress(
            "Removing the previous editions")))
    except OSError as exc:
        raise VolumeError.single("B001", f"cannot put the new editions into {run.out_dir}: {exc}; check "
                                 "permissions (the previous editions are as they were)",
                                 SourceLocation(run.out_dir)) from None
    _write_last_build(manifest.project_dir / ".volume-cache", result)
    from volume.cache import Cache

    # entries no build has used for two weeks, looked for once an hour (the pieces prune themselves)
    Cache(manifest.project_dir).prune_now_and_then()


LAST_BUILD = "last-build.json"  # in .volume-cache/: what the last build did (bench/run.py reads it)


def _write_last_build(cache: Path, result: BuildResult) -> None:
    """The last build's timings and which PDF pieces it laid out, kept beside the caches (not an output)."""
    record = {"seconds": result.seconds, "timings": result.timings, "pieces": result.pieces,
              "laid_out": result.laid_out}
    try:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / LAST_BUILD).write_text(json.dumps(record, indent=1), encoding="utf-8")
    except OSError as exc:
        log.warning("cannot write %s: %s", cache / LAST_BUILD, exc)


def _render(run: _Run, volume: Volume, folder: Path) -> None:
    """The three editions laid out and packaged into `folder`, with the cover and the ONIX records."""
    from volume.render.epub import write_epub_in_worker
    from volume.render.pdf.editions import render_editions
    from volume.render.trade_files import TradeFiles

    slug, result = run.manifest.slug, run.result
    run.options.progress("Laying out the book")
    mark = time.perf_counter()
    epub_jobs: list = []
    trade = TradeFiles(run.manifest, run.styles, folder, run.scheduler)

    def on_facts(placed: Volume, facts: PageFacts) -> None:  # the EPUB and cover are made while the PDFs are joined
        result.volume = placed
        epub_jobs.append(run.scheduler.submit(in_worker, write_epub_in_worker, placed, run.styles,
                                              folder / f"{slug}.epub", facts))
        trade.start(placed, facts)

    try:
        editions = render_editions(volume, run.styles, run.scheduler, run.manifest.project_dir / ".volume-cache"
                                   / "pieces", folder / f"{slug}.pdf", folder / f"{slug}-print.pdf", on_facts,
                                   run.options.digital_saved)
        result.timings["pdf_editions"] = time.perf_counter() - mark
        _report_layout(result, editions)
        mark = time.perf_counter()
        run.options.progress("Packaging the EPUB")
        for job in epub_jobs:
            try:
                _value, records = job.result()
            except WorkerError as exc:
                raise failure(exc, "packaging the EPUB", SourceLocation(run.manifest.path)) from None
            report_warnings(result.report, records, SourceLocation(run.manifest.path))
        result.timings["epub_wait"] = time.perf_counter() - mark
        mark = time.perf_counter()
        trade_pages = dict(trade.finish(editions.print_pages))
        result.timings["cover_and_onix_wait"] = time.perf_counter() - mark
    finally:  # nothing may still write into the folder when the build ends
        for job in epub_jobs:
            job.cancel()
        concurrent.futures.wait(epub_jobs)
        trade.close()
    pages = {f"{slug}.pdf": len(editions.digital.labels), f"{slug}-print.pdf": editions.print_pages} | trade_pages
    for name in (f"{slug}.pdf", f"{slug}-print.pdf", f"{slug}.epub", *trade_pages):
        result.outputs.append(Output(folder / name, pages.get(name)))


def _report_layout(result: BuildResult, editions) -> None:
    """The layout's figures and what it warned about."""
    result.pieces = {"laid_out": editions.laid_out, "cached": editions.cached,
                     "index_fallbacks": editions.index_fallbacks}
    result.laid_out = list(editions.laid_out_names)
    result.timings.update(editions.timings)
    for location, name, message in editions.warnings:
        report_warnings(result.report, [(name, message)], location)
    for location, block in editions.fallbacks:
        result.report.add("W005", f"index occurrences in {block} could not be placed exactly; their locators "
                          "show the paragraph's first page (a bug in volume: please report it)", location)


def write_release_files(result: BuildResult, manifest: Manifest, folder: Path) -> list[Path]:
    """SHA256SUMS and build-report.json, into the set being built: what was built, from what, with what, and how
    long it took. They are part of the set, so a later plain build never leaves them beside other editions."""
    from volume.cache import versions

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
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


def clean(project: Path):
    """Remove what volume wrote into the output folder (listed in the build stamp) and the build cache, nothing
    else (a volume.publish.Cleaned: what was removed, and what was kept because someone changed it)."""
    from volume.publish import clean as clean_output

    manifest = load_manifest(find_manifest(project))
    try:
        return clean_output(manifest.project_dir, manifest.project_dir / manifest.output_dir)
    except OSError as exc:
        raise VolumeError.single("B001", f"cannot remove {exc.filename}: {exc.strerror}; check permissions",
                                 SourceLocation(manifest.project_dir / manifest.output_dir)) from None
