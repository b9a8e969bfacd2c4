"""Check the labels of eval5 without scoring anything.

The checks are tune-eval4's (`tune-eval4/check_labels.py`, which this set was built to match), run on this folder:
every record is loaded with bench/references.py's own reader (`read_records`; the parser is not imported), then
checked with tune-r10's validator (keys, style, type, Ibid. context, every labelled value and name part found in its
string, no title ending on a full stop) on the string with its italics markers '*' taken out, and with tune-eval4's
added checks: only known fields, people as family/given or literal, a year between 1500 and 2027 written in the
string, no title ending on a comma, semicolon or colon, a first person or a title on every work, unique ids.
Prints the problems, then counts per style, language, type and file.

    python3 tests/cases/references/eval5/check_labels.py
"""
import importlib.util
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent


def _tune_eval4_checks():
    """tune-eval4's check_labels module, loaded from its file (the folders are not packages)."""
    spec = importlib.util.spec_from_file_location("tune_eval4_check_labels", HERE.parent / "tune-eval4" / "check_labels.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    checks = _tune_eval4_checks()
    checks.HERE = HERE  # its main() reads the records of the folder named by its module-level HERE
    return checks.main()


if __name__ == "__main__":
    sys.exit(main())
