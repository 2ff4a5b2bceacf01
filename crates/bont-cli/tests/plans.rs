//! The hot queries use an index, on both engines. The use cases a clinic runs all day (the
//! worklist and its never-followed-up view, patient search, the patient's record, their
//! sessions and outcomes, a session, recall by lot, the start page's day sheet) are run against a demo clinic; every
//! statement they send is captured from the storage's statement log and its query plan
//! read: `EXPLAIN QUERY PLAN` on SQLite, the generic plan of the prepared statement on
//! PostgreSQL with sequential scans priced out (so that a scan shows only where no index
//! can serve). A full scan of a table that grows with the clinic fails the test, and on
//! SQLite also a read of a whole clinic by its key outside the clinic-wide lists. (SQLite
//! plans without statistics as if every table were large, so a small database shows the
//! plans of a large one.)

use bont_app::App;
use bont_app::outcomes::WorklistRequest;
use bont_core::clock::FixedClock;
use bont_core::{PatientId, SessionId};
use bont_db::{Actor, Database, Engine};
use sqlx::{Executor, Row};
use std::sync::{Arc, Mutex};
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, SubscriberExt};

/// Tables whose size grows with the clinic's patients and years.
const LARGE: [&str; 15] = [
    "patients",
    "patient_words",
    "patient_versions",
    "treatment_sessions",
    "treatment_session_versions",
    "session_injections",
    "session_vials",
    "follow_ups",
    "follow_up_contacts",
    "assessments",
    "adverse_events",
    "goals",
    "goal_scores",
    "goal_targets",
    "audit_events",
];

/// The lists that are the whole clinic's by nature (the worklist, the sessions never
/// followed up, the patient list and the search by birth date) may read a clinic's rows
/// by its key; any other query (a search by words included) reads one patient's or one
/// record's rows, or the rows its index range finds.
fn clinic_wide(sql: &str) -> bool {
    let list = ["search_key", "COUNT(*) FROM patients"]
        .iter()
        .any(|marker| sql.contains(marker))
        && !sql.contains("patient_words");
    list || ["standing_rank", "f.kind <> 'reinjection'"]
        .iter()
        .any(|marker| sql.contains(marker))
}

#[derive(Default, Clone)]
struct Statements(Arc<Mutex<Vec<String>>>);

struct StatementVisitor {
    summary: String,
    statement: String,
}

impl Visit for StatementVisitor {
    fn record_str(&mut self, field: &Field, value: &str) {
        match field.name() {
            "summary" => self.summary = value.to_owned(),
            "db.statement" => self.statement = value.to_owned(),
            _ => {}
        }
    }
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let text = format!("{value:?}");
        match field.name() {
            "summary" => self.summary = text,
            "db.statement" => self.statement = text,
            _ => {}
        }
    }
}

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for Statements {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        if event.metadata().target() != "sqlx::query" {
            return;
        }
        let mut v = StatementVisitor {
            summary: String::new(),
            statement: String::new(),
        };
        event.record(&mut v);
        let sql = if v.statement.trim().is_empty() {
            v.summary
        } else {
            v.statement
        };
        let sql = sql.trim().trim_matches('"').replace("\\n", "\n").to_owned();
        if let Ok(mut all) = self.0.lock() {
            all.push(sql);
        }
    }
}

fn findings(
    findings: &[bont_core::safety::Finding],
    _: &bont_core::safety::Catalog,
) -> serde_json::Value {
    serde_json::to_value(findings).unwrap_or_default()
}

/// The table an alias of `sql` stands for (`FROM follow_ups f`), or the name itself.
fn table_of<'a>(sql: &'a str, name: &'a str) -> &'a str {
    let words: Vec<&str> = sql
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for pair in words.windows(3) {
        let keyword = pair[0].to_ascii_uppercase();
        if (keyword == "FROM" || keyword == "JOIN") && (pair[2] == name) {
            return pair[1];
        }
    }
    name
}

#[test]
fn every_hot_query_uses_an_index() {
    let statements = Statements::default();
    let subscriber = tracing_subscriber::registry().with(statements.clone());
    // Global: SQLite runs its statements on a thread of each connection.
    tracing::subscriber::set_global_default(subscriber).expect("the only subscriber");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let engine = bont_db::testing::engine();
    let plans = runtime.block_on(async {
        let catalog = bont_core::safety::Catalog::builtin();
        let db = Database::connect(&bont_db::testing::location(dir.path()).await, &catalog)
            .await
            .expect("open");
        let now: jiff::Timestamp = "2026-11-30T10:00:00Z".parse().expect("now");
        let clinic = db
            .first_clinic_or_create("Clinic", now)
            .await
            .expect("clinic");
        bont_cli::demo::create_demo_accounts(&db, clinic.id, now)
            .await
            .expect("accounts");
        let physician = db
            .user_by_username("physician")
            .await
            .expect("user")
            .expect("physician");
        let actor = Actor {
            user: physician.id,
            clinic: clinic.id,
            client: "test".into(),
            now,
        };
        bont_cli::demo::populate(
            &db,
            std::slice::from_ref(&actor),
            &catalog,
            7,
            30,
            jiff::civil::date(2026, 11, 30),
            &|_| {},
        )
        .await
        .expect("demo clinic");
        if engine == Engine::Postgres {
            // The statistics the server's autovacuum keeps of a running clinic.
            sqlx::query("ANALYZE")
                .execute(db.pool())
                .await
                .expect("analyze");
        }
        let app = App::new(db.clone(), Arc::new(FixedClock(now)), findings);
        // A patient with sessions, one of their sessions and a lot in use.
        let some = sqlx::query(
            "SELECT s.patient_id, s.id, v.lot FROM treatment_sessions s
             JOIN session_vials v ON v.session_id = s.id WHERE s.status = 'signed'
             ORDER BY s.id LIMIT 1",
        )
        .fetch_one(db.pool())
        .await
        .expect("a signed session");
        let patient = PatientId::new(some.get("patient_id"));
        let session = SessionId::new(some.get("id"));
        let lot: String = some.get("lot");
        // What the clinic does all day.
        statements.0.lock().expect("lock").clear();
        for view in [None, Some("overdue"), Some("never_followed_up")] {
            let asked = WorklistRequest {
                view: view.map(str::to_owned),
                indication: Some("chronic_migraine".into()),
                ..WorklistRequest::default()
            }
            .check(app.clock.today())
            .expect("request");
            app.worklist(Some(&actor), actor.clinic, &asked)
                .await
                .expect("worklist");
            let asked = WorklistRequest {
                view: view.map(str::to_owned),
                ..WorklistRequest::default()
            }
            .check(app.clock.today())
            .expect("request");
            app.worklist(Some(&actor), actor.clinic, &asked)
                .await
                .expect("worklist");
        }
        for q in ["nowak", "nowak a", "1958-12-22", ""] {
            db.search_patients(
                &actor,
                &bont_db::patients::PatientQuery::from_text(q),
                1,
                25,
            )
            .await
            .expect("search");
        }
        db.read_patient(&actor, patient).await.expect("patient");
        db.sessions_of_patient(&actor, patient)
            .await
            .expect("sessions");
        app.summary(&actor, patient).await.expect("outcomes");
        app.session(&actor, session).await.expect("session");
        db.adverse_events_of_lot(&actor, &lot).await.expect("lot");
        db.day_sheet(&actor, app.clock.today())
            .await
            .expect("day sheet");
        let captured = statements.0.lock().expect("lock").clone();
        // Each distinct query with its plan.
        let mut seen = std::collections::BTreeMap::new();
        for sql in captured {
            let first = sql
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_uppercase();
            if first != "SELECT" && first != "WITH" {
                continue;
            }
            if seen.contains_key(&sql) {
                continue;
            }
            let plan = match engine {
                Engine::Sqlite => sqlite_plan(&db, &sql).await,
                Engine::Postgres => postgres_plan(&db, &sql).await,
            };
            seen.insert(sql, plan);
        }
        seen
    });
    assert!(
        plans.len() >= 12,
        "the statement log was captured ({} queries)",
        plans.len()
    );
    let mut scans = Vec::new();
    for (sql, plan) in &plans {
        if std::env::var_os("BONT_PRINT_PLANS").is_some() {
            println!("{sql}\n  {}\n", plan.join("\n  "));
        }
        // The newest row by its key (the audit chain's head): SQLite walks the key from
        // its end and stops at the first row, whatever the table's size.
        if sql.ends_with("ORDER BY id DESC LIMIT 1") {
            continue;
        }
        for step in plan {
            let scanned = match engine {
                Engine::Sqlite => sqlite_scan(sql, step),
                Engine::Postgres => postgres_scan(sql, step),
            };
            if let Some(table) = scanned
                && LARGE.contains(&table)
            {
                scans.push(format!("{step}\n  in {sql}\n"));
            }
        }
    }
    assert!(
        scans.is_empty(),
        "full scans of large tables (or of a whole clinic):\n{}",
        scans.join("\n")
    );
}

async fn sqlite_plan(db: &Database, sql: &str) -> Vec<String> {
    sqlx::query(&format!("EXPLAIN QUERY PLAN {sql}"))
        .fetch_all(db.pool())
        .await
        .unwrap_or_else(|e| panic!("plan of {sql}: {e}"))
        .iter()
        .map(|row| row.get::<String, _>(3))
        .collect()
}

/// The table a step of SQLite's plan reads whole (`SCAN patients`, an automatic index),
/// or by the clinic's key alone in a query that is not a clinic-wide list.
fn sqlite_scan<'a>(sql: &'a str, step: &'a str) -> Option<&'a str> {
    let words: Vec<&str> = step.split_whitespace().collect();
    let automatic = step.contains("AUTOMATIC");
    let whole_clinic =
        words.first() == Some(&"SEARCH") && step.ends_with("(clinic_id=?)") && !clinic_wide(sql);
    if words.first() == Some(&"SCAN") || automatic || whole_clinic {
        words.get(1).map(|name| table_of(sql, name))
    } else {
        None
    }
}

/// The generic plan of `sql` as PostgreSQL prepares it (whatever the values bound), with
/// sequential scans priced out: one shows only where no index can serve.
async fn postgres_plan(db: &Database, sql: &str) -> Vec<String> {
    let mut conn = db.pool().acquire().await.expect("connection");
    let parameters = (1..=40)
        .take_while(|n| sql.contains(&format!("${n}")))
        .count();
    let values = vec!["NULL"; parameters].join(", ");
    conn.execute(
        format!(
            "SET enable_seqscan = off; SET plan_cache_mode = force_generic_plan; \
             PREPARE hot AS {sql}"
        )
        .as_str(),
    )
    .await
    .unwrap_or_else(|e| panic!("prepare {sql}: {e}"));
    let explain = if parameters == 0 {
        "EXPLAIN EXECUTE hot".to_owned()
    } else {
        format!("EXPLAIN EXECUTE hot({values})")
    };
    let plan = sqlx::query_scalar::<_, String>(&explain)
        .fetch_all(&mut *conn)
        .await
        .unwrap_or_else(|e| panic!("plan of {sql}: {e}"));
    conn.execute("DEALLOCATE hot; RESET enable_seqscan; RESET plan_cache_mode")
        .await
        .expect("deallocate");
    plan
}

/// The table a line of PostgreSQL's plan reads whole (`Seq Scan on patients`). Which index
/// the server then picks depends on the statistics of the data, and a small test clinic
/// makes reading a whole clinic by its key look cheap: that check is SQLite's, on the same
/// SQL and the same indexes.
fn postgres_scan<'a>(_sql: &'a str, line: &'a str) -> Option<&'a str> {
    let line = line.trim_start().trim_start_matches("->").trim_start();
    line.strip_prefix("Seq Scan on ")
        .and_then(|rest| rest.split_whitespace().next())
}
