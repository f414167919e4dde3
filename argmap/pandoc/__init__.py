"""The Pandoc filter: ```argmap blocks drawn as figures while Pandoc converts a document."""
