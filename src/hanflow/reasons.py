"""Every reason an input can be rejected for, with what it means. Codes are stable."""

REASONS: dict[str, str] = {
    "empty": "the file is empty or holds only whitespace",
    "binary": "the file holds binary data (NUL or control bytes), not text",
    "undecodable": "no text encoding fits the file's bytes",
    "too_large": "the file is larger than the per-document limit (--max-bytes), when found or when read",
    "unsupported_type": "the extension is not one hanflow reads (.html .htm .xhtml .txt .md .markdown), "
                        "or the path is not a regular file (a pipe, socket or device, never opened)",
    "unreadable": "the file could not be read (permissions, vanished, replaced by a link or a pipe "
                  "since it was found, or an I/O error)",
    "symlink_outside": "a symbolic link that points outside the raw folder, loops, or points nowhere; "
                       "it is never followed",
    "no_text": "nothing is left after boilerplate removal and clean-up",
    "timeout": "processing the document took longer than the per-document time limit (--doc-timeout)",
    "internal_error": "a step failed on this document; the detail names the exception",
}
