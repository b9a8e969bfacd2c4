"""Benchmark: does the joined PDF's file depend on the order its objects were made in? (Why the joining is not spliced.)

    python bench/join_numbering.py [PDF] [--seeds 3]

Splicing a changed chapter into the previous build's joined PDF gives the same objects as a cold join, but numbered
otherwise: the old objects keep the numbers the last file gave them and the new chapter's come last. This takes a
joined PDF (default: the digital edition in dist/), copies it into a new document with its objects made in a
shuffled order (the same objects, the same references), and saves both as join.py does (object streams generated)
and with object streams off. It prints whether the bytes are the same, the files' sizes, and the time of a save
against a canonical save (object streams off, read again, saved with them): what a cold build would have to do so
that a splice could give its bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

from volume.render.pdf.join import _copy  # an object of another PDF copied as the join copies it


def _settings(generate: bool) -> dict:
    import pikepdf

    mode = pikepdf.ObjectStreamMode.generate if generate else pikepdf.ObjectStreamMode.disable
    return {"deterministic_id": True, "object_stream_mode": mode, "compress_streams": True, "force_version": "1.7"}


def renumbered(path: Path, seed: int | None):
    """The PDF copied into a new document: its objects made in a shuffled order (seed), or in the copier's (None)."""
    import pikepdf

    source = pikepdf.open(path)
    out = pikepdf.new()
    if seed is not None:
        kinds = (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)
        objects = [o for o in source.objects if isinstance(o, kinds)
                   and o.get("/Type") not in (pikepdf.Name.Page, pikepdf.Name.Pages)]
        random.Random(seed).shuffle(objects)
        out.copy_foreign(source.make_indirect(pikepdf.Array(objects[:len(objects) // 2])))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out.pages.extend(source.pages)
    for key, value in source.Root.items():
        if key not in ("/Pages", "/Type"):
            out.Root[key] = _copy(out, value)
    if "/Info" in source.trailer:
        out.trailer.Info = _copy(out, source.trailer.Info)
    return out


def digest(pdf, target: Path, generate: bool) -> tuple[str, int]:
    pdf.save(target, **_settings(generate))
    data = target.read_bytes()
    return hashlib.sha256(data).hexdigest()[:16], len(data)


def save_times(path: Path, folder: Path, runs: int) -> tuple[float, float]:
    """Median seconds of a save as join.py does it, and of the canonical save."""
    import pikepdf

    plain, canonical = [], []
    for _ in range(runs):
        pdf = pikepdf.open(path)
        pdf.make_indirect(pikepdf.Dictionary())  # every object read before the clock starts
        started = time.perf_counter()
        pdf.save(folder / "plain.pdf", **_settings(True))
        plain.append(time.perf_counter() - started)
        pdf = pikepdf.open(path)
        pdf.make_indirect(pikepdf.Dictionary())
        started = time.perf_counter()
        pdf.save(folder / "flat.pdf", **_settings(False))
        with pikepdf.open(folder / "flat.pdf") as again:
            again.save(folder / "canonical.pdf", **_settings(True))
        canonical.append(time.perf_counter() - started)
    return statistics.median(plain), statistics.median(canonical)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf", type=Path, nargs="?")
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    path = args.pdf or next((p for p in sorted(Path("dist").glob("*.pdf"))
                             if not p.stem.endswith(("-print", "-cover"))), None)
    if path is None:
        sys.exit("no PDF given and none in dist/ (run volume build first)")
    with tempfile.TemporaryDirectory(prefix="volume-numbering-") as name:
        folder = Path(name)
        for generate in (True, False):
            found = [digest(renumbered(path, seed), folder / "x.pdf", generate)
                     for seed in (None, *range(args.seeds))]
            same = len({d for d, _size in found}) == 1
            print(f"object streams {'generated' if generate else 'off'}: {len(found)} numberings -> "
                  f"{len({d for d, _ in found})} different files ({'the same bytes' if same else 'bytes differ'}), "
                  f"{found[0][1] / 1e6:.2f} MB")
        plain, canonical = save_times(path, folder, 3)
        print(f"save as join.py does: {plain:.2f} s; canonical save (streams off, read again, generated): "
              f"{canonical:.2f} s")


if __name__ == "__main__":
    main()
