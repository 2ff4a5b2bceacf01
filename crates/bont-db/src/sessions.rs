//! Treatment sessions: drafts that anyone caring for the patient may save, signing,
//! amendments that keep every earlier version, and voiding with a reason. Each change is
//! one transaction with its audit event and is refused when the session moved on since
//! the caller read it.

use crate::audit::Event;
use crate::{Actor, Database, StoreError, StoreResult};
use bont_core::outcomes::schedule::PlannedFollowUp;
use bont_core::treatment::{GivenSession, Override, TreatmentInput};
use bont_core::{PatientId, SessionId, UserId};
use serde::Serialize;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionStatus {
    Draft,
    Signed,
    Void,
}

impl SessionStatus {
    fn id(self) -> &'static str {
        match self {
            SessionStatus::Draft => "draft",
            SessionStatus::Signed => "signed",
            SessionStatus::Void => "void",
        }
    }
    fn parse(raw: &str) -> StoreResult<Self> {
        match raw {
            "draft" => Ok(SessionStatus::Draft),
            "signed" => Ok(SessionStatus::Signed),
            "void" => Ok(SessionStatus::Void),
            other => Err(StoreError::Corrupt(format!("session status {other}"))),
        }
    }
}

/// What the safety check said when the session was saved or signed.
#[derive(Debug, Clone, Serialize)]
pub struct SavedVerdict {
    pub verdict: String,
    /// The findings as the check reported them (JSON).
    pub findings: serde_json::Value,
    pub total_units: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct StoredSession {
    pub id: SessionId,
    pub patient: PatientId,
    pub version: i64,
    pub status: SessionStatus,
    pub record: TreatmentInput,
    pub verdict: String,
    pub findings: serde_json::Value,
    pub total_units: f64,
    pub overrides: Vec<Override>,
    pub signed_by: Option<UserId>,
    pub signed_at: Option<String>,
    pub change_reason: Option<String>,
    pub void_reason: Option<String>,
    pub updated_at: String,
}

const COLUMNS: &str = "id, patient_id, version, status, record, verdict, findings, total_units, overrides, \
    signed_by, signed_at, change_reason, void_reason, updated_at";

fn json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> StoreResult<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("session {what}: {e}")))
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("session values always serialise")
}

fn from_row(row: &SqliteRow) -> StoreResult<StoredSession> {
    Ok(StoredSession {
        id: SessionId::new(row.get("id")),
        patient: PatientId::new(row.get("patient_id")),
        version: row.get("version"),
        status: SessionStatus::parse(row.get("status"))?,
        record: json(row.get("record"), "record")?,
        verdict: row.get("verdict"),
        findings: json(row.get("findings"), "findings")?,
        total_units: row.get("total_units"),
        overrides: json(row.get("overrides"), "overrides")?,
        signed_by: row.get::<Option<i64>, _>("signed_by").map(UserId::new),
        signed_at: row.get("signed_at"),
        change_reason: row.get("change_reason"),
        void_reason: row.get("void_reason"),
        updated_at: row.get("updated_at"),
    })
}

/// A change to make to a session, applied by [`Database::change_session`].
enum Change<'a> {
    Draft {
        record: &'a TreatmentInput,
        verdict: &'a SavedVerdict,
    },
    Sign {
        verdict: &'a SavedVerdict,
        overrides: &'a [Override],
        follow_ups: &'a [PlannedFollowUp],
    },
    Amend {
        record: &'a TreatmentInput,
        verdict: &'a SavedVerdict,
        overrides: &'a [Override],
        reason: &'a str,
        follow_ups: &'a [PlannedFollowUp],
    },
    Void {
        reason: &'a str,
    },
}

impl Database {
    /// Saves a new draft for a patient of the actor's clinic.
    pub async fn create_session(
        &self,
        actor: &Actor,
        patient: PatientId,
        record: &TreatmentInput,
        verdict: &SavedVerdict,
    ) -> StoreResult<SessionId> {
        let now = crate::stamp(actor.now);
        let mut tx = self.write().await?;
        let known: Option<i64> =
            sqlx::query_scalar("SELECT id FROM patients WHERE id = ? AND clinic_id = ?")
                .bind(patient.get())
                .bind(actor.clinic.get())
                .fetch_optional(&mut *tx)
                .await?;
        if known.is_none() {
            return Err(StoreError::NotFound);
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO treatment_sessions (clinic_id, patient_id, version, status, session_date, product,
                indication, total_units, record, verdict, findings, overrides, created_at, created_by,
                updated_at, updated_by)
             VALUES (?, ?, 1, 'draft', ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?) RETURNING id",
        )
        .bind(actor.clinic.get())
        .bind(patient.get())
        .bind(&record.date)
        .bind(&record.product)
        .bind(&record.indication)
        .bind(verdict.total_units)
        .bind(to_json(record))
        .bind(&verdict.verdict)
        .bind(verdict.findings.to_string())
        .bind(&now)
        .bind(actor.user.get())
        .bind(&now)
        .bind(actor.user.get())
        .fetch_one(&mut *tx)
        .await?;
        actor
            .record(
                &mut tx,
                Event {
                    action: "session.create",
                    entity: Some("session"),
                    entity_id: Some(id),
                    detail: &format!("patient {patient}"),
                },
            )
            .await?;
        tx.commit().await?;
        Ok(SessionId::new(id))
    }

    pub async fn update_session_draft(
        &self,
        actor: &Actor,
        id: SessionId,
        expected_version: i64,
        record: &TreatmentInput,
        verdict: &SavedVerdict,
    ) -> StoreResult<i64> {
        self.change_session(
            actor,
            id,
            expected_version,
            Change::Draft { record, verdict },
        )
        .await
    }

    /// Signs a draft and schedules its follow-ups (computed by the domain's
    /// `outcomes::schedule`) in the same transaction.
    pub async fn sign_session(
        &self,
        actor: &Actor,
        id: SessionId,
        expected_version: i64,
        verdict: &SavedVerdict,
        overrides: &[Override],
        follow_ups: &[PlannedFollowUp],
    ) -> StoreResult<i64> {
        self.change_session(
            actor,
            id,
            expected_version,
            Change::Sign {
                verdict,
                overrides,
                follow_ups,
            },
        )
        .await
    }

    #[allow(clippy::too_many_arguments)]
    pub async fn amend_session(
        &self,
        actor: &Actor,
        id: SessionId,
        expected_version: i64,
        record: &TreatmentInput,
        verdict: &SavedVerdict,
        overrides: &[Override],
        reason: &str,
        follow_ups: &[PlannedFollowUp],
    ) -> StoreResult<i64> {
        self.change_session(
            actor,
            id,
            expected_version,
            Change::Amend {
                record,
                verdict,
                overrides,
                reason,
                follow_ups,
            },
        )
        .await
    }

    pub async fn void_session(
        &self,
        actor: &Actor,
        id: SessionId,
        expected_version: i64,
        reason: &str,
    ) -> StoreResult<i64> {
        self.change_session(actor, id, expected_version, Change::Void { reason })
            .await
    }

    async fn change_session(
        &self,
        actor: &Actor,
        id: SessionId,
        expected_version: i64,
        change: Change<'_>,
    ) -> StoreResult<i64> {
        let now = crate::stamp(actor.now);
        let mut tx = self.write().await?;
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM treatment_sessions WHERE id = ? AND clinic_id = ?"
        ))
        .bind(id.get())
        .bind(actor.clinic.get())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let current = from_row(&row)?;
        if current.version != expected_version {
            return Err(StoreError::Conflict);
        }
        let allowed = match change {
            Change::Draft { .. } | Change::Sign { .. } => current.status == SessionStatus::Draft,
            Change::Amend { .. } => current.status == SessionStatus::Signed,
            Change::Void { .. } => current.status != SessionStatus::Void,
        };
        if !allowed {
            let what = match change {
                Change::Draft { .. } => "draft-only",
                Change::Sign { .. } => "sign-draft-only",
                Change::Amend { .. } => "amend-signed-only",
                Change::Void { .. } => "session-void",
            };
            return Err(StoreError::WrongState(what));
        }
        let snapshot: serde_json::Value =
            serde_json::to_value(&current).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        sqlx::query(
            "INSERT INTO treatment_session_versions (clinic_id, session_id, version, snapshot, replaced_at, replaced_by)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(actor.clinic.get())
        .bind(id.get())
        .bind(current.version)
        .bind(snapshot.to_string())
        .bind(&now)
        .bind(actor.user.get())
        .execute(&mut *tx)
        .await?;
        let version = expected_version + 1;
        let (record, verdict, overrides, status, signed, change_reason, void_reason, action) =
            match change {
                Change::Draft { record, verdict } => (
                    record,
                    Some(verdict),
                    None,
                    SessionStatus::Draft,
                    false,
                    None,
                    None,
                    "session.update",
                ),
                Change::Sign {
                    verdict, overrides, ..
                } => (
                    &current.record,
                    Some(verdict),
                    Some(overrides),
                    SessionStatus::Signed,
                    true,
                    None,
                    None,
                    "session.sign",
                ),
                Change::Amend {
                    record,
                    verdict,
                    overrides,
                    reason,
                    ..
                } => (
                    record,
                    Some(verdict),
                    Some(overrides),
                    SessionStatus::Signed,
                    true,
                    Some(reason),
                    None,
                    "session.amend",
                ),
                Change::Void { reason } => (
                    &current.record,
                    None,
                    None,
                    SessionStatus::Void,
                    false,
                    None,
                    Some(reason),
                    "session.void",
                ),
            };
        let verdict_text = verdict
            .map(|v| v.verdict.clone())
            .unwrap_or(current.verdict.clone());
        let findings = verdict
            .map(|v| v.findings.clone())
            .unwrap_or(current.findings.clone());
        let total = verdict
            .map(|v| v.total_units)
            .unwrap_or(current.total_units);
        let overrides = overrides
            .map(<[Override]>::to_vec)
            .unwrap_or(current.overrides.clone());
        let (signed_by, signed_at) = if signed {
            (Some(actor.user.get()), Some(now.clone()))
        } else {
            (
                current.signed_by.map(UserId::get),
                current.signed_at.clone(),
            )
        };
        let changed = sqlx::query(
            "UPDATE treatment_sessions SET version = ?, status = ?, session_date = ?, product = ?, indication = ?,
                total_units = ?, record = ?, verdict = ?, findings = ?, overrides = ?, signed_by = ?, signed_at = ?,
                change_reason = ?, void_reason = ?, updated_at = ?, updated_by = ?
             WHERE id = ? AND clinic_id = ? AND version = ?",
        )
        .bind(version)
        .bind(status.id())
        .bind(&record.date)
        .bind(&record.product)
        .bind(&record.indication)
        .bind(total)
        .bind(to_json(record))
        .bind(&verdict_text)
        .bind(findings.to_string())
        .bind(to_json(&overrides))
        .bind(signed_by)
        .bind(signed_at)
        .bind(change_reason.map(str::to_owned).or(current.change_reason.clone()))
        .bind(void_reason)
        .bind(&now)
        .bind(actor.user.get())
        .bind(id.get())
        .bind(actor.clinic.get())
        .bind(expected_version)
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Err(StoreError::Conflict);
        }
        match change {
            Change::Sign { follow_ups, .. } => {
                crate::outcomes::schedule(
                    &mut tx,
                    actor,
                    current.patient,
                    id,
                    &record.date,
                    follow_ups,
                    true,
                )
                .await?;
            }
            Change::Amend { follow_ups, .. } => {
                crate::outcomes::schedule(
                    &mut tx,
                    actor,
                    current.patient,
                    id,
                    &record.date,
                    follow_ups,
                    false,
                )
                .await?;
            }
            Change::Void { .. } => crate::outcomes::cancel_open(&mut tx, actor, id).await?,
            Change::Draft { .. } => {}
        }
        let detail = change_reason.or(void_reason).unwrap_or_default();
        actor
            .record(
                &mut tx,
                Event {
                    action,
                    entity: Some("session"),
                    entity_id: Some(id.get()),
                    detail,
                },
            )
            .await?;
        tx.commit().await?;
        Ok(version)
    }

    /// One session of the actor's clinic; the read is an audit event.
    pub async fn read_session(&self, actor: &Actor, id: SessionId) -> StoreResult<StoredSession> {
        let mut tx = self.write().await?;
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM treatment_sessions WHERE id = ? AND clinic_id = ?"
        ))
        .bind(id.get())
        .bind(actor.clinic.get())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let session = from_row(&row)?;
        actor
            .record(
                &mut tx,
                Event {
                    action: "session.read",
                    entity: Some("session"),
                    entity_id: Some(id.get()),
                    detail: "",
                },
            )
            .await?;
        tx.commit().await?;
        Ok(session)
    }

    /// A patient's sessions, newest first (void ones included, marked).
    pub async fn sessions_of_patient(
        &self,
        actor: &Actor,
        patient: PatientId,
    ) -> StoreResult<Vec<StoredSession>> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM treatment_sessions WHERE patient_id = ? AND clinic_id = ? ORDER BY session_date DESC, id DESC"
        ))
        .bind(patient.get())
        .bind(actor.clinic.get())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(from_row).collect()
    }

    /// The sessions actually given to a patient (signed, not void), for the safety check,
    /// leaving out `except` (the session being edited).
    pub async fn given_sessions(
        &self,
        actor: &Actor,
        patient: PatientId,
        except: Option<SessionId>,
    ) -> StoreResult<Vec<GivenSession>> {
        let rows = sqlx::query(
            "SELECT id, session_date, product, indication, total_units FROM treatment_sessions
             WHERE patient_id = ? AND clinic_id = ? AND status = 'signed' ORDER BY session_date DESC",
        )
        .bind(patient.get())
        .bind(actor.clinic.get())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .filter(|r| except.is_none_or(|e| r.get::<i64, _>("id") != e.get()))
            .map(|r| {
                let date: String = r.get("session_date");
                Ok(GivenSession {
                    date: date
                        .parse()
                        .map_err(|e| StoreError::Corrupt(format!("session date: {e}")))?,
                    product: r.get("product"),
                    indication: r.get("indication"),
                    total_units: r.get("total_units"),
                })
            })
            .collect()
    }

    /// Earlier versions of a session, oldest first, as they were stored.
    pub async fn session_versions(
        &self,
        actor: &Actor,
        id: SessionId,
    ) -> StoreResult<Vec<serde_json::Value>> {
        let rows = sqlx::query("SELECT snapshot FROM treatment_session_versions WHERE session_id = ? AND clinic_id = ? ORDER BY version")
            .bind(id.get())
            .bind(actor.clinic.get())
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| json(r.get("snapshot"), "version"))
            .collect()
    }
}
