//! Assessments on the outcome scales: recorded for a patient (a peak assessment closes the
//! open peak follow-up of the session before it), listed, voided with a reason.

use super::{date, json, known_patient, to_json};
use crate::audit::Event;
use crate::{Actor, Database, StoreError, StoreResult};
use bont_core::PatientId;
use bont_core::outcomes::assessment::{Assessment, AssessmentInput, Timepoint};
use jiff::civil::Date;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

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

fn assessment_from_row(row: &AnyRow) -> StoreResult<StoredAssessment> {
    let timepoint: String = row.try_get("timepoint")?;
    Ok(StoredAssessment {
        id: row.try_get("id")?,
        patient: PatientId::new(row.try_get("patient_id")?),
        scale: row.try_get("scale")?,
        date: date(row.try_get("assessed_on")?, "assessment date")?,
        timepoint: Timepoint::parse(&timepoint)
            .ok_or_else(|| StoreError::Corrupt(format!("timepoint {timepoint}")))?,
        score: row.try_get("score")?,
        record: json(row.try_get("record")?, "assessment")?,
        void: row.try_get::<String, _>("status")? == "void",
    })
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

impl Database {
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
}
