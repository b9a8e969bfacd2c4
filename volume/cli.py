"""The `volume` command: parse options, call the library, print diagnostics, map errors to exit codes."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from volume import __version__
from volume.diagnostics import Report, VolumeError

EXIT_FINDINGS = 1
PROJECT_HELP = "Project folder, holding chapters/volume.toml (or any folder inside it)."


def project_option(command):
    """--project, documented alike on every command that reads a volume."""
    return click.option("--project", type=click.Path(path_type=Path), default=Path("."), show_default=True,
                        help=PROJECT_HELP)(command)


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def _print_diagnostics(report: Report, root: Path) -> None:
    console = _console(stderr=True)
    for diag in report.items:
        style = "red" if diag.severity.name == "ERROR" else "yellow"
        console.print(diag.format(root), style=style, markup=False, soft_wrap=True)


def _human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return str(size)


class _Uncollected(logging.Filter):
    """What a build collects becomes a coded diagnostic; everything else logged at WARNING or above is shown."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(record, "volume_collected", False)


def _log_to_stderr() -> None:
    root = logging.getLogger()
    handler = next((h for h in root.handlers if getattr(h, "volume_cli", False)), None)
    if handler is None:
        handler = logging.StreamHandler()
        handler.volume_cli = True
        handler.addFilter(_Uncollected())
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    handler.setStream(sys.stderr)  # the current one (click's test runner replaces it for each command)
    handler.setLevel(logging.WARNING)
    root.setLevel(logging.WARNING)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="volume")
def main() -> None:
    """Compile an edited volume: chapters in, a print PDF, a digital PDF and an EPUB 3 out.

    \b
    Examples:
      volume build                 build the volume in ./chapters into ./dist
      volume build --project book  build another project folder
      volume clean                 remove what volume wrote, and the cache
    """
    _log_to_stderr()


@main.command(short_help="Build the PDFs, the EPUB, the print cover and the ONIX records.")
@project_option
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.option("--force", is_flag=True, help="Rebuild even if nothing changed since the last build.")
@click.option("--release", is_flag=True,
              help="Build even if nothing changed, and also write dist/SHA256SUMS and dist/build-report.json, "
                   "covering every output: the three editions, the cover and the ONIX records.")
@click.option("--watch", is_flag=True,
              help="Keep running: build again each time a chapter, the manifest or a style is saved (Ctrl-C stops).")
def build(project: Path, strict: bool, force: bool, release: bool, watch: bool) -> None:
    """Build dist/<slug>.pdf, -print.pdf and .epub, the print cover (-cover.pdf) and the ONIX records
    (-onix.xml), as one set that replaces the previous one at once.

    \b
    Examples:
      volume build            ./chapters into ./dist (skipped if nothing changed)
      volume build --release  built afresh, with SHA256SUMS and build-report.json
      volume build --strict   fail on warnings too (for CI)
      volume build --watch    again on every save, layout workers kept warm
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from volume.build import build as run_build

    if watch:
        return _build_watching(project)
    console = _console()
    root = project.resolve()
    try:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                      console=console, transient=True, disable=not console.is_terminal) as progress:
            task = progress.add_task("Starting")

            def step(name: str) -> None:
                progress.update(task, description=name)
                if not console.is_terminal:
                    console.print(f"{name}…")

            result = run_build(project, step, force=force, release=release)
    except VolumeError as exc:
        _print_diagnostics(exc.report, root)
        console.print(f"Build failed: {len(exc.report.errors)} error(s); previous outputs left as they were.",
                      style="red")
        sys.exit(EXIT_FINDINGS)
    _print_built(console, project, result)
    if strict and result.report.warnings:
        sys.exit(EXIT_FINDINGS)


def _print_built(console, project: Path, result) -> None:
    """The diagnostics, each file made with its pages and size, the spine, and one line of summary."""
    root = project.resolve()
    _print_diagnostics(result.report, root)
    for output in result.outputs:
        pages = f"{output.pages} page{'' if output.pages == 1 else 's'}, " if output.pages else ""
        console.print(f"  {output.path.relative_to(root) if output.path.is_relative_to(root) else output.path}"
                      f"  ({pages}{_human_size(output.size)})")
    for extra in result.release_files:
        console.print(f"  {extra.relative_to(root) if extra.is_relative_to(root) else extra}")
    _print_spine(console, project, result)
    warnings = len(result.report.warnings)
    if result.up_to_date:
        summary = f"Up to date: nothing changed; {len(result.outputs)} files, {warnings} warning(s)."
    else:
        summary = f"Built {len(result.outputs)} files in {result.seconds:.1f} s, {warnings} warning(s)."
    console.print(summary, markup=False)


def _build_watching(project: Path) -> None:
    """`volume build --watch`: a build now and after every save, told one at a time, until Ctrl-C."""
    import time

    from volume.watch import watch_and_build

    console = _console()
    root = project.resolve()

    def told(changed: list[str], result, error: VolumeError | None) -> None:
        if changed:
            names = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
            console.print(f"{time.strftime('%H:%M:%S')} {names} changed", markup=False, soft_wrap=True)
        if error is not None:
            _print_diagnostics(error.report, root)
            console.print(f"Build failed: {len(error.report.errors)} error(s); previous outputs left as they were.",
                          style="red")
        else:
            _print_built(console, project, result)
        console.print("Watching for changes (Ctrl-C to stop)…", markup=False)

    _terminate_as_interrupt()
    try:
        watch_and_build(project, told)
    except KeyboardInterrupt:
        console.print("Stopped.")
    except VolumeError as exc:  # the manifest could not be read before the first build
        _print_diagnostics(exc.report, root)
        sys.exit(EXIT_FINDINGS)


def _terminate_as_interrupt() -> None:
    """`kill` (SIGTERM, as a service manager or a script stops a process) ends `--watch` and `preview` as Ctrl-C
    does, so the fork server and the layout workers are stopped with them instead of being left behind."""
    import signal

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def _print_spine(console, project: Path, result) -> None:
    """The spine the cover was made for: the number an editor checks when the page count changes."""
    from volume.config import find_manifest, load_manifest
    from volume.render.trade_files import spine_summary

    line = spine_summary(load_manifest(find_manifest(project)), result.outputs)
    if line:
        console.print(f"  {line}", markup=False, soft_wrap=True)


@main.command(short_help="Remove what volume wrote into dist/, and the build cache.")
@project_option
def clean(project: Path) -> None:
    """Remove the files volume wrote into dist/ (listed in its build stamp) and the build cache; nothing else."""
    from volume.build import clean as run_clean

    root = project.resolve()
    try:
        cleaned = run_clean(project)
    except VolumeError as exc:
        _print_diagnostics(exc.report, root)
        sys.exit(EXIT_FINDINGS)
    console = _console()
    shown = lambda p: str(p.resolve().relative_to(root) if p.resolve().is_relative_to(root) else p)
    for path in cleaned.files:
        console.print(f"  removed {shown(path)}", markup=False, soft_wrap=True)
    for path in cleaned.folders:
        console.print(f"  removed {shown(path)}/", markup=False, soft_wrap=True)
    for path in cleaned.changed:
        console.print(f"  kept {shown(path)}: changed since volume wrote it", markup=False, soft_wrap=True)
    count = len(cleaned.files) + len(cleaned.folders)
    console.print(f"Removed {count} item(s); nothing else was touched." if count else "Nothing to remove.")


@main.command(short_help="Report every problem the build would meet; write nothing.")
@project_option
@click.option("--strict", is_flag=True, help="Warnings count as findings (exit 1).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def check(project: Path, strict: bool, output_format: str) -> None:
    """Report every problem the build would meet, without writing outputs.

    \b
    Exit status: 0 clean, 1 findings (errors; --strict: warnings too), 2 usage.
    Example: volume check --strict --format json > findings.json
    """
    import json

    from volume.build import prepare

    report = Report()
    root = project.resolve()
    try:
        prepare(project, report)
    except VolumeError as exc:
        report = exc.report
    if output_format == "json":
        click.echo(json.dumps([{"file": str(d.location.path) if d.location else None,
                                "line": d.location.line if d.location else None,
                                "severity": d.severity.name.lower(), "code": d.code, "message": d.message}
                               for d in report.items], indent=2, ensure_ascii=False))
    else:
        _print_diagnostics(report, root)
        _console().print(f"{len(report.errors)} error(s), {len(report.warnings)} warning(s).")
    if report.errors or (strict and report.warnings):
        sys.exit(EXIT_FINDINGS)


@main.command(short_help="Export the consolidated bibliography (CSL-JSON, BibTeX, RIS).")
@project_option
@click.option("--format", "output_format", type=click.Choice(["csljson", "bibtex", "ris"]), default="csljson",
              show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to a file instead of the screen.")
@click.option("--report", "show_report", is_flag=True,
              help="Instead: a table of every note, how each reference was read, or why it was kept as written.")
def bib(project: Path, output_format: str, output: Path | None, show_report: bool) -> None:
    """Export the consolidated bibliography (one entry per distinct work).

    References the parser could not read with confidence are exported as written (CSL-JSON: the text as
    title, "custom": {"kept-as-written": true}). Each CSL-JSON item says which notes cite it: "custom" →
    "cited-in": [{"note": "<chapter id>:<note number>", "at": <offset in the note>, "ibid": true if by Ibid.}].

    \b
    Example: volume bib --format bibtex -o references.bib
             volume bib --report
    """
    from volume.build import prepare
    from volume.references.export import FORMATS, note_places, to_csljson
    from volume.references.report import notes_report

    try:
        volume = prepare(project, Report())
    except VolumeError as exc:
        _print_diagnostics(exc.report, project.resolve())
        sys.exit(EXIT_FINDINGS)
    if show_report:
        text = notes_report(volume)
    elif output_format == "csljson":
        text = to_csljson(list(volume.bibliography), note_places(volume.chapters))
    else:
        text = FORMATS[output_format](list(volume.bibliography))
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@main.group(short_help="Work on the back-of-book index (chapters/index.toml).")
def index() -> None:
    """Work on the back-of-book index (chapters/index.toml)."""


@index.command(short_help="Print candidate index terms as entries to paste.")
@project_option
@click.option("--min", "minimum", type=click.IntRange(1), default=2, show_default=True,
              help="Only candidates occurring at least this often.")
def suggest(project: Path, minimum: int) -> None:
    """Print candidate index terms (recurring names and acronyms) as ready-to-paste entries."""
    from volume.build import prepare
    from volume.indexing.suggest import as_toml, suggest_terms
    from volume.indexing.terms import read_terms

    report = Report()
    try:
        volume = prepare(project, report)
    except VolumeError as exc:
        _print_diagnostics(exc.report, project.resolve())
        sys.exit(EXIT_FINDINGS)
    known = read_terms(volume.manifest.chapters_dir, Report())
    click.echo(as_toml(suggest_terms(volume, known, minimum)))


@main.command(short_help="Start a new volume in DIR that builds at once.")
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
def new(directory: Path) -> None:
    """Start a volume in DIR: a manifest, two sample chapters, an index and the styles.

    \b
    Example:
      volume new my-book && volume build --project my-book
    """
    from volume.scaffold import create_project

    console = _console()
    try:
        written = create_project(directory)
    except VolumeError as exc:
        _print_diagnostics(exc.report, Path.cwd())
        sys.exit(EXIT_FINDINGS)
    except OSError as exc:
        console.print(f"Could not write {directory}: {exc.strerror or exc}", style="red")
        sys.exit(EXIT_FINDINGS)
    root = directory.resolve()
    shown = [p for p in written if "fonts" not in p.parts]
    for path in shown:
        console.print(f"  {path.resolve().relative_to(root)}")
    fonts = len(written) - len(shown)
    if fonts:
        console.print(f"  styles/fonts/  ({fonts} files)")
    console.print(f"Created a volume in {directory}. Next: edit chapters/volume.toml and the chapters, then\n"
                  f"  volume build --project {directory}", soft_wrap=True)


@main.command(name="import", short_help="Add a Word file, web page, copied text or Markdown as a chapter.")
@click.argument("source", type=click.Path(path_type=Path))
@project_option
@click.option("--strict", is_flag=True, help="Exit non-zero when the import has warnings (a missing note, "
              "a note without a marker, no author or date recognised).")
def import_(source: Path, project: Path, strict: bool) -> None:
    """Add SOURCE (.docx, saved web page .html, copied text .txt, or .md) as a chapter of the volume.

    \b
    A chapter is written even when a note is missing (it shows
    "[note missing in the source]"); what needs fixing is reported with its line.
    Examples:
      volume import article.html          a web article saved from the browser
      volume import copied.txt            text copied from a web page
      volume import chapter.docx --project book --strict
    """
    from volume.importer import import_source

    console = _console()
    root = project.resolve()
    try:
        result = import_source(source, project)
    except VolumeError as exc:
        _print_diagnostics(exc.report, root)
        console.print("Nothing imported.", style="red")
        sys.exit(EXIT_FINDINGS)
    chapter = result.chapter.resolve()
    where = chapter.relative_to(root) if chapter.is_relative_to(root) else chapter
    console.print(f"Wrote {where}" + ("" if result.listed else " (already listed in the manifest)"))
    console.print("Recognised:", style="bold")
    for item in result.recognised:
        console.print(f"  {item}", markup=False, soft_wrap=True)
    if result.dropped:
        console.print("Left out:", style="bold")
        for item in result.dropped:
            console.print(f"  {item}", markup=False, soft_wrap=True)
    _print_diagnostics(Report(result.problems), root)
    errors = [d for d in result.problems if d.severity.name == "ERROR"]
    if errors:
        console.print(f"{len(errors)} problem(s) to fix in {where} before the volume builds.", style="red",
                      soft_wrap=True)
        sys.exit(EXIT_FINDINGS)
    if strict and result.problems:
        console.print(f"--strict: {len(result.problems)} warning(s) for {where}.", style="red", soft_wrap=True)
        sys.exit(EXIT_FINDINGS)


class _RebuildAnnouncer:
    """Tells, one line per rebuild of the preview, when, what changed and what came of it; then the diagnostics
    that are new since the build before (the page shows them all)."""

    def __init__(self, console, root: Path, first: Report):
        self.console, self.root = console, root
        self.seen = {d.format(root) for d in first.items}

    def __call__(self, changed: list[str], updated: bool, report: Report) -> None:
        import time

        names = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
        now = {d.format(self.root) for d in report.items}
        new = [d for d in report.items if d.format(self.root) not in self.seen]
        errors, warnings = len(report.errors), len(report.warnings)
        if errors:
            outcome = f"does not build: {errors} error(s), listed on the page"
        elif updated:
            outcome = "rebuilt; the page reloads"
        else:
            outcome = "rebuilt; the page is unchanged"
        counts = f" ({warnings} warning(s), {len(new)} new)" if not errors and warnings else ""
        self.console.print(f"{time.strftime('%H:%M:%S')} {names} changed: {outcome}{counts}", markup=False,
                           soft_wrap=True, style="red" if errors else None)
        _print_diagnostics(Report(new), self.root)
        self.seen = now


@main.command(short_help="Serve the volume as HTML that rebuilds as you edit.")
@project_option
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to serve on; 0 picks a free one.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default lets only this computer in).")
@click.option("--no-watch", is_flag=True, help="Do not rebuild when the sources change.")
@click.option("--pdf", is_flag=True,
              help="Also build the editions after each change (into dist/, workers kept warm) and serve the PDF at "
                   "/book.pdf.")
def preview(project: Path, port: int, host: str, no_watch: bool, pdf: bool) -> None:
    """Serve the volume as one HTML page that rebuilds and reloads itself as you edit.

    \b
    No PDF layout: fast, for reading while writing. Open the address it prints.
    With --pdf the editions are also built into dist/ after each change
    (the page does not wait for them), the PDF served at /book.pdf.
    Example: volume preview --project book --port 0
    """
    from volume.preview import start_preview

    console = _console()
    root = project.resolve()
    server = None
    _terminate_as_interrupt()
    try:
        try:
            announcer: list[_RebuildAnnouncer] = []  # made once the first build's diagnostics are known
            server = start_preview(project, host, port, watch_changes=not no_watch,
                                   announce=lambda *told: announcer[0](*told) if announcer else None, pdf=pdf)
        except OSError as exc:
            console.print(f"Cannot serve on {host}:{port}: {exc.strerror or exc}; try another --port (0 picks a "
                          "free one).", style="red", markup=False, soft_wrap=True)
            sys.exit(EXIT_FINDINGS)
        _print_diagnostics(server.preview.report, root)
        announcer.append(_RebuildAnnouncer(console, root, server.preview.report))
        console.print(f"Serving {server.preview.title} at {server.url} (Ctrl-C to stop)", markup=False,
                      soft_wrap=True)
        if pdf:
            console.print(f"The PDF, rebuilt after each change: {server.url}book.pdf", markup=False, soft_wrap=True)
        server.serve_forever()
    except KeyboardInterrupt:
        console.print("Stopped.")
    finally:
        if server is not None:
            server.close()
