//! Storage for bont: one [`Database`] handle over a connection pool, and one module per
//! kind of record. Every write runs in one transaction together with its audit event, and
//! nothing clinical is deleted or overwritten without keeping the earlier version.
//!
//! SQL lives only in this crate and is kept portable (plain types, no engine-specific
//! functions); the SQLite migrations are in `migrations/sqlite`.

pub mod api_tokens;
pub mod audit;
pub mod audit_key;
pub mod bulk;
pub mod clinics;
mod condition;
pub mod day_sheet;
pub mod files;
pub mod idempotency;
pub mod login_guard;
pub mod outcomes;
pub mod patients;
mod read_audit;
pub mod sessions;
pub mod templates;
#[doc(hidden)]
pub mod testing;
pub mod users;

use bont_core::FieldErrors;
use bont_core::safety::Catalog;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, ConnectOptions, Executor, Row};
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub use audit::Actor;
pub use condition::StorageState;

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
    /// What this engine does with its own tools instead (a PostgreSQL backup).
    #[error("{0}")]
    Unsupported(&'static str),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error(transparent)]
    File(#[from] std::io::Error),
    /// The storage cannot take the work now (see [`Unavailable`]): the database was found
    /// damaged, and it takes no writes until it is restored.
    #[error("the database is unavailable: {0:?}")]
    Unavailable(Unavailable),
    /// The audit trail is sealed with a key that is not where it should be.
    #[error(
        "the audit key {} is missing: this database's audit trail is sealed with it; put it back from where it is kept",
        .0.display()
    )]
    KeyMissing(PathBuf),
}

/// The storage's own state that stopped the work, rather than anything in the request:
/// the same request may succeed later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// Another program or connection holds the database longer than a writer waits.
    Locked,
    /// The disk (or the server's storage) is full.
    Full,
    /// The database file is damaged.
    Damaged,
}

impl StoreError {
    /// Whether the storage's state, not the request, stopped the work, and how.
    pub fn unavailable(&self) -> Option<Unavailable> {
        match self {
            StoreError::Database(e) => unavailable(e),
            StoreError::Unavailable(state) => Some(*state),
            StoreError::File(e) if e.kind() == std::io::ErrorKind::StorageFull => {
                Some(Unavailable::Full)
            }
            _ => None,
        }
    }
}

/// The errors that say the storage is unavailable: SQLite's result codes (the primary code
/// is the low byte of an extended one), PostgreSQL's SQLSTATEs (always five characters),
/// and values that cannot be read back as what they were stored as.
fn unavailable(error: &sqlx::Error) -> Option<Unavailable> {
    match error {
        sqlx::Error::PoolTimedOut => Some(Unavailable::Locked),
        // What was read back is not what was stored (bytes that are not text, text where
        // a number belongs): the file is damaged where it was read.
        sqlx::Error::ColumnDecode { .. } | sqlx::Error::Decode(_) => Some(Unavailable::Damaged),
        sqlx::Error::Io(e) if e.kind() == std::io::ErrorKind::StorageFull => {
            Some(Unavailable::Full)
        }
        sqlx::Error::Database(e) => {
            let code = e.code()?;
            if code.len() == 5 {
                match code.as_ref() {
                    "53100" => Some(Unavailable::Full),
                    "55P03" | "53300" | "57P03" => Some(Unavailable::Locked),
                    "XX001" | "XX002" => Some(Unavailable::Damaged),
                    _ => None,
                }
            } else {
                match code.parse::<u32>().ok()? & 0xff {
                    5 | 6 => Some(Unavailable::Locked),
                    13 => Some(Unavailable::Full),
                    11 | 26 => Some(Unavailable::Damaged),
                    _ => None,
                }
            }
        }
        _ => None,
    }
}

/// Where the audit key of the SQLite database at `path` is kept: beside it.
pub fn audit_key_beside(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".audit-key");
    PathBuf::from(name)
}

pub type StoreResult<T> = Result<T, StoreError>;

/// The embedded SQL migrations of each engine; both folders carry the same versions.
static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// The two engines bont runs on. The SQL is shared; what differs between them (how a
/// writer takes the lock, backup, integrity checks) asks this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// One file, embedded: a clinic.
    Sqlite,
    /// A server: a network of clinics, a registry.
    Postgres,
}

/// Where the database lives: a SQLite file or a PostgreSQL server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Sqlite(PathBuf),
    /// A `postgres://` address (user, host, port, database name).
    Postgres(String),
}

impl Location {
    /// Reads `postgres://…` or `postgresql://…` as a server and anything else as the path
    /// of a SQLite file (a leading `sqlite:` is allowed).
    pub fn parse(text: &str) -> Location {
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            Location::Postgres(text.to_owned())
        } else {
            let path = text
                .strip_prefix("sqlite://")
                .or_else(|| text.strip_prefix("sqlite:"))
                .unwrap_or(text);
            Location::Sqlite(PathBuf::from(path))
        }
    }

    pub fn engine(&self) -> Engine {
        match self {
            Location::Sqlite(_) => Engine::Sqlite,
            Location::Postgres(_) => Engine::Postgres,
        }
    }

    /// The connection address, for components that open their own typed pool (the login
    /// session store).
    pub fn url(&self) -> String {
        match self {
            Location::Sqlite(path) => sqlite_options(path).to_url_lossy().to_string(),
            Location::Postgres(url) => url.clone(),
        }
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Sqlite(path) => write!(f, "{}", path.display()),
            // The address without its password.
            Location::Postgres(url) => match url::Url::parse(url) {
                Ok(mut parsed) => {
                    if parsed.password().is_some() {
                        let _ = parsed.set_password(Some("***"));
                    }
                    write!(f, "{parsed}")
                }
                Err(_) => f.write_str("postgres://…"),
            },
        }
    }
}

/// How bont opens a SQLite file: created if missing, WAL journal, full synchronous
/// commits (a write is acknowledged only once it is on disk), foreign keys enforced.
/// The pragmas that are not part of the address are set on each new connection.
pub fn sqlite_options(path: &Path) -> sqlx::sqlite::SqliteConnectOptions {
    sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .synchronous(sqlx::sqlite::SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(std::time::Duration::from_secs(10))
}

/// The pragmas of every SQLite connection. The write-ahead log is cut back to 64 MiB
/// whenever a checkpoint empties it: a large load or index build otherwise leaves it at its
/// largest size.
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; \
     PRAGMA journal_size_limit = 67108864;";

/// The key of PostgreSQL's transaction-scoped advisory lock that writers take first, so
/// that, as in SQLite, one writer at a time reads what it decides from and extends the
/// audit chain ("bont" in ASCII).
const WRITE_LOCK: i64 = 0x626f_6e74;

/// A handle on the database; cheap to clone.
#[derive(Debug, Clone)]
pub struct Database {
    pool: AnyPool,
    location: Location,
    /// The key the audit chain is sealed with (none for a PostgreSQL database opened
    /// without one: its events get plain hashes).
    audit_key: Option<std::sync::Arc<audit_key::AuditKey>>,
    /// Where reads record their audit events, committed in groups (set once opened).
    read_audit: Option<read_audit::ReadAudit>,
    /// What the storage last said of itself: a full disk, a damaged file.
    condition: std::sync::Arc<condition::Condition>,
}

impl Database {
    /// Opens (creating if needed) the SQLite file at `path`; see [`Database::connect`].
    pub async fn open(path: &Path, catalog: &Catalog) -> StoreResult<Database> {
        Database::connect(&Location::Sqlite(path.to_owned()), catalog).await
    }

    /// Opens the database at `location` and brings its schema up to date: a SQLite file
    /// (created if needed) or an existing PostgreSQL database.
    ///
    /// The audit key is the file beside a SQLite database (`<file>.audit-key`), made at
    /// the first start; a PostgreSQL database opened so has none (see
    /// [`Database::connect_keyed`]).
    pub async fn connect(location: &Location, catalog: &Catalog) -> StoreResult<Database> {
        let key = match location {
            Location::Sqlite(path) => Some(audit_key_beside(path)),
            Location::Postgres(_) => None,
        };
        Database::connect_keyed(location, catalog, key.as_deref()).await
    }

    /// As [`Database::connect`], with the audit chain sealed by the key in `key_file`:
    /// read when it exists, made when it does not and no event is sealed yet (with
    /// sealed events and no key, the database is not opened: its key must be put back).
    pub async fn connect_keyed(
        location: &Location,
        catalog: &Catalog,
        key_file: Option<&Path>,
    ) -> StoreResult<Database> {
        sqlx::any::install_default_drivers();
        let pool = match location {
            Location::Sqlite(path) => {
                files::prepare_database_file(path)?;
                let options = AnyConnectOptions::from_url(&sqlite_options(path).to_url_lossy())?;
                AnyPoolOptions::new()
                    .max_connections(8)
                    .before_acquire(|conn, _| Box::pin(async move { Ok(usable(conn)) }))
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            conn.execute(SQLITE_PRAGMAS).await?;
                            Ok(())
                        })
                    })
                    .connect_with(options)
                    .await?
            }
            Location::Postgres(url) => {
                let options = AnyConnectOptions::from_str(url)?;
                AnyPoolOptions::new()
                    .max_connections(16)
                    .before_acquire(|conn, _| Box::pin(async move { Ok(usable(conn)) }))
                    .connect_with(options)
                    .await?
            }
        };
        match location.engine() {
            Engine::Sqlite => SQLITE_MIGRATIONS.run(&pool).await?,
            Engine::Postgres => POSTGRES_MIGRATIONS.run(&pool).await?,
        }
        let mut db = Database {
            pool,
            location: location.clone(),
            audit_key: None,
            read_audit: None,
            condition: Default::default(),
        };
        if let Some(path) = key_file {
            db.audit_key = Some(std::sync::Arc::new(db.read_or_make_key(path).await?));
        }
        // A large load that stopped half-way left indexes (and keys) aside.
        db.rebuild_set_aside().await?;
        db.seal_unchained_audit_events().await?;
        db.give_earlier_patients_their_words().await?;
        db.bring_legacy_sessions_to_rows(catalog).await?;
        db.read_audit = Some(read_audit::ReadAudit::start(db.clone()));
        Ok(db)
    }

    /// The pool, for tools and tests that query the tables directly.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn location(&self) -> &Location {
        &self.location
    }

    pub fn engine(&self) -> Engine {
        self.location.engine()
    }

    /// Starts a transaction that writes (every transaction here writes at least its audit
    /// event) and takes the write lock at its start, so that what the transaction reads
    /// cannot be changed by another writer before it commits, and the audit chain is
    /// extended by one writer at a time: `BEGIN IMMEDIATE` on SQLite, a transaction-scoped
    /// advisory lock on PostgreSQL (released by the commit or the rollback).
    ///
    /// A database found damaged takes no writes ([`Unavailable::Damaged`]).
    pub(crate) async fn write(&self) -> StoreResult<WriteTx> {
        if self.condition.damaged().is_some() {
            return Err(StoreError::Unavailable(Unavailable::Damaged));
        }
        let begun = match self.engine() {
            Engine::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Engine::Postgres => match self.pool.begin().await {
                Ok(mut tx) => sqlx::query("SELECT 1 FROM pg_advisory_xact_lock($1)")
                    .bind(WRITE_LOCK)
                    .execute(&mut *tx)
                    .await
                    .map(|_| tx),
                Err(e) => Err(e),
            },
        };
        let inner = begun.inspect_err(|e| self.condition.met(unavailable(e)))?;
        Ok(WriteTx {
            inner,
            key: self.audit_key.clone(),
            condition: Some(self.condition.clone()),
        })
    }

    /// The storage's state as last met: a write that found the disk full (until a write
    /// commits again), the integrity check that found the file damaged (until one passes).
    pub fn storage_state(&self) -> StorageState {
        self.condition.state()
    }

    /// A request met damage where it read: checks the whole database in the background
    /// (at most once in ten minutes), so that a damaged file stops taking writes at once.
    pub fn damage_met(&self) {
        if self.condition.damaged().is_none() && self.condition.may_prompt() {
            let db = self.clone();
            // A check that cannot run now is left to the next one on the schedule.
            tokio::spawn(async move { db.check_integrity().await.ok() });
        }
    }

    /// Runs the engine's quick integrity check (SQLite's `quick_check`; PostgreSQL checks its
    /// pages as it reads them) and remembers what it found: a damaged database takes no
    /// writes until a check passes.
    pub async fn check_integrity(&self) -> StoreResult<StorageState> {
        if self.engine() == Engine::Sqlite {
            let mut conn = self.pool.acquire().await?;
            self.condition.checked(&quick_check(&mut conn).await?);
        }
        Ok(self.storage_state())
    }

    async fn read_or_make_key(&self, path: &Path) -> StoreResult<audit_key::AuditKey> {
        if path.exists() {
            return Ok(audit_key::AuditKey::read(path)?);
        }
        let sealed: Option<i64> =
            sqlx::query_scalar("SELECT id FROM audit_events WHERE hash LIKE 'k1:%' LIMIT 1")
                .fetch_optional(&self.pool)
                .await?;
        if sealed.is_some() {
            return Err(StoreError::KeyMissing(path.to_owned()));
        }
        let last: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM audit_events")
            .fetch_one(&self.pool)
            .await?;
        Ok(audit_key::AuditKey::create(path, last.unwrap_or(0) + 1)?)
    }

    /// The key the audit chain is sealed with, when there is one.
    pub fn audit_key(&self) -> Option<&audit_key::AuditKey> {
        self.audit_key.as_deref()
    }

    /// Starts a transaction that only reads, with one consistent view of the database
    /// for all its statements, without the write lock.
    pub(crate) async fn read(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.engine() {
            Engine::Sqlite => self.pool.begin().await,
            Engine::Postgres => {
                self.pool
                    .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await
            }
        }
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
            inner: WriteTx {
                inner: self.read().await?,
                key: self.audit_key.clone(),
                condition: None,
            },
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

    /// Writes a consistent copy of the whole database to `target` (which must not exist;
    /// it is created 0600) while the application keeps running: SQLite's `VACUUM INTO`
    /// reads one snapshot.
    /// A PostgreSQL database is copied with the server's own tools (`pg_dump`), which
    /// [`StoreError::Unsupported`] names.
    pub async fn backup_to(&self, target: &Path) -> StoreResult<()> {
        if self.engine() == Engine::Postgres {
            return Err(StoreError::Unsupported(
                "a PostgreSQL database is backed up with pg_dump and restored with pg_restore",
            ));
        }
        let name = target
            .to_str()
            .ok_or_else(|| StoreError::Corrupt("the backup path is not UTF-8".into()))?;
        // SQLite fills an empty file: made here, it is private from its first byte.
        files::create_private_file(target)?;
        sqlx::query("VACUUM INTO $1")
            .bind(name)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// `$from, $from+1, …`: `count` numbered placeholders, for a list of values (`IN (…)`).
pub(crate) fn marks(from: usize, count: usize) -> String {
    (from..from + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A value bound to a query built piece by piece.
enum Bound {
    Int(i64),
    Text(String),
}

impl From<i64> for Bound {
    fn from(value: i64) -> Bound {
        Bound::Int(value)
    }
}

impl From<String> for Bound {
    fn from(value: String) -> Bound {
        Bound::Text(value)
    }
}

/// A query put together from optional parts, each value in a numbered placeholder
/// (`$1`, `$2`, …: the form both engines read).
pub(crate) struct Sql {
    text: String,
    binds: Vec<Bound>,
}

impl Sql {
    pub(crate) fn new(start: &str) -> Sql {
        Sql {
            text: start.to_owned(),
            binds: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, text: &str) -> &mut Sql {
        self.text.push_str(text);
        self
    }

    pub(crate) fn bind(&mut self, value: impl Into<Bound>) -> &mut Sql {
        self.binds.push(value.into());
        self.text.push_str(&format!("${}", self.binds.len()));
        self
    }

    pub(crate) fn query_as<'s, T>(
        &'s self,
    ) -> sqlx::query::QueryAs<'s, sqlx::Any, T, sqlx::any::AnyArguments<'s>>
    where
        T: for<'r> sqlx::FromRow<'r, AnyRow>,
    {
        let mut query = sqlx::query_as::<_, T>(&self.text);
        for bound in &self.binds {
            query = match bound {
                Bound::Int(value) => query.bind(*value),
                Bound::Text(value) => query.bind(value.as_str()),
            };
        }
        query
    }
}

/// A yes-or-no column: BOOLEAN on PostgreSQL, 0 or 1 on SQLite.
pub(crate) fn flag(row: &AnyRow, column: &str) -> bool {
    row.try_get::<bool, _>(column)
        .or_else(|_| row.try_get::<i64, _>(column).map(|value| value != 0))
        .unwrap_or(false)
}

/// A write transaction: a use case reads what it decides from and writes what it decided,
/// with its audit event, in one of these, and commits once. Dropped without
/// [`Tx::commit`], it rolls back.
pub struct Tx {
    inner: WriteTx,
}

/// A transaction of this crate: the connection (what statements run on) and the key
/// its audit events are sealed with.
pub struct WriteTx {
    inner: sqlx::Transaction<'static, sqlx::Any>,
    pub(crate) key: Option<std::sync::Arc<audit_key::AuditKey>>,
    /// Told what the commit met (none for a transaction that only reads).
    condition: Option<std::sync::Arc<condition::Condition>>,
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        let committed = self.inner.commit().await;
        if let Some(condition) = &self.condition {
            match &committed {
                Ok(()) => condition.committed(),
                Err(e) => condition.met(unavailable(e)),
            }
        }
        committed
    }
}

/// Whether a pooled connection can be handed out again: not when a failed commit left it
/// inside a transaction (SQLite ends the transaction itself on a full disk, and the driver
/// then still counts it open), where the pool closes it and opens another.
fn usable(conn: &mut sqlx::AnyConnection) -> bool {
    use sqlx::Connection;
    !conn.is_in_transaction()
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &sqlx::AnyConnection {
        &self.inner
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut sqlx::AnyConnection {
        &mut self.inner
    }
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

    pub(crate) fn conn(&mut self) -> &mut sqlx::AnyConnection {
        &mut self.inner
    }

    pub(crate) fn transaction(&mut self) -> &mut WriteTx {
        &mut self.inner
    }
}

/// SQLite's quick integrity check on `conn`: `ok` alone, or what is damaged (at most 20
/// lines). A file too damaged to be checked says so in the one line.
async fn quick_check(conn: &mut sqlx::AnyConnection) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("PRAGMA quick_check(20)")
        .fetch_all(conn)
        .await
        .or_else(|e| match unavailable(&e) {
            Some(Unavailable::Damaged) => Ok(vec![e.to_string()]),
            _ => Err(e),
        })
}

/// Runs SQLite's quick integrity check on the file at `path` before it is opened for
/// serving (a clinic of 20,000 patients, 420 MB, takes about 3 s, 8 s from a cold disk).
pub async fn quick_check_file(path: &Path) -> StoreResult<StorageState> {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let options = AnyConnectOptions::from_url(&sqlite_options(path).to_url_lossy())?;
    let mut conn = match sqlx::AnyConnection::connect_with(&options).await {
        Ok(conn) => conn,
        Err(e) if unavailable(&e) == Some(Unavailable::Damaged) => {
            return Ok(StorageState::Damaged(e.to_string()));
        }
        Err(e) => return Err(e.into()),
    };
    let found = quick_check(&mut conn).await?;
    conn.close().await.ok();
    let condition = condition::Condition::default();
    condition.checked(&found);
    Ok(condition.state())
}

/// Checks that `path` is a sound bont database: SQLite's integrity check passes and its
/// schema is one this version knows (no migration newer than ours).
pub async fn check_database_file(path: &Path) -> StoreResult<()> {
    use sqlx::Connection;
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .read_only(true);
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
pub const WRONG_STATES: [&str; 8] = [
    "draft-only",
    "sign-draft-only",
    "amend-signed-only",
    "session-void",
    "follow-up-closed",
    "event-void",
    "after-care-signed-only",
    "ae-signed-only",
];
