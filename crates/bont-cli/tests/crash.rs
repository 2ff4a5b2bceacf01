//! Durability: `bont serve` is killed with SIGKILL while several clients write patients
//! and treatment sessions through the API. After every kill, each write the server had
//! acknowledged must be in the database, which must pass SQLite's integrity check and
//! the audit chain's.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const ROUNDS: u64 = 8;
const WRITERS: usize = 4;
const PASSWORD: &str = "a long and private passphrase";

fn bont() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bont"));
    c.env_remove("BONT_DATA").env("RUST_LOG", "warn");
    c
}

/// Starts the server and returns it with the address it listens on.
fn start(data: &Path) -> (Child, String) {
    let mut child = bont()
        .args(["serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let address = loop {
        let line = lines
            .next()
            .expect("bont serve prints its address")
            .expect("line");
        if let Some(rest) = line.strip_prefix("bont is serving on http://") {
            break rest.split('/').next().expect("address").to_owned();
        }
    };
    // Keep reading so that the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines.map_while(Result::ok) {});
    (child, address)
}

fn form_token(page: &str) -> String {
    let marker = r#"name="csrf" value=""#;
    let start = page.find(marker).expect("form token") + marker.len();
    page[start..start + 64].to_owned()
}

async fn page(client: &reqwest::Client, url: String) -> String {
    client
        .get(url)
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("body")
}

fn session_json() -> serde_json::Value {
    serde_json::json!({
        "date": "2026-11-20", "time": "09:30", "product": "Botox", "indication": "cervical_dystonia",
        "vial_units": 100, "diluent_ml": 2.0,
        "injections": [
            {"muscle": "sternocleidomastoid", "side": "left", "units": 30, "sites": 2, "guidance": "emg"},
            {"muscle": "splenius_capitis", "side": "right", "units": 50, "sites": 2, "guidance": "emg"}
        ],
        "vials": [{"lot": "C1234A", "expiry": "2027-06-30"}],
        "anaesthesia": "none", "duration_minutes": 15
    })
}

/// What the server acknowledged: record numbers of patients, ids of sessions.
#[derive(Default)]
struct Acknowledged {
    patients: Vec<String>,
    sessions: Vec<i64>,
}

/// Writes until the server stops answering.
async fn writer(
    client: reqwest::Client,
    address: String,
    round: u64,
    writer: usize,
    acknowledged: Arc<Mutex<Acknowledged>>,
) {
    for n in 0.. {
        let number = format!("K{round}-{writer}-{n}");
        let body = serde_json::json!({
            "record_number": number, "family_name": "Kowalczyk", "given_names": "Anna",
            "birth_date": "1975-04-03", "sex": "female", "preferred_language": "pl", "indications": ["cervical_dystonia"],
            "consent_treatment": true
        });
        let Ok(created) = client
            .post(format!("http://{address}/api/patients"))
            .json(&body)
            .send()
            .await
        else {
            return;
        };
        // Under load, every answer is an acknowledgement: no 500, no busy database.
        assert_eq!(
            created.status(),
            reqwest::StatusCode::CREATED,
            "patient {number}"
        );
        let location = created.headers()["location"]
            .to_str()
            .expect("location")
            .to_owned();
        acknowledged
            .lock()
            .expect("lock")
            .patients
            .push(number.clone());
        let Ok(session) = client
            .post(format!("http://{address}{location}/sessions"))
            .json(&session_json())
            .send()
            .await
        else {
            return;
        };
        assert_eq!(
            session.status(),
            reqwest::StatusCode::CREATED,
            "session of {number}"
        );
        let Ok(body) = session.json::<serde_json::Value>().await else {
            return;
        };
        let id = body["id"].as_i64().expect("session id");
        acknowledged.lock().expect("lock").sessions.push(id);
    }
}

/// [`WRITERS`] writers at work on the server at `address`, and what they get acknowledged.
fn writers(
    client: &reqwest::Client,
    address: &str,
    round: u64,
) -> (Arc<Mutex<Acknowledged>>, Vec<tokio::task::JoinHandle<()>>) {
    let acknowledged = Arc::new(Mutex::new(Acknowledged::default()));
    let tasks = (0..WRITERS)
        .map(|w| {
            tokio::spawn(writer(
                client.clone(),
                address.to_owned(),
                round,
                w,
                acknowledged.clone(),
            ))
        })
        .collect();
    (acknowledged, tasks)
}

/// A server on a new data folder with a nurse logged in (password chosen); the login
/// session is kept in the database and outlives every crash.
async fn nurse_at_work(dir: &Path) -> (Child, String, reqwest::Client) {
    let out = bont()
        .args([
            "user",
            "add",
            "--username",
            "nurse",
            "--role",
            "nurse",
            "--data",
        ])
        .arg(dir)
        .output()
        .expect("user add");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let one_time = stdout
        .lines()
        .find_map(|l| l.split("password: ").nth(1))
        .expect("one-time password")
        .trim()
        .to_owned();
    let (server, address) = start(dir);
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let token = form_token(&page(&client, format!("http://{address}/login")).await);
    client
        .post(format!("http://{address}/login"))
        .form(&[
            ("username", "nurse"),
            ("password", one_time.as_str()),
            ("csrf", token.as_str()),
        ])
        .send()
        .await
        .expect("login");
    let token = form_token(&page(&client, format!("http://{address}/account/password")).await);
    let changed = client
        .post(format!("http://{address}/account/password"))
        .form(&[
            ("current_password", one_time.as_str()),
            ("password", PASSWORD),
            ("password_repeat", PASSWORD),
            ("csrf", token.as_str()),
        ])
        .send()
        .await
        .expect("change password");
    assert!(changed.status().is_success(), "{}", changed.status());
    (server, address, client)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_acknowledged_write_survives_sigkill() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut server, mut address, client) = nurse_at_work(dir.path()).await;
    let database = dir.path().join("bont.sqlite");
    let mut total = Acknowledged::default();
    for round in 0..ROUNDS {
        let (acknowledged, tasks) = writers(&client, &address, round);
        // Kill at a different moment each round, in the middle of the writing.
        tokio::time::sleep(Duration::from_millis(400 + 97 * round)).await;
        server.kill().expect("SIGKILL");
        server.wait().expect("reaped");
        for task in tasks {
            task.await.expect("writer");
        }
        let acknowledged = std::mem::take(&mut *acknowledged.lock().expect("lock"));
        assert!(
            !acknowledged.patients.is_empty(),
            "round {round}: nothing was written before the kill"
        );

        // What the file holds after the crash, before bont opens it again.
        let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&database);
        let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect_with(&options)
            .await
            .expect("open after the crash");
        let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&mut conn)
            .await
            .expect("integrity check");
        assert_eq!(verdict, "ok", "round {round}");
        for number in &acknowledged.patients {
            let found: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM patients WHERE record_number = $1")
                    .bind(number)
                    .fetch_one(&mut conn)
                    .await
                    .expect("count");
            assert_eq!(
                found, 1,
                "round {round}: acknowledged patient {number} lost"
            );
        }
        for id in &acknowledged.sessions {
            let found: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM treatment_sessions WHERE id = $1")
                    .bind(id)
                    .fetch_one(&mut conn)
                    .await
                    .expect("count");
            assert_eq!(found, 1, "round {round}: acknowledged session {id} lost");
        }
        drop(conn);
        total.patients.extend(acknowledged.patients);
        total.sessions.extend(acknowledged.sessions);
        // Same host, another port: the login cookie still applies.
        (server, address) = start(dir.path());
    }
    server.kill().expect("stop");
    server.wait().expect("reaped");
    let db = bont_db::Database::open(&database, &bont_core::safety::Catalog::builtin())
        .await
        .expect("open");
    let chain = db.verify_audit_chain(None).await.expect("verify");
    assert!(chain.is_intact(), "{chain:?}");
    println!(
        "{ROUNDS} kills with {WRITERS} writers: {} patients and {} sessions acknowledged, none lost",
        total.patients.len(),
        total.sessions.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_the_server_writes_is_whole_and_restores() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut server, address, client) = nurse_at_work(dir.path()).await;
    let (acknowledged, tasks) = writers(&client, &address, 0);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before_backup = acknowledged.lock().expect("lock").patients.clone();
    let copy = dir.path().join("copy.sqlite");
    let out = bont()
        .args(["backup", "--data"])
        .arg(dir.path())
        .arg("--to")
        .arg(&copy)
        .output()
        .expect("backup");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    let during = acknowledged.lock().expect("lock").patients.len();
    assert!(
        during > before_backup.len(),
        "the server kept writing during the backup"
    );
    server.kill().expect("stop");
    server.wait().expect("reaped");
    for task in tasks {
        task.await.expect("writer");
    }

    // Restore into another folder, as onto a new machine, with the audit key put back.
    let elsewhere = tempfile::tempdir().expect("dir");
    std::fs::copy(
        dir.path().join("bont.sqlite.audit-key"),
        elsewhere.path().join("bont.sqlite.audit-key"),
    )
    .expect("the audit key");
    let out = bont()
        .args(["restore", "--data"])
        .arg(elsewhere.path())
        .arg("--from")
        .arg(&copy)
        .output()
        .expect("restore");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let db = bont_db::Database::open(
        &elsewhere.path().join("bont.sqlite"),
        &bont_core::safety::Catalog::builtin(),
    )
    .await
    .expect("open restored");
    let chain = db.verify_audit_chain(None).await.expect("verify");
    assert!(chain.is_intact(), "{chain:?}");
    // Everything acknowledged before the backup began is in it.
    for number in &before_backup {
        let found: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM patients WHERE record_number = $1")
                .bind(number)
                .fetch_one(db.pool())
                .await
                .expect("count");
        assert_eq!(found, 1, "patient {number} is missing from the backup");
    }
    // And what it holds is consistent: every session's patient is there.
    let orphans: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM treatment_sessions s LEFT JOIN patients p ON p.id = s.patient_id WHERE p.id IS NULL",
    )
    .fetch_one(db.pool())
    .await
    .expect("count");
    assert_eq!(orphans, 0);
}
