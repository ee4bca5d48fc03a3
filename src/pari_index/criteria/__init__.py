"""The criteria stage: the YAML format, its loading and checks, and the two evaluators."""
