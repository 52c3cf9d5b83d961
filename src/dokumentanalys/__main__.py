"""``python -m dokumentanalys`` runs the command line."""

from .cli import main

main()
