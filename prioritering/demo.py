"""Demo content for the prioritisation app, built from the seeds."""

from prioritering.models import Municipality

# The municipalities named in the seeds, with their kommunenummer (2024 numbering).
DEMO_MUNICIPALITIES = [
    ("Hamar", "3403", "Innlandet"),
    ("Lillehammer", "3405", "Innlandet"),
    ("Øyer", "3440", "Innlandet"),
    ("Eidskog", "3416", "Innlandet"),
    ("Seljord", "4022", "Telemark"),
    ("Rana", "1833", "Nordland"),
]


def load(stdout):
    for name, number, county in DEMO_MUNICIPALITIES:
        Municipality.objects.update_or_create(number=number, defaults={"name": name, "county": county})
    stdout.write(f"  Kommuner: {Municipality.objects.count()}")
