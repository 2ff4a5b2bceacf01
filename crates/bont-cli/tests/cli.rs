//! The `bont` binary as a user runs it.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bont() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bont"));
    c.env_remove("BONT_DATA").env("RUST_LOG", "warn");
    c
}

fn run(args: &[&str]) -> (bool, String, String) {
    let out = bont().args(args).output().expect("bont runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

async fn table_dump(path: &std::path::Path) -> Vec<String> {
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .read_only(true);
    let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect_with(&options)
        .await
        .expect("open");
    sqlx::query_scalar::<_, String>(
        "SELECT record_number || '|' || COALESCE(family_name, '') || '|' || COALESCE(pseudonym, '') || '|' ||
                birth_date || '|' || preferred_language || '|' || indications || '|' || conditions
         FROM patients ORDER BY record_number",
    )
    .fetch_all(&mut conn)
    .await
    .expect("rows")
}

#[tokio::test]
async fn demo_fills_a_database_the_same_way_for_the_same_seed() {
    let a = tempfile::tempdir().expect("dir");
    let b = tempfile::tempdir().expect("dir");
    for dir in [&a, &b] {
        let data = dir.path().to_str().expect("utf-8 path");
        let (ok, stdout, stderr) = run(&[
            "demo",
            "--data",
            data,
            "--patients",
            "60",
            "--seed",
            "5",
            "--as-of",
            "2026-11-22",
        ]);
        assert!(ok, "{stderr}");
        assert!(stdout.contains("Added 60 demo patients"), "{stdout}");
        assert!(
            stdout.contains("physician") && stdout.contains("password:"),
            "{stdout}"
        );
    }
    let rows_a = table_dump(&a.path().join("bont.sqlite")).await;
    assert_eq!(rows_a.len(), 60);
    assert_eq!(rows_a, table_dump(&b.path().join("bont.sqlite")).await);
}

#[test]
fn user_add_prints_a_one_time_password_and_refuses_bad_input() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().to_str().expect("utf-8 path");
    let (ok, stdout, stderr) = run(&[
        "user",
        "add",
        "--data",
        data,
        "--username",
        "nurse.one",
        "--role",
        "nurse",
    ]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("One-time password: "), "{stdout}");
    let (ok, _, stderr) = run(&[
        "user",
        "add",
        "--data",
        data,
        "--username",
        "nurse.one",
        "--role",
        "nurse",
    ]);
    assert!(!ok);
    assert!(
        stderr.contains("username: is already used by another record"),
        "{stderr}"
    );
    let (ok, _, stderr) = run(&[
        "user",
        "add",
        "--data",
        data,
        "--username",
        "x1",
        "--role",
        "surgeon",
    ]);
    assert!(!ok);
    assert!(
        stderr.contains("role: \"surgeon\" is not a known value"),
        "{stderr}"
    );
}

/// `bont serve --demo`, the README's first command, answers on HTTP with its demo log-ins.
#[tokio::test]
async fn serve_demo_starts_with_one_log_in_per_role() {
    let dir = tempfile::tempdir().expect("dir");
    let mut child = bont()
        .args([
            "serve",
            "--demo",
            "--patients",
            "20",
            "--listen",
            "127.0.0.1:0",
            "--data",
        ])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let started = Instant::now();
    let mut lines = Vec::new();
    let address = loop {
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("bont serve prints its address");
        if let Some(rest) = line.strip_prefix("bont is serving on http://") {
            break rest.split('/').next().expect("address").to_owned();
        }
        lines.push(line);
        assert!(started.elapsed() < Duration::from_secs(60));
    };
    let password_of = |role: &str| {
        lines
            .iter()
            .find(|l| l.trim_start().starts_with(role))
            .and_then(|l| l.split("password: ").nth(1))
            .map(str::to_owned)
            .unwrap_or_else(|| panic!("no log-in printed for {role}: {lines:?}"))
    };
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let login = client
        .post(format!("http://{address}/login"))
        .form(&[
            ("username", "nurse"),
            ("password", password_of("nurse").as_str()),
        ])
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), reqwest::StatusCode::SEE_OTHER);
    let page = client
        .get(format!("http://{address}/patients"))
        .send()
        .await
        .expect("list")
        .text()
        .await
        .expect("body");
    assert!(page.contains("20 patients"), "{page}");
    for role in ["physician", "manager", "researcher", "admin"] {
        password_of(role);
    }
    child.kill().expect("stop");
    child.wait().expect("reaped");
}
