"""Benchmark: a cold build's layout CPU by piece and by stage, beside the baseline's by the same stages.

    python bench/stage_cpu.py [--jobs DIR] [--runs 2] [--project .]

The build: a cold build of a copy of the project keeps every piece's layout job (VOLUME_KEEP_JOBS, as
bench/paired_pieces.py; or DIR holds them already); then each run lays every piece out again in one fresh process, as
a worker does, and times (time.process_time) WeasyPrint's layout (`render`), the reading of the laid-out pages
(occurrences, anchors, folio boxes) and its PDF writing, piece by piece. The baseline: `pandoc --file-scope
chapters/*.md --pdf-engine=weasyprint` (bench/run.py's) with an engine that keeps the HTML pandoc hands WeasyPrint,
pandoc's own CPU measured as bench/cpu.py does; then, in one fresh process, WeasyPrint's import, layout and PDF
writing of that HTML; and pandoc's EPUB. Prints each run's figures and the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cpu import measured  # noqa: E402

HERE = Path(__file__).resolve().parent.parent
ENGINE = """#!/bin/sh
# pandoc's PDF engine for bench/stage_cpu.py (pandoc runs it as `weasyprint IN.html OUT.pdf`): keeps the HTML it is
# given and makes an empty PDF (the bench times WeasyPrint apart)
cp "$1" "{keep}"
: > "$2"
"""

def pieces_child(jobs: Path, out: Path) -> None:
    """Each piece laid out in this process: {piece: [layout, reading, writing]} CPU seconds, as JSON."""
    started = time.process_time()
    from volume.render.pdf import layout, weasy
    from volume.render.pdf.index_points import place_occurrences
    from volume.render.pdf.page_facts import read_pages

    found = {"(imports)": [time.process_time() - started, 0.0, 0.0]}
    for path in sorted(jobs.glob("*.pickle")):
        job = pickle.loads(path.read_bytes())
        t0 = time.process_time()
        layout.set_up_worker(job.styles_dir)
        with weasy.source_date(job.source_date):
            document, _warnings = layout._render(job)
            t1 = time.process_time()
            if not job.folio_sheet:
                place_occurrences(document)
                read_pages(document)
                [layout._folio_box(page) for page in document.pages]
            t2 = time.process_time()
            document.write_pdf(str(out / f"{job.name}.pdf"), pdf_variant=None if job.folio_sheet else "pdf/ua-1",
                               pdf_identifier=job.identifier.encode())
        found[job.name] = [t1 - t0, t2 - t1, time.process_time() - t2, len(document.pages)]
    print(json.dumps(found))


def baseline_child(html: Path, out: Path) -> None:
    """WeasyPrint on the baseline's HTML in this process: [import, layout, writing] CPU seconds, pages, as JSON."""
    t0 = time.process_time()
    import weasyprint

    t1 = time.process_time()
    document = weasyprint.HTML(filename=str(html)).render()
    t2 = time.process_time()
    document.write_pdf(str(out))
    print(json.dumps([t1 - t0, t2 - t1, time.process_time() - t2, len(document.pages)]))


def _group(name: str) -> str:
    if name.startswith("folio"):
        return "folio sheets"
    return name if name in ("index", "bibliography", "(imports)") else "other pieces"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--project", type=Path, default=HERE)
    parser.add_argument("--jobs", type=Path)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, source, out = args.child
        return (pieces_child if kind == "pieces" else baseline_child)(Path(source), Path(out))
    import pypandoc

    pandoc = pypandoc.get_pandoc_path()
    with tempfile.TemporaryDirectory(prefix="volume-stage-cpu-") as folder:
        work = Path(folder)
        for part in ("chapters", "styles"):
            shutil.copytree(args.project / part, work / part)
        jobs = args.jobs or work / "jobs"
        if not any(jobs.glob("*.pickle")):
            jobs.mkdir(parents=True, exist_ok=True)
            subprocess.run([sys.executable, "-m", "volume", "build"], cwd=work, check=True, stdout=subprocess.DEVNULL,
                           env=dict(os.environ, VOLUME_KEEP_JOBS=str(jobs.resolve())))
        engine = work / "engine" / "weasyprint"
        engine.parent.mkdir()
        engine.write_text(ENGINE.format(keep=work / "baseline.html"))
        engine.chmod(0o755)
        sources = sorted(str(p.relative_to(work)) for p in (work / "chapters").glob("*.md"))
        print(f"load average at start: {os.getloadavg()}", flush=True)
        rows: dict[str, list[list[float]]] = {}
        for run in range(args.runs):
            _wall, html_cpu = measured([pandoc, "--file-scope", *sources, f"--pdf-engine={engine}", "-o", "x.pdf"],
                                       work)
            _wall, epub_cpu = measured([pandoc, "--file-scope", *sources, "-o", "x.epub"], work)
            base = json.loads(subprocess.run([sys.executable, __file__, "--child", "baseline",
                                              str(work / "baseline.html"), str(work / "x.pdf")], check=True,
                                             capture_output=True, text=True).stdout.strip().splitlines()[-1])
            out = work / f"pieces-{run}"
            out.mkdir()
            pieces = json.loads(subprocess.run([sys.executable, __file__, "--child", "pieces", str(jobs), str(out)],
                                               check=True, capture_output=True, text=True
                                               ).stdout.strip().splitlines()[-1])
            groups: dict[str, list[float]] = {}
            for name, values in pieces.items():
                sums = groups.setdefault(_group(name), [0.0, 0.0, 0.0, 0])
                for i, value in enumerate(values):
                    sums[i] += value
            for name, sums in groups.items():
                rows.setdefault(f"build {name}", []).append(sums)
            rows.setdefault("baseline WeasyPrint", []).append(base)
            rows.setdefault("baseline pandoc (HTML; EPUB)", []).append([html_cpu, epub_cpu, 0.0, 0])
            print(f"run {run + 1}: " + "; ".join(f"{name} {', '.join(f'{v:.2f}' for v in values[-1])}"
                                                 for name, values in rows.items()), flush=True)
        print("medians (CPU s: layout or import, reading or EPUB, writing; pages):")
        for name, values in rows.items():
            print(f"  {name}: " + ", ".join(f"{statistics.median(v[i] for v in values):.2f}" for i in range(4)))
        print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
