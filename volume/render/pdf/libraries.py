"""WeasyPrint imported with its C libraries found by one look at the dynamic linker's cache.

WeasyPrint opens each library (GObject, Pango, HarfBuzz, fontconfig…) by trying several names in turn, and cffi asks
`ctypes.util.find_library` about every name it cannot open as written. On Linux each such question runs
`ldconfig -p`, and, when the name is not in its list, gcc and ld: some twenty programs started, about half a second
of CPU in every process that imports WeasyPrint (the workers' fork server, once per `volume build`). Here the
questions are answered from one run of `ldconfig -p`, read as `find_library` reads it, while WeasyPrint is imported;
if WeasyPrint cannot load its libraries that way (a library only gcc or ld would find), it is imported again with
the usual lookup. Nothing else changes: the lookup is the usual one again once WeasyPrint is in. Then what each
worker would otherwise work out on its first piece is done here once (render/pdf/warm_up.py).
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys

# the ABI ldconfig names beside each library, as ctypes.util reads it
ABI = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
       "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}


def _ldconfig_listing() -> bytes | None:
    try:
        run = subprocess.run(["/sbin/ldconfig", "-p"], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, env={"LC_ALL": "C", "LANG": "C"}, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return run.stdout if run.returncode == 0 and run.stdout else None


def cached_lookup(listing: bytes):
    """find_library answered from an `ldconfig -p` listing (ctypes.util's own first step, without running it)."""
    machine = os.uname().machine + ("-32" if struct.calcsize("l") == 4 else "-64")
    abi = ABI.get(machine, "libc6")

    def find_library(name: str) -> str | None:
        found = re.search(os.fsencode(r"\s+(lib%s\.[^\s]+)\s+\(%s" % (re.escape(name), abi)), listing)
        return os.fsdecode(found.group(1)) if found else None

    return find_library


def import_weasyprint() -> None:
    """Import WeasyPrint (see the module's docstring); on a system other than Linux, as usual."""
    import ctypes.util

    listing = _ldconfig_listing() if sys.platform.startswith("linux") and "weasyprint" not in sys.modules else None
    if listing is None:
        import weasyprint  # noqa: F401
        return
    usual = ctypes.util.find_library
    ctypes.util.find_library = cached_lookup(listing)
    try:
        import weasyprint  # noqa: F401
    except OSError:  # a library the usual lookup would find: WeasyPrint imported again with it
        for name in [n for n in sys.modules if n == "weasyprint" or n.startswith("weasyprint.")]:
            del sys.modules[name]
        ctypes.util.find_library = usual
        import weasyprint  # noqa: F401
    finally:
        ctypes.util.find_library = usual


import_weasyprint()

from volume.render.pdf.warm_up import warm_up  # noqa: E402 - WeasyPrint first, with the quick lookup

warm_up()
