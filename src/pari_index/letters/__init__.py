"""Vietnamese letters damaged on their way into a file: saved in a code page without them (``?``),
misread in another code page and saved again (``PhÆ°á»ng``), or typed with a legacy font (TCVN3,
VNI: ``Hµ Néi``). Shared by intake (input files and sheets) and criteria (a set's titles, level
labels and class names, pasted from a decision): text only, no stage."""
