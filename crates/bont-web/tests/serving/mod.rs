//! The connections and the login sessions themselves: slow clients are cut off, a
//! shutdown has a deadline, a session lives while its user works, and the database holds
//! no session id that logs in.

use crate::app::{self, TestApp};
use bont_core::Role;
use bont_db::Engine;
use bont_web::{ServeLimits, WebConfig};
use reqwest::StatusCode;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const SHORT: ServeLimits = ServeLimits {
    header_timeout: Duration::from_secs(1),
    shutdown_deadline: Duration::from_secs(1),
};

/// The stored ids and expiry times of the login sessions, as text.
async fn stored_sessions(app: &TestApp) -> Vec<(String, String)> {
    let sql = match app.db.engine() {
        Engine::Sqlite => "SELECT id, CAST(expiry_date AS TEXT) FROM tower_sessions",
        Engine::Postgres => "SELECT id, CAST(expiry_date AS TEXT) FROM tower_sessions.session",
    };
    sqlx::query_as(sql)
        .fetch_all(app.db.pool())
        .await
        .expect("sessions")
}

/// A client and its cookie jar, logged in as `username`.
async fn logged_in_with_jar(
    app: &TestApp,
    username: &str,
) -> (reqwest::Client, Arc<reqwest::cookie::Jar>) {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let client = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let response = app.post_login(&client, username, app::PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    (client, jar)
}

/// A client that sends only this session cookie.
fn with_cookie(value: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::COOKIE,
        format!("bont_session={value}").parse().expect("header"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

#[tokio::test]
async fn a_client_sending_its_headers_slowly_is_cut_off() {
    let (app, _server) =
        TestApp::spawn_with(WebConfig::default(), SHORT, std::future::pending()).await;
    let mut stream = tokio::net::TcpStream::connect(app.address)
        .await
        .expect("connect");
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: bont\r\nX-Slow: ")
        .await
        .expect("write");
    let started = Instant::now();
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer)).await;
    assert!(read.is_ok(), "the connection is still open after 5 s");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "{answer}"
    );
    // Others are served all the same.
    let health = reqwest::get(app.url("/health")).await.expect("health");
    assert_eq!(health.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_shutdown_does_not_wait_for_a_client_halfway_through_a_request() {
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let (app, server) = TestApp::spawn_with(WebConfig::default(), SHORT, async move {
        let _ = stopped.await;
    })
    .await;
    let mut stream = tokio::net::TcpStream::connect(app.address)
        .await
        .expect("connect");
    stream
        .write_all(
            b"POST /login HTTP/1.1\r\nHost: bont\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\nusername=nur",
        )
        .await
        .expect("write");
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    stop.send(()).expect("signal");
    let finished = tokio::time::timeout(Duration::from_secs(5), server).await;
    assert!(finished.is_ok(), "the server did not exit within 5 s");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    drop(stream);
}

/// The idle expiry moves forward while the user works (here at every request), so an
/// active session does not end a fixed time after log-in.
#[tokio::test]
async fn a_working_users_session_expiry_moves_forward() {
    let config = WebConfig {
        session_touch_every: Duration::ZERO,
        ..WebConfig::default()
    };
    let (app, _server) =
        TestApp::spawn_with(config, ServeLimits::default(), std::future::pending()).await;
    let (client, _jar) = logged_in_with_jar(&app, "nurse").await;
    let before = stored_sessions(&app).await;
    assert_eq!(before.len(), 1, "{before:?}");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let page = client.get(app.url("/patients")).send().await.expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    let after = stored_sessions(&app).await;
    assert_eq!(after.len(), 1);
    assert!(after[0].1 > before[0].1, "{before:?} then {after:?}");
}

/// Only a digest of the session id is stored: the ids found in the database do not log
/// in, the cookie does.
#[tokio::test]
async fn the_stored_session_ids_do_not_log_in() {
    let app = TestApp::spawn().await;
    let (_client, jar) = logged_in_with_jar(&app, "physician").await;
    let url: reqwest::Url = app.url("/").parse().expect("url");
    let cookies =
        reqwest::cookie::CookieStore::cookies(jar.as_ref(), &url).expect("a session cookie");
    let cookie = cookies
        .to_str()
        .expect("text")
        .split("; ")
        .find_map(|c| c.strip_prefix("bont_session="))
        .expect("bont_session")
        .to_owned();
    let stored = stored_sessions(&app).await;
    assert!(!stored.is_empty());
    for (id, _) in &stored {
        assert_ne!(id, &cookie, "the cookie's id is not in the database");
        let response = with_cookie(id)
            .get(app.url("/patients"))
            .send()
            .await
            .expect("page");
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "a stored id does not log in"
        );
    }
    let response = with_cookie(&cookie)
        .get(app.url("/patients"))
        .send()
        .await
        .expect("page");
    assert_eq!(response.status(), StatusCode::OK, "the cookie does");
}

/// Expired login sessions are deleted, the others kept.
#[tokio::test]
async fn expired_login_sessions_are_deleted() {
    let app = TestApp::spawn().await;
    let (_client, _jar) = logged_in_with_jar(&app, "nurse").await;
    let (_other, _other_jar) = logged_in_with_jar(&app, "physician").await;
    let sessions = stored_sessions(&app).await;
    assert_eq!(sessions.len(), 2);
    let past = match app.db.engine() {
        Engine::Sqlite => {
            "UPDATE tower_sessions SET expiry_date = '2001-01-01T00:00:00.000000000Z' WHERE id = $1"
        }
        Engine::Postgres => {
            "UPDATE tower_sessions.session SET expiry_date = '2001-01-01T00:00:00Z' WHERE id = $1"
        }
    };
    sqlx::query(past)
        .bind(&sessions[0].0)
        .execute(app.db.pool())
        .await
        .expect("expire one");
    let store = bont_web::login_store::LoginStore::open(app.db.location())
        .await
        .expect("store");
    store.delete_expired().await.expect("delete");
    let left = stored_sessions(&app).await;
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].0, sessions[1].0);
}

async fn boom() -> &'static str {
    panic!("a handler that panics, on purpose")
}

/// A handler that panics answers 500 with the error page, and the server goes on serving.
#[tokio::test]
async fn a_panicking_handler_answers_500_and_the_server_goes_on() {
    let dir = tempfile::tempdir().expect("dir");
    let db = bont_db::Database::connect(
        &bont_db::testing::location(dir.path()).await,
        &bont_core::safety::Catalog::builtin(),
    )
    .await
    .expect("database");
    let clock: Arc<dyn bont_core::clock::Clock> = Arc::new(bont_core::clock::FixedClock::on(
        jiff::civil::date(2026, 11, 22),
    ));
    let state = bont_web::AppState::new(db, clock);
    let routes = axum::Router::new().route("/boom", axum::routing::get(boom));
    let router = bont_web::around(routes, state, &WebConfig::default())
        .await
        .expect("app");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(bont_web::serve(
        listener,
        router,
        ServeLimits::default(),
        std::future::pending(),
    ));
    for _ in 0..3 {
        let response = reqwest::get(format!("http://{address}/boom"))
            .await
            .expect("an answer, not a dropped connection");
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let page = response.text().await.expect("body");
        assert!(page.contains("Something went wrong on our side"), "{page}");
    }
    let missing = reqwest::get(format!("http://{address}/nothing"))
        .await
        .expect("answer");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn visitors_of_the_login_page_store_nothing() {
    let app = TestApp::spawn().await;
    let audit_events = |app: &TestApp| {
        let pool = app.db.pool().clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM audit_events")
                .fetch_one(&pool)
                .await
                .expect("count")
        }
    };
    let events_before = audit_events(&app).await;
    // Fifty visitors open the log-in page, and one switches its language.
    for n in 0..50u8 {
        let visitor = app.anonymous_from([127, 0, 1, n + 1]);
        let token = app.form_token(&visitor, "/login").await;
        assert_eq!(token.len(), 64);
        if n == 0 {
            let switched = visitor
                .post(app.url("/language"))
                .form(&[("language", "pl"), ("csrf", &token)])
                .send()
                .await
                .expect("switch");
            assert_eq!(switched.status(), StatusCode::SEE_OTHER);
            let page = visitor
                .get(app.url("/login"))
                .send()
                .await
                .expect("page")
                .text()
                .await
                .expect("body");
            assert!(page.contains("lang=\"pl\""), "{page}");
        }
    }
    assert!(stored_sessions(&app).await.is_empty());
    assert_eq!(audit_events(&app).await, events_before);

    // A form without the visitor's token, or with another visitor's, is still refused.
    let one = app.anonymous_from([127, 0, 2, 1]);
    let other = app.anonymous_from([127, 0, 2, 2]);
    let theirs = app.form_token(&other, "/login").await;
    let _ = app.form_token(&one, "/login").await;
    for fields in [
        vec![("username", "physician"), ("password", app::PASSWORD)],
        vec![
            ("username", "physician"),
            ("password", app::PASSWORD),
            ("csrf", theirs.as_str()),
        ],
    ] {
        let refused = one
            .post(app.url("/login"))
            .form(&fields)
            .send()
            .await
            .expect("login");
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    }
    assert!(stored_sessions(&app).await.is_empty());

    // Logging in makes the one session, and its pages carry a new token.
    let response = app.post_login(&one, "physician", app::PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(stored_sessions(&app).await.len(), 1);
    let visitor_token = app.form_token(&other, "/login").await;
    let session_token = app.form_token(&one, "/account/password").await;
    assert_ne!(session_token, visitor_token);
}

#[tokio::test]
async fn a_database_held_by_another_program_answers_503_and_work_goes_on_after() {
    let app = TestApp::spawn().await;
    let bont_db::Location::Sqlite(path) = app.db.location().clone() else {
        // PostgreSQL's writers queue on the server; another program cannot hold its file.
        return;
    };
    let nurse = app.logged_in(Role::Nurse).await;
    use sqlx::Connection;
    let mut other = sqlx::SqliteConnection::connect_with(&bont_db::sqlite_options(&path))
        .await
        .expect("another program's connection");
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut other)
        .await
        .expect("lock");

    let refused = nurse
        .post(app.url("/api/patients"))
        .json(&app::patient_json("L-1", "Nowak", "1970-02-03"))
        .send()
        .await
        .expect("create");
    assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(refused.headers()["retry-after"], "5");
    let problem: serde_json::Value = refused.json().await.expect("problem");
    assert!(
        problem.to_string().contains("held by another program"),
        "{problem}"
    );

    sqlx::query("ROLLBACK")
        .execute(&mut other)
        .await
        .expect("unlock");
    drop(other);
    // Every pooled connection is usable again: several writes in a row succeed.
    for n in 0..4 {
        let created = nurse
            .post(app.url("/api/patients"))
            .json(&app::patient_json(&format!("L-{n}"), "Nowak", "1970-02-03"))
            .send()
            .await
            .expect("create");
        assert_eq!(created.status(), StatusCode::CREATED);
    }
}

/// A small file system of its own (a tmpfs of `megabytes`), mounted on a temporary folder
/// and unmounted when dropped; `None` where this user may not mount one. The test command
/// sets `BONT_TEST_SMALL_DISK=required`, so that there a disk that cannot be made fails.
struct SmallDisk {
    path: std::path::PathBuf,
}

impl SmallDisk {
    fn mount(dir: &tempfile::TempDir, megabytes: u32) -> Option<SmallDisk> {
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m,mode=0700")])
            .arg("tmpfs")
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        if !mounted {
            assert!(
                std::env::var("BONT_TEST_SMALL_DISK").as_deref() != Ok("required"),
                "a small tmpfs could not be mounted (the test needs root)"
            );
            eprintln!("skipped: mounting a small disk needs root");
            return None;
        }
        Some(SmallDisk {
            path: dir.path().to_owned(),
        })
    }

    /// Writes a file until the disk has no room left; removing it frees the space.
    fn fill(&self) -> std::path::PathBuf {
        use std::io::Write;
        let filler = self.path.join("filler");
        let mut file = std::fs::File::create(&filler).expect("filler");
        for chunk in [1 << 20, 4096, 512] {
            let block = vec![0u8; chunk];
            while file
                .write_all(&block)
                .and_then(|()| file.sync_data())
                .is_ok()
            {}
        }
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.path)
            .status();
    }
}

#[tokio::test]
async fn a_full_disk_answers_503_saying_so_and_the_server_recovers_when_space_returns() {
    if bont_db::testing::engine() != Engine::Sqlite {
        // The PostgreSQL server's disk is its own; its "disk full" code is mapped alike.
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(disk) = SmallDisk::mount(&dir, 12) else {
        return;
    };
    let app = TestApp::spawn_in(dir).await;
    let nurse = Arc::new(app.logged_in(Role::Nurse).await);
    let health: serde_json::Value = nurse
        .get(app.url("/health"))
        .send()
        .await
        .expect("health")
        .json()
        .await
        .expect("json");
    assert_eq!(health["storage"], "ok", "{health}");

    let filler = disk.fill();
    // Writes go on while the database's own files have room; then each is refused as a
    // full disk, several at once so that every pooled connection meets it.
    let mut acknowledged = 0;
    let mut refused = 0;
    for round in 0..200 {
        let writes = (0..6).map(|n| {
            let nurse = nurse.clone();
            let url = app.url("/api/patients");
            async move {
                nurse
                    .post(url)
                    .json(&app::patient_json(
                        &format!("F-{round}-{n}"),
                        "Nowak",
                        "1970-02-03",
                    ))
                    .send()
                    .await
                    .expect("create")
            }
        });
        for answer in futures_util::future::join_all(writes).await {
            match answer.status() {
                StatusCode::CREATED => acknowledged += 1,
                StatusCode::SERVICE_UNAVAILABLE => {
                    assert_eq!(answer.headers()["retry-after"], "60");
                    let problem: serde_json::Value = answer.json().await.expect("problem");
                    assert!(problem.to_string().contains("disk is full"), "{problem}");
                    refused += 1;
                }
                other => panic!("a write on a full disk answered {other}"),
            }
        }
        if refused >= 12 {
            break;
        }
    }
    assert!(
        refused >= 12,
        "the disk never filled ({acknowledged} writes)"
    );
    let answer = nurse.get(app.url("/health")).send().await.expect("health");
    assert_eq!(answer.status(), StatusCode::SERVICE_UNAVAILABLE);
    let health: serde_json::Value = answer.json().await.expect("json");
    assert_eq!(health["storage"], "full", "{health}");

    std::fs::remove_file(filler).expect("free the space");
    let writes = (0..16).map(|n| {
        let nurse = nurse.clone();
        let url = app.url("/api/patients");
        async move {
            nurse
                .post(url)
                .json(&app::patient_json(&format!("R-{n}"), "Nowak", "1970-02-03"))
                .send()
                .await
                .expect("create")
                .status()
        }
    });
    for status in futures_util::future::join_all(writes).await {
        assert_eq!(status, StatusCode::CREATED, "after the space returned");
    }
    let health: serde_json::Value = nurse
        .get(app.url("/health"))
        .send()
        .await
        .expect("health")
        .json()
        .await
        .expect("json");
    assert_eq!(health["storage"], "ok", "{health}");
    // Every acknowledged write is there.
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM patients")
        .fetch_one(app.db.pool())
        .await
        .expect("count");
    assert_eq!(stored, acknowledged + 16);
    drop(app);
    drop(disk);
}

#[tokio::test]
async fn a_damaged_database_is_found_takes_no_writes_and_what_is_read_back_never_panics() {
    let app = TestApp::spawn().await;
    let bont_db::Location::Sqlite(path) = app.db.location().clone() else {
        // PostgreSQL checks its pages itself; its "data corrupted" codes are mapped alike.
        return;
    };
    let nurse = app.logged_in(Role::Nurse).await;
    for n in 1..=3 {
        let created = nurse
            .post(app.url("/api/patients"))
            .json(&app::patient_json(&format!("D-{n}"), "Nowak", "1970-02-03"))
            .send()
            .await
            .expect("create");
        assert_eq!(created.status(), StatusCode::CREATED);
    }

    // A byte that is not text where text is kept is read back as damage, not a panic.
    sqlx::query(
        "UPDATE patients SET family_name = CAST(X'C3FF' AS TEXT) WHERE record_number = 'D-2'",
    )
    .execute(app.db.pool())
    .await
    .expect("an invalid byte");
    for path in ["/api/patients?q=D-", "/patients?q=D-"] {
        let answer = nurse.get(app.url(path)).send().await.expect("list");
        assert_eq!(answer.status(), StatusCode::SERVICE_UNAVAILABLE, "{path}");
        let text = answer.text().await.expect("body");
        assert!(text.contains("database file is damaged"), "{path}: {text}");
    }
    // So is text where a number belongs.
    let heavy: i64 = sqlx::query_scalar(
        "UPDATE patients SET weight_kg = 'heavy' WHERE record_number = 'D-3' RETURNING id",
    )
    .fetch_one(app.db.pool())
    .await
    .expect("text for a number");
    let answer = nurse
        .get(app.url(&format!("/api/patients/{heavy}")))
        .send()
        .await
        .expect("record");
    assert_eq!(answer.status(), StatusCode::SERVICE_UNAVAILABLE);
    let healthy = app.db.check_integrity().await.expect("check");
    assert_eq!(
        healthy,
        bont_db::StorageState::Ok,
        "text of the wrong bytes is not a damaged file"
    );

    // The patients table's page overwritten on disk.
    use sqlx::Connection;
    let mut other = sqlx::SqliteConnection::connect_with(&bont_db::sqlite_options(&path))
        .await
        .expect("another program's connection");
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut other)
        .await
        .expect("checkpoint");
    let root: i64 =
        sqlx::query_scalar("SELECT rootpage FROM sqlite_schema WHERE name = 'patients'")
            .fetch_one(&mut other)
            .await
            .expect("root page");
    let size: i64 = sqlx::query_scalar("PRAGMA page_size")
        .fetch_one(&mut other)
        .await
        .expect("page size");
    {
        use std::io::{Seek, Write};
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .expect("file");
        file.seek(std::io::SeekFrom::Start(((root - 1) * size) as u64))
            .expect("seek");
        file.write_all(&vec![0xAB; size as usize]).expect("damage");
        file.sync_all().expect("sync");
    }
    // A change by the other program makes every connection read the file afresh.
    sqlx::query("CREATE TABLE after_the_damage (x INTEGER)")
        .execute(&mut other)
        .await
        .expect("a change");
    drop(other);

    let answer = nurse
        .get(app.url("/api/patients?q=D-"))
        .send()
        .await
        .expect("list");
    assert_eq!(answer.status(), StatusCode::SERVICE_UNAVAILABLE);
    let found = app.db.check_integrity().await.expect("check");
    assert!(
        matches!(found, bont_db::StorageState::Damaged(_)),
        "{found:?}"
    );
    let refused = nurse
        .post(app.url("/api/patients"))
        .json(&app::patient_json("D-4", "Nowak", "1970-02-03"))
        .send()
        .await
        .expect("create");
    assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        refused
            .text()
            .await
            .expect("body")
            .contains("database file is damaged")
    );
    let health = nurse.get(app.url("/health")).send().await.expect("health");
    assert_eq!(health.status(), StatusCode::SERVICE_UNAVAILABLE);
    let health: serde_json::Value = health.json().await.expect("json");
    assert_eq!(health["storage"], "damaged", "{health}");
}
