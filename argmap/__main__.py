"""`python -m argmap`: the same as the `argmap` command."""

from argmap.launch import run

run()
