"""Benchmarks at real scale: `seed` fills a database, `pages` times every page, `load` runs locust."""
