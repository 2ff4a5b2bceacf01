//! The audit trail: who did what to which record, when and from where. Events are
//! written inside the transaction of the change they describe, so neither exists without
//! the other.

use crate::WriteTx;
use crate::audit_key::{AuditKey, Checkpoint};
use bont_core::{ClinicId, UserId};

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

/// The link before the first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What an event's hash covers: every column but the hash itself, each with its length,
/// and the hash of the event before it.
#[derive(Debug, Clone, Copy)]
pub struct Content<'a> {
    pub id: i64,
    pub clinic_id: Option<i64>,
    pub at: &'a str,
    pub user_id: Option<i64>,
    pub action: &'a str,
    pub entity: Option<&'a str>,
    pub entity_id: Option<i64>,
    pub detail: &'a str,
    pub client: &'a str,
}

/// The encoding an event's hash covers: the previous hash and the event's content. Absent
/// values and empty ones encode differently; every field carries its length, so no two
/// different events share an encoding.
fn encoding(prev_hash: &str, event: &Content<'_>) -> Vec<u8> {
    fn text(out: &mut Vec<u8>, value: Option<&str>) {
        match value {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                out.extend_from_slice(&(v.len() as u64).to_be_bytes());
                out.extend_from_slice(v.as_bytes());
            }
        }
    }
    let number = |n: Option<i64>| n.map(|n| n.to_string());
    let mut out = Vec::with_capacity(256);
    out.extend_from_slice(b"bont audit event v1");
    text(&mut out, Some(prev_hash));
    text(&mut out, Some(&event.id.to_string()));
    text(&mut out, number(event.clinic_id).as_deref());
    text(&mut out, Some(event.at));
    text(&mut out, number(event.user_id).as_deref());
    text(&mut out, Some(event.action));
    text(&mut out, event.entity);
    text(&mut out, number(event.entity_id).as_deref());
    text(&mut out, Some(event.detail));
    text(&mut out, Some(event.client));
    out
}

/// SHA-256 over the previous hash and the event's content, as lowercase hex: the hash
/// of events from before the chain was keyed.
pub fn event_hash(prev_hash: &str, event: &Content<'_>) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(encoding(prev_hash, event)))
}

/// The hash a new event gets: sealed with the key when there is one.
pub(crate) fn chain_hash(key: Option<&AuditKey>, prev_hash: &str, event: &Content<'_>) -> String {
    match key {
        Some(key) => key.seal(&encoding(prev_hash, event)),
        None => event_hash(prev_hash, event),
    }
}

/// The newest event's id and hash, or (0, genesis) for an empty trail.
pub(crate) async fn chain_head(tx: &mut WriteTx) -> Result<(i64, String), sqlx::Error> {
    let head: Option<(i64, Option<String>)> =
        sqlx::query_as("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1")
            .fetch_optional(&mut **tx)
            .await?;
    Ok(match head {
        Some((id, hash)) => (id, hash.unwrap_or_else(|| GENESIS.to_owned())),
        None => (0, GENESIS.to_owned()),
    })
}

/// Appends an event to the chain. The transaction holds the write lock from its start
/// (see `Database::write`), so nobody else extends the chain meanwhile.
pub(crate) async fn record(
    tx: &mut WriteTx,
    clinic: Option<ClinicId>,
    user: Option<UserId>,
    client: &str,
    now: jiff::Timestamp,
    event: Event<'_>,
) -> Result<(), sqlx::Error> {
    let (last_id, prev_hash) = chain_head(tx).await?;
    let at = super::stamp(now);
    let content = Content {
        id: last_id + 1,
        clinic_id: clinic.map(ClinicId::get),
        at: &at,
        user_id: user.map(UserId::get),
        action: event.action,
        entity: event.entity,
        entity_id: event.entity_id,
        detail: event.detail,
        client,
    };
    let hash = chain_hash(tx.key.as_deref(), &prev_hash, &content);
    sqlx::query(
        "INSERT INTO audit_events (id, clinic_id, at, user_id, action, entity, entity_id, detail, client, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(content.id)
    .bind(content.clinic_id)
    .bind(&at)
    .bind(content.user_id)
    .bind(event.action)
    .bind(event.entity)
    .bind(event.entity_id)
    .bind(event.detail)
    .bind(client)
    .bind(&prev_hash)
    .bind(&hash)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Actor {
    pub(crate) async fn record(
        &self,
        tx: &mut WriteTx,
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
#[derive(Debug, Clone, serde::Serialize, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub clinic_id: Option<i64>,
    pub at: String,
    pub user_id: Option<i64>,
    /// The user name of `user_id`, when there is one.
    pub username: Option<String>,
    pub action: String,
    pub entity: Option<String>,
    pub entity_id: Option<i64>,
    pub detail: String,
    pub client: String,
    pub prev_hash: Option<String>,
    pub hash: Option<String>,
}

impl AuditRow {
    fn content(&self) -> Content<'_> {
        Content {
            id: self.id,
            clinic_id: self.clinic_id,
            at: &self.at,
            user_id: self.user_id,
            action: &self.action,
            entity: self.entity.as_deref(),
            entity_id: self.entity_id,
            detail: &self.detail,
            client: &self.client,
        }
    }
}

/// Which events to list; every field narrows the list.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Events of this clinic only.
    pub clinic: Option<ClinicId>,
    pub user: Option<String>,
    /// An action, or the start of one ("patient." for every patient action).
    pub action: Option<String>,
    pub entity: Option<String>,
    pub entity_id: Option<i64>,
    /// From this day, inclusive.
    pub from: Option<jiff::civil::Date>,
    /// To this day, inclusive.
    pub to: Option<jiff::civil::Date>,
    /// Older than this event (for paging back).
    pub before: Option<i64>,
}

/// What `verify_audit_chain` found.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ChainReport {
    pub events: i64,
    /// The id of the newest event (0 for an empty trail).
    pub last_id: i64,
    /// The newest event's hash: kept somewhere else, it lets a later check prove that no
    /// event up to it was removed from the end.
    pub head: String,
    pub breaks: Vec<ChainBreak>,
    /// Whether the expected head asked for is in the chain (`None` when none was asked).
    pub expected_head_found: Option<bool>,
    /// From which event on the chain is sealed with the key (`None`: checked without one).
    pub keyed_from: Option<i64>,
    /// Sealed checkpoints on file that the chain matched.
    pub checkpoints_matched: usize,
    /// The newest of them.
    pub last_checkpoint: Option<Checkpoint>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ChainBreak {
    pub id: i64,
    pub kind: BreakKind,
    /// The kind in words, for the command line and logs.
    pub problem: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakKind {
    /// The event's content does not match its hash.
    Edited,
    /// The event's link does not match the event before it.
    Unlinked,
    /// A plain hash where the key's seal belongs (the event was rewritten without it).
    Unsealed,
    /// A seal that this check cannot check: it was opened without the key.
    NoKey,
    /// A checkpoint names an event that is gone or different: events were removed from
    /// the end (or the chain rewritten) after it was made.
    Truncated,
    /// A checkpoint whose seal is not the key's.
    ForgedCheckpoint,
}

impl ChainReport {
    pub fn is_intact(&self) -> bool {
        self.breaks.is_empty() && self.expected_head_found != Some(false)
    }

    /// For a copy taken earlier (a backup): checkpoints made after it name events it
    /// cannot have, and are not held against it.
    pub fn as_of_its_head(mut self) -> ChainReport {
        let last = self.last_id;
        self.breaks
            .retain(|b| !(b.kind == BreakKind::Truncated && b.id > last));
        self
    }
}

const AUDIT_SELECT: &str = "SELECT e.id, e.clinic_id, e.at, e.user_id, u.username, e.action, e.entity, e.entity_id, e.detail, e.client, e.prev_hash, e.hash
     FROM audit_events e LEFT JOIN users u ON u.id = e.user_id";

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
        let mut tx = self.write().await?;
        record(&mut tx, clinic, user, client, now, event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Events matching `filter`, newest first, at most `limit`.
    pub async fn audit_events(
        &self,
        filter: &AuditFilter,
        limit: i64,
    ) -> super::StoreResult<Vec<AuditRow>> {
        let mut sql = crate::Sql::new(AUDIT_SELECT);
        sql.push(" WHERE 1 = 1");
        if let Some(clinic) = filter.clinic {
            // A clinic's own events only: failed log-ins at a user name of the clinic
            // carry its clinic; those at unknown names and the command line's events
            // belong to no clinic and are not shown to any clinic's administrator.
            sql.push(" AND e.clinic_id = ").bind(clinic.get());
        }
        if let Some(user) = &filter.user {
            sql.push(" AND u.username = ").bind(user.clone());
        }
        if let Some(action) = &filter.action {
            if action.ends_with('.') {
                sql.push(" AND substr(e.action, 1, CAST(")
                    .bind(action.len() as i64)
                    .push(" AS INTEGER)) = ")
                    .bind(action.clone());
            } else {
                sql.push(" AND e.action = ").bind(action.clone());
            }
        }
        if let Some(entity) = &filter.entity {
            sql.push(" AND e.entity = ").bind(entity.clone());
        }
        if let Some(id) = filter.entity_id {
            sql.push(" AND e.entity_id = ").bind(id);
        }
        if let Some(from) = filter.from {
            sql.push(" AND e.at >= ").bind(day_start(from));
        }
        if let Some(to) = filter.to {
            sql.push(" AND e.at < ")
                .bind(day_start(to.tomorrow().unwrap_or(to)));
        }
        if let Some(before) = filter.before {
            sql.push(" AND e.id < ").bind(before);
        }
        sql.push(" ORDER BY e.id DESC LIMIT ").bind(limit);
        Ok(sql.query_as::<AuditRow>().fetch_all(&self.pool).await?)
    }

    /// Walks the whole audit chain from the first event and reports every event whose
    /// hash does not match its content (edited) or whose link does not match the event
    /// before it (an event before it was removed or inserted). With `expected_head`,
    /// also tells whether that hash, noted down earlier, is still in the chain.
    pub async fn verify_audit_chain(
        &self,
        expected_head: Option<&str>,
    ) -> super::StoreResult<ChainReport> {
        const BATCH: i64 = 5_000;
        let mut report = ChainReport {
            events: 0,
            last_id: 0,
            head: GENESIS.to_owned(),
            breaks: Vec::new(),
            expected_head_found: expected_head.map(|_| false),
            keyed_from: None,
            checkpoints_matched: 0,
            last_checkpoint: None,
        };
        let mut after = 0;
        loop {
            let rows = sqlx::query_as::<_, AuditRow>(&format!(
                "{AUDIT_SELECT} WHERE e.id > $1 ORDER BY e.id LIMIT $2"
            ))
            .bind(after)
            .bind(BATCH)
            .fetch_all(&self.pool)
            .await?;
            let Some(last) = rows.last() else { break };
            after = last.id;
            for row in &rows {
                report.events += 1;
                let stored = row.hash.as_deref().unwrap_or_default();
                if row.prev_hash.as_deref() != Some(report.head.as_str()) {
                    report.breaks.push(ChainBreak {
                        id: row.id,
                        kind: BreakKind::Unlinked,
                        problem: "its link does not match the event before it (an event was removed or inserted)",
                    });
                }
                let prev = row.prev_hash.as_deref().unwrap_or_default();
                let sealed = stored.starts_with("k1:");
                let expected = match (sealed, self.audit_key()) {
                    (true, Some(key)) => Some(key.seal(&encoding(prev, &row.content()))),
                    (true, None) => None,
                    (false, _) => Some(event_hash(prev, &row.content())),
                };
                match expected {
                    None => report.breaks.push(ChainBreak {
                        id: row.id,
                        kind: BreakKind::NoKey,
                        problem: "it is sealed with the audit key, which this check was not given",
                    }),
                    Some(expected) if expected != stored => report.breaks.push(ChainBreak {
                        id: row.id,
                        kind: BreakKind::Edited,
                        problem: "its content does not match its hash (the event was edited)",
                    }),
                    Some(_) => {}
                }
                if !sealed && self.audit_key().is_some_and(|k| row.id >= k.keyed_from) {
                    report.breaks.push(ChainBreak {
                        id: row.id,
                        kind: BreakKind::Unsealed,
                        problem: "it has a plain hash where the audit key's seal belongs (the chain was rewritten without the key)",
                    });
                }
                if expected_head == Some(stored) {
                    report.expected_head_found = Some(true);
                }
                report.head = stored.to_owned();
                report.last_id = row.id;
            }
        }
        if let Some(key) = self.audit_key() {
            report.keyed_from = Some(key.keyed_from);
            self.match_checkpoints(key, &mut report).await?;
        }
        Ok(report)
    }

    /// Checks the sealed checkpoints on file against the chain.
    async fn match_checkpoints(
        &self,
        key: &AuditKey,
        report: &mut ChainReport,
    ) -> super::StoreResult<()> {
        for (checkpoint, sealed) in key.checkpoints()? {
            if !sealed {
                report.breaks.push(ChainBreak {
                    id: checkpoint.event,
                    kind: BreakKind::ForgedCheckpoint,
                    problem: "a checkpoint of it is not sealed with the audit key",
                });
                continue;
            }
            let hash: Option<Option<String>> =
                sqlx::query_scalar("SELECT hash FROM audit_events WHERE id = $1")
                    .bind(checkpoint.event)
                    .fetch_optional(&self.pool)
                    .await?;
            if hash.flatten().as_deref() != Some(checkpoint.hash.as_str()) {
                report.breaks.push(ChainBreak {
                    id: checkpoint.event,
                    kind: BreakKind::Truncated,
                    problem: "a checkpoint names it, and it is gone or different (events were removed from the end, or the chain rewritten)",
                });
                continue;
            }
            report.checkpoints_matched += 1;
            if report
                .last_checkpoint
                .as_ref()
                .is_none_or(|last| last.event <= checkpoint.event)
            {
                report.last_checkpoint = Some(checkpoint);
            }
        }
        Ok(())
    }

    /// Seals the chain's head in a checkpoint beside the key (nothing without a key or
    /// without events); returns it.
    pub async fn checkpoint_audit_chain(
        &self,
        now: jiff::Timestamp,
    ) -> super::StoreResult<Option<Checkpoint>> {
        let Some(key) = self.audit_key() else {
            return Ok(None);
        };
        let head: Option<(i64, Option<String>)> =
            sqlx::query_as("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1")
                .fetch_optional(&self.pool)
                .await?;
        let Some((event, Some(hash))) = head else {
            return Ok(None);
        };
        let checkpoint = Checkpoint {
            event,
            hash,
            at: super::stamp(now),
        };
        key.append_checkpoint(&checkpoint)?;
        Ok(Some(checkpoint))
    }

    /// The actions on record, for the audit page's filter.
    pub async fn audit_actions(&self) -> super::StoreResult<Vec<String>> {
        Ok(
            sqlx::query_scalar("SELECT DISTINCT action FROM audit_events ORDER BY action")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// Chains events that have no hash yet (those written before the chain existed), in
    /// order, after the last chained one. Runs when the database opens.
    pub(crate) async fn seal_unchained_audit_events(&self) -> super::StoreResult<()> {
        // Most opens find nothing to chain: look before taking the write lock.
        let unchained: Option<i64> =
            sqlx::query_scalar("SELECT id FROM audit_events WHERE hash IS NULL LIMIT 1")
                .fetch_optional(&self.pool)
                .await?;
        if unchained.is_none() {
            return Ok(());
        }
        let mut tx = self.write().await?;
        let first: Option<i64> =
            sqlx::query_scalar("SELECT MIN(id) FROM audit_events WHERE hash IS NULL")
                .fetch_one(&mut *tx)
                .await?;
        let Some(first) = first else {
            return Ok(());
        };
        let mut prev: String = sqlx::query_scalar(
            "SELECT hash FROM audit_events WHERE id < $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(first)
        .fetch_optional(&mut *tx)
        .await?
        .flatten()
        .unwrap_or_else(|| GENESIS.to_owned());
        let rows = sqlx::query_as::<_, AuditRow>(&format!(
            "{AUDIT_SELECT} WHERE e.id >= $1 ORDER BY e.id"
        ))
        .bind(first)
        .fetch_all(&mut *tx)
        .await?;
        for row in rows {
            let hash = chain_hash(tx.key.as_deref(), &prev, &row.content());
            sqlx::query("UPDATE audit_events SET prev_hash = $1, hash = $2 WHERE id = $3")
                .bind(&prev)
                .bind(&hash)
                .bind(row.id)
                .execute(&mut *tx)
                .await?;
            prev = hash;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// A bound that sorts before every stored time of `day` (UTC) and after every time of
/// the day before: stored times are RFC 3339 text that starts with the same characters.
fn day_start(day: jiff::civil::Date) -> String {
    format!("{day}T00:00:00")
}
