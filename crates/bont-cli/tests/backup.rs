//! `bont backup` and `bont restore` on the engine under test (`--database`): a SQLite file
//! copied by `VACUUM INTO`, or a PostgreSQL database dumped by `pg_dump` and restored by
//! `pg_restore` into another one. What comes back is the database as it was at the backup,
//! with its audit chain intact.

use bont_db::{Database, Location};
use std::process::Command;

fn run(args: &[&str]) -> (bool, String, String) {
    run_in(&std::env::temp_dir(), args)
}

/// Runs `bont` in `dir`: the data folder a PostgreSQL database keeps its audit key in is
/// `./bont-data` there.
fn run_in(dir: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bont"))
        .current_dir(dir)
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
    let (ok, _, stderr) = run_in(
        dir.path(),
        &[
            "demo",
            "--database",
            &database,
            "--patients",
            "6",
            "--as-of",
            "2026-11-22",
        ],
    );
    assert!(ok, "{stderr}");
    let sessions = count(&clinic, "SELECT COUNT(*) FROM treatment_sessions").await;
    assert!(sessions > 0);
    let file = dir.path().join("clinic.backup");
    let file = file.to_str().expect("utf-8");
    let (ok, out, stderr) = run_in(
        dir.path(),
        &["backup", "--database", &database, "--to", file],
    );
    assert!(ok, "{stderr}");
    assert!(out.contains("Backup written"), "{out}");
    let (ok, _, _) = run_in(
        dir.path(),
        &["backup", "--database", &database, "--to", file],
    );
    assert!(!ok, "a backup does not overwrite a file");

    // After the backup the clinic goes on; the restored copy does not have what came later.
    let (ok, _, stderr) = run_in(
        dir.path(),
        &[
            "user",
            "add",
            "--database",
            &database,
            "--username",
            "later.nurse",
            "--role",
            "nurse",
        ],
    );
    assert!(ok, "{stderr}");
    let restored = bont_db::testing::location(&second).await;
    let target = address(&restored);
    // The audit key is not in the backup: kept apart, it is put back before a restore
    // (a PostgreSQL database's key is in the data folder, shared here).
    let key = first.join("bont.sqlite.audit-key");
    if key.exists() {
        let (ok, _, stderr) = run_in(
            dir.path(),
            &["restore", "--database", &target, "--from", file],
        );
        assert!(!ok);
        assert!(
            stderr.contains("audit key") && stderr.contains("is missing"),
            "{stderr}"
        );
        std::fs::copy(&key, second.join("bont.sqlite.audit-key")).expect("key");
    }
    let (ok, out, stderr) = run_in(
        dir.path(),
        &["restore", "--database", &target, "--from", file],
    );
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
    let (ok, out, _) = run_in(dir.path(), &["audit", "verify", "--database", &target]);
    assert!(ok, "{out}");
    assert!(out.contains("intact"), "{out}");
    // What the restored database is given goes on from where the backup stopped.
    let (ok, _, stderr) = run_in(
        dir.path(),
        &[
            "user",
            "add",
            "--database",
            &target,
            "--username",
            "new.nurse",
            "--role",
            "nurse",
        ],
    );
    assert!(ok, "{stderr}");
}

/// Runs `bont` through the shell with the most open umask, as a careless service
/// manager would.
fn run_with_open_umask(args: &[&str]) -> (bool, String, String) {
    let mut command = String::from("umask 000; exec \"$0\"");
    for (n, _) in args.iter().enumerate() {
        command.push_str(&format!(" \"${}\"", n + 1));
    }
    let out = Command::new("sh")
        .arg("-c")
        .arg(command)
        .arg(env!("CARGO_BIN_EXE_bont"))
        .args(args)
        .env_remove("BONT_DATA")
        .env_remove("BONT_DATABASE")
        .env("RUST_LOG", "warn")
        .output()
        .expect("sh runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

/// The server, started on `data`; stopped when dropped.
struct Server(std::process::Child);

impl Server {
    fn start(data: &std::path::Path) -> Server {
        use std::io::BufRead;
        let mut child = Command::new(env!("CARGO_BIN_EXE_bont"))
            .env_remove("BONT_DATA")
            .env_remove("BONT_DATABASE")
            .env("RUST_LOG", "warn")
            .args(["serve", "--listen", "127.0.0.1:0", "--data"])
            .arg(data)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = std::io::BufReader::new(stdout).lines();
        loop {
            let line = lines.next().expect("bont serve prints").expect("line");
            if line.starts_with("bont is serving on") {
                break;
            }
        }
        std::thread::spawn(move || for _ in lines.map_while(Result::ok) {});
        Server(child)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn actions(path: &std::path::Path) -> Vec<String> {
    let pool = sqlx::SqlitePool::connect_with(bont_db::sqlite_options(path))
        .await
        .expect("open");
    let actions = sqlx::query_scalar("SELECT action FROM audit_events ORDER BY id")
        .fetch_all(&pool)
        .await
        .expect("actions");
    pool.close().await;
    actions
}

/// SQLite only (PostgreSQL keeps its own files): whatever the umask, the data folder is
/// private and the database and its backups are its owner's; a restore is refused while a
/// server holds the database, and a backup edited after it was written is refused;
/// backups, restores and exports are on the audit trail.
#[tokio::test]
async fn sqlite_files_are_private_and_a_restore_is_refused_when_unsafe() {
    if let Location::Postgres(_) = bont_db::testing::location(std::path::Path::new(".")).await {
        println!("the files of SQLite are tested in the SQLite run");
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("clinic");
    let data_arg = data.to_str().expect("utf-8");
    let database = data.join("bont.sqlite");
    let (ok, _, stderr) = run_with_open_umask(&[
        "demo",
        "--data",
        data_arg,
        "--patients",
        "3",
        "--as-of",
        "2026-11-22",
    ]);
    assert!(ok, "{stderr}");
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&database), 0o600);
    let backup = dir.path().join("clinic.backup");
    let backup_arg = backup.to_str().expect("utf-8");
    let (ok, _, stderr) = run_with_open_umask(&["backup", "--data", data_arg, "--to", backup_arg]);
    assert!(ok, "{stderr}");
    assert_eq!(mode(&backup), 0o600);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("partial"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(
        actions(&database).await.last().map(String::as_str),
        Some("backup")
    );

    // While a server runs on the database, neither a restore nor a second server.
    {
        let _server = Server::start(&data);
        let (ok, _, stderr) = run(&["restore", "--data", data_arg, "--from", backup_arg]);
        assert!(!ok);
        assert!(stderr.contains("a bont server is running"), "{stderr}");
        let second = Command::new(env!("CARGO_BIN_EXE_bont"))
            .args(["serve", "--listen", "127.0.0.1:0", "--data", data_arg])
            .env_remove("BONT_DATA")
            .output()
            .expect("second server");
        assert!(!second.status.success());
        assert!(String::from_utf8_lossy(&second.stderr).contains("a bont server is running"));
    }

    // A backup edited after it was written is refused, and the database is left as it was.
    let edited = dir.path().join("edited.backup");
    std::fs::copy(&backup, &edited).expect("copy");
    {
        let pool = sqlx::SqlitePool::connect_with(bont_db::sqlite_options(&edited))
            .await
            .expect("open");
        sqlx::query("UPDATE audit_events SET detail = 'nothing happened' WHERE id = (SELECT MAX(id) FROM audit_events WHERE action = 'user.create')")
            .execute(&pool)
            .await
            .expect("edit");
        pool.close().await;
    }
    let before = actions(&database).await;
    let (ok, _, stderr) = run(&[
        "restore",
        "--data",
        data_arg,
        "--from",
        edited.to_str().expect("utf-8"),
    ]);
    assert!(!ok);
    assert!(stderr.contains("audit trail is broken"), "{stderr}");
    assert_eq!(actions(&database).await, before, "nothing was restored");

    // The untouched backup is restored, and says so on its trail; so does an export.
    let (ok, out, stderr) = run(&["restore", "--data", data_arg, "--from", backup_arg]);
    assert!(ok, "{stderr}");
    assert!(out.contains("is intact"), "{out}");
    assert_eq!(mode(&database), 0o600);
    assert_eq!(
        actions(&database).await.last().map(String::as_str),
        Some("restore")
    );
    let (ok, _, stderr) = run(&["audit", "export", "--data", data_arg, "--format", "csv"]);
    assert!(ok, "{stderr}");
    assert_eq!(
        actions(&database).await.last().map(String::as_str),
        Some("audit.export")
    );
}

/// Overwrites the page that holds the patients table of the SQLite file at `path`.
async fn damage_patients_page(path: &std::path::Path) {
    use sqlx::Connection;
    let mut conn = sqlx::SqliteConnection::connect_with(&bont_db::sqlite_options(path))
        .await
        .expect("open");
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await
        .expect("checkpoint");
    let root: i64 =
        sqlx::query_scalar("SELECT rootpage FROM sqlite_schema WHERE name = 'patients'")
            .fetch_one(&mut conn)
            .await
            .expect("root page");
    let size: i64 = sqlx::query_scalar("PRAGMA page_size")
        .fetch_one(&mut conn)
        .await
        .expect("page size");
    conn.close().await.expect("close");
    use std::io::{Seek, Write};
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .expect("file");
    file.seek(std::io::SeekFrom::Start(((root - 1) * size) as u64))
        .expect("seek");
    file.write_all(&vec![0xAB; size as usize]).expect("damage");
    file.sync_all().expect("sync");
}

#[tokio::test]
async fn a_damaged_database_is_not_served_and_the_message_says_how_to_restore() {
    if bont_db::testing::engine() != bont_db::Engine::Sqlite {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let data_arg = data.to_str().expect("utf-8");
    let (ok, _, stderr) = run(&["demo", "--data", data_arg, "--patients", "5"]);
    assert!(ok, "{stderr}");
    damage_patients_page(&data.join("bont.sqlite")).await;

    let served = Command::new(env!("CARGO_BIN_EXE_bont"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data", data_arg])
        .env_remove("BONT_DATA")
        .env_remove("BONT_DATABASE")
        .output()
        .expect("serve");
    assert!(!served.status.success(), "a damaged file was served");
    let said = String::from_utf8_lossy(&served.stderr);
    assert!(said.contains("is damaged"), "{said}");
    assert!(said.contains("bont restore"), "{said}");
}
