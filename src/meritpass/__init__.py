"""Meritpass: European micro-credentials as W3C Verifiable Credentials."""
