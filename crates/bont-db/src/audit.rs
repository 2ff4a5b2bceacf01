//! The audit trail: who did what to which record, when and from where. Events are
//! written inside the transaction of the change they describe, so neither exists without
//! the other.

use bont_core::{ClinicId, UserId};
use sqlx::{Sqlite, Transaction};

/// The user on whose behalf a storage call acts.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user: UserId,
    pub clinic: ClinicId,
    /// Where the request came from (client address), as the web layer saw it.
    pub client: String,
    pub now: jiff::Timestamp,
}

/// One audit event to write.
pub struct Event<'a> {
    pub action: &'a str,
    pub entity: Option<&'a str>,
    pub entity_id: Option<i64>,
    pub detail: &'a str,
}

pub(crate) async fn record(
    tx: &mut Transaction<'_, Sqlite>,
    clinic: Option<ClinicId>,
    user: Option<UserId>,
    client: &str,
    now: jiff::Timestamp,
    event: Event<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_events (clinic_id, at, user_id, action, entity, entity_id, detail, client)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(clinic.map(ClinicId::get))
    .bind(super::stamp(now))
    .bind(user.map(UserId::get))
    .bind(event.action)
    .bind(event.entity)
    .bind(event.entity_id)
    .bind(event.detail)
    .bind(client)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Actor {
    pub(crate) async fn record(
        &self,
        tx: &mut Transaction<'_, Sqlite>,
        event: Event<'_>,
    ) -> Result<(), sqlx::Error> {
        record(
            tx,
            Some(self.clinic),
            Some(self.user),
            &self.client,
            self.now,
            event,
        )
        .await
    }
}

/// A stored audit event, for the audit views and tests.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub clinic_id: Option<i64>,
    pub at: String,
    pub user_id: Option<i64>,
    pub action: String,
    pub entity: Option<String>,
    pub entity_id: Option<i64>,
    pub detail: String,
    pub client: String,
}

impl super::Database {
    /// Records an event that goes with no other write (a login, a failed login).
    pub async fn audit_event(
        &self,
        clinic: Option<ClinicId>,
        user: Option<UserId>,
        client: &str,
        now: jiff::Timestamp,
        event: Event<'_>,
    ) -> super::StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        record(&mut tx, clinic, user, client, now, event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Failed logins for `username` since `since` and since that user's last successful
    /// login or password change (for the lockout after repeated failures).
    pub async fn recent_failed_logins(
        &self,
        username: &str,
        since: jiff::Timestamp,
    ) -> super::StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_events
             WHERE action = 'login.failed' AND detail = ? AND at > ?
               AND id > COALESCE((SELECT MAX(e.id) FROM audit_events e JOIN users u ON u.id = e.entity_id
                                  WHERE e.action IN ('login', 'user.password') AND e.entity = 'user' AND u.username = ?), 0)",
        )
        .bind(username)
        .bind(super::stamp(since))
        .bind(username)
        .fetch_one(&self.pool)
        .await?)
    }

    /// The newest events first.
    pub async fn audit_events(&self, limit: i64) -> super::StoreResult<Vec<AuditRow>> {
        Ok(sqlx::query_as::<_, AuditRow>(
            "SELECT id, clinic_id, at, user_id, action, entity, entity_id, detail, client
             FROM audit_events ORDER BY id DESC LIMIT ?",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}
