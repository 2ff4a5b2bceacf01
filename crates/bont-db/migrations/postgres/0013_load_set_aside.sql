-- A large load (a registry, a demo of a million patients) sets the secondary indexes of the
-- tables it writes aside (on PostgreSQL their foreign keys too) and builds them again at its
-- end, which is many times faster than keeping them up to date row by row. Their
-- definitions wait here meanwhile: a load that stops half-way leaves them here, and the
-- next start of bont builds them again.
CREATE TABLE load_set_aside (
    position BIGINT NOT NULL,
    name TEXT PRIMARY KEY,
    definition TEXT NOT NULL
);
