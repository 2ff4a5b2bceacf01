//! The raw limit of the engine on this machine: one-row inserts of a session-sized row,
//! one committed transaction each, with bont's durability settings (SQLite: WAL journal,
//! full synchronous commits) and no application code, at 1 and 16 connections. Printed as
//! `raw <engine> <connections> <commits per second>` lines for `scripts/bench`.

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::{Duration, Instant};

/// About the size of a stored session with its rows.
fn row() -> String {
    "x".repeat(1500)
}

async fn sqlite(connections: u32, seconds: u64) -> f64 {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = SqliteConnectOptions::from_str("sqlite:")
        .expect("options")
        .filename(dir.path().join("raw.sqlite"))
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .busy_timeout(Duration::from_secs(10));
    let pool = SqlitePoolOptions::new()
        .max_connections(connections)
        .connect_with(options)
        .await
        .expect("pool");
    sqlx::query("CREATE TABLE rows (id INTEGER PRIMARY KEY, clinic_id INTEGER NOT NULL, record TEXT NOT NULL)")
        .execute(&pool)
        .await
        .expect("table");
    let until = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..connections {
        let pool = pool.clone();
        workers.push(tokio::spawn(async move {
            let record = row();
            let mut done = 0u64;
            while Instant::now() < until {
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.expect("begin");
                sqlx::query("INSERT INTO rows (clinic_id, record) VALUES (1, $1)")
                    .bind(&record)
                    .execute(&mut *tx)
                    .await
                    .expect("insert");
                tx.commit().await.expect("commit");
                done += 1;
            }
            done
        }));
    }
    let mut total = 0;
    for w in workers {
        total += w.await.expect("worker");
    }
    total as f64 / started.elapsed().as_secs_f64()
}

fn main() {
    let seconds = std::env::var("RAW_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    for connections in [1, 16] {
        let rate = runtime.block_on(sqlite(connections, seconds));
        println!("raw sqlite {connections} {rate:.0}");
    }
}
