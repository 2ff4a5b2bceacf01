//! Staff accounts. Password hashes are computed by the caller; this module only stores
//! them.

use crate::audit::Event;
use crate::{Actor, Database, StoreError, StoreResult};
use bont_core::user::NewUser;
use bont_core::{ClinicId, FieldErrors, Language, Problem, Role, UserId};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone)]
pub struct StoredUser {
    pub id: UserId,
    pub clinic: ClinicId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub language: Language,
    pub password_hash: String,
    pub must_change_password: bool,
    pub active: bool,
    /// When the password was last set (a one-time password expires a while after).
    pub password_set_at: Option<jiff::Timestamp>,
}

const COLUMNS: &str = "id, clinic_id, username, display_name, role, language, password_hash, \
                       must_change_password, active, password_set_at";

fn from_row(row: &AnyRow) -> StoreResult<StoredUser> {
    let role: String = row.get("role");
    let language: String = row.get("language");
    Ok(StoredUser {
        id: UserId::new(row.get("id")),
        clinic: ClinicId::new(row.get("clinic_id")),
        username: row.get("username"),
        display_name: row.get("display_name"),
        role: Role::parse(&role).map_err(|p| StoreError::Corrupt(format!("users.role: {p}")))?,
        language: Language::parse(&language)
            .map_err(|p| StoreError::Corrupt(format!("users.language: {p}")))?,
        password_hash: row.get("password_hash"),
        must_change_password: crate::flag(row, "must_change_password"),
        active: crate::flag(row, "active"),
        password_set_at: row
            .try_get::<Option<String>, _>("password_set_at")
            .ok()
            .flatten()
            .and_then(|at| at.parse().ok()),
    })
}

impl Database {
    /// Opens an account in `clinic`. `actor` is the administrator, or `None` when the
    /// system itself creates the first account.
    pub async fn create_user(
        &self,
        actor: Option<&Actor>,
        clinic: ClinicId,
        user: &NewUser,
        password_hash: &str,
        must_change_password: bool,
        now: jiff::Timestamp,
    ) -> StoreResult<UserId> {
        let mut tx = self.write().await?;
        let inserted = sqlx::query_scalar::<_, i64>(
            "INSERT INTO users (clinic_id, username, display_name, role, language, password_hash,
                                must_change_password, active, created_at, updated_at, password_set_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, $8, $9, $10) RETURNING id",
        )
        .bind(clinic.get())
        .bind(user.username.as_str())
        .bind(user.display_name.as_str())
        .bind(user.role.id())
        .bind(user.language.code())
        .bind(password_hash)
        .bind(must_change_password)
        .bind(crate::stamp(now))
        .bind(crate::stamp(now))
        .bind(crate::stamp(now))
        .fetch_one(&mut *tx)
        .await;
        let id = match inserted {
            Ok(id) => id,
            Err(e) if crate::is_unique_violation(&e, "username") => {
                return Err(StoreError::Invalid(FieldErrors::one(
                    "username",
                    Problem::Duplicate,
                )));
            }
            Err(e) => return Err(e.into()),
        };
        let event = Event {
            action: "user.create",
            entity: Some("user"),
            entity_id: Some(id),
            detail: &format!("{} ({})", user.username.as_str(), user.role),
        };
        match actor {
            Some(actor) => actor.record(&mut tx, event).await?,
            None => crate::audit::record(&mut tx, Some(clinic), None, "", now, event).await?,
        }
        tx.commit().await?;
        Ok(UserId::new(id))
    }

    pub async fn user_by_username(&self, username: &str) -> StoreResult<Option<StoredUser>> {
        let row = sqlx::query(&format!("SELECT {COLUMNS} FROM users WHERE username = $1"))
            .bind(username.trim().to_lowercase())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(from_row).transpose()
    }

    pub async fn user(&self, id: UserId) -> StoreResult<Option<StoredUser>> {
        let row = sqlx::query(&format!("SELECT {COLUMNS} FROM users WHERE id = $1"))
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(from_row).transpose()
    }

    pub async fn users_of_clinic(&self, clinic: ClinicId) -> StoreResult<Vec<StoredUser>> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM users WHERE clinic_id = $1 ORDER BY username"
        ))
        .bind(clinic.get())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(from_row).collect()
    }

    pub async fn count_users(&self) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(&self.pool)
            .await?)
    }

    /// Replaces a password hash; `must_change` makes the next login ask for a new one.
    pub async fn set_password(
        &self,
        actor: &Actor,
        user: UserId,
        password_hash: &str,
        must_change: bool,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let changed = sqlx::query(
            "UPDATE users SET password_hash = $1, must_change_password = $2, updated_at = $3, password_set_at = $4 WHERE id = $5",
        )
        .bind(password_hash)
        .bind(must_change)
        .bind(crate::stamp(actor.now))
        .bind(crate::stamp(actor.now))
        .bind(user.get())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        // A new password ends every other credential of the account: its API tokens are
        // revoked (login sessions end by themselves, being bound to the password hash),
        // and the guesses counted against its user name are forgotten.
        let revoked = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1, revoked_by = $2 WHERE user_id = $3 AND revoked_at IS NULL",
        )
        .bind(crate::stamp(actor.now))
        .bind(actor.user.get())
        .bind(user.get())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query(
            "DELETE FROM login_guesses WHERE username = (SELECT username FROM users WHERE id = $1)",
        )
        .bind(user.get())
        .execute(&mut *tx)
        .await?;
        let detail = match (must_change, revoked) {
            (true, 0) => "reset".to_owned(),
            (false, 0) => "changed".to_owned(),
            (true, n) => format!("reset; {n} API token(s) revoked"),
            (false, n) => format!("changed; {n} API token(s) revoked"),
        };
        actor
            .record(
                &mut tx,
                Event {
                    action: "user.password",
                    entity: Some("user"),
                    entity_id: Some(user.get()),
                    detail: &detail,
                },
            )
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The language a user reads bont in, chosen by the user.
    pub async fn set_user_language(&self, actor: &Actor, language: Language) -> StoreResult<()> {
        let mut tx = self.write().await?;
        sqlx::query("UPDATE users SET language = $1, updated_at = $2 WHERE id = $3")
            .bind(language.code())
            .bind(crate::stamp(actor.now))
            .bind(actor.user.get())
            .execute(&mut *tx)
            .await?;
        actor
            .record(
                &mut tx,
                Event {
                    action: "user.language",
                    entity: Some("user"),
                    entity_id: Some(actor.user.get()),
                    detail: language.code(),
                },
            )
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
