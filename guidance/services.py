"""Writes for guidance that touch several models. Versions are written with kommuneportal.versioning."""

from kommuneportal.versioning import EDITOR_GROUP, PUBLISHER_GROUP, groups_grant_permissions


def editorial_groups_ensure():
    """Create or complete the Redaktør and Ansvarlig redaktør groups (also done by migration 0003).

    Safe to call again, e.g. from `load_demo` after someone edited the groups by hand.
    """
    from importlib import import_module

    roles = import_module("guidance.migrations.0003_editorial_groups")
    groups_grant_permissions({EDITOR_GROUP: roles.EDITOR_PERMISSIONS, PUBLISHER_GROUP: roles.PUBLISHER_PERMISSIONS})
