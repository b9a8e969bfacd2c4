"""The output folder must be a folder of its own inside the project, holding no source: checked when the manifest
is read, so that neither a build nor `volume clean` ever writes over or removes a manuscript."""

from __future__ import annotations

from pathlib import Path

from volume.diagnostics import Report, SourceLocation

PROTECTED = ("chapters", "styles", ".volume-cache", ".git")  # never the output folder, nor inside it


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def _links_on_the_way(project: Path, relative: Path) -> Path | None:
    """The first folder on the way from the project to the output folder that is a symbolic link."""
    current = project
    for part in relative.parts:
        current = current / part
        if current.is_symlink():
            return current
        if not current.exists():
            return None
    return None


def check_cache_folder(project: Path, where: SourceLocation, report: Report) -> None:
    """The build cache (which volume prunes and removes) must be volume's own folder, not a link to another."""
    cache = project / ".volume-cache"
    links = [p for p in [cache, *(sorted(cache.iterdir()) if cache.is_dir() and not cache.is_symlink() else [])]
             if p.is_symlink()]
    if links:
        report.add("O003", f"'{links[0].relative_to(project)}' is a symbolic link (to {links[0].resolve()}); volume "
                   "keeps and prunes its build cache there: remove the link (the cache is made again)", where)
    elif cache.exists() and not cache.is_dir():
        report.add("O004", "'.volume-cache' is a file; volume keeps its build cache in a folder of that name: move "
                   "the file away", where)


def check_output_folder(name: str, project: Path, chapters: Path, sources: list[Path], where: SourceLocation,
                        report: Report) -> None:
    """Report (O001-O004) an output folder that is the project, holds or lies in a source folder, or leaves it."""
    relative = Path(name)
    other = "editions" if Path(name) == Path("dist") else "dist"
    fix = f'set dir = "{other}" under [output] (a folder that holds only what volume builds)'
    if relative.is_absolute() or ".." in relative.parts:
        report.add("O003", f"the output folder '{name}' lies outside the project; {fix}", where)
        return
    if not relative.parts:  # "", "." or "./"
        report.add("O001", f"the output folder '{name}' is the project folder itself, where the manuscripts are; "
                   f"{fix}", where)
        return
    link = _links_on_the_way(project, relative)
    if link is not None:
        report.add("O003", f"'{link.relative_to(project)}' is a symbolic link (to {link.resolve()}); the output "
                   f"folder must be a real folder inside the project: remove the link, or {fix}", where)
        return
    root = project.resolve()
    target = (project / relative).resolve()
    if not target.is_relative_to(root):
        report.add("O003", f"the output folder '{name}' leads outside the project; {fix}", where)
        return
    if target.exists() and not target.is_dir():
        report.add("O004", f"'{name}' is a file, not a folder; move it away or {fix}", where)
        return
    protected = [chapters.resolve(), *((root / p) for p in PROTECTED)]
    inside = next((p for p in protected if _is_within(target, p)), None)
    if inside is not None:
        what = "is" if target == inside else "lies inside"
        report.add("O002", f"the output folder '{name}' {what} '{inside.relative_to(root)}', which volume reads "
                   f"or keeps for itself; {fix}", where)
        return
    held = [s for s in [chapters.resolve(), *(s.resolve() for s in sources)] if _is_within(s, target)]
    if target == root or held:
        shown = held[0].relative_to(root) if held and held[0] != root else "the project"
        report.add("O001", f"the output folder '{name}' holds '{shown}'; it must hold only what volume builds, "
                   f"never a source: {fix}", where)
