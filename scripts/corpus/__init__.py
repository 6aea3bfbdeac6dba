"""The family corpus: plans written from their PRINTED values in every format, with
gold records by construction (issue 6). ``build.generate`` is the entry point;
``scripts/family_corpus.py`` is the command line.

Modules, one job each: ``vocab`` (words plans use), ``printed`` (printed dates and
numbers beside their canonical values, written by hand), ``owners`` (owner cells),
``content`` (a plan's actions and their gold records), ``model`` (the document the
writers take), ``layouts`` (tables of every shape), ``write_docx``, ``write_pdf``,
``write_html``, ``write_text`` (the five text exports), ``build`` (which document
gets which body, layout and format; the manifest), ``measure`` (an exact yardstick
for tests), ``diff`` (one document's differences from its gold).
"""
