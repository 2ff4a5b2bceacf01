-- Keys that make a creation safe to retry: a form post or API call sent again with the
-- same key (after a lost answer, a double click) finds what the first one created
-- instead of creating it twice. A key belongs to its user in its clinic.
CREATE TABLE idempotency_keys (
    clinic_id   BIGINT NOT NULL REFERENCES clinics (id),
    user_id     BIGINT NOT NULL REFERENCES users (id),
    key         TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   BIGINT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (clinic_id, user_id, key)
);
