"""Hostile inputs: malformed and malicious records, and what the generator does with them."""
