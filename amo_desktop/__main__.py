"""python -m amo_desktop: the GUI without a command, the CLI with one."""

import sys

from amo_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
