"""Step 2: typed models for every record, then checks across records."""
