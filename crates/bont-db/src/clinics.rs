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
                id: ClinicId::new(row.get("id")),
                name: row.get("name"),
                pseudonymised: row.get("pseudonymised"),
            },
            None => {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO clinics (name, created_at) VALUES (?, ?) RETURNING id",
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
        let id: i64 =
            sqlx::query_scalar("INSERT INTO clinics (name, created_at) VALUES (?, ?) RETURNING id")
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
        let row = sqlx::query("SELECT id, name, pseudonymised FROM clinics WHERE id = ?")
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await?
            .ok_or(crate::StoreError::NotFound)?;
        Ok(Clinic {
            id,
            name: row.get("name"),
            pseudonymised: row.get("pseudonymised"),
        })
    }

    /// Changes the clinic's settings (its administrator's call), on the audit trail.
    pub async fn set_clinic_pseudonymised(
        &self,
        actor: &crate::Actor,
        pseudonymised: bool,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        sqlx::query("UPDATE clinics SET pseudonymised = ? WHERE id = ?")
            .bind(pseudonymised)
            .bind(actor.clinic.get())
            .execute(&mut *tx)
            .await?;
        actor
            .record(
                &mut tx,
                crate::audit::Event {
                    action: "clinic.settings",
                    entity: Some("clinic"),
                    entity_id: Some(actor.clinic.get()),
                    detail: if pseudonymised {
                        "pseudonymised"
                    } else {
                        "identified"
                    },
                },
            )
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
