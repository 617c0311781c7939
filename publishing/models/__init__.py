"""The publishing core's models: versioned documents (`documents`, `versions`), the record of public
changes the page caches read (`changes`), and the search's synonyms (`search`)."""

from publishing.models.changes import (  # noqa: F401
    ChangeKind, ChangeTag, ContentClock, PublicChange, PublicContent, ScheduledChange,
)
from publishing.models.documents import (  # noqa: F401
    SPAN_FIELDS, VersionedDocument, VersionedManager, VersionedQuerySet, live_spans,
)
from publishing.models.search import SEARCH_CONFIG, SearchSynonym, named_relations  # noqa: F401
from publishing.models.versions import (  # noqa: F401
    SEARCH_COLUMNS, ChangeType, DocumentVersion, ImmutableVersionError, StaleVersionError, VersionManager,
    VersionQuerySet, live_condition,
)
