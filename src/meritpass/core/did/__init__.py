"""Decentralized identifiers: did:key and did:web, resolved through an injected port."""
