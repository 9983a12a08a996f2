-- The event store as an auditor reads it: one row per event, payload and metadata as jsonb.
CREATE VIEW event_journal AS
SELECT globalindex                                AS global_index,
       CAST(timestamp AS timestamptz)             AS occurred_at,
       type                                       AS aggregate_type,
       aggregateidentifier                        AS aggregate_id,
       sequencenumber                             AS sequence_number,
       eventidentifier                            AS event_id,
       payloadtype                                AS event_type,
       payloadrevision                            AS event_revision,
       CAST(convert_from(payload, 'UTF8') AS jsonb)  AS payload,
       CAST(convert_from(metadata, 'UTF8') AS jsonb) AS metadata
  FROM domainevententry;
