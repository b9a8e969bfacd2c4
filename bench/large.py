"""Benchmark: a cold build of a ~1,000-page generated volume, its throughput and the memory of the whole build.

    python bench/large.py [--chapters 80] [--interval 0.2] [--keep DIR]

Generates the volume with bench/generate.py into a temporary folder, runs `python3 -m volume build --project DIR`
while sampling, every 0.2 s, the summed RSS (VmRSS in /proc/<pid>/status) of the build process and all its
descendants (found through /proc/<pid>/task/*/children), then prints the pages of the digital PDF (pypdf),
wall seconds, pages per second and the peak RSS of the tree. For comparison the default volume of this repository
(chapters/ and styles/ copied to a temporary folder) is built the same way. Targets: large pages/s over
default pages/s >= 0.8, peak RSS of the large build <= 1024 MiB.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024


def children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def tree(pid: int) -> list[int]:
    pids, stack = [], [pid]
    while stack:
        current = stack.pop()
        if current in pids:
            continue
        pids.append(current)
        stack += children(current)
    return pids


def rss_and_name(pid: int) -> tuple[int, str]:
    """VmRSS in bytes (0 for a zombie or a vanished process) and the process name."""
    rss, name = 0, "?"
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("Name:"):
                name = line.split(None, 1)[1] if len(line.split()) > 1 else "?"
            elif line.startswith("VmRSS:"):
                rss = int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if b"--multiprocessing-fork" in cmdline:
            name += " (pool worker)"
        elif any(b"resource_tracker" in part for part in cmdline):
            name += " (resource tracker)"
        elif b"volume" in cmdline:
            name += " (volume build)"
    except OSError:
        pass
    return rss, name


@dataclass
class Run:
    label: str
    returncode: int
    seconds: float
    peak_rss: int
    peak_at: float
    peak_breakdown: list[tuple[int, str, int]]
    max_processes: int
    samples: list[tuple[float, int, int]] = field(default_factory=list)  # (t, rss, processes)
    output: str = ""
    phases: list[tuple[float, str]] = field(default_factory=list)  # (t, progress line) as first seen


def measured_build(project: Path, label: str, interval: float) -> Run:
    log = project / "build-output.txt"
    with log.open("wb") as sink:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "volume", "build", "--project", str(project)],
                                   cwd=REPO, stdout=sink, stderr=subprocess.STDOUT)
        peak, peak_at, breakdown, most = 0, 0.0, [], 0
        samples: list[tuple[float, int, int]] = []
        phases: list[tuple[float, str]] = []
        seen = 0
        while True:
            now = time.perf_counter() - started
            try:
                lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                lines = []
            for line in lines[seen:]:
                if line.endswith("…"):  # the build's progress steps when its output is not a terminal
                    phases.append((now, line.rstrip("…")))
            seen = max(seen, len(lines))
            members = [(pid, *rss_and_name(pid)) for pid in tree(process.pid)]
            total = sum(rss for _pid, rss, _name in members)
            samples.append((now, total, len(members)))
            most = max(most, len(members))
            if total > peak:
                peak, peak_at, breakdown = total, now, [(pid, name, rss) for pid, rss, name in members]
            if process.poll() is not None:
                break
            time.sleep(interval)
        seconds = time.perf_counter() - started
    return Run(label, process.returncode, seconds, peak, peak_at, breakdown, most, samples,
               log.read_text(encoding="utf-8", errors="replace"), phases)


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def slug(project: Path) -> str:
    data = tomllib.loads((project / "chapters" / "volume.toml").read_text(encoding="utf-8"))
    return data.get("output", {}).get("slug", "volume")


def report(run: Run, project: Path) -> float | None:
    print(f"[{run.label}] exit {run.returncode}, wall {run.seconds:.1f} s, peak RSS of the process tree "
          f"{run.peak_rss / MIB:.0f} MiB at t={run.peak_at:.1f} s, at most {run.max_processes} processes")
    for pid, name, rss in sorted(run.peak_breakdown, key=lambda m: -m[2]):
        print(f"    at the peak: pid {pid} {name}: {rss / MIB:.0f} MiB")
    tail = [line for line in run.output.splitlines() if line.strip()]
    if run.returncode != 0:
        signal = f" (killed by signal {-run.returncode})" if run.returncode < 0 else ""
        print(f"[{run.label}] BUILD FAILED{signal}; last output:")
        for line in tail[-30:]:
            print(f"    {line}")
        return None
    for line in tail[-5:]:
        print(f"    {line}")
    pdf = project / "dist" / f"{slug(project)}.pdf"
    pages = pdf_pages(pdf)  # (pypdf holds the whole file: this process, not the build, grows here)
    print_pdf = project / "dist" / f"{slug(project)}-print.pdf"
    extra = f" (print edition {pdf_pages(print_pdf)} pages)" if print_pdf.exists() else ""
    rate = pages / run.seconds
    print(f"[{run.label}] digital PDF {pages} pages{extra}; {run.seconds:.1f} s; {rate:.2f} pages/s; "
          f"peak RSS {run.peak_rss / MIB:.0f} MiB")
    return rate


def memory_profile(run: Run, buckets: int = 12) -> None:
    """A coarse timeline: the highest tree RSS and process count in each slice of the build."""
    if not run.samples:
        return
    if run.phases:
        ends = [t for t, _name in run.phases[1:]] + [run.seconds]
        print(f"[{run.label}] phases (as first seen, within 1 sample): " + ", ".join(
            f"{name} {start:.0f}–{end:.0f} s ({end - start:.0f} s, peak "
            f"{max([r for t, r, _p in run.samples if start <= t <= end] or [0]) / MIB:.0f} MiB)"
            for (start, name), end in zip(run.phases, ends)))
    width = run.seconds / buckets
    line = []
    for i in range(buckets):
        inside = [s for s in run.samples if i * width <= s[0] < (i + 1) * width] or [run.samples[-1]]
        line.append(f"{i * width:.0f}s:{max(s[1] for s in inside) / MIB:.0f}MiB/{max(s[2] for s in inside)}p")
    print(f"[{run.label}] RSS timeline (max per slice, MiB / processes): " + "  ".join(line))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chapters", type=int, default=80)
    parser.add_argument("--interval", type=float, default=0.2, help="sampling interval in seconds")
    parser.add_argument("--keep", type=Path, help="generate the large volume here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="volume-large-") as folder:
        work = Path(folder)
        large = args.keep or work / "large"
        started = time.perf_counter()
        generated = subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), str(large),
                                    "--chapters", str(args.chapters)], cwd=REPO, text=True, capture_output=True)
        print(generated.stdout.rstrip())
        if generated.returncode != 0:
            print(generated.stderr.rstrip())
            sys.exit("generation or check failed")
        print(f"generated and checked in {time.perf_counter() - started:.1f} s", flush=True)

        run = measured_build(large, "large", args.interval)
        large_rate = report(run, large)
        memory_profile(run)
        sys.stdout.flush()

        default = work / "default"
        shutil.copytree(REPO / "chapters", default / "chapters")
        shutil.copytree(REPO / "styles", default / "styles")
        base = measured_build(default, "default", args.interval)
        default_rate = report(base, default)
        memory_profile(base)

        print()
        if large_rate is not None:
            print(f"large:   {large_rate:.2f} pages/s, peak RSS {run.peak_rss / MIB:.0f} MiB")
        if default_rate is not None:
            print(f"default: {default_rate:.2f} pages/s, peak RSS {base.peak_rss / MIB:.0f} MiB")
        if large_rate is not None and default_rate:
            ratio = large_rate / default_rate
            print(f"(large pages/s) / (default pages/s) = {ratio:.2f}   (target >= 0.8: "
                  f"{'met' if ratio >= 0.8 else 'NOT met'})")
        print(f"peak RSS of the large build {run.peak_rss / MIB:.0f} MiB <= 1024 MiB: "
              f"{'yes' if run.peak_rss <= 1024 * MIB else 'NO'}")


if __name__ == "__main__":
    main()
