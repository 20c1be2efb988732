"""Step 3: write one Markdown docs tree per language from the validated knowledge base."""
