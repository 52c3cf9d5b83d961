"""Extractors: file -> Document. One module per format; ``base`` holds the interface."""
