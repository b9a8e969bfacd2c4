#!/usr/bin/env python3
"""Check this folder's labels with the third held-out set's checker (../eval3/check_labels.py, same keys and rules).

Usage: python3 check_labels.py [case ...]   (default: every case folder next to this script)
"""
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("eval3_check_labels", HERE.parent / "eval3" / "check_labels.py")
checker = importlib.util.module_from_spec(spec)
spec.loader.exec_module(checker)
checker.HERE = HERE  # the cases are this folder's

if __name__ == "__main__":
    sys.exit(checker.main(sys.argv[1:]))
