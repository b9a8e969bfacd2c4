"""Check tune-r13-lang (both halves, fit/ and check/): the checks of tune-r11/validate.py (those of tune-r10: JSON
shape, labels found in their strings, counts per style, language and half; a title may end on an abbreviation, as
"Draba L."), run on this folder."""
import importlib.util
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
_spec = importlib.util.spec_from_file_location("tune_r11_validate", HERE.parent / "tune-r11" / "validate.py")
r11 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(r11)
r11.base.HERE = HERE

if __name__ == "__main__":
    sys.exit(r11.base.main())
