"""Entry script of the frozen program: the same as `amo-desktop` / `python -m amo_desktop`."""

import sys

from amo_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
