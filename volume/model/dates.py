"""The date stamped into every output: SOURCE_DATE_EPOCH when the build is given one, else the manifest's; never the
clock."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

FORMAT = "%Y-%m-%dT%H:%M:%SZ"


@dataclass(frozen=True)
class BuildDate:
    stamp: str  # UTC, as FORMAT writes it: "2026-11-01T00:00:00Z"

    @classmethod
    def of(cls, meta, source_date_epoch: str = "") -> "BuildDate":
        """From SOURCE_DATE_EPOCH (its value as the environment gives it) if it is a number, else the manifest's
        date or year (meta: the manifest's VolumeMeta)."""
        epoch = source_date_epoch.strip()
        if epoch.isdigit():
            return cls(datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).strftime(FORMAT))
        if meta.date:
            return cls(meta.date + "T00:00:00Z")
        return cls(f"{meta.year or 2000}-01-01T00:00:00Z")

    @property
    def day(self) -> str:
        """YYYY-MM-DD."""
        return self.stamp[:10]

    @property
    def naive(self) -> datetime.datetime:
        """The moment as a datetime without a time zone (UTC)."""
        return datetime.datetime.strptime(self.stamp, FORMAT)

    @property
    def epoch(self) -> int:
        return int(self.naive.replace(tzinfo=datetime.timezone.utc).timestamp())

    def __str__(self) -> str:
        return self.stamp
