"""Cryptosuites: eddsa-rdfc-2022, eddsa-jcs-2022 and legacy Ed25519Signature2020."""
