"""Analyses of an argument map: grounding, support cycles and acceptability labels."""
