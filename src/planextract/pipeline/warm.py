"""Imported once in the fork server: the pipeline core, so each worker starts warm
(readers are imported by the worker that meets their format: child.warm_up).

The fork server also dies with the run that started it: multiprocessing keeps it
alive while any worker lives (each holds its "alive" pipe), so without this a hung
worker of a killed run would keep both running for ever. Workers, in turn, die with
the fork server (child.die_with_parent).
"""

from planextract.pipeline.child import die_with_parent, warm_up

die_with_parent()
warm_up()
