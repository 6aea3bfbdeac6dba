"""Imported once in the fork server: the pipeline core, so each worker starts warm
(readers are imported by the worker that meets their format: child.warm_up).

The fork server also dies with the run that started it: multiprocessing keeps it
alive while any worker lives (each holds its "alive" pipe), so without this a hung
worker of a killed run would keep both running for ever. Workers, in turn, die with
the fork server (child.die_with_parent).

pandas is kept out, and cloudpickle while pyarrow is imported (``lean``): every
import here delays the first worker (issue 8).
"""

from planextract.pipeline.blas_threads import single_blas_thread
from planextract.pipeline.lean import PICKLER, kept_out, without_pandas

single_blas_thread()  # a server started by another program: before numpy is imported
without_pandas()
with kept_out(PICKLER):
    from planextract.pipeline.child import die_with_parent, warm_up

die_with_parent()
warm_up()

# what a worker's first document imports, here once rather than once a worker, before
# its first result (document_run imports them when it runs, keeping the command
# line's own start lean; the codecs: pdfium's text, zipfile's member names)
import encodings.cp437  # noqa: E402, F401
import encodings.utf_32_le  # noqa: E402, F401

import planextract.gc_pause  # noqa: E402, F401
import planextract.pipeline.action_rows  # noqa: E402, F401
import planextract.pipeline.collector  # noqa: E402, F401
import planextract.pipeline.pdf_split  # noqa: E402, F401
