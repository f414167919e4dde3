"""`argmap lsp`: a language server for map files (diagnostics, navigation, edits, preview)."""
