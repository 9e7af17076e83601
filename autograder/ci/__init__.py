"""Grading without a human present: whole classes at once (``grade batch``, on a Dask
cluster too), resumable results, the formats CI tools read, and Gradescope."""
