"""How findings and diagnostics are written out: text, JSON, GitHub annotations, SARIF."""
