"""Reporters: turn diagnostics and findings into text, JSON, GitHub annotations and SARIF."""
