"""Loading and checking every input, and writing output files safely.

Strict YAML reading (:mod:`.yamlio`), problem wording (:mod:`.problems`), the
catalogue (:mod:`.catalogue`), goal templates and screening rules
(:mod:`.templates`), profiles (:mod:`.profile`), users' pictures
(:mod:`.pictures`), the layering of built-in, user and given folders
(:mod:`.layers`), and output files (:mod:`.outfile`).
"""
