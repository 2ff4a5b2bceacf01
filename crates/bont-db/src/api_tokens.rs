//! API tokens: made by a user for another system, shown once, stored as a SHA-256 hash,
//! revocable by their owner or the clinic's administrator. A token acts as its user (same
//! role, same clinic), limited to reading when its scope is read.

use crate::audit::Event;
use crate::users::StoredUser;
use crate::{Actor, Database, StoreError, StoreResult};
use bont_core::user::{NewToken, TokenScope};
use bont_core::{ClinicId, UserId};

/// What a secret is stored as.
pub fn secret_hash(secret: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A token as listed (never its secret).
#[derive(Debug, Clone, serde::Serialize, sqlx::FromRow)]
pub struct TokenRow {
    pub id: i64,
    pub user_id: i64,
    pub username: String,
    pub name: String,
    pub scope: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

/// The user a presented token acts for, with the token's id and scope.
#[derive(Debug, Clone)]
pub struct TokenUser {
    pub token: i64,
    pub scope: TokenScope,
    pub user: StoredUser,
}

const SELECT: &str = "SELECT t.id, t.user_id, u.username, t.name, t.scope, t.created_at, t.last_used_at, t.revoked_at
     FROM api_tokens t JOIN users u ON u.id = t.user_id";

/// How often the last-use time is brought up to date (not on every request).
const LAST_USED_GRANULARITY_SECS: i64 = 300;

impl Database {
    /// Keeps a new token for `actor`'s user; `secret` is the random value given to the user.
    pub async fn create_api_token(
        &self,
        actor: &Actor,
        token: &NewToken,
        secret: &str,
    ) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO api_tokens (clinic_id, user_id, name, scope, secret_hash, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(actor.clinic.get())
        .bind(actor.user.get())
        .bind(token.name.as_str())
        .bind(token.scope.id())
        .bind(secret_hash(secret))
        .bind(crate::stamp(actor.now))
        .fetch_one(&mut *tx)
        .await?;
        actor
            .record(
                &mut tx,
                Event {
                    action: "token.create",
                    entity: Some("api_token"),
                    entity_id: Some(id),
                    detail: token.scope.id(),
                },
            )
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The tokens of one user, or (`user` = None) of the whole clinic, newest first.
    pub async fn api_tokens(
        &self,
        clinic: ClinicId,
        user: Option<UserId>,
    ) -> StoreResult<Vec<TokenRow>> {
        Ok(sqlx::query_as::<_, TokenRow>(&format!(
            "{SELECT} WHERE t.clinic_id = $1 AND ($2 IS NULL OR t.user_id = $3) ORDER BY t.id DESC"
        ))
        .bind(clinic.get())
        .bind(user.map(UserId::get))
        .bind(user.map(UserId::get))
        .fetch_all(&self.pool)
        .await?)
    }

    /// Revokes a token of `actor`'s clinic; `any_user` lets an administrator revoke
    /// another user's token. Revoking twice is harmless.
    pub async fn revoke_api_token(
        &self,
        actor: &Actor,
        id: i64,
        any_user: bool,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let owner: Option<i64> =
            sqlx::query_scalar("SELECT user_id FROM api_tokens WHERE id = $1 AND clinic_id = $2")
                .bind(id)
                .bind(actor.clinic.get())
                .fetch_optional(&mut *tx)
                .await?;
        match owner {
            Some(owner) if owner == actor.user.get() || any_user => {}
            _ => return Err(StoreError::NotFound),
        }
        sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1, revoked_by = $2 WHERE id = $3 AND revoked_at IS NULL",
        )
        .bind(crate::stamp(actor.now))
        .bind(actor.user.get())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        actor
            .record(
                &mut tx,
                Event {
                    action: "token.revoke",
                    entity: Some("api_token"),
                    entity_id: Some(id),
                    detail: "",
                },
            )
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The active user a secret belongs to, when the token exists and is not revoked.
    pub async fn user_by_api_token(
        &self,
        secret: &str,
        now: jiff::Timestamp,
    ) -> StoreResult<Option<TokenUser>> {
        let found: Option<(i64, i64, String, Option<String>)> = sqlx::query_as(
            "SELECT id, user_id, scope, last_used_at FROM api_tokens
             WHERE secret_hash = $1 AND revoked_at IS NULL",
        )
        .bind(secret_hash(secret))
        .fetch_optional(&self.pool)
        .await?;
        let Some((id, user_id, scope, last_used)) = found else {
            return Ok(None);
        };
        let Some(user) = self.user(UserId::new(user_id)).await?.filter(|u| u.active) else {
            return Ok(None);
        };
        let scope = TokenScope::parse(&scope)
            .map_err(|p| StoreError::Corrupt(format!("api_tokens.scope: {p}")))?;
        let stale = last_used
            .and_then(|t| t.parse::<jiff::Timestamp>().ok())
            .is_none_or(|t| (now - t).get_seconds() > LAST_USED_GRANULARITY_SECS);
        if stale {
            sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
                .bind(crate::stamp(now))
                .bind(id)
                .execute(&self.pool)
                .await?;
        }
        Ok(Some(TokenUser {
            token: id,
            scope,
            user,
        }))
    }
}
