"""`volume build --watch`: builds, builds again on a save (the new text in the PDF), and Ctrl-C ends it cleanly."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time

import pypdf

from tests.conftest import copy_case

WAIT = 600  # seconds for one build on a loaded machine


def _lines(stream, into: queue.Queue) -> None:
    for line in stream:
        into.put(line)
    into.put(None)


def _wait_for(lines: queue.Queue, seen: list[str], text: str, count: int) -> None:
    deadline = time.monotonic() + WAIT
    while sum(text in line for line in seen) < count:
        line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        assert line is not None, "volume build --watch ended:\n" + "".join(seen)
        seen.append(line)


def test_watch_rebuilds_on_save_and_stops_on_ctrl_c(tmp_path):
    project = copy_case("small", tmp_path)
    errors_file = tmp_path / "stderr.txt"
    # Ctrl-C's default restored: a test run started in the background (`&`) passes SIGINT on as ignored
    with open(errors_file, "w") as errors_out:
        process = subprocess.Popen([sys.executable, "-m", "volume", "build", "--watch", "--project", str(project)],
                                   stdout=subprocess.PIPE, stderr=errors_out, text=True, start_new_session=True,
                                   preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
    seen: list[str] = []
    try:
        _wait_for(lines, seen, "Watching for changes", 1)
        assert any(line.startswith("Built 5 files") for line in seen)
        alpha = project / "chapters" / "alpha.md"
        alpha.write_text(alpha.read_text(encoding="utf-8").replace("Trade grew to 5 billion",
                                                                   "Trade grew to 9 billion"), encoding="utf-8")
        _wait_for(lines, seen, "Watching for changes", 2)
        assert any("chapters/alpha.md changed" in line for line in seen)
        assert sum(line.startswith("Built 5 files") for line in seen) == 2
        text = " ".join(page.extract_text() for page in pypdf.PdfReader(project / "dist" / "small.pdf").pages)
        assert "Trade grew to 9 billion" in " ".join(text.split())
        os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C in a terminal: the whole process group
        process.wait(timeout=120)  # (not communicate: it would take the lines the reading thread is waiting for)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    seen += [line for line in iter(lambda: lines.get(timeout=5), None)]
    errors = errors_file.read_text(encoding="utf-8")
    assert process.returncode == 0, errors
    assert "Stopped." in "".join(seen)
    assert "Traceback" not in errors and "KeyboardInterrupt" not in errors, errors


def _descendants(pid: int) -> set[int]:
    """Every process below `pid` (read from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat").read()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        children = {p for p, pp in parents.items() if pp == parent}
        found |= children
        todo += children
    return found


def _alive(pid: int) -> bool:
    try:
        state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_watch_stopped_with_kill_leaves_no_worker_behind(tmp_path):
    """SIGTERM (`kill PID`, as a script or a service manager stops it) ends `--watch` as Ctrl-C does: the fork
    server, its workers and the resource tracker end with it instead of living on under init."""
    project = copy_case("small", tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "volume", "build", "--watch", "--project", str(project)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
    children: set[int] = set()
    try:
        _wait_for(lines, [], "Watching for changes", 1)
        children = _descendants(process.pid)
        assert children, "the warm build keeps workers"
        process.send_signal(signal.SIGTERM)  # the process alone, not its group
        process.wait(timeout=120)
        deadline = time.monotonic() + 30
        while any(_alive(p) for p in children) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [p for p in children if _alive(p)]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for pid in children:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
