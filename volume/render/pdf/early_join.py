"""The pieces copied into the book while the workers still lay out others (an edit's changed chapter).

After an edit, the book waits for one chapter's layout (a second or two); every other piece is in the piece cache,
and copying it into the book (qpdf's copier: pages, structure, destinations) was main-thread work done after that
layout. Here a thread copies the pieces that do not depend on the page numbers, in reading order, as each is laid
out or found, at the place the pieces before it give it: the contents' length is the placeholder contents' (the
real one must have the same length, editions._lay_out), and a piece waits for those before it. The contents with
its numbers and the back matter are copied once the plan is final (join.joining_order: the same order in every
build, so the file written is the same as a cold build's).

The plan the thread joined for is checked against the final one: every piece it copied must be the same file at
the same page, after the same blank. If not (the contents changed length), the joining starts again from nothing.
A long book's early joining stops at EARLY_PAGES, so that the files it holds open stay few.
"""

from __future__ import annotations

import logging
import threading

from volume.render.pdf.join import _Joiner, joining_order, late
from volume.render.pdf.plan import Placed, Plan

log = logging.getLogger(__name__)
EARLY_PAGES = 200  # pages copied ahead at most (their files stay open until the book is saved)


class EarlyJoin:
    """A thread copying the pieces not laid out from page numbers into a book, in order, as they come."""

    def __init__(self, opened) -> None:
        self.opened = opened  # join.PreOpened: the pieces' files opened ahead
        self.future = None
        self.stopping = threading.Event()
        self.taken = 0  # pieces the book took from this joining

    def start(self, specs: list, futures: list) -> None:
        """specs: the first pieces in reading order (pieces.first_pieces); futures: theirs, each giving
        (spec, layout, pdf path)."""
        from volume.scheduler import in_own_thread

        self.future = in_own_thread(self._run, specs, futures)

    def _run(self, specs: list, futures: list) -> _Joiner:
        joiner = _Joiner(self.opened.files)
        total = 0
        try:
            for index, spec in enumerate(specs):
                if self.stopping.is_set():
                    break
                try:
                    _spec, layout, pdf = futures[index].result()
                except Exception:  # noqa: BLE001 (the main thread reports it)
                    break
                blank = total % 2 == 1
                first = total + blank
                total = first + layout.pages
                if late(spec):
                    continue
                if sum(pages for _first, pages in joiner.ranges) + layout.pages > EARLY_PAGES:
                    break
                joiner.add(index, Placed(spec, layout, pdf, first), blank)
        except Exception:  # noqa: BLE001 (joined again from nothing, where an error is reported)
            log.debug("early joining stopped", exc_info=True)
            joiner.close()
            raise
        return joiner

    def take(self, book: Plan) -> _Joiner | None:
        """The book joined so far, if it was joined for this plan: the pieces it holds are the first ones of the
        joining order, each the same file at the same page after the same blank. Else None (and its files closed)."""
        if self.future is None:
            return None
        # not stopped: every first piece is laid out by now, so the thread copies the rest of them without waiting
        # (this thread would copy them otherwise), and an edit's build copies the same pieces ahead whatever the load
        future, self.future = self.future, None  # taken: discard() leaves it alone
        try:
            joiner = future.result()
        except Exception:  # noqa: BLE001
            return None
        blanks = set(book.blanks)
        order = joining_order(book)
        held = sorted(joiner.joined, key=lambda index: order.index(index) if index in order else -1)
        same = order[:len(held)] == held and all(
            index < len(book.placed) and book.placed[index].pdf == joined.pdf
            and book.placed[index].first == joined.first and joined.blank_before == (joined.first - 1 in blanks)
            for index, joined in joiner.joined.items())
        if not same:
            log.info("the pieces joined ahead were for another plan; joining again")
            joiner.close()
            return None
        self.taken = len(joiner.joined)
        return joiner

    def discard(self) -> None:
        """A build that ended without taking the book: its files closed once the thread is done."""
        if self.future is None:
            return
        self.stopping.set()

        def close(future) -> None:
            try:
                future.result().close()
            except Exception:  # noqa: BLE001
                pass

        future, self.future = self.future, None
        future.add_done_callback(close)
