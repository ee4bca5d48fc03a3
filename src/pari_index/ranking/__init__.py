"""The ranking stage: groups, ranks, classes and year-over-year comparison."""
