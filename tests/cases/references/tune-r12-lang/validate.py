"""Check tune-r12-lang (both halves, fit/ and check/): the checks of tune-r10/validate.py (JSON shape, labels found in
their strings, counts per style, language and half), run on this folder; a title may end on an abbreviation ("Draba L.")."""
import importlib.util
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).parent
_spec = importlib.util.spec_from_file_location("tune_r10_validate", HERE.parent / "tune-r10" / "validate.py")
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)
_checks = base.problems


def problems(rec):
    """Yield what is wrong with one record (tune-r10's checks, less a title ending on a short abbreviation)."""
    for problem in _checks(rec):
        if problem.startswith("title ends with a period") and re.search(r"\s\w{1,2}\.'$", problem):
            continue
        yield problem


base.problems = problems
base.HERE = HERE

if __name__ == "__main__":
    sys.exit(base.main())
