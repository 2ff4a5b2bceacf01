//! The hot queries use an index. The use cases a clinic runs all day (the worklist and its
//! never-followed-up view, patient search, the patient's record, their sessions and
//! outcomes, a session, recall by lot) are run against a database of a real clinic's
//! shape; every statement they send is captured from the storage's statement log and its
//! query plan read with `EXPLAIN QUERY PLAN`. A full scan of a table that grows with the
//! clinic fails the test. (SQLite plans without statistics as if every table were large,
//! so a small database shows the plans of a large one.)

use bont_app::App;
use bont_app::outcomes::WorklistRequest;
use bont_core::clock::FixedClock;
use bont_core::{ClinicId, PatientId, SessionId, UserId};
use bont_db::{Actor, Database};
use std::sync::{Arc, Mutex};
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, SubscriberExt};

/// Tables whose size grows with the clinic's patients and years.
const LARGE: [&str; 14] = [
    "patients",
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
/// followed up, the patient list and search) may read a clinic's rows by its key; any
/// other query reads one patient's or one record's rows.
fn clinic_wide(sql: &str) -> bool {
    [
        "standing_rank",
        "f.kind <> 'reinjection'",
        "search_key",
        "COUNT(*) FROM patients",
    ]
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
    let path = dir.path().join("bont.sqlite");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../bont-db/tests/fixtures/sessions-as-json.sqlite"
        ),
        &path,
    )
    .expect("copy the demo clinic");
    let plans = runtime.block_on(async {
        let db = Database::open(&path, &bont_core::safety::Catalog::builtin())
            .await
            .expect("open");
        let now: jiff::Timestamp = "2026-11-30T10:00:00Z".parse().expect("now");
        let app = App::new(db.clone(), Arc::new(FixedClock(now)), findings);
        let actor = Actor {
            user: UserId::new(1),
            clinic: ClinicId::new(1),
            client: "test".into(),
            now,
        };
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
        for q in ["nowak", "1958-12-22", ""] {
            db.search_patients(
                &actor,
                &bont_db::patients::PatientQuery::from_text(q),
                1,
                25,
            )
            .await
            .expect("search");
        }
        let patient = PatientId::new(2);
        db.read_patient(&actor, patient).await.expect("patient");
        db.sessions_of_patient(&actor, patient)
            .await
            .expect("sessions");
        app.summary(&actor, patient).await.expect("outcomes");
        app.session(&actor, SessionId::new(17))
            .await
            .expect("session");
        db.adverse_events_of_lot(&actor, "C1234")
            .await
            .expect("lot");
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
            let rows: Vec<(i64, i64, i64, String)> =
                sqlx::query_as(&format!("EXPLAIN QUERY PLAN {sql}"))
                    .fetch_all(db.pool())
                    .await
                    .unwrap_or_else(|e| panic!("plan of {sql}: {e}"));
            seen.insert(sql, rows.into_iter().map(|r| r.3).collect::<Vec<_>>());
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
            let words: Vec<&str> = step.split_whitespace().collect();
            let automatic = step.contains("AUTOMATIC");
            let whole_clinic = words.first() == Some(&"SEARCH")
                && step.ends_with("(clinic_id=?)")
                && !clinic_wide(sql);
            if (words.first() == Some(&"SCAN") || automatic || whole_clinic)
                && let Some(name) = words.get(1)
                && LARGE.contains(&table_of(sql, name))
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
