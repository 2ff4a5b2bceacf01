-- Clinics, staff accounts, patients, their earlier versions, and the audit trail.
-- Every clinical table carries clinic_id, so that the same schema can be distributed by
-- clinic. Times are RFC 3339 UTC text; dates are YYYY-MM-DD text; lists of codes are
-- JSON arrays. Nothing clinical is ever deleted.

CREATE TABLE clinics (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE users (
    id                    INTEGER PRIMARY KEY,
    clinic_id             INTEGER NOT NULL REFERENCES clinics (id),
    username              TEXT NOT NULL UNIQUE,
    display_name          TEXT NOT NULL,
    role                  TEXT NOT NULL
        CHECK (role IN ('physician', 'nurse', 'manager', 'researcher', 'admin')),
    language              TEXT NOT NULL DEFAULT 'en',
    password_hash         TEXT NOT NULL,
    must_change_password  INTEGER NOT NULL DEFAULT 0,
    active                INTEGER NOT NULL DEFAULT 1,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);

CREATE TABLE patients (
    id                   INTEGER PRIMARY KEY,
    clinic_id            INTEGER NOT NULL REFERENCES clinics (id),
    record_number        TEXT NOT NULL,
    family_name          TEXT,
    given_names          TEXT,
    pseudonym            TEXT,
    birth_date           TEXT NOT NULL,
    sex                  TEXT NOT NULL,
    weight_kg            REAL,
    weight_measured_on   TEXT,
    preferred_language   TEXT NOT NULL,
    phone                TEXT,
    email                TEXT,
    address              TEXT,
    consent_treatment    INTEGER NOT NULL,
    consent_reminders    INTEGER NOT NULL,
    consent_research     INTEGER NOT NULL,
    indications          TEXT NOT NULL,
    conditions           TEXT NOT NULL,
    allergies            TEXT NOT NULL,
    medications          TEXT NOT NULL,
    pregnant             INTEGER NOT NULL,
    breastfeeding        INTEGER NOT NULL,
    notes                TEXT NOT NULL,
    search_key           TEXT NOT NULL,
    version              INTEGER NOT NULL,
    created_at           TEXT NOT NULL,
    created_by           INTEGER REFERENCES users (id),
    updated_at           TEXT NOT NULL,
    updated_by           INTEGER REFERENCES users (id),
    UNIQUE (clinic_id, record_number)
);

CREATE INDEX patients_by_birth_date ON patients (clinic_id, birth_date);
CREATE INDEX patients_by_search_key ON patients (clinic_id, search_key);

-- The record as it was before each change.
CREATE TABLE patient_versions (
    id           INTEGER PRIMARY KEY,
    clinic_id    INTEGER NOT NULL REFERENCES clinics (id),
    patient_id   INTEGER NOT NULL REFERENCES patients (id),
    version      INTEGER NOT NULL,
    record       TEXT NOT NULL,
    replaced_at  TEXT NOT NULL,
    replaced_by  INTEGER REFERENCES users (id),
    UNIQUE (patient_id, version)
);

CREATE TABLE audit_events (
    id         INTEGER PRIMARY KEY,
    clinic_id  INTEGER REFERENCES clinics (id),
    at         TEXT NOT NULL,
    user_id    INTEGER REFERENCES users (id),
    action     TEXT NOT NULL,
    entity     TEXT,
    entity_id  INTEGER,
    detail     TEXT NOT NULL DEFAULT '',
    client     TEXT NOT NULL DEFAULT ''
);

CREATE INDEX audit_events_by_entity ON audit_events (clinic_id, entity, entity_id);
