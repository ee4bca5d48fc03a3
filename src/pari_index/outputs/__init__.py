"""The outputs stage: results files, the HTML report, the fill-in template, explanations."""
