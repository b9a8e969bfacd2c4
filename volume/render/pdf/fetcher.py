"""WeasyPrint's URL fetcher for a build: project files, `data:` and the book's assets only; no network."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse


class ProjectFetcher(URLFetcher):
    def __init__(self, roots: list[Path], assets: dict[str, tuple[str, bytes]], images_base: Path):
        super().__init__(allowed_protocols={"file", "data"})
        self.roots = [root.resolve() for root in roots]
        self.assets = assets
        self.images_base = images_base.resolve()

    def fetch(self, url, headers=None):
        parsed = urlparse(url)
        if parsed.scheme == "data":
            return super().fetch(url, headers)
        if parsed.scheme != "file":
            raise ValueError(f"refused to fetch {url}: a build reads only project files")
        path = Path(url2pathname(unquote(parsed.path))).resolve()
        if path.parent == self.images_base and path.name in self.assets:
            media_type, data = self.assets[path.name]
            return URLFetcherResponse(url, data, {"Content-Type": media_type})
        if not any(path.is_relative_to(root) for root in self.roots):
            raise ValueError(f"refused to read {path}: it lies outside the project")
        return URLFetcherResponse(url, path.read_bytes(), {})
