"""Shared package for every IAMIS service: bus, tokens, app helpers, metrics."""
