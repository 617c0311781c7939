from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from publishing.changes import everything_changed

# Each app builds its own demo content from the seeds; the site only runs them, in this order.
# Named by path like the search providers, so the site depends on no app's internals here.
DEMO_LOADERS = [
    "prioritering.demo.load",
    "guidance.demo.load",
    "staffing.demo.load",
]

DEMO_PUBLISHER = {"username": "redaktor", "password": "demo-redaktor-2026", "email": "redaktor@example.invalid"}


class Command(BaseCommand):
    help = "Load the demo content built from the seeds. Running it again changes nothing."

    @transaction.atomic
    def handle(self, *args, **options):
        self.stdout.write("Laster demoinnhold …")
        self._ensure_publisher()
        for path in DEMO_LOADERS:
            import_string(path)(self.stdout)
        everything_changed(note="load_demo")  # every instance's page cache starts afresh
        self.stdout.write(self.style.SUCCESS("Demoinnhold er på plass."))
        self.stdout.write(
            f"  Redaktør (superbruker): brukernavn «{DEMO_PUBLISHER['username']}», "
            f"passord «{DEMO_PUBLISHER['password']}»"
        )

    def _ensure_publisher(self):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=DEMO_PUBLISHER["username"],
            defaults={"email": DEMO_PUBLISHER["email"], "is_staff": True, "is_superuser": True,
                      "first_name": "Demo", "last_name": "Redaktør"},
        )
        if created:
            user.set_password(DEMO_PUBLISHER["password"])
            user.save(update_fields=["password"])
