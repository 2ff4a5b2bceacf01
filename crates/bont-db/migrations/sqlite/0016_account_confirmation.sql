-- Separation of duties: a clinical account (physician, nurse) that an administrator
-- opens, or whose password an administrator resets, logs in only once a physician of the
-- clinic has confirmed it, so that no one person can make an account and read patients
-- with it. The first physician of a clinic is the exception (there is nobody to
-- confirm), and the audit trail says so.
ALTER TABLE users ADD COLUMN awaiting_confirmation INTEGER NOT NULL DEFAULT 0;
