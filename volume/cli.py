"""The `volume` command: parse options, call the library, print diagnostics, map errors to exit codes."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from volume import __version__
from volume.diagnostics import Report, VolumeError

EXIT_FINDINGS = 1


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="volume")
def main() -> None:
    """Compile an edited volume: chapters in, a print PDF, a digital PDF and an EPUB 3 out.

    \b
    Examples:
      volume build                 build the volume in ./chapters into ./dist
      volume build --project book  build another project folder
      volume clean                 remove dist/ and the cache
    """
    logging.basicConfig(level=logging.ERROR, format="%(name)s: %(message)s")
    for noisy in ("weasyprint", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.CRITICAL)


@main.command()
@click.option("--project", type=click.Path(path_type=Path), default=Path("."), show_default=True,
              help="Project folder (holding chapters/volume.toml).")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
def build(project: Path, strict: bool) -> None:
    """Build dist/<slug>.pdf, dist/<slug>-print.pdf and dist/<slug>.epub."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from volume.build import build as run_build

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

            result = run_build(project, step)
    except VolumeError as exc:
        _print_diagnostics(exc.report, root)
        console.print(f"Build failed: {len(exc.report.errors)} error(s); previous outputs left as they were.",
                      style="red")
        sys.exit(EXIT_FINDINGS)
    _print_diagnostics(result.report, root)
    for output in result.outputs:
        pages = f"{output.pages} pages, " if output.pages else ""
        console.print(f"  {output.path.relative_to(root) if output.path.is_relative_to(root) else output.path}"
                      f"  ({pages}{_human_size(output.size)})")
    warnings = len(result.report.warnings)
    console.print(f"Built {len(result.outputs)} files in {result.seconds:.1f} s, {warnings} warning(s).")
    if strict and warnings:
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.option("--project", type=click.Path(path_type=Path), default=Path("."), show_default=True)
def clean(project: Path) -> None:
    """Remove dist/ and the build cache."""
    from volume.build import clean as run_clean

    try:
        removed = run_clean(project)
    except VolumeError as exc:
        _print_diagnostics(exc.report, project.resolve())
        sys.exit(EXIT_FINDINGS)
    console = _console()
    console.print("Removed " + ", ".join(str(p) for p in removed) if removed else "Nothing to remove.")
