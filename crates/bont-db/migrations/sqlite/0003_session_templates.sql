-- A clinic's own session templates: muscles, sides, units and sites to start from.
CREATE TABLE session_templates (
    id          INTEGER PRIMARY KEY,
    clinic_id   INTEGER NOT NULL REFERENCES clinics (id),
    name        TEXT NOT NULL,
    record      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  INTEGER REFERENCES users (id),
    UNIQUE (clinic_id, name)
);
