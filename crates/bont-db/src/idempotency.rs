//! Idempotency keys of creations: what a key created, recorded in the transaction that
//! created it, so that a retry with the same key finds it.

use crate::{Actor, StoreError, StoreResult, Tx};
use bont_core::{FieldErrors, Problem};

/// The longest key accepted.
pub const KEY_MAX: usize = 100;

/// A key as a client sends it: 1 to [`KEY_MAX`] visible ASCII characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn parse(raw: &str) -> Result<IdempotencyKey, FieldErrors> {
        let key = raw.trim();
        if key.is_empty() || key.len() > KEY_MAX || !key.chars().all(|c| c.is_ascii_graphic()) {
            return Err(FieldErrors::one(
                "idempotency_key",
                Problem::TooLong { max: KEY_MAX },
            ));
        }
        Ok(IdempotencyKey(key.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Tx {
    /// What `key` of the actor created before, if it created a record of kind `entity`.
    /// A key used for another kind of record is refused.
    pub async fn created_with(
        &mut self,
        actor: &Actor,
        key: &IdempotencyKey,
        entity: &str,
    ) -> StoreResult<Option<i64>> {
        let found: Option<(String, i64)> = sqlx::query_as(
            "SELECT entity, entity_id FROM idempotency_keys WHERE clinic_id = $1 AND user_id = $2 AND key = $3",
        )
        .bind(actor.clinic.get())
        .bind(actor.user.get())
        .bind(key.as_str())
        .fetch_optional(self.conn())
        .await?;
        match found {
            None => Ok(None),
            Some((kind, id)) if kind == entity => Ok(Some(id)),
            Some(_) => Err(StoreError::Invalid(FieldErrors::one(
                "idempotency_key",
                Problem::Duplicate,
            ))),
        }
    }

    /// Records that `key` of the actor created `entity` `id`.
    pub async fn remember_key(
        &mut self,
        actor: &Actor,
        key: &IdempotencyKey,
        entity: &str,
        id: i64,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO idempotency_keys (clinic_id, user_id, key, entity, entity_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(actor.clinic.get())
        .bind(actor.user.get())
        .bind(key.as_str())
        .bind(entity)
        .bind(id)
        .bind(crate::stamp(actor.now))
        .execute(self.conn())
        .await?;
        Ok(())
    }
}
