"""Keep WeasyPrint to the fonts the styles ship: fontconfig sees only styles/fonts, never the system's."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir></fontconfig>
"""


def isolate_fontconfig(fonts_dir: Path) -> None:
    """Before pango starts: no system font can be used, so every machine lays the book out alike.

    Only the shipped fonts remain (also as pango's fallback); a character none of them has is reported by the
    glyph check. Set once per process, before WeasyPrint is imported.
    """
    if os.environ.get("VOLUME_FONTCONFIG_ISOLATED"):
        return
    folder = Path(tempfile.gettempdir()) / f"volume-fontconfig-{os.getuid()}"
    folder.mkdir(exist_ok=True)
    conf = folder / f"fonts-{hashlib.sha256(str(fonts_dir).encode()).hexdigest()[:12]}.conf"
    text = FONTCONFIG.format(fonts=fonts_dir.resolve(), cache=folder / "cache")
    if not conf.is_file() or conf.read_text(encoding="utf-8") != text:
        # written whole or not at all: another process may be reading it (a half-written file would leave
        # fontconfig to its defaults, the system's fonts)
        tmp = conf.with_name(f".{conf.name}.{os.getpid()}")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, conf)
    os.environ["FONTCONFIG_FILE"] = str(conf)
    os.environ["VOLUME_FONTCONFIG_ISOLATED"] = "1"
