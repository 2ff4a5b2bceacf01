//! `bont backup` and `bont restore` on the engine under test (`--database`): a SQLite file
//! copied by `VACUUM INTO`, or a PostgreSQL database dumped by `pg_dump` and restored by
//! `pg_restore` into another one. What comes back is the database as it was at the backup,
//! with its audit chain intact.

use bont_db::{Database, Location};
use std::process::Command;

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bont"))
        .env_remove("BONT_DATA")
        .env_remove("BONT_DATABASE")
        .env("RUST_LOG", "warn")
        .args(args)
        .output()
        .expect("bont runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn address(location: &Location) -> String {
    match location {
        Location::Sqlite(path) => path.display().to_string(),
        Location::Postgres(url) => url.clone(),
    }
}

async fn count(location: &Location, sql: &str) -> i64 {
    let db = Database::connect(location, &bont_core::safety::Catalog::builtin())
        .await
        .expect("open");
    let n = sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(db.pool())
        .await
        .expect("count");
    db.close().await;
    n
}

#[tokio::test]
async fn a_backup_restores_the_database_as_it_was() {
    let dir = tempfile::tempdir().expect("dir");
    let (first, second) = (dir.path().join("clinic"), dir.path().join("restored"));
    std::fs::create_dir_all(&first).expect("dir");
    std::fs::create_dir_all(&second).expect("dir");
    let clinic = bont_db::testing::location(&first).await;
    let database = address(&clinic);
    let (ok, _, stderr) = run(&[
        "demo",
        "--database",
        &database,
        "--patients",
        "6",
        "--as-of",
        "2026-11-22",
    ]);
    assert!(ok, "{stderr}");
    let sessions = count(&clinic, "SELECT COUNT(*) FROM treatment_sessions").await;
    assert!(sessions > 0);
    let file = dir.path().join("clinic.backup");
    let file = file.to_str().expect("utf-8");
    let (ok, out, stderr) = run(&["backup", "--database", &database, "--to", file]);
    assert!(ok, "{stderr}");
    assert!(out.contains("Backup written"), "{out}");
    let (ok, _, _) = run(&["backup", "--database", &database, "--to", file]);
    assert!(!ok, "a backup does not overwrite a file");

    // After the backup the clinic goes on; the restored copy does not have what came later.
    let (ok, _, stderr) = run(&[
        "user",
        "add",
        "--database",
        &database,
        "--username",
        "later.nurse",
        "--role",
        "nurse",
    ]);
    assert!(ok, "{stderr}");
    let restored = bont_db::testing::location(&second).await;
    let target = address(&restored);
    let (ok, out, stderr) = run(&["restore", "--database", &target, "--from", file]);
    assert!(ok, "{stderr}");
    assert!(out.contains("Restored"), "{out}");
    assert_eq!(
        count(&restored, "SELECT COUNT(*) FROM treatment_sessions").await,
        sessions
    );
    assert_eq!(
        count(
            &restored,
            "SELECT COUNT(*) FROM users WHERE username = 'later.nurse'"
        )
        .await,
        0
    );
    let (ok, out, _) = run(&["audit", "verify", "--database", &target]);
    assert!(ok, "{out}");
    assert!(out.contains("intact"), "{out}");
    // What the restored database is given goes on from where the backup stopped.
    let (ok, _, stderr) = run(&[
        "user",
        "add",
        "--database",
        &target,
        "--username",
        "new.nurse",
        "--role",
        "nurse",
    ]);
    assert!(ok, "{stderr}");
}
