"""The scoring stage: rules evaluated, evidence and appraisal verified, totals and index."""
