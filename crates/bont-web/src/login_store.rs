//! Where login sessions are kept: in the same database as everything else, SQLite or
//! PostgreSQL, through the session store of each engine.
//!
//! The store never sees a session's id, only a SHA-256 digest of it: the id is the
//! secret in the visitor's cookie, and a copy of the database must not log anyone in.
//! (The id is 128 random bits, so an unkeyed digest cannot be searched backwards.)
//! Expired sessions are removed every [`LoginStore::CLEANUP_EVERY`].

use bont_db::Location;
use sha2::{Digest, Sha256};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::ExpiredDeletion;
use tower_sessions::session_store::{Result, SessionStore};
use tower_sessions_sqlx_store::sqlx::{PgPool, SqlitePool};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// The login session store of the database's engine.
#[derive(Debug, Clone)]
pub enum LoginStore {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

/// The id a session is stored under: the digest of the cookie's id.
pub fn stored_id(id: &Id) -> Id {
    let digest = Sha256::digest(id.0.to_le_bytes());
    let mut first = [0u8; 16];
    first.copy_from_slice(&digest[..16]);
    Id(i128::from_le_bytes(first))
}

impl LoginStore {
    /// How often expired login sessions are deleted.
    pub const CLEANUP_EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

    /// Opens the store in the database at `location` and creates its table if needed.
    pub async fn open(location: &Location) -> anyhow::Result<LoginStore> {
        Ok(match location {
            Location::Sqlite(path) => {
                let pool = SqlitePool::connect_with(bont_db::sqlite_options(path)).await?;
                let store = SqliteStore::new(pool);
                store.migrate().await?;
                LoginStore::Sqlite(store)
            }
            Location::Postgres(url) => {
                let store = PostgresStore::new(PgPool::connect(url).await?);
                store.migrate().await?;
                LoginStore::Postgres(store)
            }
        })
    }

    /// Deletes the login sessions that have expired.
    pub async fn delete_expired(&self) -> Result<()> {
        match self {
            LoginStore::Sqlite(store) => store.delete_expired().await,
            LoginStore::Postgres(store) => store.delete_expired().await,
        }
    }

    /// Deletes expired sessions every [`Self::CLEANUP_EVERY`], for as long as the server
    /// runs; a failed round is logged and the next one tried.
    pub fn clean_up_in_background(&self) {
        let store = self.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Self::CLEANUP_EVERY);
            loop {
                every.tick().await;
                if let Err(e) = store.delete_expired().await {
                    tracing::warn!("expired login sessions not deleted: {e}");
                }
            }
        });
    }

    async fn delete_stored(&self, stored: &Id) -> Result<()> {
        match self {
            LoginStore::Sqlite(store) => store.delete(stored).await,
            LoginStore::Postgres(store) => store.delete(stored).await,
        }
    }

    async fn create_stored(&self, record: &mut Record) -> Result<()> {
        match self {
            LoginStore::Sqlite(store) => store.create(record).await,
            LoginStore::Postgres(store) => store.create(record).await,
        }
    }
}

/// `record` as it is stored: under the digest of its id, which is also the id inside
/// its serialised data.
fn as_stored(record: &Record) -> Record {
    let mut stored = record.clone();
    stored.id = stored_id(&record.id);
    stored
}

#[async_trait::async_trait]
impl SessionStore for LoginStore {
    async fn create(&self, record: &mut Record) -> Result<()> {
        loop {
            let mut stored = as_stored(record);
            let wanted = stored.id;
            self.create_stored(&mut stored).await?;
            if stored.id == wanted {
                return Ok(());
            }
            // The digest was taken (the store stored it under an id of its own choosing,
            // which no cookie can name): take it back and draw a new id.
            self.delete_stored(&stored.id).await?;
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let stored = as_stored(record);
        match self {
            LoginStore::Sqlite(store) => store.save(&stored).await,
            LoginStore::Postgres(store) => store.save(&stored).await,
        }
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let stored = stored_id(id);
        let found = match self {
            LoginStore::Sqlite(store) => store.load(&stored).await?,
            LoginStore::Postgres(store) => store.load(&stored).await?,
        };
        Ok(found.map(|mut record| {
            record.id = *id;
            record
        }))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        self.delete_stored(&stored_id(id)).await
    }
}
