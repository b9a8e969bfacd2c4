"""The EPUB 3 edition: content documents, navigation, the page-list from the PDF's page facts, fonts and cover."""
