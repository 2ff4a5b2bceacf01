-- The clinic's own after-care advice (what to avoid after the injection), one text per
-- interface language, printed on the after-care sheet in the patient's language.
CREATE TABLE clinic_advice (
    clinic_id   BIGINT NOT NULL REFERENCES clinics (id),
    language    TEXT NOT NULL CHECK (language IN ('en', 'pl', 'ru', 'ar')),
    text        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  BIGINT REFERENCES users (id),
    PRIMARY KEY (clinic_id, language)
);
