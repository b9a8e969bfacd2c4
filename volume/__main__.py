"""Run the CLI as `python -m volume`."""

from volume.cli import main

main()
