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
    .into_iter()
    .chain(
        sqlx::query_scalar::<_, String>(
            "SELECT patient_id || '|' || session_date || '|' || product || '|' || total_units || '|' || status || '|' || overrides
             FROM treatment_sessions ORDER BY id",
        )
        .fetch_all(&mut conn)
        .await
        .expect("sessions"),
    )
    .collect()
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
        assert!(stdout.contains("Added 60 synthetic patients"), "{stdout}");
        assert!(
            stdout.contains("physician") && stdout.contains("password:"),
            "{stdout}"
        );
    }
    let rows_a = table_dump(&a.path().join("bont.sqlite")).await;
    let sessions = rows_a.len() - 60;
    assert!(
        sessions > 100,
        "only {sessions} demo sessions for 60 patients"
    );
    assert!(
        rows_a.iter().all(|r| !r.contains("|draft|")),
        "demo sessions are signed"
    );
    assert_eq!(rows_a, table_dump(&b.path().join("bont.sqlite")).await);
    // Follow-up, outcomes and adverse events come out the same too, and show a bit of all.
    let outcomes_a = outcome_dump(&a.path().join("bont.sqlite")).await;
    assert_eq!(
        outcomes_a,
        outcome_dump(&b.path().join("bont.sqlite")).await
    );
    let count = |prefix: &str| outcomes_a.iter().filter(|r| r.starts_with(prefix)).count();
    assert!(
        count("assessment|") > 100,
        "{} assessments",
        count("assessment|")
    );
    assert!(count("follow_up|onset_check|done|reached") > 20);
    assert!(count("follow_up|peak_assessment|done|assessed") > 20);
    assert!(
        count("follow_up|onset_check|cancelled|superseded") > 0,
        "no missed calls"
    );
    assert!(count("follow_up|reinjection|done|reinjected") > 20);
    assert!(count("follow_up|reinjection|open") > 20);
    follow_ups_close_as_the_interactive_rules_close_them(&a.path().join("bont.sqlite")).await;
}

/// The demo's follow-ups, bulk-loaded, stand as signing and contacts leave them in a
/// clinic: a signing closes the patient's earlier sessions' open follow-ups (the
/// re-injection as reinjected, the checks as superseded), and a follow-up closed as
/// reached has a contact that reached the patient.
async fn follow_ups_close_as_the_interactive_rules_close_them(path: &std::path::Path) {
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(path);
    let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect_with(&options)
        .await
        .expect("open");
    let latest = "SELECT s.id FROM treatment_sessions s WHERE s.patient_id = f.patient_id
                  AND s.status = 'signed' ORDER BY s.session_date DESC, s.id DESC LIMIT 1";
    for (what, sql) in [
        (
            "open follow-ups of a session that is not the patient's latest",
            format!(
                "SELECT COUNT(*) FROM follow_ups f WHERE f.status = 'open' AND f.session_id <> ({latest})"
            ),
        ),
        (
            "earlier sessions' re-injections not closed as reinjected",
            format!(
                "SELECT COUNT(*) FROM follow_ups f WHERE f.kind = 'reinjection'
                 AND f.session_id <> ({latest})
                 AND NOT (f.status = 'done' AND f.closed_as = 'reinjected')"
            ),
        ),
        (
            "patients with more than one open re-injection",
            "SELECT COUNT(*) FROM (SELECT patient_id FROM follow_ups
             WHERE kind = 'reinjection' AND status = 'open'
             GROUP BY patient_id HAVING COUNT(*) > 1)"
                .to_owned(),
        ),
        (
            "follow-ups closed as reached without a contact that reached the patient",
            "SELECT COUNT(*) FROM follow_ups f WHERE f.closed_as = 'reached'
             AND NOT EXISTS (SELECT 1 FROM follow_up_contacts c
                             WHERE c.follow_up_id = f.id AND c.result = 'reached')"
                .to_owned(),
        ),
        (
            "contacts that reached the patient of a follow-up left open",
            "SELECT COUNT(*) FROM follow_up_contacts c JOIN follow_ups f ON f.id = c.follow_up_id
             WHERE c.result = 'reached' AND f.status = 'open'"
                .to_owned(),
        ),
    ] {
        let found: i64 = sqlx::query_scalar(&sql)
            .fetch_one(&mut conn)
            .await
            .expect("count");
        assert_eq!(found, 0, "{what}: {found}");
    }
}

async fn outcome_dump(path: &std::path::Path) -> Vec<String> {
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .read_only(true);
    let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect_with(&options)
        .await
        .expect("open");
    let mut rows = Vec::new();
    for sql in [
        "SELECT 'assessment|' || patient_id || '|' || scale || '|' || assessed_on || '|' || timepoint || '|' || score FROM assessments ORDER BY id",
        "SELECT 'follow_up|' || kind || '|' || status || '|' || COALESCE(closed_as, '') || '|' || session_id || '|' || due_on || '|' || attempts FROM follow_ups ORDER BY id",
        "SELECT 'adverse_event|' || session_id || '|' || kind || '|' || severity || '|' || lot FROM adverse_events ORDER BY id",
        "SELECT 'goal_score|' || goal_id || '|' || scored_on || '|' || level FROM goal_scores ORDER BY id",
    ] {
        rows.extend(
            sqlx::query_scalar::<_, String>(sql)
                .fetch_all(&mut conn)
                .await
                .expect("rows"),
        );
    }
    rows
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
    // The login page gives the session its form token, which the form sends back.
    let login_page = client
        .get(format!("http://{address}/login"))
        .send()
        .await
        .expect("login page")
        .text()
        .await
        .expect("body");
    let marker = r#"name="csrf" value=""#;
    let start = login_page.find(marker).expect("form token") + marker.len();
    let token = &login_page[start..start + 64];
    let login = client
        .post(format!("http://{address}/login"))
        .form(&[
            ("username", "nurse"),
            ("password", password_of("nurse").as_str()),
            ("csrf", token),
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

fn check(plan: &str, extra: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("plan.json");
    std::fs::write(&path, plan).expect("write plan");
    let out = bont()
        .arg("check")
        .arg(&path)
        .args(extra)
        .output()
        .expect("bont runs");
    (
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn example() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/plan-cervical-dystonia.json"
    ))
    .expect("example plan")
}

#[test]
fn check_exits_1_on_block_and_prints_findings_with_sources() {
    let (code, stdout, _) = check(&example(), &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.starts_with("Verdict: BLOCK"), "{stdout}");
    assert!(stdout.contains("contraindicated"), "{stdout}");
    assert!(
        stdout.contains("source: BOTOX-PI, BOTOX-STORAGE,"),
        "{stdout}"
    );
    let (code, stdout, _) = check(&example(), &["--format", "json"]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("json report");
    assert_eq!(report["verdict"], "block");
    assert_eq!(report["total_units"], 40);
    assert_eq!(report["units_per_0_1_ml"], 5.0);
    let findings = report["findings"].as_array().expect("findings");
    assert!(findings.iter().all(|f| f["severity"].is_string()
        && f["code"].is_string()
        && f["message"].is_string()
        && f["source"].is_string()));
}

#[test]
fn check_exits_0_for_ok_and_warn() {
    let ok = example()
        .replace(
            r#""conditions": ["myasthenia_gravis"], "medications": ["gentamicin"]"#,
            r#""conditions": [], "medications": []"#,
        )
        .replace(r#""allergies": ["botulinum_toxin"]"#, r#""allergies": []"#);
    let (code, stdout, stderr) = check(&ok, &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.starts_with("Verdict: OK"), "{stdout}");
    let warn = ok.replace(r#""medications": []"#, r#""medications": ["gentamicin"]"#);
    let (code, stdout, _) = check(&warn, &[]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("Verdict: WARN"), "{stdout}");
}

#[test]
fn check_exits_2_naming_the_field_and_the_bad_value() {
    let cases = [
        (
            r#""product": "onabotulinumtoxinA",
              "indication": "cervical_dystonia", "vial_units""#,
            r#""product": "Botax",
              "indication": "cervical_dystonia", "vial_units""#,
            "session.product: \"Botax\" is not a known product",
        ),
        (
            r#""muscle": "sternocleidomastoid""#,
            r#""muscle": "neck""#,
            "session.injections[0].muscle: \"neck\" is not in the muscle catalogue",
        ),
        (
            r#""indication": "cervical_dystonia", "vial_units""#,
            r#""indication": "torticollis", "vial_units""#,
            "session.indication: \"torticollis\" is not a known indication",
        ),
        (
            r#""date": "2026-11-22""#,
            r#""date": "2026-13-01""#,
            "session.date: \"2026-13-01\" is not a date",
        ),
        (
            r#""units": 40"#,
            r#""units": -40"#,
            "session.injections[0].units: -40 is not a plausible number of units",
        ),
        (
            r#""units": 40"#,
            r#""units": 4000000"#,
            "session.injections[0].units: 4000000 U of onabotulinumtoxinA is not a plausible dose",
        ),
        (
            r#""units": 40"#,
            r#""units": "forty""#,
            "session.injections[0].units: invalid type: string \"forty\"",
        ),
        (
            r#""weight_kg": 64.0"#,
            r#""weight": 64.0"#,
            "patient.weight: unknown field `weight`",
        ),
    ];
    for (from, to, expected) in cases {
        let plan = example().replace(from, to);
        assert_ne!(plan, example(), "the case {to} did not apply");
        let (code, _, stderr) = check(&plan, &[]);
        assert_eq!(code, 2, "{to}: {stderr}");
        assert!(stderr.contains(expected), "{to}: {stderr}");
    }
    let (code, _, stderr) = check("{ not json", &[]);
    assert_eq!(code, 2);
    assert!(!stderr.is_empty());
}

#[test]
fn a_local_limits_file_makes_the_check_stricter() {
    let dir = tempfile::tempdir().expect("dir");
    let limits = dir.path().join("local.toml");
    std::fs::write(
        &limits,
        r#"
[sources]
LOCAL-SMPC = { title = "Summary of product characteristics of the clinic's country" }

[[limits]]
id = "local_botox_cd_session"
product = "onabotulinumtoxinA"
indications = ["cervical_dystonia"]
population = "adult"
session_max_units = 30
source = ["LOCAL-SMPC"]
evidence = "verified"
"#,
    )
    .expect("write");
    let ok = example().replace(r#""allergies": ["botulinum_toxin"]"#, r#""allergies": []"#);
    let (code, stdout, _) = check(&ok, &["--format", "json"]);
    assert_eq!(code, 0, "{stdout}");
    let (code, stdout, _) = check(
        &ok,
        &[
            "--format",
            "json",
            "--limits",
            limits.to_str().expect("path"),
        ],
    );
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("local_botox_cd_session") && stdout.contains("LOCAL-SMPC"),
        "{stdout}"
    );
    std::fs::write(&limits, "[[limits]]\nid = 1").expect("write");
    let (code, _, stderr) = check(&ok, &["--limits", limits.to_str().expect("path")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("limits file"), "{stderr}");
}

/// Every row of every table, each value quoted as SQL, table by table.
async fn whole_database(path: &std::path::Path) -> Vec<String> {
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .read_only(true);
    let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect_with(&options)
        .await
        .expect("open");
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .fetch_all(&mut conn)
            .await
            .expect("tables");
    let mut out = Vec::new();
    for table in tables {
        let columns: Vec<String> =
            sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .fetch_all(&mut conn)
                .await
                .expect("columns");
        let sql = format!(
            "SELECT {} FROM \"{table}\" ORDER BY 1",
            columns
                .iter()
                .map(|c| format!("quote(\"{c}\")"))
                .collect::<Vec<_>>()
                .join(" || '|' || ")
        );
        let rows: Vec<String> = sqlx::query_scalar(&sql)
            .fetch_all(&mut conn)
            .await
            .expect("rows");
        out.push(format!("{table}: {} rows", rows.len()));
        out.extend(rows.into_iter().map(|r| format!("{table} {r}")));
    }
    out
}

#[tokio::test]
async fn backup_and_restore_round_trip_every_table() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let data_arg = data.to_str().expect("path");
    let (ok, _, stderr) = run(&[
        "demo",
        "--data",
        data_arg,
        "--patients",
        "15",
        "--as-of",
        "2026-11-22",
    ]);
    assert!(ok, "{stderr}");
    let database = data.join("bont.sqlite");
    let backup = dir.path().join("backup.sqlite");
    let original = whole_database(&database).await;
    let (ok, stdout, stderr) = run(&[
        "backup",
        "--data",
        data_arg,
        "--to",
        backup.to_str().expect("path"),
    ]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("checked"), "{stdout}");
    assert!(
        original
            .iter()
            .any(|r| r.starts_with("treatment_sessions:") && !r.ends_with(" 0 rows"))
    );
    assert_eq!(
        whole_database(&backup).await,
        original,
        "the backup holds every row of every table"
    );
    let (ok, _, stderr) = run(&[
        "backup",
        "--data",
        data_arg,
        "--to",
        backup.to_str().expect("path"),
    ]);
    assert!(!ok && stderr.contains("exists already"), "{stderr}");

    // Later changes, then the restore brings back the backed-up state exactly.
    let (ok, _, stderr) = run(&[
        "user",
        "add",
        "--data",
        data_arg,
        "--username",
        "late.nurse",
        "--role",
        "nurse",
    ]);
    assert!(ok, "{stderr}");
    assert_ne!(whole_database(&database).await, original);
    let (ok, stdout, stderr) = run(&[
        "restore",
        "--data",
        data_arg,
        "--from",
        backup.to_str().expect("path"),
    ]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("kept as"), "{stdout}");
    // The restored database is the backup, and its trail says it was restored.
    let restored = whole_database(&database).await;
    let (audit, rest): (Vec<_>, Vec<_>) = restored
        .iter()
        .cloned()
        .partition(|r| r.starts_with("audit_events"));
    let (original_audit, original_rest): (Vec<_>, Vec<_>) = original
        .iter()
        .cloned()
        .partition(|r| r.starts_with("audit_events"));
    assert_eq!(rest, original_rest, "the restored database is the backup");
    let added: Vec<_> = audit
        .iter()
        .filter(|r| !original_audit.contains(r) && !r.starts_with("audit_events:"))
        .collect();
    assert_eq!(added.len(), 1, "{added:?}");
    assert!(added[0].contains("'restore'"), "{added:?}");
    assert!(
        original_audit
            .iter()
            .filter(|r| !r.starts_with("audit_events:"))
            .all(|r| audit.contains(r))
    );
    let kept = std::fs::read_dir(&data)
        .expect("data")
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().contains("before-restore"));
    assert!(kept, "the replaced database is kept");

    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, "this is not a database").expect("write");
    let (ok, _, stderr) = run(&[
        "restore",
        "--data",
        data_arg,
        "--from",
        junk.to_str().expect("path"),
    ]);
    assert!(!ok && stderr.contains("cannot be restored"), "{stderr}");
    assert_eq!(
        whole_database(&database).await,
        restored,
        "a refused restore changes nothing"
    );
}

#[test]
fn worklist_prints_the_same_list_as_text_csv_and_json() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().to_str().expect("utf-8 path");
    let (ok, _, stderr) = run(&[
        "demo",
        "--data",
        data,
        "--patients",
        "40",
        "--seed",
        "3",
        "--as-of",
        "2026-11-22",
    ]);
    assert!(ok, "{stderr}");
    let worklist = |extra: &[&str]| {
        let mut args = vec!["worklist", "--data", data];
        if !extra.contains(&"--date") {
            args.extend(["--date", "2026-11-22"]);
        }
        args.extend_from_slice(extra);
        run(&args)
    };
    let (ok, json, stderr) = worklist(&["--format", "json"]);
    assert!(ok, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    let rows = json["follow_ups"].as_array().expect("rows");
    assert!(!rows.is_empty(), "the demo clinic has follow-ups due");
    assert!(
        rows.iter()
            .all(|r| r["patient_name"].is_string() && r["standing"].is_string())
    );

    let (ok, csv, _) = worklist(&["--format", "csv"]);
    assert!(ok);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "standing,due,booked_on,follow_up,record_number,patient,phone,indication,session_date,dose,physician,serious_adverse_event"
        )
    );
    let never = json["never_followed_up"].as_array().map_or(0, Vec::len);
    assert_eq!(csv.lines().count(), 1 + rows.len() + never);
    // Every dose names its product.
    assert!(
        csv.lines()
            .skip(1)
            .take(rows.len())
            .all(|l| l.contains(" U "))
    );

    let (ok, text, _) = worklist(&[]);
    assert!(ok);
    assert!(text.starts_with("Worklist for 2026-11-22"));
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with("overdue")
                || l.starts_with("due_this_week")
                || l.starts_with("upcoming"))
            .count(),
        rows.len()
    );

    // One view only.
    let (ok, overdue, _) = worklist(&["--format", "csv", "--view", "overdue"]);
    assert!(ok);
    assert!(
        overdue.lines().skip(1).all(|l| l.starts_with("overdue,")),
        "{overdue}"
    );

    let (ok, _, stderr) = worklist(&["--date", "22.13.2026"]);
    assert!(!ok);
    assert!(stderr.contains("date:"), "{stderr}");
    let (ok, _, stderr) = worklist(&["--physician", "nobody"]);
    assert!(!ok);
    assert!(stderr.contains("physician: no user nobody"), "{stderr}");
}

#[tokio::test]
async fn audit_verify_finds_tampering_and_export_writes_the_trail() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().to_str().expect("utf-8 path");
    let (ok, _, stderr) = run(&[
        "demo",
        "--data",
        data,
        "--patients",
        "10",
        "--seed",
        "9",
        "--as-of",
        "2026-11-22",
    ]);
    assert!(ok, "{stderr}");
    // The demo is loaded in batches, one event each; accounts are events one by one.
    for n in 0..15 {
        let name = format!("nurse.{n}");
        let (ok, _, stderr) = run(&[
            "user",
            "add",
            "--data",
            data,
            "--username",
            &name,
            "--role",
            "nurse",
        ]);
        assert!(ok, "{stderr}");
    }
    let verify = |extra: &[&str]| {
        let mut args = vec!["audit", "verify", "--data", data];
        args.extend_from_slice(extra);
        let out = bont().args(&args).output().expect("bont runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, report) = verify(&["--format", "json"]);
    assert_eq!(code, Some(0), "{report}");
    let report: serde_json::Value = serde_json::from_str(&report).expect("json");
    let head = report["head"].as_str().expect("head").to_owned();
    let events = report["events"].as_i64().expect("events");
    assert!(events > 20, "{events} events");

    let (ok, csv, _) = run(&["audit", "export", "--data", data, "--action", "user."]);
    assert!(ok);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "id,at,clinic_id,user_id,username,action,entity,entity_id,detail,client,prev_hash,hash"
        )
    );
    assert!(lines.clone().count() > 10);
    assert!(lines.all(|l| l.contains(",user.")));
    let (ok, json, _) = run(&["audit", "export", "--data", data, "--format", "json"]);
    assert!(ok);
    let all: Vec<serde_json::Value> = serde_json::from_str(&json).expect("json");
    // The first export is on the trail itself: one event more, after the old head.
    assert_eq!(all.len() as i64, events + 1);
    assert_eq!(all[events as usize - 1]["hash"], head.as_str());
    assert_eq!(all.last().expect("newest")["action"], "audit.export");

    // Somebody with the file rewrites an event, then removes the newest ones.
    let path = dir.path().join("bont.sqlite");
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&path);
    let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect_with(&options)
        .await
        .expect("open");
    sqlx::query("UPDATE audit_events SET detail = detail || ' (edited)' WHERE id = 8")
        .execute(&mut conn)
        .await
        .expect("edit");
    let (code, text) = verify(&[]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("BROKEN") && text.contains("event 8:"),
        "{text}"
    );
    sqlx::query("DELETE FROM audit_events WHERE id > 15")
        .execute(&mut conn)
        .await
        .expect("truncate");
    let (code, text) = verify(&["--expect-head", &head]);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("expected head is NOT in the chain"), "{text}");
}

#[tokio::test]
async fn a_token_made_on_the_command_line_opens_the_api() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().to_str().expect("utf-8 path");
    let (ok, _, stderr) = run(&[
        "demo",
        "--data",
        data,
        "--patients",
        "5",
        "--as-of",
        "2026-11-22",
    ]);
    assert!(ok, "{stderr}");
    let (ok, _, _) = run(&[
        "user",
        "add",
        "--data",
        data,
        "--username",
        "new.nurse",
        "--role",
        "nurse",
    ]);
    assert!(ok);
    let (ok, _, stderr) = run(&[
        "user",
        "token",
        "--data",
        data,
        "--username",
        "new.nurse",
        "--name",
        "Export",
    ]);
    assert!(!ok, "a token before the first login");
    assert!(stderr.contains("has not chosen a password yet"), "{stderr}");
    let (ok, _, stderr) = run(&[
        "user",
        "token",
        "--data",
        data,
        "--username",
        "nurse",
        "--name",
        "Export",
        "--scope",
        "everything",
    ]);
    assert!(!ok);
    assert!(stderr.contains("scope"), "{stderr}");
    let (ok, stdout, stderr) = run(&[
        "user",
        "token",
        "--data",
        data,
        "--username",
        "nurse",
        "--name",
        "Hospital export",
    ]);
    assert!(ok, "{stderr}");
    let secret = stdout
        .lines()
        .find(|l| l.starts_with("bont_"))
        .expect("the token is printed")
        .to_owned();

    let mut child = bont()
        .args(["serve", "--listen", "127.0.0.1:0", "--data", data])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let address = loop {
        let line = lines.next().expect("a line").expect("text");
        if let Some(rest) = line.strip_prefix("bont is serving on http://") {
            break rest.split('/').next().expect("address").to_owned();
        }
    };
    let client = reqwest::Client::new();
    let listed = client
        .get(format!("http://{address}/api/patients"))
        .bearer_auth(&secret)
        .send()
        .await
        .expect("list");
    assert_eq!(listed.status(), reqwest::StatusCode::OK);
    let created = client
        .post(format!("http://{address}/api/patients"))
        .bearer_auth(&secret)
        .json(&serde_json::json!({"record_number": "T-1", "family_name": "Read", "birth_date": "1970-01-01", "sex": "female", "preferred_language": "pl"}))
        .send()
        .await
        .expect("create");
    assert_eq!(
        created.status(),
        reqwest::StatusCode::FORBIDDEN,
        "a read token (the default) cannot write"
    );
    child.kill().expect("stop");
    child.wait().expect("reaped");
}

/// `bont check` refuses a session dated after today, and `--today` sets the day for a
/// reproducible run; an implausible dose is refused at its field, with no verdict.
#[test]
fn check_refuses_dates_after_today_and_implausible_doses() {
    let (code, _, stderr) = check(&example(), &["--today", "2026-11-21"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("session.date: 2026-11-22 is after today"),
        "{stderr}"
    );
    let (code, stdout, _) = check(&example(), &["--today", "2026-11-22"]);
    assert_eq!(code, 1, "the example blocks, as of its own day: {stdout}");
    let absurd = example().replacen("\"units\": 40", "\"units\": 200113", 1);
    assert_ne!(absurd, example(), "the example has a row of 40 U");
    let (code, _, stderr) = check(&absurd, &["--today", "2026-11-22"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("is not a plausible dose") && stderr.contains("800 U"),
        "{stderr}"
    );
}
