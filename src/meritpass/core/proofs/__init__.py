"""Verifiable Credential Data Integrity 1.0 proofs and their cryptosuites."""
