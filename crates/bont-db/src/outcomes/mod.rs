//! Follow-up and outcomes. Here: the follow-ups a signed session schedules (in the signing
//! transaction), cancelled by a voiding, and the contacts with the patient that close them;
//! in the modules, the worklist (`worklist`), assessments on the outcome scales
//! (`assessments`), Goal Attainment Scaling goals and their scores (`goals`) and adverse
//! events traced to a lot (`adverse`). Every write is one transaction with its audit event;
//! nothing is deleted (a mistaken assessment or adverse event is voided with a reason).

use crate::audit::Event;
use crate::{Actor, Database, StoreError, StoreResult};
use bont_core::outcomes::FollowUpKind;
use bont_core::outcomes::schedule::PlannedFollowUp;
use bont_core::{PatientId, SessionId};
use jiff::civil::Date;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

mod adverse;
mod assessments;
mod goals;
mod worklist;

pub use adverse::StoredAdverseEvent;
pub use assessments::StoredAssessment;
pub use goals::StoredGoal;
pub use worklist::{
    NeverFollowedUp, NeverFollowedUpPage, PER_PAGE_MAX, WorklistFilter, WorklistPage,
    WorklistQuery, WorklistRow, page_count,
};

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
    let kind: String = row.try_get("kind")?;
    Ok(StoredFollowUp {
        id: row.try_get("id")?,
        patient: PatientId::new(row.try_get("patient_id")?),
        session: SessionId::new(row.try_get("session_id")?),
        kind: FollowUpKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("follow-up kind {kind}")))?,
        opens_on: date(row.try_get("opens_on")?, "follow-up opens_on")?,
        due_on: date(row.try_get("due_on")?, "follow-up due_on")?,
        late_after: date(row.try_get("late_after")?, "follow-up late_after")?,
        source: json(row.try_get("source")?, "follow-up source")?,
        status: FollowUpStatus::parse(row.try_get("status")?)?,
        closed_as: row.try_get("closed_as")?,
        attempts: row.try_get("attempts")?,
        booked_on: row
            .try_get::<Option<String>, _>("booked_on")?
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

/// Inserts the follow-ups of a session, or moves the open ones of an amended session to
/// their new days; a kind already done is not scheduled again. When `first_signing`, the
/// patient's earlier sessions' open follow-ups close: the re-injection as done
/// ("reinjected"), the onset and peak checks as superseded.
pub(crate) async fn schedule(
    tx: &mut crate::WriteTx,
    actor: &Actor,
    patient: PatientId,
    session: SessionId,
    session_date: &str,
    planned: &[PlannedFollowUp],
    first_signing: bool,
) -> Result<(), sqlx::Error> {
    let now = crate::stamp(actor.now);
    let leaves = |p: &PlannedFollowUp| {
        bont_core::outcomes::schedule::leaves_worklist_on(planned, p.kind).map(|d| d.to_string())
    };
    // A session being signed has no follow-ups yet (only a signing makes them): all of
    // them go in at once. An amended session's open ones move; a kind done stays done.
    let mut new: Vec<&PlannedFollowUp> = Vec::new();
    for p in planned {
        if first_signing {
            new.push(p);
            continue;
        }
        let moved = sqlx::query(
            "UPDATE follow_ups SET opens_on = $1, due_on = $2, late_after = $3, source = $4, leaves_worklist_on = $5,
                updated_at = $6, updated_by = $7
             WHERE clinic_id = $8 AND session_id = $9 AND kind = $10 AND status = 'open'",
        )
        .bind(p.opens.to_string())
        .bind(p.due.to_string())
        .bind(p.late_after.to_string())
        .bind(to_json(&p.source))
        .bind(leaves(p))
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
            new.push(p);
        }
    }
    if !new.is_empty() {
        let values: Vec<String> = (0..new.len())
            .map(|i| {
                format!(
                    "({}, 'open', {})",
                    crate::marks(i * 12 + 1, 9),
                    crate::marks(i * 12 + 10, 3)
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO follow_ups (clinic_id, patient_id, session_id, kind, opens_on, due_on, late_after, source,
                leaves_worklist_on, status, created_at, updated_at, updated_by)
             VALUES {}",
            values.join(", ")
        );
        let mut insert = sqlx::query(&sql);
        for p in &new {
            insert = insert
                .bind(actor.clinic.get())
                .bind(patient.get())
                .bind(session.get())
                .bind(p.kind.id())
                .bind(p.opens.to_string())
                .bind(p.due.to_string())
                .bind(p.late_after.to_string())
                .bind(to_json(&p.source))
                .bind(leaves(p))
                .bind(now.clone())
                .bind(now.clone())
                .bind(actor.user.get());
        }
        insert.execute(&mut **tx).await?;
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
    tx: &mut crate::WriteTx,
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
        if row.try_get::<String, _>("status")? == "void" {
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
        Ok(PatientId::new(row.try_get("patient_id")?))
    }
}

async fn known_patient(
    tx: &mut crate::WriteTx,
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

impl crate::Tx {}

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
        let found: Option<(String, String)> =
            sqlx::query_as("SELECT status, kind FROM follow_ups WHERE id = $1 AND clinic_id = $2")
                .bind(id)
                .bind(actor.clinic.get())
                .fetch_optional(self.conn())
                .await?;
        let kind = match found {
            None => return Err(StoreError::NotFound),
            Some((status, kind)) if status == "open" => kind,
            Some(_) => {
                return Err(StoreError::WrongState("follow-up-closed"));
            }
        };
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
        // A follow-up is closed only by what closes it: reaching the patient closes the
        // onset call; a peak assessment stays open until the assessment is recorded, and
        // the re-injection window until the next session.
        let change = match result {
            ContactResult::Reached if kind == "onset_check" => {
                "status = 'done', closed_as = 'reached'"
            }
            _ => "status = status",
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
