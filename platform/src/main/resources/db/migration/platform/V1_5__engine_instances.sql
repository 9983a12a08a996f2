-- The engine instances sharing this database, each seen a moment ago: event processors split their segments evenly
-- between the live ones (SegmentBalancer). A row per process, refreshed every few seconds, removed when it stops.
CREATE TABLE engine_instances (
    instance_id VARCHAR(64) PRIMARY KEY,
    seen_at     TIMESTAMPTZ NOT NULL
);
