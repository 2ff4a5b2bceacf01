//! A clinic's own session templates, kept as the session content they start from.

use crate::audit::Event;
use crate::{Actor, Database, StoreError, StoreResult};
use bont_core::treatment::TreatmentInput;
use bont_core::{FieldErrors, Problem};
use sqlx::Row;

#[derive(Debug, Clone)]
pub struct ClinicTemplate {
    pub id: i64,
    pub name: String,
    pub record: TreatmentInput,
}

impl Database {
    /// Saves `record` (without date, vials or notes) as a template of the actor's clinic.
    pub async fn create_template(
        &self,
        actor: &Actor,
        name: &str,
        record: &TreatmentInput,
    ) -> StoreResult<i64> {
        let content = TreatmentInput {
            date: String::new(),
            time: None,
            vials: Vec::new(),
            notes: String::new(),
            ..record.clone()
        };
        let json =
            serde_json::to_string(&content).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let mut tx = self.write().await?;
        let inserted = sqlx::query_scalar::<_, i64>(
            "INSERT INTO session_templates (clinic_id, name, record, created_at, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(actor.clinic.get())
        .bind(name)
        .bind(json)
        .bind(crate::stamp(actor.now))
        .bind(actor.user.get())
        .fetch_one(&mut *tx)
        .await;
        let id = match inserted {
            Ok(id) => id,
            Err(e) if crate::is_unique_violation(&e, "name") => {
                return Err(StoreError::Invalid(FieldErrors::one(
                    "template_name",
                    Problem::Duplicate,
                )));
            }
            Err(e) => return Err(e.into()),
        };
        actor
            .record(
                &mut tx,
                Event {
                    action: "template.create",
                    entity: Some("template"),
                    entity_id: Some(id),
                    detail: name,
                },
            )
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn templates_of_clinic(&self, actor: &Actor) -> StoreResult<Vec<ClinicTemplate>> {
        let rows = sqlx::query(
            "SELECT id, name, record FROM session_templates WHERE clinic_id = $1 ORDER BY name",
        )
        .bind(actor.clinic.get())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let record: String = r.try_get("record")?;
                Ok(ClinicTemplate {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    record: serde_json::from_str(&record)
                        .map_err(|e| StoreError::Corrupt(format!("template: {e}")))?,
                })
            })
            .collect()
    }
}
