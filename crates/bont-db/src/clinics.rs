//! Clinics. A fresh database gets one; a clinic network has many.

use crate::{Database, StoreResult};
use bont_core::ClinicId;
use sqlx::Row;

#[derive(Debug, Clone)]
pub struct Clinic {
    pub id: ClinicId,
    pub name: String,
    /// Patients are known by a code; identifiers in records are warned about.
    pub pseudonymised: bool,
}

impl Database {
    /// The first clinic, created with `name` when there is none yet.
    pub async fn first_clinic_or_create(
        &self,
        name: &str,
        now: jiff::Timestamp,
    ) -> StoreResult<Clinic> {
        let mut tx = self.write().await?;
        let existing =
            sqlx::query("SELECT id, name, pseudonymised FROM clinics ORDER BY id LIMIT 1")
                .fetch_optional(&mut *tx)
                .await?;
        let clinic = match existing {
            Some(row) => Clinic {
                id: ClinicId::new(row.try_get("id")?),
                name: row.try_get("name")?,
                pseudonymised: crate::flag(&row, "pseudonymised"),
            },
            None => {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO clinics (name, created_at) VALUES ($1, $2) RETURNING id",
                )
                .bind(name)
                .bind(crate::stamp(now))
                .fetch_one(&mut *tx)
                .await?;
                let clinic = Clinic {
                    id: ClinicId::new(id),
                    name: name.to_owned(),
                    pseudonymised: false,
                };
                crate::audit::record(
                    &mut tx,
                    Some(clinic.id),
                    None,
                    "",
                    now,
                    crate::audit::Event {
                        action: "clinic.create",
                        entity: Some("clinic"),
                        entity_id: Some(id),
                        detail: name,
                    },
                )
                .await?;
                clinic
            }
        };
        tx.commit().await?;
        Ok(clinic)
    }

    /// Adds another clinic (clinic networks, and the tests of separation between clinics).
    pub async fn create_clinic(&self, name: &str, now: jiff::Timestamp) -> StoreResult<Clinic> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO clinics (name, created_at) VALUES ($1, $2) RETURNING id",
        )
        .bind(name)
        .bind(crate::stamp(now))
        .fetch_one(&self.pool)
        .await?;
        Ok(Clinic {
            id: ClinicId::new(id),
            name: name.to_owned(),
            pseudonymised: false,
        })
    }

    pub async fn clinic(&self, id: ClinicId) -> StoreResult<Clinic> {
        let row = sqlx::query("SELECT id, name, pseudonymised FROM clinics WHERE id = $1")
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await?
            .ok_or(crate::StoreError::NotFound)?;
        Ok(Clinic {
            id,
            name: row.try_get("name")?,
            pseudonymised: crate::flag(&row, "pseudonymised"),
        })
    }

    /// Changes the clinic's settings (its administrator's call) in one transaction, on the
    /// audit trail: pseudonymised working, and the after-care advice per language (an empty
    /// text removes that language's advice).
    pub async fn save_clinic_settings(
        &self,
        actor: &crate::Actor,
        pseudonymised: bool,
        advice: &[(bont_core::Language, String)],
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        sqlx::query("UPDATE clinics SET pseudonymised = $1 WHERE id = $2")
            .bind(pseudonymised)
            .bind(actor.clinic.get())
            .execute(&mut *tx)
            .await?;
        for (language, text) in advice {
            if text.trim().is_empty() {
                sqlx::query("DELETE FROM clinic_advice WHERE clinic_id = $1 AND language = $2")
                    .bind(actor.clinic.get())
                    .bind(language.code())
                    .execute(&mut *tx)
                    .await?;
            } else {
                sqlx::query(
                    "INSERT INTO clinic_advice (clinic_id, language, text, updated_at, updated_by)
                     VALUES ($1, $2, $3, $4, $5)
                     ON CONFLICT (clinic_id, language)
                     DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at,
                                   updated_by = excluded.updated_by",
                )
                .bind(actor.clinic.get())
                .bind(language.code())
                .bind(text)
                .bind(crate::stamp(actor.now))
                .bind(actor.user.get())
                .execute(&mut *tx)
                .await?;
            }
        }
        let languages: Vec<&str> = advice
            .iter()
            .filter(|(_, t)| !t.trim().is_empty())
            .map(|(l, _)| l.code())
            .collect();
        let detail = format!(
            "{}; after-care advice: {}",
            if pseudonymised {
                "pseudonymised"
            } else {
                "identified"
            },
            if languages.is_empty() {
                "none".to_owned()
            } else {
                languages.join(", ")
            }
        );
        actor
            .record(
                &mut tx,
                crate::audit::Event {
                    action: "clinic.settings",
                    entity: Some("clinic"),
                    entity_id: Some(actor.clinic.get()),
                    detail: &detail,
                },
            )
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The clinic's after-care advice in `language`, when it wrote one.
    pub async fn clinic_advice(
        &self,
        clinic: ClinicId,
        language: bont_core::Language,
    ) -> StoreResult<Option<String>> {
        Ok(sqlx::query_scalar(
            "SELECT text FROM clinic_advice WHERE clinic_id = $1 AND language = $2",
        )
        .bind(clinic.get())
        .bind(language.code())
        .fetch_optional(&self.pool)
        .await?)
    }
}
