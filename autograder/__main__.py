"""``python -m autograder``: the same as the ``grade`` command."""

from autograder.cli import main

if __name__ == "__main__":  # not when a spawned process (a local Dask worker) imports it again
    main()
