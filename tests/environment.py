"""Loaded by pytest before Django is set up (`-p tests.environment` in pytest.ini).

Each test process keeps its page cache in its own memory: the SQLite and PostgreSQL runs go side by
side, and a cache folder they shared (the default without Redis) would mix their pages and outlive the
run. Tests of the shared default give it a folder of their own.
"""

import os

os.environ.setdefault("DJANGO_CACHE", "locmem")
# The machine running the suite is often busy: a cached copy's check may take longer than in production.
os.environ.setdefault("DJANGO_PAGE_CACHE_DB_WAIT_MS", "3000")
