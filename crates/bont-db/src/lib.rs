//! Storage for bont: one [`Database`] handle over a connection pool, and one module per
//! kind of record. Every write runs in one transaction together with its audit event, and
//! nothing clinical is deleted or overwritten without keeping the earlier version.
//!
//! SQL lives only in this crate and is kept portable (plain types, no engine-specific
//! functions); the SQLite migrations are in `migrations/sqlite`.

pub mod api_tokens;
pub mod audit;
pub mod clinics;
pub mod idempotency;
pub mod outcomes;
pub mod patients;
mod read_audit;
pub mod sessions;
pub mod templates;
pub mod users;

use bont_core::FieldErrors;
use bont_core::safety::Catalog;
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

pub use audit::Actor;

/// Why a storage call failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// The record changed since the caller read it (optimistic concurrency).
    #[error("the record was changed by someone else")]
    Conflict,
    /// A value the database refused, named by field (a duplicate, mostly).
    #[error("{0}")]
    Invalid(FieldErrors),
    /// The record is not in a state that allows this (signing a signed session): one of
    /// [`WRONG_STATES`], each worded in the interface's message files (`state-<code>`).
    #[error("{0}")]
    WrongState(&'static str),
    /// A stored row no longer passes the domain's checks.
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Migration(#[from] sqlx::migrate::MigrateError),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// The embedded SQL migrations of the SQLite engine.
static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// A handle on the database; cheap to clone.
#[derive(Debug, Clone)]
pub struct Database {
    pool: SqlitePool,
    /// Where reads record their audit events, committed in groups (set once opened).
    read_audit: Option<read_audit::ReadAudit>,
}

impl Database {
    /// Opens (creating if needed) the SQLite file at `path` and brings its schema up to
    /// date. WAL journal with full synchronous commits: a write is acknowledged only once
    /// it is on disk.
    pub async fn open(path: &Path, catalog: &Catalog) -> StoreResult<Database> {
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        SQLITE_MIGRATIONS.run(&pool).await?;
        let mut db = Database {
            pool,
            read_audit: None,
        };
        db.seal_unchained_audit_events().await?;
        db.bring_legacy_sessions_to_rows(catalog).await?;
        db.read_audit = Some(read_audit::ReadAudit::start(db.clone()));
        Ok(db)
    }

    /// The pool, for components that keep their own tables (the login session store).
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Starts a transaction that writes (every transaction here writes at least its audit
    /// event). `BEGIN IMMEDIATE` takes SQLite's write lock at the start, so what the
    /// transaction reads cannot be changed by another writer before it commits, and the
    /// audit chain is extended by one writer at a time.
    pub(crate) async fn write(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.pool.begin_with("BEGIN IMMEDIATE").await
    }

    /// Starts a write transaction for a use case: everything it reads sees one state of
    /// the database, and nothing it writes is seen by others before [`Tx::commit`].
    pub async fn begin(&self) -> StoreResult<Tx> {
        Ok(Tx {
            inner: self.write().await?,
        })
    }

    /// Starts a transaction that only reads: one consistent view of the database, taken
    /// without the write lock (a live verdict, a preview). Audit events belong in
    /// [`Database::begin`]'s transactions.
    pub async fn begin_read(&self) -> StoreResult<Tx> {
        Ok(Tx {
            inner: self.pool.begin().await?,
        })
    }

    /// Records the audit event of a read and answers once it is durable; concurrent
    /// reads share one commit (see `read_audit`).
    pub async fn audit_read(&self, actor: &Actor, event: audit::Event<'_>) -> StoreResult<()> {
        self.audit_read_by(actor.into(), event).await
    }

    pub(crate) async fn audit_read_by(
        &self,
        by: read_audit::By<'_>,
        event: audit::Event<'_>,
    ) -> StoreResult<()> {
        match &self.read_audit {
            Some(queue) => queue.record(by, event).await,
            None => {
                let mut tx = self.begin().await?;
                audit::record(
                    tx.transaction(),
                    by.clinic,
                    by.user,
                    by.client,
                    by.now,
                    event,
                )
                .await?;
                tx.commit().await
            }
        }
    }

    /// Answers when the database can be queried (for the health endpoint).
    pub async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Writes a consistent copy of the whole database to `target` (which must not exist)
    /// while the application keeps running: SQLite's `VACUUM INTO` reads one snapshot.
    pub async fn backup_to(&self, target: &Path) -> StoreResult<()> {
        let target = target
            .to_str()
            .ok_or_else(|| StoreError::Corrupt("the backup path is not UTF-8".into()))?;
        sqlx::query("VACUUM INTO ?")
            .bind(target)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// A write transaction: a use case reads what it decides from and writes what it decided,
/// with its audit event, in one of these, and commits once. Dropped without
/// [`Tx::commit`], it rolls back.
pub struct Tx {
    inner: sqlx::Transaction<'static, sqlx::Sqlite>,
}

impl Tx {
    pub async fn commit(self) -> StoreResult<()> {
        self.inner.commit().await?;
        Ok(())
    }

    /// Records an audit event of the actor in this transaction.
    pub async fn audit(&mut self, actor: &Actor, event: audit::Event<'_>) -> StoreResult<()> {
        actor.record(&mut self.inner, event).await?;
        Ok(())
    }

    pub(crate) fn conn(&mut self) -> &mut sqlx::SqliteConnection {
        &mut self.inner
    }

    pub(crate) fn transaction(&mut self) -> &mut sqlx::Transaction<'static, sqlx::Sqlite> {
        &mut self.inner
    }
}

/// Checks that `path` is a sound bont database: SQLite's integrity check passes and its
/// schema is one this version knows (no migration newer than ours).
pub async fn check_database_file(path: &Path) -> StoreResult<()> {
    use sqlx::Connection;
    let options = SqliteConnectOptions::new().filename(path).read_only(true);
    let mut conn = sqlx::SqliteConnection::connect_with(&options).await?;
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await?;
    if verdict != "ok" {
        return Err(StoreError::Corrupt(format!("integrity check: {verdict}")));
    }
    let newest: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .map_err(|_| StoreError::Corrupt("not a bont database (no migration table)".into()))?;
    let ours = SQLITE_MIGRATIONS
        .iter()
        .map(|m| m.version)
        .max()
        .unwrap_or_default();
    match newest {
        None => Err(StoreError::Corrupt(
            "not a bont database (no migration applied)".into(),
        )),
        Some(v) if v > ours => Err(StoreError::Corrupt(format!(
            "made by a newer bont (schema {v}, this one knows {ours})"
        ))),
        Some(_) => Ok(()),
    }
}

/// Current time as stored: RFC 3339 in UTC.
fn stamp(now: jiff::Timestamp) -> String {
    now.to_string()
}

/// Whether an error is the unique constraint on `column`.
fn is_unique_violation(error: &sqlx::Error, column: &str) -> bool {
    match error {
        sqlx::Error::Database(db) => {
            db.kind() == sqlx::error::ErrorKind::UniqueViolation && db.message().contains(column)
        }
        _ => false,
    }
}

/// Why a change was refused by the record's state (see [`StoreError::WrongState`]).
pub const WRONG_STATES: [&str; 7] = [
    "draft-only",
    "sign-draft-only",
    "amend-signed-only",
    "session-void",
    "follow-up-closed",
    "event-void",
    "after-care-signed-only",
];
