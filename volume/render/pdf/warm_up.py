"""Work every layout worker would do for itself on its first piece, done once in the workers' fork server instead.

The layout workers are forked from the fork server, which imports render/pdf/libraries.py (scheduler.PRELOAD), and
that imports this module once WeasyPrint is in: what the server holds in memory, every worker starts with. A fresh
worker laid its first piece out about 0.15 s slower than the same piece again (the same chapter twice in one
process); two things made most of it, and neither depends on the project:

- pyphen's hyphenation patterns, read and parsed from its dictionary file the first time a process hyphenates a
  language (0.11 s of CPU; pyphen keeps them per process, by file). Only English is read here, the language most
  volumes are written in; a volume in another language reads its patterns in each worker as before.
- cffi's parsing of the C type names WeasyPrint asks for (`ffi.new("PangoRectangle *")`: pycparser, 0.04 s in all),
  which cffi keeps per `ffi` object.

The fonts and fontconfig, which do depend on the project (its styles' fonts), are still set up by each worker
(layout.set_up_worker). Nothing here changes what a worker lays out: the same patterns and types, read earlier.
"""

from __future__ import annotations

# The C types WeasyPrint 70 names in ffi.new/ffi.cast calls (weasyprint/text/*.py, weasyprint/pdf/*.py).
C_TYPES = ("PangoRectangle *", "unsigned int *", "PangoFcFontMap *", "hb_tag_t[100]", "char[]", "char[4]",
           "PangoLogAttr[]", "FcResult *", "FcChar8 **")
LANGUAGES = ("en",)


def warm_up() -> None:
    import pyphen
    from weasyprint.text.ffi import ffi

    for name in C_TYPES:
        try:
            ffi.typeof(name)
        except Exception:  # noqa: BLE001 cffi's CDefError or FFIError: a type another WeasyPrint no longer declares,
            pass  # parsed when asked (cffi itself is not imported here: volume/ names no cffi, tests/test_packaging.py)
    for language in LANGUAGES:
        found = pyphen.language_fallback(language)
        if found:
            pyphen.Pyphen(lang=found)  # kept in pyphen.hdcache, where WeasyPrint's Pyphen(lang=…) finds it
