//! Where login sessions are kept: in the same database as everything else, SQLite or
//! PostgreSQL, through the session store of each engine.

use bont_db::Location;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Result, SessionStore};
use tower_sessions_sqlx_store::sqlx::{PgPool, SqlitePool};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// The login session store of the database's engine.
#[derive(Debug, Clone)]
pub enum LoginStore {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl LoginStore {
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
}

#[async_trait::async_trait]
impl SessionStore for LoginStore {
    async fn create(&self, record: &mut Record) -> Result<()> {
        match self {
            LoginStore::Sqlite(store) => store.create(record).await,
            LoginStore::Postgres(store) => store.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> Result<()> {
        match self {
            LoginStore::Sqlite(store) => store.save(record).await,
            LoginStore::Postgres(store) => store.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        match self {
            LoginStore::Sqlite(store) => store.load(id).await,
            LoginStore::Postgres(store) => store.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        match self {
            LoginStore::Sqlite(store) => store.delete(id).await,
            LoginStore::Postgres(store) => store.delete(id).await,
        }
    }
}
