"""Reporters: results -> files. One module per format; ``base`` holds the interface."""
