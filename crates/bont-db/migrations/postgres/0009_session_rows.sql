-- Sessions as checked rows: what crossed the domain's check is stored from its parsed
-- values, each injection and each vial a row of its own, indexed for the questions clinics
-- ask (who received lot X, every dose into a muscle, a product's use by date). JSON stays
-- only where a whole earlier version is kept (treatment_session_versions).

ALTER TABLE treatment_sessions ADD COLUMN session_time TEXT;
ALTER TABLE treatment_sessions ADD COLUMN vial_units DOUBLE PRECISION;
ALTER TABLE treatment_sessions ADD COLUMN diluent_ml DOUBLE PRECISION;
ALTER TABLE treatment_sessions ADD COLUMN infection_at_site BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE treatment_sessions ADD COLUMN anaesthesia TEXT;
ALTER TABLE treatment_sessions ADD COLUMN duration_minutes BIGINT;
ALTER TABLE treatment_sessions ADD COLUMN notes TEXT NOT NULL DEFAULT '';

-- One row per muscle and side as injected; units are of the row's product (the session's),
-- on each side the row names.
CREATE TABLE session_injections (
    clinic_id   BIGINT NOT NULL REFERENCES clinics (id),
    session_id  BIGINT NOT NULL REFERENCES treatment_sessions (id),
    position    BIGINT NOT NULL,
    product     TEXT NOT NULL,
    muscle      TEXT NOT NULL,
    side        TEXT NOT NULL CHECK (side IN ('left', 'right', 'both', 'midline')),
    units       DOUBLE PRECISION NOT NULL CHECK (units > 0),
    sites       BIGINT NOT NULL CHECK (sites > 0),
    guidance    TEXT CHECK (guidance IN ('emg', 'ultrasound', 'stimulation', 'landmarks')),
    PRIMARY KEY (session_id, position)
);

CREATE INDEX session_injections_by_muscle ON session_injections (clinic_id, muscle, product);

CREATE TABLE session_vials (
    clinic_id   BIGINT NOT NULL REFERENCES clinics (id),
    session_id  BIGINT NOT NULL REFERENCES treatment_sessions (id),
    position    BIGINT NOT NULL,
    product     TEXT NOT NULL,
    lot         TEXT NOT NULL,
    expiry      TEXT NOT NULL,
    PRIMARY KEY (session_id, position)
);

CREATE INDEX session_vials_by_lot ON session_vials (clinic_id, lot);
CREATE INDEX treatment_sessions_by_product ON treatment_sessions (clinic_id, product, session_date);

-- The raw records of sessions stored before this version, waiting to be read through the
-- domain's check into the columns and rows above (done in Rust when the database opens,
-- each session in the transaction that removes its waiting record).
CREATE TABLE legacy_session_records (
    session_id  BIGINT PRIMARY KEY REFERENCES treatment_sessions (id),
    record      TEXT NOT NULL
);
INSERT INTO legacy_session_records (session_id, record) SELECT id, record FROM treatment_sessions;
ALTER TABLE treatment_sessions DROP COLUMN record;
