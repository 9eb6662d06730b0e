"""`python -m auditor`."""

from .cli import main

main(prog_name="auditor")
