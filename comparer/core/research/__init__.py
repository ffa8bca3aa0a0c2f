"""Research on comparisons: annotator agreement, exports for pandas, reference scoring, classroom marks."""
