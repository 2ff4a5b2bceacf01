-- The audit trail as a hash chain: each event carries the hash of the one before it and
-- its own hash over its content and that link, so that an edited or removed event breaks
-- the chain. Events written before this migration are chained when the database opens.
ALTER TABLE audit_events ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_events ADD COLUMN hash TEXT;

CREATE INDEX audit_events_by_time ON audit_events (clinic_id, at);
CREATE INDEX audit_events_by_user ON audit_events (user_id, at);
