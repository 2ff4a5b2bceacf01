-- The worklist reads the open follow-ups of a clinic in the week's window, computes their
-- standing and orders them: one index holds every column it needs, so the list and its
-- count read the index only, and the rows of the page alone are fetched.
CREATE INDEX follow_ups_worklist ON follow_ups
    (clinic_id, status, leaves_worklist_on, opens_on, booked_on, late_after, due_on);
DROP INDEX follow_ups_on_worklist;
