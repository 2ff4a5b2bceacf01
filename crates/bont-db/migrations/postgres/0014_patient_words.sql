-- The patient search finds a patient by the beginnings of the words of their names,
-- pseudonym and record number (folded, as bont_core::text::search_words makes them): one
-- row a word, read by its clinic and the word's first letters (compared byte by byte, so
-- that a range of words is a range of the index). Existing patients get their words when
-- the database is opened (bont folds every script; SQL folds ASCII only).
CREATE TABLE patient_words (
    clinic_id BIGINT NOT NULL,
    word TEXT COLLATE "C" NOT NULL,
    patient_id BIGINT NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    PRIMARY KEY (clinic_id, word, patient_id)
);
CREATE INDEX patient_words_of_patient ON patient_words (patient_id);
