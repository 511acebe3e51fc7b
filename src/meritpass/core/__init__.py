"""The pure standards core of Meritpass: no Django, no database, no network (see README.md)."""
