"""Backends: the embedded local engine (default) and the NemoVideo cloud client."""
