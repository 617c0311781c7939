"""Demo content for the staffing app, built from the seeds (filled in by its issue)."""


def load(stdout):
    pass
