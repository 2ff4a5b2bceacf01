-- The first day a missed follow-up no longer shows on the worklist (an onset check once the
-- peak assessment's last day has passed, a peak assessment once the re-injection window has
-- opened; none for a re-injection), stored when the session is signed so that the worklist
-- reads an index instead of comparing each open follow-up with its siblings.
ALTER TABLE follow_ups ADD COLUMN leaves_worklist_on TEXT;

UPDATE follow_ups SET leaves_worklist_on = (
    SELECT to_char(CAST(n.late_after AS DATE) + 1, 'YYYY-MM-DD') FROM follow_ups n
    WHERE n.clinic_id = follow_ups.clinic_id AND n.session_id = follow_ups.session_id
      AND n.kind = 'peak_assessment')
WHERE kind = 'onset_check';

UPDATE follow_ups SET leaves_worklist_on = (
    SELECT n.opens_on FROM follow_ups n
    WHERE n.clinic_id = follow_ups.clinic_id AND n.session_id = follow_ups.session_id
      AND n.kind = 'reinjection')
WHERE kind = 'peak_assessment';

CREATE INDEX follow_ups_on_worklist ON follow_ups (clinic_id, status, leaves_worklist_on);
