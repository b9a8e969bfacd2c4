"""Check tune-r12 (both halves, fit/ and check/) with tune-r11's checks (tune-r10's, run on this folder), less one:
a title may end on an abbreviation of up to three letters ("Flo Health, Inc.")."""
import importlib.util
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).parent
_spec = importlib.util.spec_from_file_location("tune_r11_validate", HERE.parent / "tune-r11" / "validate.py")
r11 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(r11)


def problems(rec):
    """Yield what is wrong with one record (tune-r11's checks; "Inc." may end a title)."""
    yield from (p for p in r11.problems(rec) if not re.search(r"^title ends with a period.*,\s\w{3}\.'$", p))


r11.base.problems = problems
r11.base.HERE = HERE

if __name__ == "__main__":
    sys.exit(r11.base.main())
