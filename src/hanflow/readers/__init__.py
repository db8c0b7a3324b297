"""Readers of what scrapers write besides loose pages: WARC archives, JSON Lines exports and
compressed single files. Archives are indexed at planning (`index`) and read one record at a
time in the batches (`Archives.page`)."""
