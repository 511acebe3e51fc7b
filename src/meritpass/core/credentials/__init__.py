"""Credentials and presentations."""
