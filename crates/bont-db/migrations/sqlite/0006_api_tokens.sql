-- API tokens for the JSON (and later FHIR) API. Only a SHA-256 hash of the secret is
-- kept; the secret is shown once, when the token is made. A token acts as its user, with
-- the user's role, limited to reading when its scope is 'read'; revoking keeps the row.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    clinic_id    INTEGER NOT NULL REFERENCES clinics (id),
    user_id      INTEGER NOT NULL REFERENCES users (id),
    name         TEXT NOT NULL,
    scope        TEXT NOT NULL CHECK (scope IN ('read', 'write')),
    secret_hash  TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT,
    revoked_by   INTEGER REFERENCES users (id)
);

CREATE INDEX api_tokens_by_user ON api_tokens (clinic_id, user_id);
