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
    /// A clinical account an administrator opened or reset, not yet confirmed by a
    /// physician of the clinic: it does not log in.
    pub awaiting_confirmation: bool,
}

const COLUMNS: &str = "id, clinic_id, username, display_name, role, language, password_hash, \
                       must_change_password, active, password_set_at, awaiting_confirmation";

fn from_row(row: &AnyRow) -> StoreResult<StoredUser> {
    let role: String = row.try_get("role")?;
    let language: String = row.try_get("language")?;
    Ok(StoredUser {
        id: UserId::new(row.try_get("id")?),
        clinic: ClinicId::new(row.try_get("clinic_id")?),
        username: row.try_get("username")?,
        display_name: row.try_get("display_name")?,
        role: Role::parse(&role).map_err(|p| StoreError::Corrupt(format!("users.role: {p}")))?,
        language: Language::parse(&language)
            .map_err(|p| StoreError::Corrupt(format!("users.language: {p}")))?,
        password_hash: row.try_get("password_hash")?,
        must_change_password: crate::flag(row, "must_change_password"),
        active: crate::flag(row, "active"),
        awaiting_confirmation: crate::flag(row, "awaiting_confirmation"),
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
        // Opened by an administrator, a clinical account waits for a physician of the
        // clinic, unless it is the clinic's first physician (nobody could confirm it).
        let confirmation = match actor {
            Some(_) if user.role.is_clinical() => {
                if confirmed_physicians(&mut tx, clinic, None).await? > 0 {
                    Confirmation::Awaited
                } else if user.role == bont_core::Role::Physician {
                    Confirmation::FirstPhysician
                } else {
                    Confirmation::Awaited
                }
            }
            _ => Confirmation::NotNeeded,
        };
        let awaiting = confirmation == Confirmation::Awaited;
        let inserted = sqlx::query_scalar::<_, i64>(
            "INSERT INTO users (clinic_id, username, display_name, role, language, password_hash,
                                must_change_password, active, created_at, updated_at, password_set_at,
                                awaiting_confirmation)
             VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, $8, $9, $10, $11) RETURNING id",
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
        .bind(awaiting)
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
            detail: &format!(
                "{} ({}){}",
                user.username.as_str(),
                user.role,
                confirmation.note()
            ),
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
        let target: Option<(String, i64)> =
            sqlx::query_as("SELECT role, clinic_id FROM users WHERE id = $1")
                .bind(user.get())
                .fetch_optional(&mut *tx)
                .await?;
        let Some((role, clinic)) = target else {
            return Err(StoreError::NotFound);
        };
        let clinical = bont_core::Role::parse(&role).is_ok_and(bont_core::Role::is_clinical);
        // Reset by someone else, a clinical account waits for a physician again, unless
        // no other physician of the clinic could confirm it.
        let confirmation = if must_change && actor.user != user && clinical {
            let others = confirmed_physicians(&mut tx, ClinicId::new(clinic), Some(user)).await?;
            if others > 0 {
                Confirmation::Awaited
            } else {
                Confirmation::NoOtherPhysician
            }
        } else {
            Confirmation::NotNeeded
        };
        sqlx::query(
            "UPDATE users SET password_hash = $1, must_change_password = $2, updated_at = $3, password_set_at = $4,
                              awaiting_confirmation = (awaiting_confirmation OR $5) WHERE id = $6",
        )
        .bind(password_hash)
        .bind(must_change)
        .bind(crate::stamp(actor.now))
        .bind(crate::stamp(actor.now))
        .bind(confirmation == Confirmation::Awaited)
        .bind(user.get())
        .execute(&mut *tx)
        .await?;
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
        let mut detail = match (must_change, revoked) {
            (true, 0) => "reset".to_owned(),
            (false, 0) => "changed".to_owned(),
            (true, n) => format!("reset; {n} API token(s) revoked"),
            (false, n) => format!("changed; {n} API token(s) revoked"),
        };
        detail.push_str(confirmation.note());
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

    /// A physician confirms a clinical account of their clinic that waits for it.
    pub async fn confirm_account(&self, actor: &Actor, user: UserId) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let changed = sqlx::query(
            "UPDATE users SET awaiting_confirmation = FALSE, updated_at = $1
             WHERE id = $2 AND clinic_id = $3 AND awaiting_confirmation = TRUE",
        )
        .bind(crate::stamp(actor.now))
        .bind(user.get())
        .bind(actor.clinic.get())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        actor
            .record(
                &mut tx,
                Event {
                    action: "user.confirm",
                    entity: Some("user"),
                    entity_id: Some(user.get()),
                    detail: "",
                },
            )
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The clinic's accounts that wait for a physician's confirmation.
    pub async fn accounts_awaiting_confirmation(
        &self,
        clinic: ClinicId,
    ) -> StoreResult<Vec<StoredUser>> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM users WHERE clinic_id = $1 AND awaiting_confirmation = TRUE AND active = TRUE
             ORDER BY username"
        ))
        .bind(clinic.get())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(from_row).collect()
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

/// Whether an account change needs a physician's confirmation, and what the trail says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Confirmation {
    NotNeeded,
    Awaited,
    /// The clinic's first physician: active by the administrator alone.
    FirstPhysician,
    /// Reset by the administrator with no other physician to confirm it.
    NoOtherPhysician,
}

impl Confirmation {
    fn note(self) -> &'static str {
        match self {
            Confirmation::NotNeeded => "",
            Confirmation::Awaited => "; waits for a physician's confirmation",
            Confirmation::FirstPhysician => {
                "; FIRST PHYSICIAN of the clinic: active without a physician's confirmation"
            }
            Confirmation::NoOtherPhysician => {
                "; NO OTHER PHYSICIAN to confirm it: active without a physician's confirmation"
            }
        }
    }
}

/// Active, confirmed physicians of `clinic`, leaving out `except`.
async fn confirmed_physicians(
    tx: &mut crate::WriteTx,
    clinic: ClinicId,
    except: Option<UserId>,
) -> StoreResult<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM users WHERE clinic_id = $1 AND role = 'physician' AND active = TRUE
           AND awaiting_confirmation = FALSE AND id <> $2",
    )
    .bind(clinic.get())
    .bind(except.map_or(0, UserId::get))
    .fetch_one(&mut **tx)
    .await?)
}
