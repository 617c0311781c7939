"""Demo content for the guidance app, built from the seeds (filled in by its issue)."""


def load(stdout):
    pass
