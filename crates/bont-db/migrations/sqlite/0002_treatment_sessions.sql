-- Treatment sessions: drafts, signed records and voided ones. A signed session is never
-- changed in place: an amendment is a new version and the old one is kept whole in
-- treatment_session_versions; voiding marks the row with a reason and deletes nothing.

CREATE TABLE treatment_sessions (
    id             INTEGER PRIMARY KEY,
    clinic_id      INTEGER NOT NULL REFERENCES clinics (id),
    patient_id     INTEGER NOT NULL REFERENCES patients (id),
    version        INTEGER NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('draft', 'signed', 'void')),
    session_date   TEXT NOT NULL,
    product        TEXT NOT NULL,
    indication     TEXT NOT NULL,
    total_units    REAL NOT NULL,
    record         TEXT NOT NULL,
    verdict        TEXT NOT NULL,
    findings       TEXT NOT NULL,
    overrides      TEXT NOT NULL,
    signed_by      INTEGER REFERENCES users (id),
    signed_at      TEXT,
    change_reason  TEXT,
    void_reason    TEXT,
    created_at     TEXT NOT NULL,
    created_by     INTEGER REFERENCES users (id),
    updated_at     TEXT NOT NULL,
    updated_by     INTEGER REFERENCES users (id)
);

CREATE INDEX treatment_sessions_by_patient ON treatment_sessions (clinic_id, patient_id, session_date);

CREATE TABLE treatment_session_versions (
    id           INTEGER PRIMARY KEY,
    clinic_id    INTEGER NOT NULL REFERENCES clinics (id),
    session_id   INTEGER NOT NULL REFERENCES treatment_sessions (id),
    version      INTEGER NOT NULL,
    snapshot     TEXT NOT NULL,
    replaced_at  TEXT NOT NULL,
    replaced_by  INTEGER REFERENCES users (id),
    UNIQUE (session_id, version)
);
