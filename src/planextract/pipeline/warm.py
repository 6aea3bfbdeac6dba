"""Imported once in the fork server: every reader, so each worker starts warm."""

from planextract.pipeline.child import warm_up

warm_up()
