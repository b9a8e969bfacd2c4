"""Benchmark: the CPU a cold build spends, whole process tree, beside the baseline's.

    python bench/cpu.py [--runs 2] [--project .] [--by-process]

The build is CPU-bound on a two-core machine, so its CPU time (user + system, summed over the build process and
every process it starts, the fork server's workers and pandoc included) says more than its wall time about what
parallelism can still win. Each process's utime and stime are sampled from /proc/<pid>/stat every 50 ms, the
last value seen kept (a process that lives under 50 ms is missed). The baseline is the pandoc command of
bench/run.py. Prints, per run, wall and CPU seconds of each, and the medians; with --by-process, also each run's CPU
by kind of process (the build's own process, the fork server, each layout worker, pandoc; the baseline's pandoc
and WeasyPrint), which is where bench/run.py's cold / baseline CPU ratio comes from.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def _processes(waited: bool = False) -> dict[int, tuple[int, float]]:
    """pid -> (parent pid, CPU seconds so far) of every process (with waited, of the children it waited for too)."""
    found = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[int(name)] = (int(fields[1]), sum(int(f) for f in fields[11:15 if waited else 13]) / TICK)
    return found


def descendants(root: int, table: dict[int, tuple[int, float]]) -> set[int]:
    """root and every process below it in table (_processes())."""
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, (parent, _) in table.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return tree


def _command(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return cmdline.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return ""


def _kind(pid: int, root: int, table: dict[int, tuple[int, float]], commands: dict[int, str]) -> str:
    """What a process of the build's (or the baseline's) tree is, by its command and its parent's."""
    command, parent = commands.get(pid, ""), table.get(pid, (0, 0.0))[0]
    if pid == root:
        return "main" if "volume" in command else Path(command.split(" ")[0]).name or "main"
    if "forkserver" in command:
        return "fork server" if "forkserver" not in commands.get(parent, "") else f"worker {pid}"
    name = Path(command.split(" ")[0]).name if command else "?"
    return "weasyprint" if "weasyprint" in command else name


def measured(command: list[str], cwd: Path, by_process: dict[str, float] | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the whole process tree) of one run of command; by_process, if given, gets the
    CPU seconds of each kind of process (_kind) added to it."""
    started = time.perf_counter()
    commands: dict[int, str] = {}
    parents: dict[int, tuple[int, float]] = {}
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cpu: dict[int, float] = {}
    while process.poll() is None:
        table = _processes()
        for pid in descendants(process.pid, table) & table.keys():
            cpu[pid] = max(cpu.get(pid, 0.0), table[pid][1])
            if by_process is not None and pid not in commands:
                commands[pid], parents[pid] = _command(pid), table[pid]
        time.sleep(0.05)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed")
    if by_process is not None:
        for pid, seconds in cpu.items():
            kind = _kind(pid, process.pid, parents, commands)
            by_process[kind] = by_process.get(kind, 0.0) + seconds
    return time.perf_counter() - started, sum(cpu.values())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--project", type=Path, default=Path("."))
    parser.add_argument("--by-process", action="store_true")
    args = parser.parse_args()
    import pypandoc

    pandoc = pypandoc.get_pandoc_path()
    results: dict[str, list[tuple[float, float]]] = {"baseline": [], "cold": []}
    with tempfile.TemporaryDirectory(prefix="volume-cpu-") as folder:
        work = Path(folder)
        shutil.copytree(args.project / "chapters", work / "chapters")
        shutil.copytree(args.project / "styles", work / "styles")
        sources = sorted(str(p.relative_to(work)) for p in (work / "chapters").glob("*.md"))
        for number in range(args.runs):
            base: dict[str, float] | None = {} if args.by_process else None
            cold: dict[str, float] | None = {} if args.by_process else None
            pdf = measured([pandoc, "--file-scope", *sources, "--pdf-engine=weasyprint", "-o", "x.pdf"], work, base)
            if base is not None:
                base = {f"PDF: {kind}": seconds for kind, seconds in base.items()}
            epub = measured([pandoc, "--file-scope", *sources, "-o", "x.epub"], work, base)
            results["baseline"].append((pdf[0] + epub[0], pdf[1] + epub[1]))
            subprocess.run([sys.executable, "-m", "volume", "clean"], cwd=work, check=True, stdout=subprocess.DEVNULL)
            results["cold"].append(measured([sys.executable, "-m", "volume", "build"], work, cold))
            if args.by_process:
                for name, kinds in (("baseline", base), ("cold", cold)):
                    print(f"  {name} by process: " + ", ".join(
                        f"{kind} {seconds:.2f}" for kind, seconds in sorted(kinds.items(), key=lambda k: -k[1])))
            print(f"round {number + 1}: " + ", ".join(
                f"{name} {runs[-1][0]:.1f} s wall, {runs[-1][1]:.1f} s CPU" for name, runs in results.items()),
                flush=True)
    for name, runs in results.items():
        print(f"median {name}: {statistics.median(r[0] for r in runs):.1f} s wall, "
              f"{statistics.median(r[1] for r in runs):.1f} s CPU")
    cold_cpu = statistics.median(r[1] for r in results["cold"])
    base_cpu = statistics.median(r[1] for r in results["baseline"])
    print(f"CPU cold / baseline = {cold_cpu / base_cpu:.2f}; a cold build on 2 cores needs at least "
          f"{cold_cpu / 2:.1f} s, the baseline's wall time is {statistics.median(r[0] for r in results['baseline']):.1f} s")


if __name__ == "__main__":
    main()
