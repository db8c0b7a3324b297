"""Every reason an input can be rejected for, with what it means. Codes are stable."""

REASONS: dict[str, str] = {
    "empty": "the file is empty or holds only whitespace",
    "binary": "the file holds binary data (NUL or control bytes), not text",
    "undecodable": "no text encoding fits the file's bytes",
    "too_large": "the file is larger than the per-document limit (--max-bytes), when found or when read",
    "unsupported_type": "the extension is not one hanflow reads (.html .htm .xhtml .txt .md .markdown, each "
                        "also compressed as .gz .bz2 .zst .xz; archives .warc .warc.gz .jsonl .jsonl.gz), "
                        "or the path is not a regular file (a pipe, socket or device, never opened)",
    "unreadable": "the file could not be read (permissions, vanished, replaced by a link or a pipe "
                  "since it was found, or an I/O error)",
    "symlink_outside": "a symbolic link that points outside the raw folder, loops, or points nowhere; "
                       "it is never followed",
    "no_text": "nothing is left after boilerplate removal and clean-up",
    "corrupt_compressed": "a compressed file (.gz .bz2 .zst .xz) whose data is damaged or cut short",
    "truncated_record": "a WARC record (or the archive) ends before the length its header declares: the "
                        "archive was cut short; the archive's other records are still read",
    "corrupt_record": "bytes in an archive that are not a readable record (a corrupt gzip member, a broken "
                      "header, garbage between records, an HTTP body that does not decode); reading goes on "
                      "at the next record",
    "bad_json_line": "a line of a JSON Lines export that is not a JSON object holding the page in one of the "
                     "--jsonl-field fields",
    "no_documents": "an archive or export that holds no page at all (only requests, metadata, non-HTML "
                    "records or blank lines); the manifest counts what it skipped",
    "timeout": "processing the document took longer than the per-document time limit (--doc-timeout)",
    "internal_error": "a step failed on this document; the detail names the exception",
}
