"""Check tune-r13-lang (both halves, fit/ and check/) with tune-r11's checks, which are tune-r10's run on another
folder: JSON shape, labels found in their strings, counts per style, language, type and source."""
import importlib.util
import pathlib
import sys


def _checks():
    """tune-r11/validate.py's module of checks, pointed at this folder."""
    here = pathlib.Path(__file__).parent
    spec = importlib.util.spec_from_file_location("tune_r11_validate", here.parent / "tune-r11" / "validate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.base.HERE = here
    return module.base


if __name__ == "__main__":
    sys.exit(_checks().main())
