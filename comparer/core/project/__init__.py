"""Projects on disk: the store, its schema, and what people add (labels, marks)."""
