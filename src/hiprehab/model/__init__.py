"""Typed, frozen values that the loaders hand to the core."""
