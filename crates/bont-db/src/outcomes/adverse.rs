//! Adverse events: entered for a patient (and the session and lot they follow), voided
//! with a reason, and found by lot for a recall.

use super::{json, to_json};
use crate::audit::Event;
use crate::{Actor, Database, StoreError, StoreResult};
use bont_core::outcomes::OutcomeBook;
use bont_core::outcomes::adverse::AdverseEventInput;
use bont_core::safety::plan::PastAdverseEventInput;
use bont_core::{PatientId, SessionId};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

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

fn adverse_from_row(row: &AnyRow) -> StoreResult<StoredAdverseEvent> {
    Ok(StoredAdverseEvent {
        id: row.try_get("id")?,
        patient: PatientId::new(row.try_get("patient_id")?),
        session: SessionId::new(row.try_get("session_id")?),
        record: json(row.try_get("record")?, "adverse event")?,
        alarming: crate::flag(row, "alarming"),
        void: row.try_get::<String, _>("status")? == "void",
        created_at: row.try_get("created_at")?,
    })
}

impl Database {
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
}

impl crate::Tx {
    /// The patient's adverse events still on record, each with the signed session it
    /// followed (date, product, muscles), as the safety check reads them; the events of
    /// session `except` (the one being checked) are left out. One statement.
    pub async fn earlier_adverse_events(
        &mut self,
        actor: &Actor,
        patient: PatientId,
        except: Option<SessionId>,
    ) -> StoreResult<Vec<PastAdverseEventInput>> {
        let rows = sqlx::query(
            "SELECT a.id, a.kind, a.severity, s.session_date, s.product, i.muscle
             FROM adverse_events a
             JOIN treatment_sessions s ON s.id = a.session_id AND s.status = 'signed'
             LEFT JOIN session_injections i ON i.session_id = a.session_id
             WHERE a.clinic_id = $1 AND a.patient_id = $2 AND a.status = 'entered' AND a.session_id <> $3
             ORDER BY a.id, i.position",
        )
        .bind(actor.clinic.get())
        .bind(patient.get())
        .bind(except.map_or(0, |s| s.get()))
        .fetch_all(self.conn())
        .await?;
        let mut events: Vec<(i64, PastAdverseEventInput)> = Vec::new();
        for row in &rows {
            let id: i64 = row.try_get("id")?;
            let muscle: Option<String> = row.try_get("muscle")?;
            if events.last().is_none_or(|(last, _)| *last != id) {
                events.push((
                    id,
                    PastAdverseEventInput {
                        kind: row.try_get("kind")?,
                        severity: row.try_get("severity")?,
                        session_date: row.try_get("session_date")?,
                        product: row.try_get("product")?,
                        muscles: Vec::new(),
                    },
                ));
            }
            if let (Some(m), Some((_, event))) = (muscle, events.last_mut())
                && !event.muscles.contains(&m)
            {
                event.muscles.push(m);
            }
        }
        Ok(events.into_iter().map(|(_, e)| e).collect())
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
        let found = sqlx::query(
            "SELECT patient_id, status FROM treatment_sessions WHERE id = $1 AND clinic_id = $2 AND status <> 'void'",
        )
        .bind(session.get())
        .bind(actor.clinic.get())
        .fetch_optional(self.conn())
        .await?
        .ok_or(StoreError::NotFound)?;
        // An adverse event follows an injection given: a signed session, not a draft.
        if found.try_get::<String, _>("status")? != "signed" {
            return Err(StoreError::WrongState("ae-signed-only"));
        }
        let patient: i64 = found.try_get("patient_id")?;
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
}
