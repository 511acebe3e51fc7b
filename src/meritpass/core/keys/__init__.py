"""Ed25519 keys in the Multikey format, with multibase encodings."""
