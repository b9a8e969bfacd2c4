"""Renderers: each reads the finished Volume and writes one kind of output; none changes the model."""
