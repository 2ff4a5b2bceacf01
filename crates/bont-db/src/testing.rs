//! Where the tests keep their databases, on either engine. The test command runs the
//! storage and HTTP suites twice: on SQLite files, and with `BONT_TEST_POSTGRES` naming a
//! throw-away PostgreSQL server (see `scripts/with-postgres`), on a fresh database of that
//! server for every test.

use crate::{Engine, Location};
use sqlx::{Connection, Executor};
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

/// The variable that names the PostgreSQL server of the tests.
pub const SERVER_VARIABLE: &str = "BONT_TEST_POSTGRES";

/// The engine the tests run on.
pub fn engine() -> Engine {
    match server() {
        Some(_) => Engine::Postgres,
        None => Engine::Sqlite,
    }
}

fn server() -> Option<String> {
    std::env::var(SERVER_VARIABLE)
        .ok()
        .filter(|url| !url.is_empty())
}

/// A new, empty database for one test: a SQLite file `bont.sqlite` in `dir`, or a fresh
/// database on the tests' PostgreSQL server.
pub async fn location(dir: &Path) -> Location {
    static MADE: AtomicU32 = AtomicU32::new(0);
    let Some(server) = server() else {
        return Location::Sqlite(dir.join("bont.sqlite"));
    };
    let name = format!(
        "bont_test_{}_{}_{}",
        std::process::id(),
        MADE.fetch_add(1, Ordering::Relaxed),
        folder_suffix(dir)
    );
    sqlx::any::install_default_drivers();
    let mut admin = sqlx::AnyConnection::connect(&server)
        .await
        .expect("the tests' PostgreSQL server answers");
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .expect("a test database");
    admin.close().await.ok();
    let mut url = url::Url::parse(&server).expect("BONT_TEST_POSTGRES is an address");
    url.set_path(&name);
    Location::Postgres(url.to_string())
}

/// A few characters that differ between two test processes with the same id (a test
/// binary run again against the same server): taken from the temporary folder's name.
fn folder_suffix(dir: &Path) -> String {
    dir.file_name()
        .map(|n| {
            n.to_string_lossy()
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .unwrap_or_default()
}
