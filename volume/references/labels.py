"""The labels the reference labeller gives tokens, and the CSL-JSON field each one fills."""

from __future__ import annotations

LABELS = ("author", "editor", "date", "title", "container", "volume", "issue", "pages", "publisher", "location",
          "url", "doi", "locator", "other")
FIELD_OF = {"title": "title", "container": "container-title", "volume": "volume", "issue": "issue",
            "pages": "page", "publisher": "publisher", "location": "publisher-place"}
