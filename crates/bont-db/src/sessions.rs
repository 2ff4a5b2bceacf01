//! Treatment sessions: drafts that anyone caring for the patient may save, signing,
//! amendments that keep every earlier version, and voiding with a reason. A session is
//! stored from its checked values ([`Treatment`]): its own columns, one row per injection
//! (`session_injections`) and per vial (`session_vials`). Each change is made inside the
//! caller's write transaction ([`Tx`]) and is refused when the session moved on since the
//! caller read it. The rows of the current version are replaced by a change; the whole
//! earlier version is kept first in `treatment_session_versions`.

use crate::audit::Event;
use crate::{Actor, Database, StoreError, StoreResult, Tx};
use bont_core::outcomes::schedule::PlannedFollowUp;
use bont_core::safety::Catalog;
use bont_core::safety::plan::InjectionInput;
use bont_core::treatment::{GivenSession, Override, Treatment, TreatmentInput, VialInput};
use bont_core::{PatientId, SessionId, UserId};
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionStatus {
    Draft,
    Signed,
    Void,
}

impl SessionStatus {
    pub fn id(self) -> &'static str {
        match self {
            SessionStatus::Draft => "draft",
            SessionStatus::Signed => "signed",
            SessionStatus::Void => "void",
        }
    }
    pub(crate) fn parse(raw: &str) -> StoreResult<Self> {
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
    /// The stored values written as input (catalogue ids, trimmed text): what the forms
    /// show and the API answers.
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

const COLUMNS: &str = "id, patient_id, version, status, session_date, session_time, product, indication, \
    vial_units, diluent_ml, infection_at_site, anaesthesia, duration_minutes, notes, verdict, findings, \
    total_units, overrides, signed_by, signed_at, change_reason, void_reason, updated_at";

fn json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> StoreResult<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("session {what}: {e}")))
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("session values always serialise")
}

/// The injection and vial rows of some sessions, by session id.
#[derive(Default)]
struct Rows {
    injections: HashMap<i64, Vec<InjectionInput>>,
    vials: HashMap<i64, Vec<VialInput>>,
}

/// Reads the injection and vial rows of the sessions whose ids `scope` selects (a
/// subquery over `treatment_sessions` bound to `binds`).
async fn rows_of(conn: &mut AnyConnection, scope: &str, binds: &[i64]) -> StoreResult<Rows> {
    let mut rows = Rows::default();
    let sql = format!(
        "SELECT session_id, muscle, side, units, sites, guidance FROM session_injections
         WHERE session_id IN ({scope}) ORDER BY session_id, position"
    );
    let mut query = sqlx::query(&sql);
    for b in binds {
        query = query.bind(b);
    }
    for r in query.fetch_all(&mut *conn).await? {
        rows.injections
            .entry(r.try_get("session_id")?)
            .or_default()
            .push(InjectionInput {
                muscle: r.try_get("muscle")?,
                side: r.try_get("side")?,
                units: r.try_get("units")?,
                sites: u32::try_from(r.try_get::<i64, _>("sites")?)
                    .map_err(|_| StoreError::Corrupt("injection sites".into()))?,
                guidance: r.try_get("guidance")?,
            });
    }
    let sql = format!(
        "SELECT session_id, lot, expiry FROM session_vials
         WHERE session_id IN ({scope}) ORDER BY session_id, position"
    );
    let mut query = sqlx::query(&sql);
    for b in binds {
        query = query.bind(b);
    }
    for r in query.fetch_all(&mut *conn).await? {
        rows.vials
            .entry(r.try_get("session_id")?)
            .or_default()
            .push(VialInput {
                lot: r.try_get("lot")?,
                expiry: r.try_get("expiry")?,
            });
    }
    Ok(rows)
}

fn from_row(row: &AnyRow, rows: &mut Rows) -> StoreResult<StoredSession> {
    let id: i64 = row.try_get("id")?;
    Ok(StoredSession {
        id: SessionId::new(id),
        patient: PatientId::new(row.try_get("patient_id")?),
        version: row.try_get("version")?,
        status: SessionStatus::parse(row.try_get("status")?)?,
        record: TreatmentInput {
            date: row.try_get("session_date")?,
            time: row.try_get("session_time")?,
            product: row.try_get("product")?,
            indication: row.try_get("indication")?,
            vial_units: row.try_get("vial_units")?,
            diluent_ml: row.try_get("diluent_ml")?,
            injections: rows.injections.remove(&id).unwrap_or_default(),
            vials: rows.vials.remove(&id).unwrap_or_default(),
            anaesthesia: row.try_get("anaesthesia")?,
            duration_minutes: row
                .try_get::<Option<i64>, _>("duration_minutes")?
                .map(|m| {
                    u32::try_from(m).map_err(|_| StoreError::Corrupt("session duration".into()))
                })
                .transpose()?,
            infection_at_site: crate::flag(row, "infection_at_site"),
            notes: row.try_get("notes")?,
        },
        verdict: row.try_get("verdict")?,
        findings: json(row.try_get("findings")?, "findings")?,
        total_units: row.try_get("total_units")?,
        overrides: json(row.try_get("overrides")?, "overrides")?,
        signed_by: row.try_get::<Option<i64>, _>("signed_by")?.map(UserId::new),
        signed_at: row.try_get("signed_at")?,
        change_reason: row.try_get("change_reason")?,
        void_reason: row.try_get("void_reason")?,
        updated_at: row.try_get("updated_at")?,
    })
}

/// Writes a session's checked values into its columns (the row must exist) and replaces
/// its injection and vial rows.
async fn write_values(
    conn: &mut AnyConnection,
    clinic: i64,
    session: i64,
    treatment: &Treatment,
) -> StoreResult<()> {
    let reconstitution = treatment.reconstitution();
    sqlx::query(
        "UPDATE treatment_sessions SET session_date = $1, session_time = $2, product = $3, indication = $4,
            vial_units = $5, diluent_ml = $6, infection_at_site = $7, anaesthesia = $8, duration_minutes = $9, notes = $10
         WHERE id = $11 AND clinic_id = $12",
    )
    .bind(treatment.date().to_string())
    .bind(treatment.time().map(|t| t.strftime("%H:%M").to_string()))
    .bind(treatment.product().as_str())
    .bind(treatment.indication().id())
    .bind(reconstitution.map(|r| r.vial_units.as_f64()))
    .bind(reconstitution.and_then(|r| r.diluent_ml))
    .bind(treatment.infection_at_site())
    .bind(treatment.anaesthesia())
    .bind(treatment.duration_minutes().map(i64::from))
    .bind(treatment.notes())
    .bind(session)
    .bind(clinic)
    .execute(&mut *conn)
    .await?;
    for table in ["session_injections", "session_vials"] {
        sqlx::query(&format!(
            "DELETE FROM {table} WHERE clinic_id = $1 AND session_id = $2"
        ))
        .bind(clinic)
        .bind(session)
        .execute(&mut *conn)
        .await?;
    }
    for (position, injection) in treatment.injections().iter().enumerate() {
        sqlx::query(
            "INSERT INTO session_injections (clinic_id, session_id, position, product, muscle, side, units, sites, guidance)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(clinic)
        .bind(session)
        .bind(position as i64)
        .bind(treatment.product().as_str())
        .bind(&injection.muscle)
        .bind(injection.side.as_str())
        .bind(injection.units.as_f64())
        .bind(i64::from(injection.sites))
        .bind(injection.guidance)
        .execute(&mut *conn)
        .await?;
    }
    for (position, vial) in treatment.vials().iter().enumerate() {
        sqlx::query(
            "INSERT INTO session_vials (clinic_id, session_id, position, product, lot, expiry)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(clinic)
        .bind(session)
        .bind(position as i64)
        .bind(treatment.product().as_str())
        .bind(vial.lot())
        .bind(vial.expiry().to_string())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Sessions of the clinic chosen by `filter` (SQL after `WHERE clinic_id = ? AND`, with
/// one more bound id), with their injection and vial rows.
async fn sessions_where(
    conn: &mut AnyConnection,
    clinic: i64,
    filter: &str,
    id: i64,
    order: &str,
) -> StoreResult<Vec<StoredSession>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM treatment_sessions WHERE clinic_id = $1 AND {filter} {order}"
    );
    let found = sqlx::query(&sql)
        .bind(clinic)
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    if found.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows = rows_of(
        conn,
        &format!("SELECT id FROM treatment_sessions WHERE clinic_id = $1 AND {filter}"),
        &[clinic, id],
    )
    .await?;
    found.iter().map(|r| from_row(r, &mut rows)).collect()
}

async fn session_in(
    conn: &mut AnyConnection,
    clinic: i64,
    id: SessionId,
) -> StoreResult<StoredSession> {
    sessions_where(conn, clinic, "id = $2", id.get(), "")
        .await?
        .pop()
        .ok_or(StoreError::NotFound)
}

async fn sessions_of_patient_in(
    conn: &mut AnyConnection,
    clinic: i64,
    patient: PatientId,
) -> StoreResult<Vec<StoredSession>> {
    sessions_where(
        conn,
        clinic,
        "patient_id = $2",
        patient.get(),
        "ORDER BY session_date DESC, id DESC",
    )
    .await
}

/// A change to make to a session, applied by [`Tx::change_session`].
pub enum Change<'a> {
    Draft {
        treatment: &'a Treatment,
        verdict: &'a SavedVerdict,
    },
    Sign {
        verdict: &'a SavedVerdict,
        overrides: &'a [Override],
        follow_ups: &'a [PlannedFollowUp],
    },
    Amend {
        treatment: &'a Treatment,
        verdict: &'a SavedVerdict,
        overrides: &'a [Override],
        reason: &'a str,
        follow_ups: &'a [PlannedFollowUp],
    },
    Void {
        reason: &'a str,
    },
}

impl Change<'_> {
    /// Whether a session in `status` may take this change, else the refusal's code.
    pub fn allowed_from(&self, status: SessionStatus) -> Result<(), &'static str> {
        let (allowed, refusal) = match self {
            Change::Draft { .. } => (status == SessionStatus::Draft, "draft-only"),
            Change::Sign { .. } => (status == SessionStatus::Draft, "sign-draft-only"),
            Change::Amend { .. } => (status == SessionStatus::Signed, "amend-signed-only"),
            Change::Void { .. } => (status != SessionStatus::Void, "session-void"),
        };
        if allowed { Ok(()) } else { Err(refusal) }
    }
}

impl Tx {
    /// One session of the actor's clinic, as this transaction sees it (not audited: the
    /// use case records what it did).
    pub async fn session(&mut self, actor: &Actor, id: SessionId) -> StoreResult<StoredSession> {
        session_in(self.conn(), actor.clinic.get(), id).await
    }

    /// A patient's sessions, newest first (void ones included, marked).
    pub async fn sessions_of_patient(
        &mut self,
        actor: &Actor,
        patient: PatientId,
    ) -> StoreResult<Vec<StoredSession>> {
        sessions_of_patient_in(self.conn(), actor.clinic.get(), patient).await
    }

    /// The sessions actually given to a patient (signed, not void), for the safety check,
    /// leaving out `except` (the session being checked).
    pub async fn given_sessions(
        &mut self,
        actor: &Actor,
        patient: PatientId,
        except: Option<SessionId>,
    ) -> StoreResult<Vec<GivenSession>> {
        given_sessions_in(self.conn(), actor.clinic.get(), patient, except).await
    }

    /// A patient's signed sessions with their ids, newest first (for the outcome rules).
    pub async fn signed_sessions(
        &mut self,
        actor: &Actor,
        patient: PatientId,
    ) -> StoreResult<Vec<(SessionId, GivenSession)>> {
        signed_sessions_in(self.conn(), actor.clinic.get(), patient).await
    }

    /// Saves a new draft for a patient of the actor's clinic.
    pub async fn create_session(
        &mut self,
        actor: &Actor,
        patient: PatientId,
        treatment: &Treatment,
        verdict: &SavedVerdict,
    ) -> StoreResult<SessionId> {
        let now = crate::stamp(actor.now);
        let known: Option<i64> =
            sqlx::query_scalar("SELECT id FROM patients WHERE id = $1 AND clinic_id = $2")
                .bind(patient.get())
                .bind(actor.clinic.get())
                .fetch_optional(self.conn())
                .await?;
        if known.is_none() {
            return Err(StoreError::NotFound);
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO treatment_sessions (clinic_id, patient_id, version, status, session_date, product,
                indication, total_units, verdict, findings, overrides, created_at, created_by,
                updated_at, updated_by)
             VALUES ($1, $2, 1, 'draft', $3, $4, $5, $6, $7, $8, '[]', $9, $10, $11, $12) RETURNING id",
        )
        .bind(actor.clinic.get())
        .bind(patient.get())
        .bind(treatment.date().to_string())
        .bind(treatment.product().as_str())
        .bind(treatment.indication().id())
        .bind(verdict.total_units)
        .bind(&verdict.verdict)
        .bind(verdict.findings.to_string())
        .bind(&now)
        .bind(actor.user.get())
        .bind(&now)
        .bind(actor.user.get())
        .fetch_one(self.conn())
        .await?;
        write_values(self.conn(), actor.clinic.get(), id, treatment).await?;
        self.audit(
            actor,
            Event {
                action: "session.create",
                entity: Some("session"),
                entity_id: Some(id),
                detail: &format!("patient {patient}"),
            },
        )
        .await?;
        Ok(SessionId::new(id))
    }

    /// Applies a change to a session at `expected_version`: keeps the version it replaces,
    /// writes the new values, schedules or cancels follow-ups, and records the event.
    /// Returns the new version.
    pub async fn change_session(
        &mut self,
        actor: &Actor,
        id: SessionId,
        expected_version: i64,
        change: Change<'_>,
    ) -> StoreResult<i64> {
        let now = crate::stamp(actor.now);
        let current = self.session(actor, id).await?;
        if current.version != expected_version {
            return Err(StoreError::Conflict);
        }
        change
            .allowed_from(current.status)
            .map_err(StoreError::WrongState)?;
        let snapshot: serde_json::Value =
            serde_json::to_value(&current).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        sqlx::query(
            "INSERT INTO treatment_session_versions (clinic_id, session_id, version, snapshot, replaced_at, replaced_by)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(actor.clinic.get())
        .bind(id.get())
        .bind(current.version)
        .bind(snapshot.to_string())
        .bind(&now)
        .bind(actor.user.get())
        .execute(self.conn())
        .await?;
        let version = expected_version + 1;
        let (treatment, verdict, overrides, status, signed, change_reason, void_reason, action) =
            match &change {
                Change::Draft { treatment, verdict } => (
                    Some(*treatment),
                    Some(*verdict),
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
                    None,
                    Some(*verdict),
                    Some(*overrides),
                    SessionStatus::Signed,
                    true,
                    None,
                    None,
                    "session.sign",
                ),
                Change::Amend {
                    treatment,
                    verdict,
                    overrides,
                    reason,
                    ..
                } => (
                    Some(*treatment),
                    Some(*verdict),
                    Some(*overrides),
                    SessionStatus::Signed,
                    true,
                    Some(*reason),
                    None,
                    "session.amend",
                ),
                Change::Void { reason } => (
                    None,
                    None,
                    None,
                    SessionStatus::Void,
                    false,
                    None,
                    Some(*reason),
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
            "UPDATE treatment_sessions SET version = $1, status = $2, total_units = $3, verdict = $4, findings = $5,
                overrides = $6, signed_by = $7, signed_at = $8, change_reason = $9, void_reason = $10, updated_at = $11,
                updated_by = $12
             WHERE id = $13 AND clinic_id = $14 AND version = $15",
        )
        .bind(version)
        .bind(status.id())
        .bind(total)
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
        .execute(self.conn())
        .await?;
        if changed.rows_affected() != 1 {
            return Err(StoreError::Conflict);
        }
        if let Some(treatment) = treatment {
            write_values(self.conn(), actor.clinic.get(), id.get(), treatment).await?;
        }
        let session_date = treatment
            .map(|t| t.date().to_string())
            .unwrap_or_else(|| current.record.date.clone());
        match change {
            Change::Sign { follow_ups, .. } => {
                crate::outcomes::schedule(
                    self.transaction(),
                    actor,
                    current.patient,
                    id,
                    &session_date,
                    follow_ups,
                    true,
                )
                .await?;
            }
            Change::Amend { follow_ups, .. } => {
                crate::outcomes::schedule(
                    self.transaction(),
                    actor,
                    current.patient,
                    id,
                    &session_date,
                    follow_ups,
                    false,
                )
                .await?;
            }
            Change::Void { .. } => {
                crate::outcomes::cancel_open(self.transaction(), actor, id).await?;
            }
            Change::Draft { .. } => {}
        }
        let detail = change_reason.or(void_reason).unwrap_or_default();
        self.audit(
            actor,
            Event {
                action,
                entity: Some("session"),
                entity_id: Some(id.get()),
                detail,
            },
        )
        .await?;
        Ok(version)
    }
}

async fn given_sessions_in(
    conn: &mut AnyConnection,
    clinic: i64,
    patient: PatientId,
    except: Option<SessionId>,
) -> StoreResult<Vec<GivenSession>> {
    Ok(signed_sessions_in(conn, clinic, patient)
        .await?
        .into_iter()
        .filter(|(id, _)| Some(*id) != except)
        .map(|(_, given)| given)
        .collect())
}

async fn signed_sessions_in(
    conn: &mut AnyConnection,
    clinic: i64,
    patient: PatientId,
) -> StoreResult<Vec<(SessionId, GivenSession)>> {
    let rows = sqlx::query(
        "SELECT id, session_date, product, indication, total_units FROM treatment_sessions
         WHERE clinic_id = $1 AND patient_id = $2 AND status = 'signed' ORDER BY session_date DESC, id DESC",
    )
    .bind(clinic)
    .bind(patient.get())
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            let date: String = r.try_get("session_date")?;
            Ok((
                SessionId::new(r.try_get("id")?),
                GivenSession {
                    date: date
                        .parse()
                        .map_err(|e| StoreError::Corrupt(format!("session date: {e}")))?,
                    product: r.try_get("product")?,
                    indication: r.try_get("indication")?,
                    total_units: r.try_get("total_units")?,
                },
            ))
        })
        .collect()
}

impl Database {
    /// One session of the actor's clinic; the read is an audit event.
    pub async fn read_session(&self, actor: &Actor, id: SessionId) -> StoreResult<StoredSession> {
        let session = session_in(&mut *self.pool.acquire().await?, actor.clinic.get(), id).await?;
        self.audit_read(
            actor,
            Event {
                action: "session.read",
                entity: Some("session"),
                entity_id: Some(id.get()),
                detail: "",
            },
        )
        .await?;
        Ok(session)
    }

    /// A patient's sessions, newest first (void ones included, marked).
    pub async fn sessions_of_patient(
        &self,
        actor: &Actor,
        patient: PatientId,
    ) -> StoreResult<Vec<StoredSession>> {
        let mut conn = self.pool.acquire().await?;
        sessions_of_patient_in(&mut conn, actor.clinic.get(), patient).await
    }

    /// The sessions actually given to a patient (signed, not void), for the safety check,
    /// leaving out `except` (the session being edited).
    pub async fn given_sessions(
        &self,
        actor: &Actor,
        patient: PatientId,
        except: Option<SessionId>,
    ) -> StoreResult<Vec<GivenSession>> {
        let mut conn = self.pool.acquire().await?;
        given_sessions_in(&mut conn, actor.clinic.get(), patient, except).await
    }

    /// Earlier versions of a session, oldest first, as they were stored.
    pub async fn session_versions(
        &self,
        actor: &Actor,
        id: SessionId,
    ) -> StoreResult<Vec<serde_json::Value>> {
        let rows = sqlx::query("SELECT snapshot FROM treatment_session_versions WHERE session_id = $1 AND clinic_id = $2 ORDER BY version")
            .bind(id.get())
            .bind(actor.clinic.get())
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| json(r.try_get("snapshot")?, "version"))
            .collect()
    }

    /// Brings sessions stored by earlier versions as raw records (waiting in
    /// `legacy_session_records`) into their columns and rows, each read through the
    /// domain's check of a session's own fields. A record that no longer passes stops the
    /// opening with its session named: nothing is guessed.
    pub(crate) async fn bring_legacy_sessions_to_rows(&self, catalog: &Catalog) -> StoreResult<()> {
        let waiting: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM legacy_session_records")
            .fetch_one(&self.pool)
            .await?;
        if waiting == 0 {
            return Ok(());
        }
        let mut tx = self.begin().await?;
        let legacy = sqlx::query(
            "SELECT l.session_id, s.clinic_id, l.record FROM legacy_session_records l
             JOIN treatment_sessions s ON s.id = l.session_id ORDER BY l.session_id",
        )
        .fetch_all(tx.conn())
        .await?;
        for row in &legacy {
            let id: i64 = row.try_get("session_id")?;
            let input: TreatmentInput = json(row.try_get("record")?, "record")?;
            let treatment = input
                .with_muscle_ids(catalog)
                .parse(catalog)
                .map_err(|e| StoreError::Corrupt(format!("session {id} as stored: {e}")))?;
            write_values(tx.conn(), row.try_get("clinic_id")?, id, &treatment).await?;
            sqlx::query("DELETE FROM legacy_session_records WHERE session_id = $1")
                .bind(id)
                .execute(tx.conn())
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
