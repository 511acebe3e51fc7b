"""Pages of the catalog: authoring for owners, review for industry bodies, the public catalogue."""
