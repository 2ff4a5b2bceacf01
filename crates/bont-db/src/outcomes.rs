//! Follow-up, outcomes and adverse events: the follow-ups a signed session schedules (in
//! the signing transaction), contacts with the patient, the worklist, assessments on the
//! outcome scales, Goal Attainment Scaling goals and their scores, and adverse events
//! traced to a lot. Every write is one transaction with its audit event; nothing is
//! deleted (a mistaken assessment or adverse event is voided with a reason).

use crate::audit::Event;
use crate::patients::StoredPatient;
use crate::{Actor, Database, StoreError, StoreResult};
use bont_core::outcomes::adverse::AdverseEventInput;
use bont_core::outcomes::assessment::{Assessment, AssessmentInput, Timepoint};
use bont_core::outcomes::goals::Goal;
use bont_core::outcomes::schedule::{PlannedFollowUp, Standing};
use bont_core::outcomes::{FollowUpKind, OutcomeBook};
use bont_core::{ClinicId, PatientId, SessionId, UserId};
use jiff::civil::Date;
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

fn date(raw: &str, what: &str) -> StoreResult<Date> {
    raw.parse()
        .map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

fn json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> StoreResult<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("outcome values always serialise")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FollowUpStatus {
    Open,
    Done,
    Cancelled,
}

impl FollowUpStatus {
    fn parse(raw: &str) -> StoreResult<Self> {
        match raw {
            "open" => Ok(FollowUpStatus::Open),
            "done" => Ok(FollowUpStatus::Done),
            "cancelled" => Ok(FollowUpStatus::Cancelled),
            other => Err(StoreError::Corrupt(format!("follow-up status {other}"))),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StoredFollowUp {
    pub id: i64,
    pub patient: PatientId,
    pub session: SessionId,
    pub kind: FollowUpKind,
    pub opens_on: Date,
    pub due_on: Date,
    pub late_after: Date,
    pub source: Vec<String>,
    pub status: FollowUpStatus,
    pub closed_as: Option<String>,
    pub attempts: i64,
    pub booked_on: Option<Date>,
}

const FOLLOW_UP_COLUMNS: &str = "f.id, f.patient_id, f.session_id, f.kind, f.opens_on, f.due_on, \
    f.late_after, f.source, f.status, f.closed_as, f.attempts, f.booked_on";

fn follow_up_from_row(row: &AnyRow) -> StoreResult<StoredFollowUp> {
    let kind: String = row.get("kind");
    Ok(StoredFollowUp {
        id: row.get("id"),
        patient: PatientId::new(row.get("patient_id")),
        session: SessionId::new(row.get("session_id")),
        kind: FollowUpKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("follow-up kind {kind}")))?,
        opens_on: date(row.get("opens_on"), "follow-up opens_on")?,
        due_on: date(row.get("due_on"), "follow-up due_on")?,
        late_after: date(row.get("late_after"), "follow-up late_after")?,
        source: json(row.get("source"), "follow-up source")?,
        status: FollowUpStatus::parse(row.get("status"))?,
        closed_as: row.get("closed_as"),
        attempts: row.get("attempts"),
        booked_on: row
            .get::<Option<String>, _>("booked_on")
            .map(|d| date(&d, "follow-up booked_on"))
            .transpose()?,
    })
}

/// What a contact with the patient came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactResult {
    /// Spoken to: the follow-up is done.
    Reached,
    /// No answer: the follow-up stays open and the attempt is counted.
    NotReached,
    /// A visit was booked: the follow-up stays open until the visit's assessment or session.
    VisitBooked,
}

impl ContactResult {
    pub const ALL: [ContactResult; 3] = [
        ContactResult::Reached,
        ContactResult::NotReached,
        ContactResult::VisitBooked,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            ContactResult::Reached => "reached",
            ContactResult::NotReached => "not_reached",
            ContactResult::VisitBooked => "visit_booked",
        }
    }

    pub fn parse(raw: &str) -> Option<ContactResult> {
        ContactResult::ALL
            .into_iter()
            .find(|r| r.id() == raw.trim())
    }
}

/// Which open follow-ups a worklist shows.
#[derive(Debug, Clone, Default)]
pub struct WorklistFilter {
    pub indication: Option<String>,
    pub physician: Option<UserId>,
}

/// The largest page of a worklist.
pub const PER_PAGE_MAX: i64 = 200;

/// Which page of the worklist to read.
#[derive(Debug, Clone)]
pub struct WorklistQuery {
    pub filter: WorklistFilter,
    /// Only the follow-ups of this standing; all when none.
    pub view: Option<Standing>,
    /// From 1.
    pub page: i64,
    /// At most [`PER_PAGE_MAX`].
    pub per_page: i64,
}

/// One page of the worklist, with the number of lines on all pages.
#[derive(Debug, Clone, Serialize)]
pub struct WorklistPage {
    pub rows: Vec<WorklistRow>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// One page of the sessions never followed up.
#[derive(Debug, Clone, Serialize)]
pub struct NeverFollowedUpPage {
    pub sessions: Vec<NeverFollowedUp>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// The number of pages of `total` lines, at least one.
pub fn page_count(total: i64, per_page: i64) -> i64 {
    ((total + per_page - 1) / per_page.max(1)).max(1)
}

/// One line of the worklist: the follow-up, where it stands, whom it is about, and the
/// session it follows.
#[derive(Debug, Clone, Serialize)]
pub struct WorklistRow {
    pub standing: Standing,
    pub follow_up: StoredFollowUp,
    #[serde(skip)]
    pub patient: StoredPatient,
    pub indication: String,
    pub product: String,
    pub session_date: Date,
    pub total_units: f64,
    pub physician: Option<String>,
    /// The patient has a serious adverse event or a sign of distant spread on record.
    pub alarming_event: bool,
}

/// A session whose onset and peak follow-ups all passed without anyone reaching the patient.
#[derive(Debug, Clone, Serialize)]
pub struct NeverFollowedUp {
    pub session: SessionId,
    #[serde(skip)]
    pub patient: StoredPatient,
    pub session_date: Date,
    pub indication: String,
    pub physician: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoredAssessment {
    pub id: i64,
    pub patient: PatientId,
    pub scale: String,
    pub date: Date,
    pub timepoint: Timepoint,
    pub score: f64,
    pub record: AssessmentInput,
    pub void: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoredAdverseEvent {
    pub id: i64,
    pub patient: PatientId,
    pub session: SessionId,
    pub record: AdverseEventInput,
    pub alarming: bool,
    pub void: bool,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoredGoal {
    pub id: i64,
    pub patient: PatientId,
    pub goal: Goal,
    pub active: bool,
    /// Scores by date, oldest first.
    pub scores: Vec<(Date, i8)>,
    /// Sessions that targeted it.
    pub sessions: Vec<SessionId>,
}

/// Inserts the follow-ups of a session, or moves the open ones of an amended session to
/// their new days; a kind already done is not scheduled again. When `first_signing`, the
/// patient's earlier sessions' open follow-ups close: the re-injection as done
/// ("reinjected"), the onset and peak checks as superseded.
pub(crate) async fn schedule(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    patient: PatientId,
    session: SessionId,
    session_date: &str,
    planned: &[PlannedFollowUp],
    first_signing: bool,
) -> Result<(), sqlx::Error> {
    let now = crate::stamp(actor.now);
    for p in planned {
        let leaves = bont_core::outcomes::schedule::leaves_worklist_on(planned, p.kind)
            .map(|d| d.to_string());
        let moved = sqlx::query(
            "UPDATE follow_ups SET opens_on = $1, due_on = $2, late_after = $3, source = $4, leaves_worklist_on = $5,
                updated_at = $6, updated_by = $7
             WHERE clinic_id = $8 AND session_id = $9 AND kind = $10 AND status = 'open'",
        )
        .bind(p.opens.to_string())
        .bind(p.due.to_string())
        .bind(p.late_after.to_string())
        .bind(to_json(&p.source))
        .bind(&leaves)
        .bind(&now)
        .bind(actor.user.get())
        .bind(actor.clinic.get())
        .bind(session.get())
        .bind(p.kind.id())
        .execute(&mut **tx)
        .await?
        .rows_affected();
        let done: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM follow_ups WHERE clinic_id = $1 AND session_id = $2 AND kind = $3 AND status = 'done'",
        )
        .bind(actor.clinic.get())
        .bind(session.get())
        .bind(p.kind.id())
        .fetch_one(&mut **tx)
        .await?;
        if moved == 0 && done == 0 {
            sqlx::query(
                "INSERT INTO follow_ups (clinic_id, patient_id, session_id, kind, opens_on, due_on, late_after, source,
                    leaves_worklist_on, status, created_at, updated_at, updated_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10, $11, $12)",
            )
            .bind(actor.clinic.get())
            .bind(patient.get())
            .bind(session.get())
            .bind(p.kind.id())
            .bind(p.opens.to_string())
            .bind(p.due.to_string())
            .bind(p.late_after.to_string())
            .bind(to_json(&p.source))
            .bind(&leaves)
            .bind(&now)
            .bind(&now)
            .bind(actor.user.get())
            .execute(&mut **tx)
            .await?;
        }
    }
    if first_signing {
        let earlier = "clinic_id = $5 AND patient_id = $6 AND session_id <> $7 AND status = 'open'
            AND session_id IN (SELECT id FROM treatment_sessions WHERE clinic_id = $8 AND patient_id = $9 AND session_date <= $10)";
        for (kinds, status, closed_as) in [
            ("('reinjection')", "done", "reinjected"),
            (
                "('onset_check', 'peak_assessment')",
                "cancelled",
                "superseded",
            ),
        ] {
            sqlx::query(&format!(
                "UPDATE follow_ups SET status = $1, closed_as = $2, updated_at = $3, updated_by = $4
                 WHERE kind IN {kinds} AND {earlier}"
            ))
            .bind(status)
            .bind(closed_as)
            .bind(&now)
            .bind(actor.user.get())
            .bind(actor.clinic.get())
            .bind(patient.get())
            .bind(session.get())
            .bind(actor.clinic.get())
            .bind(patient.get())
            .bind(session_date)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

/// Cancels a voided session's open follow-ups.
pub(crate) async fn cancel_open(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    session: SessionId,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE follow_ups SET status = 'cancelled', closed_as = 'session_void', updated_at = $1, updated_by = $2
         WHERE clinic_id = $3 AND session_id = $4 AND status = 'open'",
    )
    .bind(crate::stamp(actor.now))
    .bind(actor.user.get())
    .bind(actor.clinic.get())
    .bind(session.get())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn assessment_from_row(row: &AnyRow) -> StoreResult<StoredAssessment> {
    let timepoint: String = row.get("timepoint");
    Ok(StoredAssessment {
        id: row.get("id"),
        patient: PatientId::new(row.get("patient_id")),
        scale: row.get("scale"),
        date: date(row.get("assessed_on"), "assessment date")?,
        timepoint: Timepoint::parse(&timepoint)
            .ok_or_else(|| StoreError::Corrupt(format!("timepoint {timepoint}")))?,
        score: row.get("score"),
        record: json(row.get("record"), "assessment")?,
        void: row.get::<String, _>("status") == "void",
    })
}

fn adverse_from_row(row: &AnyRow) -> StoreResult<StoredAdverseEvent> {
    Ok(StoredAdverseEvent {
        id: row.get("id"),
        patient: PatientId::new(row.get("patient_id")),
        session: SessionId::new(row.get("session_id")),
        record: json(row.get("record"), "adverse event")?,
        alarming: crate::flag(row, "alarming"),
        void: row.get::<String, _>("status") == "void",
        created_at: row.get("created_at"),
    })
}

impl Database {
    /// One follow-up of the actor's clinic.
    pub async fn follow_up(&self, actor: &Actor, id: i64) -> StoreResult<StoredFollowUp> {
        let row = sqlx::query(&format!(
            "SELECT {FOLLOW_UP_COLUMNS} FROM follow_ups f WHERE f.id = $1 AND f.clinic_id = $2"
        ))
        .bind(id)
        .bind(actor.clinic.get())
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        follow_up_from_row(&row)
    }

    /// A patient's follow-ups, newest session first.
    pub async fn follow_ups_of_patient(
        &self,
        actor: &Actor,
        patient: PatientId,
    ) -> StoreResult<Vec<StoredFollowUp>> {
        follow_ups_of_patient_in(&mut *self.pool.acquire().await?, actor, patient).await
    }

    /// Records a call or a booking for an open follow-up.
    pub async fn record_contact(
        &self,
        actor: &Actor,
        id: i64,
        result: ContactResult,
        booked_on: Option<Date>,
        note: &str,
    ) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        tx.record_contact(actor, id, result, booked_on, note)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// One page of the worklist: open follow-ups of a clinic that open on or before the
    /// end of the week of `today` (or are booked by then), with whom they are about, in
    /// the order of their standing (overdue, due this week, upcoming) and then by due day.
    /// An onset check that was missed drops off once the peak assessment's last day has
    /// passed, and a missed peak assessment once the re-injection window has opened: the
    /// session then counts as never followed up. Reading it is an audit event: it shows
    /// identities. `actor` is none for the command line, which names the clinic.
    pub async fn worklist(
        &self,
        actor: Option<&Actor>,
        clinic: ClinicId,
        query: &WorklistQuery,
        today: Date,
    ) -> StoreResult<WorklistPage> {
        let through = bont_core::outcomes::schedule::week_end(today);
        let per_page = query.per_page.clamp(1, PER_PAGE_MAX);
        let page = query.page.max(1);
        // The standing as `bont_core::outcomes::schedule::standing` decides it (0 overdue,
        // 1 due this week, 2 upcoming); rows are checked against it as they are read.
        // Open follow-ups exist only for signed sessions (voiding cancels them), so the
        // session is joined only when a filter needs it.
        let joins_session = query.filter.indication.is_some() || query.filter.physician.is_some();
        let mut inner = format!(
            "SELECT f.id AS fid, CASE
                 WHEN f.booked_on IS NOT NULL THEN
                     CASE WHEN f.booked_on < $3 THEN 0 WHEN f.booked_on <= $2 THEN 1 ELSE 2 END
                 WHEN f.late_after < $3 THEN 0 WHEN f.due_on <= $2 THEN 1 ELSE 2 END AS standing_rank,
                 f.due_on AS due
             FROM follow_ups f{}
             WHERE f.clinic_id = $1 AND f.status = 'open'
               AND (f.opens_on <= $2 OR f.booked_on <= $2)
               AND (f.booked_on IS NOT NULL OR f.leaves_worklist_on IS NULL OR f.leaves_worklist_on > $3)",
            if joins_session {
                " JOIN treatment_sessions s ON s.id = f.session_id AND s.clinic_id = f.clinic_id"
            } else {
                ""
            }
        );
        let mut next = 4;
        if query.filter.indication.is_some() {
            inner.push_str(&format!(" AND s.indication = ${next}"));
            next += 1;
        }
        if query.filter.physician.is_some() {
            inner.push_str(&format!(" AND s.signed_by = ${next}"));
            next += 1;
        }
        let view = query.view.map(|v| match v {
            Standing::Overdue => 0_i64,
            Standing::DueThisWeek => 1,
            Standing::Upcoming => 2,
        });
        let view_filter = if view.is_some() {
            let f = format!(" WHERE w0.standing_rank = ${next}");
            next += 1;
            f
        } else {
            String::new()
        };
        let page_sql = format!(
            "SELECT {FOLLOW_UP_COLUMNS}, w.standing_rank, s.indication, s.product, s.session_date, s.total_units,
                    u.display_name
             FROM (SELECT * FROM ({inner}) w0{view_filter}
                   ORDER BY w0.standing_rank, w0.due, w0.fid LIMIT ${next} OFFSET ${}) w
             JOIN follow_ups f ON f.id = w.fid
             JOIN treatment_sessions s ON s.id = f.session_id
             LEFT JOIN users u ON u.id = s.signed_by
             ORDER BY w.standing_rank, w.due, w.fid",
            next + 1
        );
        // Counted from the index alone; the page fetches its own rows only.
        let count_sql = format!("SELECT COUNT(*) FROM ({inner}) w0{view_filter}");
        let mut tx = self.read().await?;
        macro_rules! bind_all {
            ($q:expr) => {{
                let mut q = $q
                    .bind(clinic.get())
                    .bind(through.to_string())
                    .bind(today.to_string());
                if let Some(i) = &query.filter.indication {
                    q = q.bind(i);
                }
                if let Some(p) = query.filter.physician {
                    q = q.bind(p.get());
                }
                if let Some(v) = view {
                    q = q.bind(v);
                }
                q
            }};
        }
        let total: i64 = bind_all!(sqlx::query_scalar(&count_sql))
            .fetch_one(&mut *tx)
            .await?;
        let rows = bind_all!(sqlx::query(&page_sql))
            .bind(per_page)
            .bind((page - 1) * per_page)
            .fetch_all(&mut *tx)
            .await?;
        let mut ids: Vec<i64> = rows.iter().map(|r| r.get("patient_id")).collect();
        ids.sort_unstable();
        ids.dedup();
        let patients = self.patients_by_ids(&mut tx, clinic, &ids).await?;
        let alarming = alarming_among(&mut tx, clinic, &ids).await?;
        let mut list = Vec::with_capacity(rows.len());
        for row in &rows {
            let follow_up = follow_up_from_row(row)?;
            let patient = patients
                .get(&follow_up.patient)
                .cloned()
                .ok_or_else(|| StoreError::Corrupt("follow-up of a missing patient".into()))?;
            let standing = bont_core::outcomes::schedule::standing(
                follow_up.due_on,
                follow_up.late_after,
                follow_up.booked_on,
                today,
            );
            debug_assert_eq!(
                i64::from(standing as u8),
                row.get::<i64, _>("standing_rank"),
                "the worklist's order follows the domain's standing"
            );
            list.push(WorklistRow {
                standing,
                alarming_event: alarming.contains(&follow_up.patient.get()),
                indication: row.get("indication"),
                product: row.get("product"),
                session_date: date(row.get("session_date"), "session date")?,
                total_units: row.get("total_units"),
                physician: row.get("display_name"),
                follow_up,
                patient,
            });
        }
        tx.commit().await?;
        self.audit_worklist_read(
            actor,
            clinic,
            &format!("{} rows through {through}, page {page}", list.len()),
        )
        .await?;
        Ok(WorklistPage {
            rows: list,
            total,
            page,
            per_page,
        })
    }

    /// The audit event of a worklist page (it shows identities); by the command line when
    /// no actor is given.
    async fn audit_worklist_read(
        &self,
        actor: Option<&Actor>,
        clinic: ClinicId,
        detail: &str,
    ) -> StoreResult<()> {
        self.audit_read_by(
            crate::read_audit::By {
                clinic: Some(clinic),
                user: actor.map(|a| a.user),
                client: actor.map(|a| a.client.as_str()).unwrap_or("command line"),
                now: actor.map_or_else(jiff::Timestamp::now, |a| a.now),
            },
            Event {
                action: "worklist.read",
                entity: Some("patient"),
                entity_id: None,
                detail,
            },
        )
        .await
    }

    /// One page of the signed sessions on or before `today` whose onset and peak
    /// follow-ups are all past their last day (or superseded) without anyone having
    /// reached the patient, newest first. Reading it is an audit event.
    pub async fn never_followed_up(
        &self,
        actor: Option<&Actor>,
        clinic: ClinicId,
        query: &WorklistQuery,
        today: Date,
    ) -> StoreResult<NeverFollowedUpPage> {
        let per_page = query.per_page.clamp(1, PER_PAGE_MAX);
        let page = query.page.max(1);
        let mut filter = String::from(
            "FROM treatment_sessions s
             WHERE s.clinic_id = $1 AND s.status = 'signed' AND s.session_date <= $2
               AND EXISTS (SELECT 1 FROM follow_ups f WHERE f.clinic_id = s.clinic_id AND f.session_id = s.id
                           AND f.kind <> 'reinjection')
               AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.clinic_id = s.clinic_id AND f.session_id = s.id
                               AND f.kind <> 'reinjection'
                               AND (f.status = 'done' OR (f.status = 'open' AND f.late_after >= $2)))",
        );
        let mut next = 3;
        if query.filter.indication.is_some() {
            filter.push_str(&format!(" AND s.indication = ${next}"));
            next += 1;
        }
        if query.filter.physician.is_some() {
            filter.push_str(&format!(" AND s.signed_by = ${next}"));
            next += 1;
        }
        let page_sql = format!(
            "SELECT s.id, s.patient_id, s.session_date, s.indication, u.display_name
             {filter_users}
             ORDER BY s.session_date DESC, s.id DESC LIMIT ${next} OFFSET ${}",
            next + 1,
            filter_users = filter.replacen(
                "FROM treatment_sessions s",
                "FROM treatment_sessions s LEFT JOIN users u ON u.id = s.signed_by",
                1
            )
        );
        let count_sql = format!("SELECT COUNT(*) {filter}");
        macro_rules! bind_all {
            ($q:expr) => {{
                let mut q = $q.bind(clinic.get()).bind(today.to_string());
                if let Some(i) = &query.filter.indication {
                    q = q.bind(i);
                }
                if let Some(p) = query.filter.physician {
                    q = q.bind(p.get());
                }
                q
            }};
        }
        let mut tx = self.read().await?;
        let total: i64 = bind_all!(sqlx::query_scalar(&count_sql))
            .fetch_one(&mut *tx)
            .await?;
        let rows = bind_all!(sqlx::query(&page_sql))
            .bind(per_page)
            .bind((page - 1) * per_page)
            .fetch_all(&mut *tx)
            .await?;
        let mut ids: Vec<i64> = rows.iter().map(|r| r.get("patient_id")).collect();
        ids.sort_unstable();
        ids.dedup();
        let patients = self.patients_by_ids(&mut tx, clinic, &ids).await?;
        let sessions = rows
            .iter()
            .map(|row| {
                let patient = PatientId::new(row.get("patient_id"));
                Ok(NeverFollowedUp {
                    session: SessionId::new(row.get("id")),
                    patient: patients.get(&patient).cloned().ok_or_else(|| {
                        StoreError::Corrupt("session of a missing patient".into())
                    })?,
                    session_date: date(row.get("session_date"), "session date")?,
                    indication: row.get("indication"),
                    physician: row.get("display_name"),
                })
            })
            .collect::<StoreResult<Vec<_>>>()?;
        tx.commit().await?;
        self.audit_worklist_read(
            actor,
            clinic,
            &format!("{} sessions never followed up, page {page}", sessions.len()),
        )
        .await?;
        Ok(NeverFollowedUpPage {
            sessions,
            total,
            page,
            per_page,
        })
    }

    /// Records an assessment for a patient of the actor's clinic. A peak assessment closes
    /// the open peak follow-up of the session before it; any assessment closes a visit
    /// booked for that day.
    pub async fn create_assessment(
        &self,
        actor: &Actor,
        patient: PatientId,
        assessment: &Assessment,
    ) -> StoreResult<i64> {
        let mut tx = self.begin().await?;
        let done = tx.create_assessment(actor, patient, assessment).await?;
        tx.commit().await?;
        Ok(done)
    }

    /// A patient's assessments, oldest first (void ones included, marked).
    pub async fn assessments_of_patient(
        &self,
        actor: &Actor,
        patient: PatientId,
    ) -> StoreResult<Vec<StoredAssessment>> {
        assessments_of_patient_in(&mut *self.pool.acquire().await?, actor, patient).await
    }

    /// Marks an assessment void with a reason; it stays on record.
    pub async fn void_assessment(
        &self,
        actor: &Actor,
        id: i64,
        reason: &str,
    ) -> StoreResult<PatientId> {
        self.void_entry(actor, "assessments", "assessment.void", id, reason)
            .await
    }

    /// Marks an adverse event void with a reason; it stays on record.
    pub async fn void_adverse_event(
        &self,
        actor: &Actor,
        id: i64,
        reason: &str,
    ) -> StoreResult<PatientId> {
        self.void_entry(actor, "adverse_events", "adverse_event.void", id, reason)
            .await
    }

    async fn void_entry(
        &self,
        actor: &Actor,
        table: &'static str,
        action: &'static str,
        id: i64,
        reason: &str,
    ) -> StoreResult<PatientId> {
        let mut tx = self.write().await?;
        let row = sqlx::query(&format!(
            "SELECT patient_id, status FROM {table} WHERE id = $1 AND clinic_id = $2"
        ))
        .bind(id)
        .bind(actor.clinic.get())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        if row.get::<String, _>("status") == "void" {
            return Err(StoreError::WrongState("event-void"));
        }
        sqlx::query(&format!(
            "UPDATE {table} SET status = 'void', void_reason = $1, updated_at = $2, updated_by = $3 WHERE id = $4 AND clinic_id = $5"
        ))
        .bind(reason)
        .bind(crate::stamp(actor.now))
        .bind(actor.user.get())
        .bind(id)
        .bind(actor.clinic.get())
        .execute(&mut *tx)
        .await?;
        actor
            .record(
                &mut tx,
                Event {
                    action,
                    entity: Some(table.trim_end_matches('s')),
                    entity_id: Some(id),
                    detail: reason,
                },
            )
            .await?;
        tx.commit().await?;
        Ok(PatientId::new(row.get("patient_id")))
    }

    /// Records an adverse event against a session of the actor's clinic (checked by the
    /// domain against that session's lots).
    pub async fn create_adverse_event(
        &self,
        actor: &Actor,
        session: SessionId,
        event: &AdverseEventInput,
        book: &OutcomeBook,
    ) -> StoreResult<i64> {
        let mut tx = self.begin().await?;
        let done = tx.create_adverse_event(actor, session, event, book).await?;
        tx.commit().await?;
        Ok(done)
    }

    /// A patient's adverse events, oldest first.
    pub async fn adverse_events_of_patient(
        &self,
        actor: &Actor,
        patient: PatientId,
    ) -> StoreResult<Vec<StoredAdverseEvent>> {
        let rows = sqlx::query(
            "SELECT id, patient_id, session_id, record, alarming, status, created_at FROM adverse_events
             WHERE clinic_id = $1 AND patient_id = $2 ORDER BY id",
        )
        .bind(actor.clinic.get())
        .bind(patient.get())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(adverse_from_row).collect()
    }

    /// Adverse events traced to a lot, across the clinic (for a lot recall or a report).
    pub async fn adverse_events_of_lot(
        &self,
        actor: &Actor,
        lot: &str,
    ) -> StoreResult<Vec<StoredAdverseEvent>> {
        let rows = sqlx::query(
            "SELECT id, patient_id, session_id, record, alarming, status, created_at FROM adverse_events
             WHERE clinic_id = $1 AND lot = $2 AND status = 'entered' ORDER BY id",
        )
        .bind(actor.clinic.get())
        .bind(lot)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(adverse_from_row).collect()
    }

    /// Sets a goal with a patient, optionally naming the session that targets it.
    pub async fn create_goal(
        &self,
        actor: &Actor,
        patient: PatientId,
        goal: &Goal,
        session: Option<SessionId>,
    ) -> StoreResult<i64> {
        let mut tx = self.begin().await?;
        let done = tx.create_goal(actor, patient, goal, session).await?;
        tx.commit().await?;
        Ok(done)
    }

    /// Scores a goal; when `session` is given, that session is recorded as targeting it.
    pub async fn score_goal(
        &self,
        actor: &Actor,
        goal: i64,
        day: Date,
        level: i8,
        session: Option<SessionId>,
    ) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        tx.score_goal(actor, goal, day, level, session).await?;
        tx.commit().await?;
        Ok(())
    }

    /// One goal of the actor's clinic.
    pub async fn goal(&self, actor: &Actor, id: i64) -> StoreResult<StoredGoal> {
        let patient: i64 =
            sqlx::query_scalar("SELECT patient_id FROM goals WHERE id = $1 AND clinic_id = $2")
                .bind(id)
                .bind(actor.clinic.get())
                .fetch_optional(&self.pool)
                .await?
                .ok_or(StoreError::NotFound)?;
        self.goals_of_patient(actor, PatientId::new(patient))
            .await?
            .into_iter()
            .find(|g| g.id == id)
            .ok_or(StoreError::NotFound)
    }

    /// A patient's goals with their scores and the sessions that targeted them.
    pub async fn goals_of_patient(
        &self,
        actor: &Actor,
        patient: PatientId,
    ) -> StoreResult<Vec<StoredGoal>> {
        goals_of_patient_in(&mut *self.pool.acquire().await?, actor, patient).await
    }
}

async fn known_patient(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    patient: PatientId,
) -> StoreResult<()> {
    let known: Option<i64> =
        sqlx::query_scalar("SELECT id FROM patients WHERE id = $1 AND clinic_id = $2")
            .bind(patient.get())
            .bind(actor.clinic.get())
            .fetch_optional(&mut **tx)
            .await?;
    known.map(|_| ()).ok_or(StoreError::NotFound)
}

/// Links a goal to a session of the same patient (once).
async fn target(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    patient: PatientId,
    goal: i64,
    session: SessionId,
) -> StoreResult<()> {
    let same: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM treatment_sessions WHERE id = $1 AND clinic_id = $2 AND patient_id = $3",
    )
    .bind(session.get())
    .bind(actor.clinic.get())
    .bind(patient.get())
    .fetch_optional(&mut **tx)
    .await?;
    if same.is_none() {
        return Err(StoreError::Invalid(bont_core::FieldErrors::one(
            "session",
            bont_core::Problem::Unknown {
                value: session.to_string(),
            },
        )));
    }
    sqlx::query("INSERT INTO goal_targets (clinic_id, goal_id, session_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(actor.clinic.get())
        .bind(goal)
        .bind(session.get())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Which of `patients` have a serious adverse event or a sign of distant spread on record.
async fn alarming_among(
    tx: &mut Transaction<'_, Any>,
    clinic: ClinicId,
    patients: &[i64],
) -> StoreResult<std::collections::HashSet<i64>> {
    let mut found = std::collections::HashSet::new();
    for chunk in patients.chunks(200) {
        let sql = format!(
            "SELECT DISTINCT patient_id FROM adverse_events
             WHERE clinic_id = $1 AND patient_id IN ({}) AND alarming = TRUE AND status = 'entered'",
            crate::marks(2, chunk.len())
        );
        let mut query = sqlx::query_scalar::<_, i64>(&sql).bind(clinic.get());
        for id in chunk {
            query = query.bind(id);
        }
        found.extend(query.fetch_all(&mut **tx).await?);
    }
    Ok(found)
}

pub(crate) async fn assessments_of_patient_in(
    conn: &mut sqlx::AnyConnection,
    actor: &Actor,
    patient: PatientId,
) -> StoreResult<Vec<StoredAssessment>> {
    let rows = sqlx::query(
            "SELECT id, patient_id, scale, assessed_on, timepoint, score, record, status FROM assessments
             WHERE clinic_id = $1 AND patient_id = $2 ORDER BY assessed_on, id",
        )
        .bind(actor.clinic.get())
        .bind(patient.get())
        .fetch_all(conn)
        .await?;
    rows.iter().map(assessment_from_row).collect()
}

pub(crate) async fn goals_of_patient_in(
    conn: &mut sqlx::AnyConnection,
    actor: &Actor,
    patient: PatientId,
) -> StoreResult<Vec<StoredGoal>> {
    let rows = sqlx::query(
        "SELECT id, patient_id, domain, text, weight, baseline, set_on, status FROM goals
             WHERE clinic_id = $1 AND patient_id = $2 ORDER BY id",
    )
    .bind(actor.clinic.get())
    .bind(patient.get())
    .fetch_all(&mut *conn)
    .await?;
    let scores = sqlx::query(
        "SELECT g.goal_id, g.scored_on, g.level FROM goal_scores g
             WHERE g.clinic_id = $1 AND g.goal_id IN (SELECT id FROM goals WHERE clinic_id = $1 AND patient_id = $2)
             ORDER BY g.scored_on, g.id",
    )
    .bind(actor.clinic.get())
    .bind(patient.get())
    .fetch_all(&mut *conn)
    .await?;
    let targets = sqlx::query(
            "SELECT t.goal_id, t.session_id FROM goal_targets t JOIN treatment_sessions s ON s.id = t.session_id
             WHERE t.clinic_id = $1 AND t.goal_id IN (SELECT id FROM goals WHERE clinic_id = $1 AND patient_id = $2)
             ORDER BY s.session_date",
        )
        .bind(actor.clinic.get())
        .bind(patient.get())
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|row| {
            let id: i64 = row.get("id");
            let domain: String = row.get("domain");
            let small = |name: &str| -> StoreResult<i8> {
                i8::try_from(row.get::<i64, _>(name))
                    .map_err(|_| StoreError::Corrupt(format!("goal {name}")))
            };
            Ok(StoredGoal {
                id,
                patient,
                goal: Goal {
                    domain: bont_core::outcomes::goals::GoalDomain::parse(&domain)
                        .ok_or_else(|| StoreError::Corrupt(format!("goal domain {domain}")))?,
                    text: row.get("text"),
                    weight: u8::try_from(small("weight")?)
                        .map_err(|_| StoreError::Corrupt("goal weight".into()))?,
                    baseline: small("baseline")?,
                    set_on: date(row.get("set_on"), "goal set_on")?,
                },
                active: row.get::<String, _>("status") == "active",
                scores: scores
                    .iter()
                    .filter(|s| s.get::<i64, _>("goal_id") == id)
                    .map(|s| {
                        Ok((
                            date(s.get("scored_on"), "goal score date")?,
                            i8::try_from(s.get::<i64, _>("level"))
                                .map_err(|_| StoreError::Corrupt("goal level".into()))?,
                        ))
                    })
                    .collect::<StoreResult<Vec<_>>>()?,
                sessions: targets
                    .iter()
                    .filter(|t| t.get::<i64, _>("goal_id") == id)
                    .map(|t| SessionId::new(t.get("session_id")))
                    .collect(),
            })
        })
        .collect()
}

impl crate::Tx {
    /// A patient's assessments, oldest first, as this transaction sees them.
    pub async fn assessments_of_patient(
        &mut self,
        actor: &Actor,
        patient: PatientId,
    ) -> StoreResult<Vec<StoredAssessment>> {
        assessments_of_patient_in(self.conn(), actor, patient).await
    }

    /// A patient's goals with their scores, as this transaction sees them.
    pub async fn goals_of_patient(
        &mut self,
        actor: &Actor,
        patient: PatientId,
    ) -> StoreResult<Vec<StoredGoal>> {
        goals_of_patient_in(self.conn(), actor, patient).await
    }
}

impl crate::Tx {
    /// Records a call or a booking for an open follow-up.
    pub async fn record_contact(
        &mut self,
        actor: &Actor,
        id: i64,
        result: ContactResult,
        booked_on: Option<Date>,
        note: &str,
    ) -> StoreResult<()> {
        let now = crate::stamp(actor.now);
        let status: Option<String> =
            sqlx::query_scalar("SELECT status FROM follow_ups WHERE id = $1 AND clinic_id = $2")
                .bind(id)
                .bind(actor.clinic.get())
                .fetch_optional(self.conn())
                .await?;
        match status.as_deref() {
            None => return Err(StoreError::NotFound),
            Some("open") => {}
            Some(_) => {
                return Err(StoreError::WrongState("follow-up-closed"));
            }
        }
        sqlx::query(
            "INSERT INTO follow_up_contacts (clinic_id, follow_up_id, at, user_id, result, booked_on, note)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(actor.clinic.get())
        .bind(id)
        .bind(&now)
        .bind(actor.user.get())
        .bind(result.id())
        .bind(booked_on.map(|d| d.to_string()))
        .bind(note)
        .execute(self.conn())
        .await?;
        let change = match result {
            ContactResult::Reached => "status = 'done', closed_as = 'reached'",
            ContactResult::NotReached | ContactResult::VisitBooked => "status = status",
        };
        sqlx::query(&format!(
            "UPDATE follow_ups SET {change}, attempts = attempts + 1, booked_on = COALESCE($5, booked_on),
                updated_at = $1, updated_by = $2 WHERE id = $3 AND clinic_id = $4"
        ))
        .bind(&now)
        .bind(actor.user.get())
        .bind(id)
        .bind(actor.clinic.get())
        .bind(booked_on.map(|d| d.to_string()))
        .execute(self.conn())
        .await?;
        self.audit(
            actor,
            Event {
                action: "follow_up.contact",
                entity: Some("follow_up"),
                entity_id: Some(id),
                detail: result.id(),
            },
        )
        .await?;
        Ok(())
    }

    /// Records an assessment for a patient of the actor's clinic. A peak assessment closes
    /// the open peak follow-up of the session before it; any assessment closes a visit
    /// booked for that day.
    pub async fn create_assessment(
        &mut self,
        actor: &Actor,
        patient: PatientId,
        assessment: &Assessment,
    ) -> StoreResult<i64> {
        let now = crate::stamp(actor.now);
        known_patient(self.transaction(), actor, patient).await?;
        let day = assessment.date.to_string();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO assessments (clinic_id, patient_id, scale, assessed_on, timepoint, score, record, status,
                created_at, created_by, updated_at, updated_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'entered', $8, $9, $10, $11) RETURNING id",
        )
        .bind(actor.clinic.get())
        .bind(patient.get())
        .bind(&assessment.scale)
        .bind(&day)
        .bind(assessment.timepoint.id())
        .bind(assessment.score)
        .bind(to_json(&assessment.values))
        .bind(&now)
        .bind(actor.user.get())
        .bind(&now)
        .bind(actor.user.get())
        .fetch_one(self.conn())
        .await?;
        if assessment.timepoint == Timepoint::Peak {
            sqlx::query(
                "UPDATE follow_ups SET status = 'done', closed_as = 'assessed', updated_at = $1, updated_by = $2
                 WHERE clinic_id = $3 AND patient_id = $4 AND kind = 'peak_assessment' AND status = 'open'
                   AND session_id = (SELECT id FROM treatment_sessions WHERE clinic_id = $5 AND patient_id = $6
                                     AND status = 'signed' AND session_date <= $7 ORDER BY session_date DESC, id DESC LIMIT 1)",
            )
            .bind(&now)
            .bind(actor.user.get())
            .bind(actor.clinic.get())
            .bind(patient.get())
            .bind(actor.clinic.get())
            .bind(patient.get())
            .bind(&day)
            .execute(self.conn())
            .await?;
        }
        sqlx::query(
            "UPDATE follow_ups SET status = 'done', closed_as = 'assessed', updated_at = $1, updated_by = $2
             WHERE clinic_id = $3 AND patient_id = $4 AND status = 'open' AND kind <> 'reinjection' AND booked_on = $5",
        )
        .bind(&now)
        .bind(actor.user.get())
        .bind(actor.clinic.get())
        .bind(patient.get())
        .bind(&day)
        .execute(self.conn())
        .await?;
        self.audit(
            actor,
            Event {
                action: "assessment.create",
                entity: Some("assessment"),
                entity_id: Some(id),
                detail: &format!("patient {patient}, {}", assessment.scale),
            },
        )
        .await?;
        Ok(id)
    }

    /// Records an adverse event against a session of the actor's clinic (checked by the
    /// domain against that session's lots).
    pub async fn create_adverse_event(
        &mut self,
        actor: &Actor,
        session: SessionId,
        event: &AdverseEventInput,
        book: &OutcomeBook,
    ) -> StoreResult<i64> {
        let now = crate::stamp(actor.now);
        let patient: i64 = sqlx::query_scalar(
            "SELECT patient_id FROM treatment_sessions WHERE id = $1 AND clinic_id = $2 AND status <> 'void'",
        )
        .bind(session.get())
        .bind(actor.clinic.get())
        .fetch_optional(self.conn())
        .await?
        .ok_or(StoreError::NotFound)?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO adverse_events (clinic_id, patient_id, session_id, kind, severity, lot, alarming, record, status,
                created_at, created_by, updated_at, updated_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'entered', $9, $10, $11, $12) RETURNING id",
        )
        .bind(actor.clinic.get())
        .bind(patient)
        .bind(session.get())
        .bind(&event.kind)
        .bind(&event.severity)
        .bind(&event.lot)
        .bind(event.is_alarming(book))
        .bind(to_json(event))
        .bind(&now)
        .bind(actor.user.get())
        .bind(&now)
        .bind(actor.user.get())
        .fetch_one(self.conn())
        .await?;
        self.audit(
            actor,
            Event {
                action: "adverse_event.create",
                entity: Some("adverse_event"),
                entity_id: Some(id),
                detail: &format!("session {session}, {}, {}", event.kind, event.severity),
            },
        )
        .await?;
        Ok(id)
    }

    /// Sets a goal with a patient, optionally naming the session that targets it.
    pub async fn create_goal(
        &mut self,
        actor: &Actor,
        patient: PatientId,
        goal: &Goal,
        session: Option<SessionId>,
    ) -> StoreResult<i64> {
        known_patient(self.transaction(), actor, patient).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO goals (clinic_id, patient_id, domain, text, weight, baseline, set_on, status, created_at, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $9) RETURNING id",
        )
        .bind(actor.clinic.get())
        .bind(patient.get())
        .bind(goal.domain.id())
        .bind(&goal.text)
        .bind(i64::from(goal.weight))
        .bind(i64::from(goal.baseline))
        .bind(goal.set_on.to_string())
        .bind(crate::stamp(actor.now))
        .bind(actor.user.get())
        .fetch_one(self.conn())
        .await?;
        if let Some(session) = session {
            target(self.transaction(), actor, patient, id, session).await?;
        }
        self.audit(
            actor,
            Event {
                action: "goal.create",
                entity: Some("goal"),
                entity_id: Some(id),
                detail: &format!("patient {patient}"),
            },
        )
        .await?;
        Ok(id)
    }

    /// Scores a goal; when `session` is given, that session is recorded as targeting it.
    pub async fn score_goal(
        &mut self,
        actor: &Actor,
        goal: i64,
        day: Date,
        level: i8,
        session: Option<SessionId>,
    ) -> StoreResult<()> {
        let patient: i64 =
            sqlx::query_scalar("SELECT patient_id FROM goals WHERE id = $1 AND clinic_id = $2")
                .bind(goal)
                .bind(actor.clinic.get())
                .fetch_optional(self.conn())
                .await?
                .ok_or(StoreError::NotFound)?;
        sqlx::query(
            "INSERT INTO goal_scores (clinic_id, goal_id, scored_on, level, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(actor.clinic.get())
        .bind(goal)
        .bind(day.to_string())
        .bind(i64::from(level))
        .bind(crate::stamp(actor.now))
        .bind(actor.user.get())
        .execute(self.conn())
        .await?;
        if let Some(session) = session {
            target(
                self.transaction(),
                actor,
                PatientId::new(patient),
                goal,
                session,
            )
            .await?;
        }
        self.audit(
            actor,
            Event {
                action: "goal.score",
                entity: Some("goal"),
                entity_id: Some(goal),
                detail: &format!("{day}: {level}"),
            },
        )
        .await?;
        Ok(())
    }
}

async fn follow_ups_of_patient_in(
    conn: &mut sqlx::AnyConnection,
    actor: &Actor,
    patient: PatientId,
) -> StoreResult<Vec<StoredFollowUp>> {
    let rows = sqlx::query(&format!(
        "SELECT {FOLLOW_UP_COLUMNS} FROM follow_ups f WHERE f.clinic_id = $1 AND f.patient_id = $2
         ORDER BY f.due_on DESC, f.id DESC"
    ))
    .bind(actor.clinic.get())
    .bind(patient.get())
    .fetch_all(conn)
    .await?;
    rows.iter().map(follow_up_from_row).collect()
}

impl crate::Tx {
    /// A patient's follow-ups, as this transaction sees them.
    pub async fn follow_ups_of_patient(
        &mut self,
        actor: &Actor,
        patient: PatientId,
    ) -> StoreResult<Vec<StoredFollowUp>> {
        follow_ups_of_patient_in(self.conn(), actor, patient).await
    }
}
