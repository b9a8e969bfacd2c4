"""Benchmark: `volume preview` save -> reloaded page, alone, for one tree or two side by side (alternating).

    python bench/preview_latency.py [--saves 9] [--seed 5] [--tree DIR ...] [--project .] [--poll] [--pdf]

Each tree (default: this checkout; DIR: e.g. `git archive REV | tar -x -C DIR`) gets its own copy of the project's
chapters and styles and its own `volume preview --port 0` (run with PYTHONPATH=DIR, so that tree's code is the one
imported). Then, `--saves` times, for each tree in turn (so the trees share the machine's load, save by save): the
same seeded one-sentence edit (bench/run.py's) is saved to the same chapter of each copy, and the time runs until
the page served holds it. The client does what the page's script does in a browser: it listens on /events and,
on a new version, fetches / (`--poll` asks /version every 10 ms instead, as bench/run.py did before round 12;
every poll is a request the building process answers). Printed per tree: the latency's median and worst, and the
preview process's CPU per save (user + system of the process and of the children it waited for, pandoc;
/proc/PID/stat before the save and after the page came), and, with two trees, the ratios of their medians.

`--pdf` runs `volume preview --pdf` instead and times each save until the digital PDF served (/book.pdf, once
/pdf-version has changed) holds the edit, as bench/run.py's --pdf figure does; the CPU is then the preview's whole
process tree's (its layout workers and fork server too, bench/warm_edits.py's tree_cpu), and each save's line says
which PDF pieces its build laid out (the index or the bibliography laid out again is what makes a save slow).
"""

from __future__ import annotations

import argparse
import os
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
from run import _pdf_text, body_paragraphs, edit_one_sentence, last_build  # noqa: E402  (bench/run.py's edits)
from warm_edits import tree_cpu  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def cpu_of(pid: int) -> float:
    """CPU seconds of a process, its threads, and the children it has waited for."""
    with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / TICK


class Served:
    """One `volume preview` of one tree on its own copy of the project."""

    def __init__(self, tree: Path | None, project: Path, work: Path, poll: bool, pdf: bool = False):
        self.tree, self.work, self.poll, self.pdf = tree, work, poll, pdf
        shutil.copytree(project / "chapters", work / "chapters")
        if (project / "styles").is_dir():
            shutil.copytree(project / "styles", work / "styles")
        env = dict(os.environ)
        if tree is not None:
            env["PYTHONPATH"] = str(tree.resolve()) + os.pathsep + env.get("PYTHONPATH", "")
        self.process = subprocess.Popen([sys.executable, "-m", "volume", "preview", "--port", "0"]
                                        + (["--pdf"] if pdf else []), cwd=work, env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            found = re.search(r"(http://\S+/)", line)
            if found:
                self.url = found.group(1)
                break
        else:
            raise SystemExit(f"volume preview ({tree or 'this checkout'}) did not start")
        if pdf:
            started = time.perf_counter()
            while self._read("pdf-version").strip() == b"0" and time.perf_counter() - started < 900:
                time.sleep(0.2)  # the first editions built
        self.events = urllib.request.urlopen(self.url + "events", timeout=300) if not (poll or pdf) else None
        self.version = self._next_event() if not (poll or pdf) else None
        self.chapters = sorted(p for p in (work / "chapters").glob("*.md")
                               if body_paragraphs(p.read_text(encoding="utf-8").split("\n")))
        self.latencies: list[float] = []
        self.cpu: list[float] = []
        self.laid_out: list[str] = []  # --pdf: the pieces each save's build laid out

    def _next_event(self) -> str:
        while True:
            line = self.events.readline().decode("utf-8")
            if not line:
                raise SystemExit("the event stream ended")
            if line.startswith("data: "):
                return line[6:].strip()

    def _read(self, path: str) -> bytes:
        return urllib.request.urlopen(self.url + path, timeout=300).read()

    def _cpu(self) -> float:
        return tree_cpu(self.process.pid) if self.pdf else cpu_of(self.process.pid)

    def save(self, number: int, seed: int) -> None:
        """Save one seeded edit, wait until the page holds it; keep the latency and the CPU."""
        chapter = self.chapters[number % len(self.chapters)]
        before = self._cpu()
        seen = self._read("pdf-version") if self.pdf else b""
        marker = edit_one_sentence(chapter, random.Random(seed * 1000 + number)).rsplit("(", 1)[1][:7]
        saved = time.perf_counter()
        if self.pdf:
            self._served_pdf(marker, seen, saved)
            self.cpu.append(self._cpu() - before)
            return
        while time.perf_counter() - saved < 120:
            if self.poll:
                seen = urllib.request.urlopen(self.url + "version").read()
                while urllib.request.urlopen(self.url + "version").read() == seen:
                    time.sleep(0.01)
            else:
                self.version = self._next_event()
            if marker in urllib.request.urlopen(self.url).read().decode("utf-8"):
                break
        else:
            raise SystemExit(f"the preview never showed '{marker}'")
        self.latencies.append(time.perf_counter() - saved)
        time.sleep(0.3)  # anything the rebuild does after serving the page (announcing, collecting) counted
        self.cpu.append(cpu_of(self.process.pid) - before)

    def _served_pdf(self, marker: str, seen: bytes, saved: float) -> None:
        """Wait until the PDF served holds the edit, then until the build has ended (the version stays 2 s)."""
        while time.perf_counter() - saved < 300:
            now = self._read("pdf-version")
            if now != seen:
                seen = now
                if marker in _pdf_text(self._read("book.pdf")):
                    break
            time.sleep(0.05)
        else:
            raise SystemExit(f"the PDF preview never showed '{marker}'")
        self.latencies.append(time.perf_counter() - saved)
        quiet = time.perf_counter()
        while time.perf_counter() - quiet < 2:
            time.sleep(0.2)
            if self._read("pdf-version") != seen:
                seen, quiet = self._read("pdf-version"), time.perf_counter()
        self.laid_out.append(",".join(last_build(self.work).get("laid_out", [])))

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=9)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--tree", type=Path, action="append", default=[],
                        help="a tree to run the preview from (give it twice with two trees; '.' = this checkout)")
    parser.add_argument("--project", type=Path, default=Path("."))
    parser.add_argument("--poll", action="store_true", help="ask /version every 10 ms instead of listening")
    parser.add_argument("--pause", type=float, default=0.7, help="seconds between saves (the watcher settles)")
    parser.add_argument("--pdf", action="store_true", help="`volume preview --pdf`: until the served PDF holds it")
    args = parser.parse_args()
    trees = [None if str(t) == "." else t for t in args.tree] or [None]
    with tempfile.TemporaryDirectory(prefix="volume-preview-bench-") as folder:
        served = [Served(tree, args.project, Path(folder) / f"tree{i}", args.poll, args.pdf)
                  for i, tree in enumerate(trees)]
        try:
            time.sleep(2)
            for number in range(args.saves):
                for one in (served if number % 2 == 0 else served[::-1]):
                    time.sleep(args.pause)
                    one.save(number, args.seed)
                print(f"  save {number + 1}: " + ", ".join(
                    f"{s.latencies[-1]:.3f} s ({s.cpu[-1]:.2f} s CPU{'; laid out ' + s.laid_out[-1] if s.pdf else ''})"
                    for s in served), flush=True)
        finally:
            for one in served:
                one.close()
    load = os.getloadavg()[0]
    for one in served:
        print(f"{str(one.tree or 'this checkout'):40} median {statistics.median(one.latencies):.3f} s, worst "
              f"{max(one.latencies):.3f} s; CPU per save median {statistics.median(one.cpu):.2f} s")
    if len(served) == 2:
        a, b = served
        print(f"second / first: latency {statistics.median(b.latencies) / statistics.median(a.latencies):.2f}, "
              f"CPU {statistics.median(b.cpu) / statistics.median(a.cpu):.2f} (load average now {load:.1f})")


if __name__ == "__main__":
    main()
