"""Verification reports and the verification of credentials and presentations."""
