"""Normaliser: intermediate tables in, canonical action records out.

Each rule lives in its own module as pure functions so it can be tested alone;
``document`` strings them together for one document.
"""
