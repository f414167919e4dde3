"""The argmap language: lexing, parsing, includes and building the model from `.argmap` text."""
