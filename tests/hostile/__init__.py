"""A corpus of hostile and broken inputs, generated at test time."""
