"""The check rules, one module each; the registry in `argmap.checks.registry` lists them."""
