"""The notes' readings kept in the build cache are the readings the reader makes, and go stale with the text."""

from __future__ import annotations

from dataclasses import asdict

from volume.references.cached import parsed_notes
from volume.references.parse import parse_note

NOTES = [
    "Xinhua. (2017, December 1). 200b cubic meters of gas piped to China from Central Asia. The State Council of the "
    "People's Republic of China. http://english.gov.cn/news/top_news/2017/12/01/content_281475960975876.htm",
    "Ibid.",
    "See also Cooley, A. (2012). *Great games, local rules: The new great power contest in Central Asia*. Oxford "
    "University Press, p. 45.",
    "These figures come from a page without a headline; https://example.org/a",
]


def test_cached_readings_equal_fresh_ones(tmp_path):
    fresh = [asdict(parse_note(text)) for text in NOTES]
    first = parsed_notes(NOTES, tmp_path)
    assert [asdict(p) for p in first] == fresh
    assert list((tmp_path / ".volume-cache" / "readings").rglob("*.json")), "the readings were not cached"
    again = parsed_notes(NOTES, tmp_path)
    assert [asdict(p) for p in again] == fresh and again == first


def test_a_changed_note_is_read_again(tmp_path):
    parsed_notes(NOTES, tmp_path)
    changed = NOTES[:2] + ["Cooley, A. (2012). *Great games, local rules*. Oxford University Press."] + NOTES[3:]
    assert [asdict(p) for p in parsed_notes(changed, tmp_path)] == [asdict(parse_note(t)) for t in changed]
