"""Regional coordination (issue 26): a municipality asks Statsforvalteren for help, offers spare capacity,
and Statsforvalteren coordinates both across its county. The models are in prioritering/models/assistance.py."""
