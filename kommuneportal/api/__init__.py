"""The open content API (issue 27), assembled by the site: each app contributes its resources in its own
`api.py` (guidance, staffing); here are the URLs under /api/v1/, «changes since» across the apps, the
schema, the rate limit and CORS (middleware.py). The documentation page is /api/ (kommuneportal.views).
"""
