//! Patients: creating a record (safe to retry with an idempotency key) and changing one.
//! Each answers with the record as its transaction stored it.

use crate::{App, AppResult, Error};
use bont_core::PatientId;
use bont_core::patient::{PatientInput, PatientRecord};
use bont_db::Actor;
use bont_db::idempotency::IdempotencyKey;
use bont_db::patients::StoredPatient;

impl App {
    /// Checks and stores a new patient. With a key the actor used before for a patient,
    /// nothing new is stored and that patient is the answer.
    pub async fn create_patient(
        &self,
        actor: &Actor,
        input: &PatientInput,
        key: Option<&IdempotencyKey>,
    ) -> AppResult<StoredPatient> {
        let record =
            PatientRecord::parse(input, self.clock.today()).map_err(Error::InvalidFields)?;
        let mut tx = self.db.begin().await?;
        if let Some(key) = key
            && let Some(id) = tx.created_with(actor, key, "patient").await?
        {
            let stored = tx.patient(actor, PatientId::new(id)).await?;
            tx.commit().await?;
            return Ok(stored);
        }
        let id = tx.create_patient(actor, &record).await?;
        if let Some(key) = key {
            tx.remember_key(actor, key, "patient", id.get()).await?;
        }
        let stored = tx.patient(actor, id).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Replaces a patient's record if it is still at `version`; the earlier version is
    /// kept.
    pub async fn update_patient(
        &self,
        actor: &Actor,
        id: PatientId,
        version: i64,
        input: &PatientInput,
    ) -> AppResult<StoredPatient> {
        let record =
            PatientRecord::parse(input, self.clock.today()).map_err(Error::InvalidFields)?;
        let mut tx = self.db.begin().await?;
        tx.update_patient(actor, id, version, &record).await?;
        let stored = tx.patient(actor, id).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Other patients of the clinic who may be the same person: the same birth date and a
    /// family name that reads the same, in any script ("Kowalski", "Ковальский"). Pointed
    /// out with a link, never a block; nothing about them is read but the match.
    pub async fn possible_duplicates(
        &self,
        actor: &Actor,
        patient: &StoredPatient,
    ) -> AppResult<Vec<PatientId>> {
        let Some(family) = &patient.record.name.family else {
            return Ok(Vec::new());
        };
        let key = bont_core::text::name_key(family.as_str());
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let born = patient.record.birth_date.date().to_string();
        Ok(self
            .db
            .born_on(actor, &born, patient.id)
            .await?
            .into_iter()
            .filter(|(_, other)| bont_core::text::name_key(other) == key)
            .map(|(id, _)| id)
            .collect())
    }
}
