"""The back-of-book index: terms from chapters/index.toml, occurrences, locators from the layout."""
