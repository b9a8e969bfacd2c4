"""A transform's result whose last part is made in the background while the other transforms run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from volume.model import Volume


@dataclass(frozen=True)
class Deferred:
    """The volume as far as the transform has got, and finish(later volume) -> that volume with the rest of the
    transform's work in it (waiting for the background work); called once every transform has run."""

    volume: Volume
    finish: Callable[[Volume], Volume]
