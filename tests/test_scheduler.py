"""The scheduler: its workers set up by their initializer, the parent's environment untouched, one scheduler serving
one build after another (as an edit loop will keep it) with the same outputs."""

from __future__ import annotations

import os

from tests.conftest import copy_case
from volume.build import build, layout_scheduler, styles_dir_for
from volume.config import find_manifest, load_manifest
from volume.scheduler import Scheduler


def _environment_of_worker() -> dict[str, str]:
    return dict(os.environ)


def _set_marker(value: str) -> None:
    os.environ["VOLUME_TEST_SET_UP"] = value


def test_workers_are_set_up_by_the_initializer_and_the_parent_keeps_its_environment():
    before = dict(os.environ)
    with Scheduler(1, _set_marker, ("yes",)) as scheduler:
        scheduler.start()
        seen = scheduler.submit(_environment_of_worker).result()
        scheduler.recycle()
        again = scheduler.submit(_environment_of_worker).result()  # a fresh worker, set up again
    assert seen["VOLUME_TEST_SET_UP"] == again["VOLUME_TEST_SET_UP"] == "yes"
    assert "PYTHONHASHSEED" not in seen or seen["PYTHONHASHSEED"] == before.get("PYTHONHASHSEED")
    assert dict(os.environ) == before


def test_one_scheduler_serves_one_build_after_another(tmp_path):
    project = copy_case("small", tmp_path)
    styles = styles_dir_for(load_manifest(find_manifest(project)))
    before = dict(os.environ)
    made = []
    with layout_scheduler(styles) as scheduler:
        for _ in range(2):
            result = build(project, force=True, scheduler=scheduler)
            assert not result.report.errors
            made.append({o.path.name: o.path.read_bytes() for o in result.outputs})
    assert made[0] == made[1] and len(made[0]) == 5
    assert dict(os.environ) == before


def _pid() -> int:
    return os.getpid()


def test_a_scheduler_kept_warm_keeps_small_workers_and_lets_large_ones_go():
    with Scheduler(1, warm_below=2**40) as warm, Scheduler(1, warm_below=1) as large, Scheduler(1) as plain:
        for scheduler in (warm, large, plain):
            scheduler.start()
        before = {name: s.submit(_pid).result() for name, s in (("warm", warm), ("large", large), ("plain", plain))}
        for scheduler in (warm, large, plain):
            scheduler.recycle()
        after = {name: s.submit(_pid).result() for name, s in (("warm", warm), ("large", large), ("plain", plain))}
        warm.recycle(cancel=True)  # a failed build's workers go, however small
        last = warm.submit(_pid).result()
    assert after["warm"] == before["warm"] and last != before["warm"]
    assert after["large"] != before["large"] and after["plain"] != before["plain"]


def test_watch_builds_start_new_workers_when_the_fonts_change(tmp_path):
    import shutil

    from volume.resources import bundled_styles
    from volume.watch import WarmBuilds

    project = copy_case("small", tmp_path)
    shutil.copytree(bundled_styles(), project / "styles")  # the project's own styles, whose fonts it may change
    builds = WarmBuilds(project)
    try:
        builds.build()
        first = builds.scheduler
        builds.build()
        assert builds.scheduler is first  # kept, workers and all
        font = sorted((project / "styles" / "fonts").glob("*.*tf"))[0]
        os.utime(font, ns=(font.stat().st_atime_ns, font.stat().st_mtime_ns + 10**9))
        builds.build()
        assert builds.scheduler is not first
    finally:
        builds.close()
