-- What auditors read straight from the event store, made cheap to find among millions of events:
-- * the events of one type in store order (the ledger replayed as of an instant reads JournalEntryPostedEvent only,
--   with a server-side cursor, walking this index instead of the whole table);
-- * everything one request or flow caused: the correlation id of each event's metadata, indexed through a function
--   (the metadata is JSON in bytea; an index needs an immutable expression).
CREATE INDEX domainevententry_type_position ON domainevententry (payloadtype, globalindex);

CREATE FUNCTION souq_event_correlation_id(metadata BYTEA) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CAST(convert_from(metadata, 'UTF8') AS jsonb) ->> 'correlationId' $$;

CREATE INDEX domainevententry_correlation ON domainevententry (souq_event_correlation_id(metadata), globalindex);

COMMENT ON FUNCTION souq_event_correlation_id(BYTEA) IS 'The correlationId of an event''s metadata (bytea JSON): '
    'WHERE souq_event_correlation_id(metadata) = ''<id>'' finds every event one request caused, through an index';
