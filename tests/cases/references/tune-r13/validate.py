"""Check tune-r13 (both halves, fit/ and check/) with tune-r12's checks (tune-r11's, run on this folder)."""
import importlib.util
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
_spec = importlib.util.spec_from_file_location("tune_r12_validate", HERE.parent / "tune-r12" / "validate.py")
r12 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(r12)
r12.r11.base.HERE = HERE

if __name__ == "__main__":
    sys.exit(r12.r11.base.main())
