"""Make copied.txt (browser innerText) and made.docx (pandoc) beside each case's source.html of this folder, with
the method of ../eval/make_derived.py (that script run on this folder's cases)."""
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("eval_make_derived", HERE.parent / "eval" / "make_derived.py")
method = importlib.util.module_from_spec(spec)
spec.loader.exec_module(method)
method.HERE = HERE  # the cases are this folder's

if __name__ == "__main__":
    method.main(sys.argv[1:])
