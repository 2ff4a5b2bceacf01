-- Every password guess is written here before its hash is checked, in the same
-- transaction that counts the guesses before it: no more guesses than the limits allow
-- are ever checked, however many arrive at once. Rows older than the counting window
-- are removed as new guesses come; a successful log-in removes its address's other rows
-- for that user name, a password reset all of the user name's rows.
CREATE TABLE login_guesses (
    id       INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    client   TEXT NOT NULL,
    at       TEXT NOT NULL
);
CREATE INDEX login_guesses_by_name ON login_guesses (username, at);
CREATE INDEX login_guesses_by_client ON login_guesses (client, at);
CREATE INDEX login_guesses_by_age ON login_guesses (at);

-- When the password was last set: a one-time password (must_change_password) expires
-- a while after it was made.
ALTER TABLE users ADD COLUMN password_set_at TEXT;
UPDATE users SET password_set_at = updated_at;
