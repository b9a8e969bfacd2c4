"""Benchmark: what setting the folios costs, the folio sheets' way and the stamping way, in CPU seconds.

    python bench/folio_cost.py PDF [--styles styles] [--runs 3]

PDF is a digital edition built by this tree (its folios drawn by render/pdf/folios.py: each page's label and box are
read back from it). In one process set up as a layout worker (the style sheet parsed by an untimed first layout),
alternating, each run: the folio sheets a cold build lays out for these pages (render/pdf/pages.py, 48 pages a
sheet), the calibration sheet that replaces them (laid out once per change of the styles), and the stamping of
every folio into the book (render/pdf/folios.py, HarfBuzz shaping and pikepdf), against stamping the sheets' pages
as forms (pdf/join.py, the fallback). Prints each one's CPU
(time.process_time) per run and the medians.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace


def folios_of(pdf_path: Path, style) -> list[tuple[str, str | None]]:
    """(label, box) of each page, read back from the drawn folios."""
    import pikepdf
    import pypdf

    labels = list(pypdf.PdfReader(pdf_path).page_labels)
    found = []
    with pikepdf.open(pdf_path) as pdf:
        for index, page in enumerate(pdf.pages):
            contents = page.Contents if isinstance(page.Contents, pikepdf.Array) else [page.Contents]
            data = b"".join(c.read_bytes() for c in contents if c is not None)
            box = None
            if b"/VolumeFolio" in data:
                y = float(data.split(b" Tm")[-2].split()[-1])
                box = min(style.boxes, key=lambda b: abs(style.boxes[b].baselines[index % 2] - y)
                          + (0 if style.boxes[b].align == (0.0 if index % 2 else 1.0) or b == "@bottom-center"
                             else 1000))
            found.append((labels[index], box))
    return found


def main() -> None:
    from volume.render.pdf.editions import SHEET_PAGES
    from volume.render.pdf.folios import calibration_folios, read_calibration, stamp_folios
    from volume.render.pdf.join import Book, _stamp_folios
    from volume.render.pdf.layout import PieceJob, lay_out_piece
    from volume.render.pdf.pages import folio_sheet

    parser = argparse.ArgumentParser()
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--styles", type=Path, default=Path("styles"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import pikepdf

    with pikepdf.open(args.pdf) as pdf:
        box = [float(v) for v in pdf.pages[0].mediabox]
    size = (f"{box[2] / 72}in", f"{box[3] / 72}in")
    volume = SimpleNamespace(manifest=SimpleNamespace(trim_size=size), meta=SimpleNamespace(language="en"))
    styles = args.styles.resolve()
    with tempfile.TemporaryDirectory(prefix="volume-folio-cost-") as folder:
        def lay_out(name: str, folios) -> tuple[float, Path]:
            html, css = folio_sheet(volume, folios)
            target = Path(folder) / f"{name}.pdf"
            job = PieceJob(name, html, css, styles, styles, (styles,), {}, styles, target, "0" * 32, True, "")
            started = time.process_time()
            lay_out_piece(job)
            return time.process_time() - started, target

        _, calibration = lay_out("warm-up", calibration_folios())  # the style sheet parsed, fonts loaded
        style = read_calibration(calibration, styles / "fonts")
        if style is None:
            raise SystemExit("the calibration sheet cannot be read with these styles")
        folios = folios_of(args.pdf, style)
        times: dict[str, list[float]] = {"folio sheets": [], "calibration sheet": [], "stamping": [],
                                         "stamping the sheets": []}
        for run in range(args.runs):
            laid = [(first, lay_out(f"sheet-{first}", folios[first:first + SHEET_PAGES]))
                    for first in range(0, len(folios), SHEET_PAGES)]
            times["folio sheets"].append(sum(seconds for _first, (seconds, _path) in laid))
            with pikepdf.open(args.pdf) as pdf:
                book = Book(pdf, [], set())
                started = time.process_time()
                _stamp_folios(book, SimpleNamespace(folios=lambda: folios), [(f, path) for f, (_s, path) in laid])
                times["stamping the sheets"].append(time.process_time() - started)
                for source in book.sources:
                    source.close()
            times["calibration sheet"].append(lay_out("calibration", calibration_folios())[0])
            with pikepdf.open(args.pdf) as pdf:
                started = time.process_time()
                stamp_folios(Book(pdf, [], set()), folios, style)
                times["stamping"].append(time.process_time() - started)
            print(f"run {run + 1}: " + ", ".join(f"{k} {v[-1]:.3f} s" for k, v in times.items()), flush=True)
    print(f"{len(folios)} pages, {sum(1 for _l, b in folios if b)} folios; medians: "
          + ", ".join(f"{k} {statistics.median(v):.3f} s" for k, v in times.items()))


if __name__ == "__main__":
    main()
