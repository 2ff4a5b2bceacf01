-- The start page's day sheet: a clinic's drafts awaiting signature, oldest first, and
-- the day's sessions that are not void, each read from this index.
CREATE INDEX treatment_sessions_by_status ON treatment_sessions (clinic_id, status, session_date, id);
