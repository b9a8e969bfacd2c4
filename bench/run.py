"""Benchmark: volume against plain pandoc on the same chapters, alternating; prints wall and CPU time, medians, ratios.

    python bench/run.py [--runs 1] [--edits 5] [--seed 23] [--no-preview] [--preview-only] [--no-bytecode] [--project .]

Baseline (what a user would otherwise run): `pandoc --file-scope chapters/*.md --pdf-engine=weasyprint -o x.pdf`
plus the same to `x.epub`. `--file-scope` reads each chapter apart, so each keeps its own notes (without it the
chapters' note labels collide: pandoc warns "Duplicate note reference" and prints the first chapter's notes for
all); the bench checks this before timing. The baseline makes no contents page numbers, no consolidated
bibliography, index, page-list, print edition, cover or ONIX.

Each round, in this order: the baseline; a cold build (after `volume clean`); a no-op rebuild; `--edits` random
one-sentence edits (seeded), each in another chapter and each followed by a build; an edit that adds a page (a long
paragraph appended to a chapter) and its build. Then, once, `volume preview`: the time from saving a one-sentence edit
to the new page being served (HTML; the bench listens on /events as the page does); `volume preview --pdf`: from saving
such an edit to the served PDF holding it (beside the edited chapter's own layout time, which its target allows); and
`volume build --watch`: from saving such an edit to every output being in place. CPU time is user + system of the whole
process tree (bench/cpu.py's sampling), beside the wall time. After each edit's build, the PDF pieces it laid out are
read from `.volume-cache/last-build.json`: how often an edit lays out the bibliography and the index again. Before
anything is timed, the modules are compiled to bytecode once (into the bench's temporary folder, by an untimed run of
the baseline and of `volume build`), as pip does when it installs a package; `--no-bytecode` leaves that out (with
PYTHONDONTWRITEBYTECODE set, as on the project's machine, every volume process then compiles each of volume's modules it
imports: the editable checkout has no bytecode). `--preview-only` leaves out the baseline, the builds and `--watch` (one
untimed build fills the caches first) and measures only the two preview latencies.

The `--pdf` latency ends when the preview first serves a new PDF (its /pdf-version changes) that then proves to hold
the edit; reading the PDF's text to prove it (pdftotext, 0.3-0.5 s of CPU) is the bench's own check and is not
counted, but it is printed beside ("verified"). After each `--pdf` save's build it prints the PDF pieces that build laid
out (a save that lays out the index or the bibliography again is the slow kind).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cpu import measured  # noqa: E402  (bench/cpu.py: wall and CPU of a process tree)

WORDS = ("the ministry said later that the figures for the year had been revised again after a review of the "
         "customs returns and of the port authority's own counts which officials described as provisional").split()


def pandoc() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def check_baseline(work: Path, sources: list[str]) -> None:
    """The baseline reads each chapter apart: no "Duplicate note reference", and each chapter's first note is its
    own (its text is among the notes pandoc writes)."""
    run = subprocess.run([pandoc(), "--file-scope", *sources, "-t", "plain"], cwd=work, capture_output=True,
                         text=True, check=True)
    if "Duplicate note reference" in run.stderr:
        raise SystemExit(f"baseline is wrong: {run.stderr.strip()[:300]}")
    straight = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")
    text = " ".join(run.stdout.translate(straight).split())
    for source in sources:
        first = re.search(r"^\[\^[^\]]+\]:\s*(.+)$", (work / source).read_text(encoding="utf-8"), re.M)
        if first:
            words = re.sub(r"[*_`\[\]<>]", "", first.group(1)).split()[:6]
            if " ".join(words) not in text:
                raise SystemExit(f"baseline is wrong: the first note of {source} is not in pandoc's output")


def body_paragraphs(lines: list[str]) -> list[int]:
    """Indexes of the lines that are body paragraphs (past the front matter; no heading, note, list or table)."""
    fence = [i for i, line in enumerate(lines) if line.strip() == "---"][:2]
    start = fence[1] + 1 if len(fence) == 2 else 0
    return [i for i in range(start, len(lines)) if len(lines[i]) > 200
            and not lines[i].startswith(("#", "[^", " ", "|", "-", "*", ">", "!", ":"))
            and not re.match(r"\d+\.", lines[i])]


def edit_one_sentence(path: Path, rng: random.Random) -> str:
    """Put one new sentence (8 to 20 words) after a random sentence of a random body paragraph; returns it."""
    lines = path.read_text(encoding="utf-8").split("\n")
    line = rng.choice(body_paragraphs(lines))
    sentence = " ".join(rng.sample(WORDS, rng.randint(8, 20)))
    sentence = sentence[0].upper() + sentence[1:] + f" (ed{rng.randint(10000, 99999)})."  # a mark found in the page
    ends = [m.end() for m in re.finditer(r"[.?!](\[\^[^\]]+\])? ", lines[line])] + [len(lines[line])]
    at = rng.choice(ends)
    lines[line] = lines[line][:at].rstrip() + " " + sentence + (" " + lines[line][at:].lstrip() if at < len(
        lines[line]) else "")
    path.write_text("\n".join(lines), encoding="utf-8")
    return sentence


def add_a_page(path: Path) -> None:
    """Append about 900 words of new text after the chapter's last body paragraph: two pages and more, so that the
    book grows even when the chapter's last page had a blank page after it."""
    lines = path.read_text(encoding="utf-8").split("\n")
    last = body_paragraphs(lines)[-1]
    words = (WORDS * 40)[:900]
    lines.insert(last + 1, "\n" + " ".join(words).capitalize() + ".")
    path.write_text("\n".join(lines), encoding="utf-8")


def last_build(work: Path) -> dict:
    try:
        return json.loads((work / ".volume-cache" / "last-build.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def pdf_pages(work: Path) -> int:
    import pikepdf

    found = sorted((work / "dist").glob("*.pdf"))
    digital = [p for p in found if not p.stem.endswith(("-print", "-cover"))]
    with pikepdf.open(digital[0]) as pdf:
        return len(pdf.pages)


def _start_preview(work: Path, *flags: str) -> tuple[subprocess.Popen, str]:
    """`volume preview` started in `work` on a free port, and the address it serves."""
    process = subprocess.Popen([sys.executable, "-m", "volume", "preview", *flags, "--port", "0"], cwd=work,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in process.stdout:
        found = re.search(r"(http://\S+/)", line)
        if found:
            return process, found.group(1)
    process.terminate()
    raise SystemExit(f"volume preview {' '.join(flags)} did not start")


def preview_latency(work: Path, chapters: list[Path], rng: random.Random, edits: int) -> list[float]:
    """Seconds from saving a one-sentence edit to `volume preview` serving a page that holds it. The bench does what
    the page's script does in a browser: it listens on /events and fetches the page when a new version is announced
    (until round 11 it asked /version every 10 ms: a hundred requests a second answered by the building process)."""
    process, url = _start_preview(work)
    try:
        events = urllib.request.urlopen(url + "events", timeout=300)

        def announced() -> str:
            while True:
                line = events.readline().decode("utf-8")
                if not line:
                    raise SystemExit("the preview's event stream ended")
                if line.startswith("data: "):
                    return line[6:].strip()

        announced()  # the version served now
        latencies = []
        for number in range(edits):
            time.sleep(0.5)  # the watcher settles
            marker = edit_one_sentence(chapters[number % len(chapters)], rng).rsplit("(", 1)[1][:7]
            saved = time.perf_counter()
            while time.perf_counter() - saved < 120:
                announced()
                if marker in urllib.request.urlopen(url).read().decode("utf-8"):
                    break
            else:
                raise SystemExit(f"the preview never showed '{marker}'")
            latencies.append(time.perf_counter() - saved)
        return latencies
    finally:
        process.terminate()
        process.wait(timeout=30)


def _pdf_text(data: bytes) -> str:
    run = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return " ".join(run.stdout.decode("utf-8", "replace").split())


def layout_seconds(work: Path, piece: str) -> float | None:
    """How long the workers took to lay out the piece the last time (its cached layout's own record)."""
    newest = None
    for facts in (work / ".volume-cache" / "pieces").glob("*.json"):
        try:
            record = json.loads(facts.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if record.get("name") == piece and (newest is None or facts.stat().st_mtime > newest[0]):
            newest = (facts.stat().st_mtime, record.get("seconds"))
    return newest[1] if newest else None


def _stamp_of(work: Path) -> tuple[int, int] | None:
    """Which build stamp dist/ holds (a build that puts its set in place writes a new one)."""
    try:
        found = (work / "dist" / ".build-stamp.json").stat()
    except OSError:
        return None
    return found.st_ino, found.st_mtime_ns


def pdf_preview_latency(work: Path, chapters: list[Path], rng: random.Random, edits: int
                        ) -> tuple[list[float], list[float], list[float]]:
    """Seconds from saving a one-sentence edit to `volume preview --pdf` serving a digital PDF that holds it; each
    edited chapter's own layout time (what the target allows beside twice the HTML page's latency); and the seconds
    until the bench had read the edit in that PDF."""
    process, url = _start_preview(work, "--pdf")

    def read(url: str) -> bytes:
        return urllib.request.urlopen(url).read()

    try:
        started = time.perf_counter()
        while read(url + "pdf-version").strip() == b"0" and time.perf_counter() - started < 600:
            time.sleep(0.1)  # the first editions built
        latencies, layouts, verified = [], [], []

        def settle() -> bytes:
            """Wait until no build is under way: the version and dist/'s stamp stay for 3 s (the PDF may be served
            before the build has put the other editions in place); the PDF version then."""
            seen, stamp = read(url + "pdf-version"), _stamp_of(work)
            settled = time.perf_counter()
            while time.perf_counter() - settled < 3:
                time.sleep(0.2)
                now = (read(url + "pdf-version"), _stamp_of(work))
                if now != (seen, stamp):
                    (seen, stamp), settled = now, time.perf_counter()
            return seen

        def tell_laid_out() -> None:  # the PDF pieces the edit's build laid out (its index? then it was slow)
            print(f"    its build laid out {', '.join(last_build(work).get('laid_out', [])) or 'nothing'}", flush=True)

        for number in range(edits):
            seen = settle()
            if number:
                tell_laid_out()
            chapter = chapters[(number + 1) % len(chapters)]
            marker = edit_one_sentence(chapter, rng).rsplit("(", 1)[1][:7]
            saved = time.perf_counter()
            while time.perf_counter() - saved < 300:
                now = read(url + "pdf-version")
                if now != seen:
                    served, seen = time.perf_counter(), now
                    if marker in _pdf_text(read(url + "book.pdf")):
                        break
                time.sleep(0.05)  # the server answers in the building process: asking more often slows the build
            else:
                raise SystemExit(f"the PDF preview never showed '{marker}'")
            latencies.append(served - saved)
            verified.append(time.perf_counter() - saved)
            layouts.append(layout_seconds(work, chapter.stem) or 0.0)
            print(f"  preview --pdf edit {chapter.name}: served {latencies[-1]:.2f} s, verified {verified[-1]:.2f} s, "
                  f"its layout {layouts[-1]:.2f} s", flush=True)
        settle()
        tell_laid_out()
        return latencies, layouts, verified
    finally:
        process.terminate()
        process.wait(timeout=60)


def watch_latency(work: Path, chapters: list[Path], rng: random.Random, edits: int) -> list[float]:
    """Seconds from saving a one-sentence edit to `volume build --watch` having put every output in place."""
    import os
    import queue
    import signal
    import threading

    # Ctrl-C's default restored: a bench started in the background (`&`) passes SIGINT on as ignored
    process = subprocess.Popen([sys.executable, "-m", "volume", "build", "--watch"], cwd=work, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()

    def next_build() -> None:
        while "Watching for changes" not in lines.get(timeout=600):
            pass

    try:
        next_build()
        latencies = []
        for number in range(edits):
            time.sleep(0.5)
            edit_one_sentence(chapters[(number + 3) % len(chapters)], rng)
            saved = time.perf_counter()
            next_build()
            latencies.append(time.perf_counter() - saved)
        return latencies
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            print("volume build --watch did not stop on Ctrl-C within 2 minutes", flush=True)
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def bytecode_as_installed(work: Path, baseline: list[list[str]], volume: list[str]) -> None:
    """Let every module be compiled to bytecode once, as pip does when it installs a package, before anything is
    timed: the bytecode goes to a folder of the bench's own (the environment may forbid writing it beside an editable
    checkout, and then every volume process compiled each of volume's modules it imported, about half a second a
    build), filled by one untimed run of the baseline and of `volume build`."""
    import os

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    for command in [*baseline, [*volume, "build"], [*volume, "clean"]]:
        subprocess.run(command, cwd=work, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--edits", type=int, default=5, help="one-sentence edits per run, each in another chapter")
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--no-preview", action="store_true")
    parser.add_argument("--preview-only", action="store_true",
                        help="only the two preview latencies (HTML, --pdf), after one untimed build")
    parser.add_argument("--project", type=Path, default=Path("."))
    parser.add_argument("--no-bytecode", action="store_true",
                        help="no untimed run first to compile the modules to bytecode")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    volume = [sys.executable, "-m", "volume"]
    times: dict[str, list[tuple[float, float]]] = {"baseline": [], "cold": [], "noop": [], "edit": [], "page": []}
    relaid: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="volume-bench-") as folder:
        work = Path(folder)
        shutil.copytree(args.project / "chapters", work / "chapters")
        shutil.copytree(args.project / "styles", work / "styles")
        sources = sorted(str(p.relative_to(work)) for p in (work / "chapters").glob("*.md"))
        check_baseline(work, sources)
        baseline = [[pandoc(), "--file-scope", *sources, "--pdf-engine=weasyprint", "-o", "x.pdf"],
                    [pandoc(), "--file-scope", *sources, "-o", "x.epub"]]
        if not args.no_bytecode:
            bytecode_as_installed(work, baseline, volume)
        chapters = [work / s for s in sources if body_paragraphs((work / s).read_text(encoding="utf-8").split("\n"))]
        for round_number in range(0 if args.preview_only else args.runs):
            pdf, epub = (measured(command, work) for command in baseline)
            times["baseline"].append((pdf[0] + epub[0], pdf[1] + epub[1]))
            subprocess.run([*volume, "clean"], cwd=work, check=True, stdout=subprocess.DEVNULL)
            times["cold"].append(measured([*volume, "build"], work))
            times["noop"].append(measured([*volume, "build"], work))
            for chapter in rng.sample(chapters, min(args.edits, len(chapters))):
                edit_one_sentence(chapter, rng)
                times["edit"].append(measured([*volume, "build"], work))
                relaid.append(last_build(work).get("laid_out", []))
                print(f"  edit {chapter.name}: {times['edit'][-1][0]:.1f} s wall, {times['edit'][-1][1]:.1f} s CPU;"
                      f" laid out {', '.join(relaid[-1]) or 'nothing'}", flush=True)
            pages = pdf_pages(work)
            add_a_page(rng.choice(chapters))
            times["page"].append(measured([*volume, "build"], work))
            print(f"  page-adding edit: {pages} -> {pdf_pages(work)} pages; laid out "
                  f"{', '.join(last_build(work).get('laid_out', []))}", flush=True)
            print(f"round {round_number + 1}: " + ", ".join(
                f"{k} {v[-1][0]:.1f} s ({v[-1][1]:.1f} s CPU)" for k, v in times.items() if v), flush=True)
        if args.preview_only:
            subprocess.run([*volume, "build"], cwd=work, check=True, stdout=subprocess.DEVNULL)
        latencies = [] if args.no_preview else preview_latency(work, chapters, rng, args.edits)
        watched = [] if args.preview_only else watch_latency(work, chapters, rng, args.edits)
        pdf_latencies = ([], [], []) if args.no_preview else pdf_preview_latency(work, chapters, rng, args.edits)
    if args.preview_only:
        report_previews(latencies, pdf_latencies)
    else:
        report(times, relaid, latencies, watched, pdf_latencies)


def report(times: dict, relaid: list[list[str]], latencies: list[float], watched: list[float],
           pdf_latencies: tuple[list[float], list[float], list[float]] = ([], [], [])) -> None:
    wall = {k: [w for w, _ in v] for k, v in times.items()}
    cpu = {k: [c for _, c in v] for k, v in times.items()}
    for name in times:
        print(f"{name:9} wall median {statistics.median(wall[name]):6.2f} s, worst {max(wall[name]):6.2f} s;"
              f"  CPU median {statistics.median(cpu[name]):6.2f} s")
    cold = statistics.median(wall["cold"])
    print(f"cold / baseline       = {cold / statistics.median(wall['baseline']):.2f} wall, "
          f"{statistics.median(cpu['cold']) / statistics.median(cpu['baseline']):.2f} CPU   (target <= 1.0)")
    print(f"no-op / cold          = {statistics.median(wall['noop']) / cold:.3f}   (target <= 0.05)")
    print(f"edit / cold, median   = {statistics.median(wall['edit']) / cold:.2f}    (target <= 0.15)")
    print(f"edit / cold, worst    = {max(wall['edit']) / cold:.2f}    (target <= 0.3)")
    print(f"edit / cold, CPU      = {statistics.median(cpu['edit']) / statistics.median(cpu['cold']):.2f} median, "
          f"{max(cpu['edit']) / statistics.median(cpu['cold']):.2f} worst")
    print(f"page-adding / cold    = {statistics.median(wall['page']) / cold:.2f}")
    back = sum(1 for names in relaid if {"bibliography", "index"} & set(names))
    print(f"edits that laid out the bibliography or index again: {back} of {len(relaid)}")
    if watched:
        print(f"build --watch, edit -> all editions: median {statistics.median(watched):.2f} s "
              f"({statistics.median(watched) / cold:.2f} x cold), worst {max(watched):.2f} s "
              f"({max(watched) / cold:.2f} x cold)")
    report_previews(latencies, pdf_latencies)


def report_previews(latencies: list[float], pdf_latencies: tuple[list[float], list[float], list[float]]) -> None:
    if latencies:
        print(f"preview edit -> new page (HTML): median {statistics.median(latencies):.2f} s, worst "
              f"{max(latencies):.2f} s   (target <= 0.5 s)")
    pdf, layouts, verified = pdf_latencies
    if pdf and latencies:
        allowed = 2 * statistics.median(latencies) + statistics.median(layouts)
        print(f"preview --pdf edit -> new PDF: median {statistics.median(pdf):.2f} s, worst {max(pdf):.2f} s   "
              f"(target <= 2 x the HTML median + the chapter's layout, median {statistics.median(layouts):.2f} s: "
              f"{allowed:.2f} s; median / target = {statistics.median(pdf) / allowed:.2f}); read back by the bench: "
              f"median {statistics.median(verified):.2f} s, worst {max(verified):.2f} s")


if __name__ == "__main__":
    main()
