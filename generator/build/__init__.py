"""Step 4: MkDocs + Material for each language, Pagefind search, atomic move into place."""
