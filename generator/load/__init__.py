"""Step 1: read files strictly, keeping where every value came from."""
