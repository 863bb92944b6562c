"""Entry point of the frozen app (PyInstaller needs a script, not a console_scripts entry)."""
import multiprocessing
import sys

from w2v_desktop.cli import main

if __name__ == "__main__":
    # long maps run in a spawned child (core/analysis/projection_child.py): in the frozen app the
    # child is this executable again, and freeze_support() turns it into the child at once
    multiprocessing.freeze_support()
    sys.exit(main())
