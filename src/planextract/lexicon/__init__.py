"""The shared vocabulary: words and pure text rules both the readers (``extract``)
and the normaliser (``normalise``) read labels with.

Its own package so that data flows one way: a reader may name a column or tell a
post from a wrapped line without importing the normaliser. It imports nothing of
planextract but ``data`` (the roles file).
"""
