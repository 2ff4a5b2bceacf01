-- A clinic may run pseudonymised: patients known by a code, identities kept elsewhere or
-- not at all. bont then warns where a record holds what looks like an identifier.
ALTER TABLE clinics ADD COLUMN pseudonymised BOOLEAN NOT NULL DEFAULT FALSE;
