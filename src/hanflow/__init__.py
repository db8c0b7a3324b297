"""hanflow: scraped Chinese/English pages to a clean, deduplicated, annotated JSONL corpus."""

__version__ = "0.1.0"
