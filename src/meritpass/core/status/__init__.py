"""Bitstring Status List 1.0."""
