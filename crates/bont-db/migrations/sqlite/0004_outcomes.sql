-- Follow-up, outcomes and adverse events. Follow-ups are scheduled in the transaction that
-- signs a session; every contact attempt is kept; assessments, adverse events and goal
-- scores are never deleted (a mistaken entry is voided with a reason).

CREATE TABLE follow_ups (
    id           INTEGER PRIMARY KEY,
    clinic_id    INTEGER NOT NULL REFERENCES clinics (id),
    patient_id   INTEGER NOT NULL REFERENCES patients (id),
    session_id   INTEGER NOT NULL REFERENCES treatment_sessions (id),
    kind         TEXT NOT NULL CHECK (kind IN ('onset_check', 'peak_assessment', 'reinjection')),
    opens_on     TEXT NOT NULL,
    due_on       TEXT NOT NULL,
    late_after   TEXT NOT NULL,
    source       TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
    -- How it closed: reached, assessed, reinjected, superseded, session_void, rescheduled.
    closed_as    TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    booked_on    TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   INTEGER REFERENCES users (id)
);

CREATE INDEX follow_ups_open ON follow_ups (clinic_id, status, due_on);
CREATE INDEX follow_ups_by_session ON follow_ups (clinic_id, session_id);
CREATE INDEX follow_ups_by_patient ON follow_ups (clinic_id, patient_id);

-- Every call or booking, reached or not.
CREATE TABLE follow_up_contacts (
    id            INTEGER PRIMARY KEY,
    clinic_id     INTEGER NOT NULL REFERENCES clinics (id),
    follow_up_id  INTEGER NOT NULL REFERENCES follow_ups (id),
    at            TEXT NOT NULL,
    user_id       INTEGER REFERENCES users (id),
    result        TEXT NOT NULL CHECK (result IN ('reached', 'not_reached', 'visit_booked')),
    booked_on     TEXT,
    note          TEXT NOT NULL DEFAULT ''
);

CREATE INDEX follow_up_contacts_by_follow_up ON follow_up_contacts (clinic_id, follow_up_id);

CREATE TABLE assessments (
    id           INTEGER PRIMARY KEY,
    clinic_id    INTEGER NOT NULL REFERENCES clinics (id),
    patient_id   INTEGER NOT NULL REFERENCES patients (id),
    scale        TEXT NOT NULL,
    assessed_on  TEXT NOT NULL,
    timepoint    TEXT NOT NULL CHECK (timepoint IN ('baseline', 'peak', 'before_reinjection', 'other')),
    score        REAL NOT NULL,
    record       TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('entered', 'void')),
    void_reason  TEXT,
    created_at   TEXT NOT NULL,
    created_by   INTEGER REFERENCES users (id),
    updated_at   TEXT NOT NULL,
    updated_by   INTEGER REFERENCES users (id)
);

CREATE INDEX assessments_by_patient ON assessments (clinic_id, patient_id, assessed_on);

CREATE TABLE adverse_events (
    id           INTEGER PRIMARY KEY,
    clinic_id    INTEGER NOT NULL REFERENCES clinics (id),
    patient_id   INTEGER NOT NULL REFERENCES patients (id),
    session_id   INTEGER NOT NULL REFERENCES treatment_sessions (id),
    kind         TEXT NOT NULL,
    severity     TEXT NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe', 'serious')),
    lot          TEXT NOT NULL,
    alarming     INTEGER NOT NULL,
    record       TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('entered', 'void')),
    void_reason  TEXT,
    created_at   TEXT NOT NULL,
    created_by   INTEGER REFERENCES users (id),
    updated_at   TEXT NOT NULL,
    updated_by   INTEGER REFERENCES users (id)
);

CREATE INDEX adverse_events_by_patient ON adverse_events (clinic_id, patient_id);
CREATE INDEX adverse_events_by_lot ON adverse_events (clinic_id, lot);

-- Goal Attainment Scaling: goals that last across sessions.
CREATE TABLE goals (
    id          INTEGER PRIMARY KEY,
    clinic_id   INTEGER NOT NULL REFERENCES clinics (id),
    patient_id  INTEGER NOT NULL REFERENCES patients (id),
    domain      TEXT NOT NULL CHECK (domain IN ('symptom', 'function', 'participation')),
    text        TEXT NOT NULL,
    weight      INTEGER NOT NULL,
    baseline    INTEGER NOT NULL CHECK (baseline BETWEEN -2 AND 2),
    set_on      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('active', 'closed')),
    created_at  TEXT NOT NULL,
    created_by  INTEGER REFERENCES users (id)
);

CREATE INDEX goals_by_patient ON goals (clinic_id, patient_id);

CREATE TABLE goal_scores (
    id          INTEGER PRIMARY KEY,
    clinic_id   INTEGER NOT NULL REFERENCES clinics (id),
    goal_id     INTEGER NOT NULL REFERENCES goals (id),
    scored_on   TEXT NOT NULL,
    level       INTEGER NOT NULL CHECK (level BETWEEN -2 AND 2),
    created_at  TEXT NOT NULL,
    created_by  INTEGER REFERENCES users (id)
);

CREATE INDEX goal_scores_by_goal ON goal_scores (clinic_id, goal_id, scored_on);

-- The sessions that targeted a goal.
CREATE TABLE goal_targets (
    clinic_id   INTEGER NOT NULL REFERENCES clinics (id),
    goal_id     INTEGER NOT NULL REFERENCES goals (id),
    session_id  INTEGER NOT NULL REFERENCES treatment_sessions (id),
    PRIMARY KEY (goal_id, session_id)
);
