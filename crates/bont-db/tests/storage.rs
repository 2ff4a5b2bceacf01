//! The storage layer against a real SQLite file.

use bont_core::patient::{PatientInput, PatientRecord};
use bont_core::user::{NewUser, UserInput};
use bont_core::{FieldErrors, Problem, UserId};
use bont_db::patients::PatientQuery;
use bont_db::{Actor, Database, StoreError};
use jiff::civil::date;

fn now() -> jiff::Timestamp {
    "2026-11-22T10:00:00Z".parse().expect("timestamp")
}

struct Fixture {
    _dir: tempfile::TempDir,
    db: Database,
    actor: Actor,
}

async fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = Database::connect(
        &bont_db::testing::location(dir.path()).await,
        &bont_core::safety::Catalog::builtin(),
    )
    .await
    .expect("open");
    let clinic = db
        .first_clinic_or_create("Clinic", now())
        .await
        .expect("clinic");
    let user = NewUser::parse(&UserInput {
        username: "nurse".into(),
        display_name: "A nurse".into(),
        role: "nurse".into(),
        language: "en".into(),
    })
    .expect("user");
    let id = db
        .create_user(None, clinic.id, &user, "hash", false, now())
        .await
        .expect("create user");
    let actor = Actor {
        user: id,
        clinic: clinic.id,
        client: "test".into(),
        now: now(),
    };
    Fixture {
        _dir: dir,
        db,
        actor,
    }
}

fn record(number: &str, family: &str, birth: &str) -> PatientRecord {
    let input = PatientInput {
        record_number: number.into(),
        family_name: family.into(),
        given_names: "Ewa".into(),
        birth_date: birth.into(),
        sex: "female".into(),
        preferred_language: "pl".into(),
        conditions: vec!["dysphagia".into()],
        ..PatientInput::default()
    };
    PatientRecord::parse(&input, date(2026, 11, 22)).expect("valid")
}

#[tokio::test]
async fn a_patient_round_trips_through_the_database() {
    let f = fixture().await;
    let original = record("R-1", "Wiśniewska", "1970-05-06");
    let id =
        f.db.create_patient(&f.actor, &original)
            .await
            .expect("create");
    let stored = f.db.read_patient(&f.actor, id).await.expect("read");
    assert_eq!(stored.record, original);
    assert_eq!(stored.version, 1);
}

#[tokio::test]
async fn a_duplicate_record_number_is_a_field_error_and_writes_nothing() {
    let f = fixture().await;
    f.db.create_patient(&f.actor, &record("R-1", "One", "1970-01-01"))
        .await
        .expect("first");
    let before =
        f.db.audit_events(&Default::default(), 1000)
            .await
            .expect("audit")
            .len();
    let err =
        f.db.create_patient(&f.actor, &record("R-1", "Two", "1971-01-01"))
            .await;
    match err {
        Err(StoreError::Invalid(e)) => {
            assert_eq!(e, FieldErrors::one("record_number", Problem::Duplicate))
        }
        other => panic!("expected a duplicate, got {other:?}"),
    }
    assert_eq!(f.db.count_patients(f.actor.clinic).await.expect("count"), 1);
    assert_eq!(
        f.db.audit_events(&Default::default(), 1000)
            .await
            .expect("audit")
            .len(),
        before
    );
}

#[tokio::test]
async fn a_stale_edit_is_refused_and_earlier_versions_are_kept() {
    let f = fixture().await;
    let id =
        f.db.create_patient(&f.actor, &record("R-1", "Before", "1970-01-01"))
            .await
            .expect("create");
    let v2 =
        f.db.update_patient(&f.actor, id, 1, &record("R-1", "After", "1970-01-01"))
            .await
            .expect("update");
    assert_eq!(v2, 2);
    let stale =
        f.db.update_patient(&f.actor, id, 1, &record("R-1", "Lost", "1970-01-01"))
            .await;
    assert!(matches!(stale, Err(StoreError::Conflict)), "{stale:?}");
    let now = f.db.read_patient(&f.actor, id).await.expect("read");
    assert_eq!(
        now.record.name.family.map(|n| n.to_string()),
        Some("After".into())
    );
    let versions = f.db.patient_versions(&f.actor, id).await.expect("versions");
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].0, 1);
    assert_eq!(versions[0].1.family_name, "Before");
}

#[tokio::test]
async fn search_finds_by_words_in_any_script_and_by_birth_date_and_pages() {
    let f = fixture().await;
    for (i, family) in ["Wiśniewska", "Łukasik", "Иванова", "Kowalski", "Kowalczyk"]
        .iter()
        .enumerate()
    {
        let birth = format!("19{}0-01-0{}", i + 5, i + 1);
        f.db.create_patient(&f.actor, &record(&format!("R-{i}"), family, &birth))
            .await
            .expect("create");
    }
    let search = |q: &str| PatientQuery::from_text(q);
    let names = |page: &bont_db::patients::PatientPage| -> Vec<String> {
        page.patients
            .iter()
            .map(|p| p.record.name.family.clone().expect("named").to_string())
            .collect()
    };
    let found =
        f.db.search_patients(&f.actor, &search("ŁUKA"), 1, 25)
            .await
            .expect("search");
    assert_eq!(names(&found), ["Łukasik"]);
    let found =
        f.db.search_patients(&f.actor, &search("иван"), 1, 25)
            .await
            .expect("search");
    assert_eq!(names(&found), ["Иванова"]);
    let found =
        f.db.search_patients(&f.actor, &search("kowal ewa"), 1, 25)
            .await
            .expect("search");
    assert_eq!(names(&found), ["Kowalczyk", "Kowalski"]);
    let found =
        f.db.search_patients(&f.actor, &search("R-3"), 1, 25)
            .await
            .expect("search");
    assert_eq!(names(&found), ["Kowalski"]);
    let found =
        f.db.search_patients(&f.actor, &search("1970-01-03"), 1, 25)
            .await
            .expect("search");
    assert_eq!(names(&found), ["Иванова"]);
    let found =
        f.db.search_patients(&f.actor, &search("03.01.1970"), 1, 25)
            .await
            .expect("search");
    assert_eq!(names(&found), ["Иванова"]);
    let found =
        f.db.search_patients(&f.actor, &search("100%_"), 1, 25)
            .await
            .expect("search");
    assert!(found.patients.is_empty());
    let page2 =
        f.db.search_patients(&f.actor, &PatientQuery::All, 2, 2)
            .await
            .expect("page");
    assert_eq!(
        (page2.total, page2.page_count(), page2.patients.len()),
        (5, 3, 2)
    );
}

#[tokio::test]
async fn another_clinic_sees_nothing() {
    let f = fixture().await;
    let id =
        f.db.create_patient(&f.actor, &record("R-1", "Mine", "1970-01-01"))
            .await
            .expect("create");
    let other =
        f.db.create_clinic("Other clinic", now())
            .await
            .expect("clinic");
    let outsider = Actor {
        user: UserId::new(f.actor.user.get()),
        clinic: other.id,
        ..f.actor.clone()
    };
    assert!(matches!(
        f.db.read_patient(&outsider, id).await,
        Err(StoreError::NotFound)
    ));
    let page =
        f.db.search_patients(&outsider, &PatientQuery::All, 1, 25)
            .await
            .expect("search");
    assert_eq!(page.total, 0);
    let edit =
        f.db.update_patient(&outsider, id, 1, &record("R-1", "Theirs", "1970-01-01"))
            .await;
    assert!(matches!(edit, Err(StoreError::NotFound)));
}

#[tokio::test]
async fn every_read_and_write_of_a_patient_is_audited() {
    let f = fixture().await;
    let id =
        f.db.create_patient(&f.actor, &record("R-1", "Audited", "1970-01-01"))
            .await
            .expect("create");
    f.db.read_patient(&f.actor, id).await.expect("read");
    f.db.update_patient(&f.actor, id, 1, &record("R-1", "Audited", "1970-01-02"))
        .await
        .expect("update");
    f.db.search_patients(&f.actor, &PatientQuery::All, 1, 10)
        .await
        .expect("search");
    let actions: Vec<String> =
        f.db.audit_events(&Default::default(), 10)
            .await
            .expect("audit")
            .into_iter()
            .rev()
            .filter(|e| e.entity.as_deref() == Some("patient"))
            .map(|e| e.action)
            .collect();
    assert_eq!(
        actions,
        [
            "patient.create",
            "patient.read",
            "patient.update",
            "patient.search"
        ]
    );
}

#[tokio::test]
async fn the_audit_chain_shows_an_edited_or_removed_event() {
    let f = fixture().await;
    for (n, name) in ["Nowak", "Kowalska", "Wiśniewska", "Lewandowska"]
        .iter()
        .enumerate()
    {
        f.db.create_patient(&f.actor, &record(&format!("A-{n}"), name, "1980-01-02"))
            .await
            .expect("create");
    }
    let intact = f.db.verify_audit_chain(None).await.expect("verify");
    assert!(intact.is_intact(), "{intact:?}");
    assert!(intact.events >= 5, "{intact:?}");
    let head = intact.head.clone();
    let pool = f.db.pool();
    let exec = |sql: &'static str| async move {
        sqlx::query(sql).execute(pool).await.expect("tamper");
    };

    // Somebody rewrites what an event says.
    exec("UPDATE audit_events SET detail = 'nothing happened' WHERE id = 3").await;
    let edited = f.db.verify_audit_chain(Some(&head)).await.expect("verify");
    assert!(!edited.is_intact());
    assert_eq!(
        edited.breaks.iter().map(|b| b.id).collect::<Vec<_>>(),
        vec![3]
    );
    assert!(edited.breaks[0].problem.contains("edited"));

    // ...or removes one, or the newest ones.
    exec("DELETE FROM audit_events WHERE id = 2").await;
    let removed = f.db.verify_audit_chain(Some(&head)).await.expect("verify");
    assert!(
        removed
            .breaks
            .iter()
            .any(|b| b.id == 3 && b.problem.contains("removed")),
        "{removed:?}"
    );
    exec("DELETE FROM audit_events WHERE id = (SELECT MAX(id) FROM audit_events)").await;
    let truncated = f.db.verify_audit_chain(Some(&head)).await.expect("verify");
    assert_eq!(truncated.expected_head_found, Some(false));
}

#[tokio::test]
async fn events_written_before_the_chain_are_chained_when_the_database_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bont.sqlite");
    let db = Database::open(&path, &bont_core::safety::Catalog::builtin())
        .await
        .expect("open");
    db.first_clinic_or_create("Clinic", now())
        .await
        .expect("clinic");
    sqlx::query(
        "INSERT INTO audit_events (clinic_id, at, action, detail, client)
         VALUES (1, '2026-01-01T00:00:00Z', 'login.failed', 'someone', ''),
                (1, '2026-01-02T00:00:00Z', 'login.failed', 'someone', '')",
    )
    .execute(db.pool())
    .await
    .expect("old events");
    let before = db.verify_audit_chain(None).await.expect("verify");
    assert!(!before.is_intact());
    db.close().await;
    let db = Database::open(&path, &bont_core::safety::Catalog::builtin())
        .await
        .expect("reopen");
    let after = db.verify_audit_chain(None).await.expect("verify");
    assert!(after.is_intact(), "{after:?}");
}

/// `tests/fixtures/sessions-as-json.sqlite` was made by the version that kept a session as
/// its raw JSON input (schema 8): a demo clinic of five patients with 32 signed sessions,
/// one of them amended and one voided, and a draft sent through the API with a date
/// followed by a space, a side written "L", a muscle by its name and a lot with spaces
/// around it. Opening it brings every session to its columns and rows.
#[tokio::test]
async fn sessions_stored_as_json_come_over_to_their_rows() {
    use sqlx::Row;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bont.sqlite");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/sessions-as-json.sqlite"
        ),
        &path,
    )
    .expect("copy fixture");
    // What the old records hold, read straight from the file.
    let old = {
        use sqlx::Connection;
        let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite:{}", path.display()))
            .await
            .expect("connect");
        let rows =
            sqlx::query("SELECT id, status, version, record FROM treatment_sessions ORDER BY id")
                .fetch_all(&mut conn)
                .await
                .expect("old sessions");
        conn.close().await.expect("close");
        rows.iter()
            .map(|r| {
                let record: serde_json::Value =
                    serde_json::from_str(r.get::<&str, _>("record")).expect("json");
                (
                    r.get::<i64, _>("id"),
                    r.get::<String, _>("status"),
                    r.get::<i64, _>("version"),
                    record,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(old.len(), 33);
    let db = Database::open(&path, &bont_core::safety::Catalog::builtin())
        .await
        .expect("open and convert");
    let waiting: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM legacy_session_records")
        .fetch_one(db.pool())
        .await
        .expect("count");
    assert_eq!(waiting, 0);
    let actor = Actor {
        user: UserId::new(1),
        clinic: bont_core::ClinicId::new(1),
        client: "test".into(),
        now: now(),
    };
    let (mut injections, mut vials) = (0, 0);
    for (id, status, version, record) in &old {
        let stored = db
            .read_session(&actor, bont_core::SessionId::new(*id))
            .await
            .expect("session");
        assert_eq!(stored.status.id(), status.as_str());
        assert_eq!(stored.version, *version);
        assert_eq!(
            stored.record.date,
            record["date"].as_str().expect("date").trim()
        );
        assert_eq!(
            stored.record.product,
            record["product"].as_str().expect("product")
        );
        assert_eq!(
            stored.record.notes,
            record["notes"].as_str().unwrap_or("").trim()
        );
        let old_injections = record["injections"].as_array().expect("injections");
        assert_eq!(
            stored.record.injections.len(),
            old_injections.len(),
            "session {id}"
        );
        for (new, old) in stored.record.injections.iter().zip(old_injections) {
            assert_eq!(new.units, old["units"].as_f64().expect("units"));
            assert_eq!(new.sites, old["sites"].as_u64().expect("sites") as u32);
            assert!(["left", "right", "both", "midline"].contains(&new.side.as_str()));
        }
        let old_vials = record["vials"].as_array().expect("vials");
        assert_eq!(stored.record.vials.len(), old_vials.len(), "session {id}");
        for (new, old) in stored.record.vials.iter().zip(old_vials) {
            assert_eq!(new.lot, old["lot"].as_str().expect("lot").trim());
        }
        injections += old_injections.len();
        vials += old_vials.len();
    }
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM session_injections")
        .fetch_one(db.pool())
        .await
        .expect("count");
    assert_eq!(rows as usize, injections);
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM session_vials")
        .fetch_one(db.pool())
        .await
        .expect("count");
    assert_eq!(rows as usize, vials);
    // The draft sent with loose values is stored in its checked form.
    let draft = db
        .read_session(&actor, bont_core::SessionId::new(33))
        .await
        .expect("draft");
    assert_eq!(draft.record.date, "2026-11-27");
    assert_eq!(draft.record.injections[0].side, "left");
    assert_eq!(draft.record.injections[1].muscle, "splenius_capitis");
    assert_eq!(draft.record.vials[0].lot, "C1234");
    // Earlier versions stay as they were kept; the amended session has two.
    assert_eq!(
        db.session_versions(&actor, bont_core::SessionId::new(4))
            .await
            .expect("versions")
            .len(),
        2
    );
    // Who received lot C1234: one question, one index.
    let lot: Vec<i64> = sqlx::query_scalar(
        "SELECT session_id FROM session_vials WHERE clinic_id = 1 AND lot = 'C1234'",
    )
    .fetch_all(db.pool())
    .await
    .expect("lot");
    assert_eq!(lot, [33]);
}

/// The indexes of the database (and PostgreSQL's foreign keys), by name.
async fn indexes_and_keys(db: &Database) -> Vec<String> {
    let sql = match bont_db::testing::engine() {
        bont_db::Engine::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        }
        bont_db::Engine::Postgres => {
            "SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema()
             UNION ALL SELECT conname::text FROM pg_constraint WHERE contype = 'f' ORDER BY 1"
        }
    };
    sqlx::query_scalar(sql)
        .fetch_all(db.pool())
        .await
        .expect("catalog")
}

#[tokio::test]
async fn a_load_sets_indexes_aside_and_they_are_built_again_after_it_or_at_the_next_start() {
    let f = fixture().await;
    let location = f.db.location().clone();
    let catalog = bont_core::safety::Catalog::builtin();
    let db = f.db.clone();
    let all = indexes_and_keys(&db).await;
    assert!(all.iter().any(|n| n == "follow_ups_worklist"), "{all:?}");

    let aside = db.set_aside_for_load().await.expect("set aside");
    let during = indexes_and_keys(&db).await;
    assert_eq!(during.len() + aside, all.len(), "{during:?}");
    assert!(!during.iter().any(|n| n == "follow_ups_worklist"));
    // Unique indexes stay, so that what they forbid stays forbidden during the load.
    db.create_patient(&f.actor, &record("R-1", "One", "1970-01-01"))
        .await
        .expect("first");
    assert!(matches!(
        db.create_patient(&f.actor, &record("R-1", "Two", "1971-01-01"))
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(db.rebuild_set_aside().await.expect("rebuild"), aside);
    assert_eq!(indexes_and_keys(&db).await, all);

    // A load that stops half-way: the next start of bont builds them again.
    db.set_aside_for_load().await.expect("set aside again");
    db.close().await;
    let db = Database::connect(&location, &catalog)
        .await
        .expect("reopen");
    assert_eq!(indexes_and_keys(&db).await, all);
    assert_eq!(db.rebuild_set_aside().await.expect("nothing left"), 0);
}

#[tokio::test]
async fn search_finds_by_the_beginnings_of_words_and_earlier_patients_get_their_words() {
    let f = fixture().await;
    for (i, family) in ["Nowak-Kowalska", "Kowalewski", "Sokołowska"]
        .iter()
        .enumerate()
    {
        f.db.create_patient(
            &f.actor,
            &record(&format!("MRN-{i}7"), family, "1980-01-01"),
        )
        .await
        .expect("create");
    }
    let found = |db: Database, q: &'static str| {
        let actor = f.actor.clone();
        async move {
            let page = db
                .search_patients(&actor, &PatientQuery::from_text(q), 1, 25)
                .await
                .expect("search");
            page.patients
                .iter()
                .map(|p| p.record.name.family.clone().expect("named").to_string())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        found(f.db.clone(), "kowal").await,
        ["Kowalewski", "Nowak-Kowalska"]
    );
    assert_eq!(found(f.db.clone(), "NOWAK").await, ["Nowak-Kowalska"]);
    assert_eq!(found(f.db.clone(), "sokoł ewa").await, ["Sokołowska"]);
    assert_eq!(found(f.db.clone(), "mrn-2").await, ["Sokołowska"]);
    // A word is found by its beginning, not by letters inside it.
    assert!(found(f.db.clone(), "owska").await.is_empty());

    // A changed name is found by its new words only.
    let stored =
        f.db.search_patients(&f.actor, &PatientQuery::from_text("sokoł"), 1, 1)
            .await
            .expect("search")
            .patients
            .remove(0);
    f.db.update_patient(
        &f.actor,
        stored.id,
        stored.version,
        &record("MRN-27", "Zielińska", "1980-01-01"),
    )
    .await
    .expect("rename");
    assert!(found(f.db.clone(), "sokoł").await.is_empty());
    assert_eq!(found(f.db.clone(), "ZIELIŃ").await, ["Zielińska"]);

    // Patients stored before the word index get their words when the database opens.
    sqlx::query("DELETE FROM patient_words")
        .execute(f.db.pool())
        .await
        .expect("forget the words");
    assert!(found(f.db.clone(), "kowal").await.is_empty());
    let location = f.db.location().clone();
    f.db.close().await;
    let db = Database::connect(&location, &bont_core::safety::Catalog::builtin())
        .await
        .expect("reopen");
    assert_eq!(
        found(db.clone(), "kowal").await,
        ["Kowalewski", "Nowak-Kowalska"]
    );
    assert_eq!(found(db, "zielińska ewa").await, ["Zielińska"]);
}

/// Someone with the database but not the key rewrites an event and re-hashes the chain
/// after it with plain SHA-256, as an unkeyed chain would allow: the seals give it away.
/// Removing the newest events shows against the sealed checkpoints; and the database is
/// not opened without its key.
#[tokio::test]
async fn the_keyed_chain_shows_a_rehashed_rewrite_and_a_cut_tail() {
    use bont_db::audit::{BreakKind, Content, event_hash};
    let dir = tempfile::tempdir().expect("temp dir");
    let location = bont_db::testing::location(dir.path()).await;
    let key = dir.path().join("keys/audit.key");
    let catalog = bont_core::safety::Catalog::builtin();
    let db = Database::connect_keyed(&location, &catalog, Some(&key))
        .await
        .expect("open");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).expect("key").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the key is its owner's only");
    }
    let clinic = db
        .first_clinic_or_create("Clinic", now())
        .await
        .expect("clinic");
    let user = NewUser::parse(&UserInput {
        username: "nurse".into(),
        display_name: "A nurse".into(),
        role: "nurse".into(),
        language: "en".into(),
    })
    .expect("user");
    let id = db
        .create_user(None, clinic.id, &user, "hash", false, now())
        .await
        .expect("user");
    let actor = Actor {
        user: id,
        clinic: clinic.id,
        client: "test".into(),
        now: now(),
    };
    for (n, name) in ["Nowak", "Kowalska", "Wiśniewska"].iter().enumerate() {
        db.create_patient(&actor, &record(&format!("K-{n}"), name, "1980-01-02"))
            .await
            .expect("create");
    }
    let checkpoint = db
        .checkpoint_audit_chain(now())
        .await
        .expect("checkpoint")
        .expect("a head");
    let intact = db.verify_audit_chain(None).await.expect("verify");
    assert!(intact.is_intact(), "{intact:?}");
    assert_eq!(intact.keyed_from, Some(1));
    assert_eq!(intact.checkpoints_matched, 1);
    assert_eq!(intact.last_checkpoint.as_ref(), Some(&checkpoint));

    // The rewrite, re-hashed from the edited event on.
    let mut rows = db
        .audit_events(&Default::default(), 1_000)
        .await
        .expect("events");
    rows.reverse();
    let edited = rows
        .iter()
        .position(|r| r.action == "patient.create")
        .expect("an event");
    let mut prev = rows[edited].prev_hash.clone().expect("linked");
    for (n, row) in rows.iter().enumerate().skip(edited) {
        let detail = if n == edited {
            "nothing happened"
        } else {
            row.detail.as_str()
        };
        let content = Content {
            id: row.id,
            clinic_id: row.clinic_id,
            at: &row.at,
            user_id: row.user_id,
            action: &row.action,
            entity: row.entity.as_deref(),
            entity_id: row.entity_id,
            detail,
            client: &row.client,
        };
        let hash = event_hash(&prev, &content);
        sqlx::query("UPDATE audit_events SET detail = $1, prev_hash = $2, hash = $3 WHERE id = $4")
            .bind(detail)
            .bind(&prev)
            .bind(&hash)
            .bind(row.id)
            .execute(db.pool())
            .await
            .expect("rewrite");
        prev = hash;
    }
    let rewritten = db.verify_audit_chain(None).await.expect("verify");
    assert!(!rewritten.is_intact());
    let unsealed: Vec<i64> = rewritten
        .breaks
        .iter()
        .filter(|b| b.kind == BreakKind::Unsealed)
        .map(|b| b.id)
        .collect();
    assert_eq!(
        unsealed,
        rows[edited..].iter().map(|r| r.id).collect::<Vec<_>>()
    );
    assert!(
        rewritten
            .breaks
            .iter()
            .any(|b| b.kind == BreakKind::Truncated),
        "the checkpoint no longer matches: {rewritten:?}"
    );

    // A fresh database, its tail cut after a checkpoint.
    let dir = tempfile::tempdir().expect("temp dir");
    let location = bont_db::testing::location(dir.path()).await;
    let key = dir.path().join("audit.key");
    let db = Database::connect_keyed(&location, &catalog, Some(&key))
        .await
        .expect("open");
    let clinic = db
        .first_clinic_or_create("Clinic", now())
        .await
        .expect("clinic");
    db.create_user(None, clinic.id, &user, "hash", false, now())
        .await
        .expect("user");
    db.checkpoint_audit_chain(now()).await.expect("checkpoint");
    sqlx::query("DELETE FROM audit_events WHERE id = (SELECT MAX(id) FROM audit_events)")
        .execute(db.pool())
        .await
        .expect("cut");
    let cut = db.verify_audit_chain(None).await.expect("verify");
    assert!(!cut.is_intact());
    assert!(
        cut.breaks.iter().all(|b| b.kind == BreakKind::Truncated),
        "{cut:?}"
    );
    db.close().await;

    // Without its key, the database is not opened.
    std::fs::rename(&key, dir.path().join("elsewhere.key")).expect("move");
    let refused = Database::connect_keyed(&location, &catalog, Some(&key)).await;
    assert!(
        matches!(refused, Err(StoreError::KeyMissing(_))),
        "{:?}",
        refused.err()
    );
}

#[tokio::test]
async fn search_finds_names_typed_without_their_marks_also_for_patients_stored_before() {
    let f = fixture().await;
    for (i, family) in ["Dąbrowska", "Zielińska", "Фёдорова"].iter().enumerate() {
        f.db.create_patient(&f.actor, &record(&format!("M-{i}"), family, "1960-01-01"))
            .await
            .expect("create");
    }
    let found = |db: Database, q: &'static str| {
        let actor = f.actor.clone();
        async move {
            let page = db
                .search_patients(&actor, &PatientQuery::from_text(q), 1, 25)
                .await
                .expect("search");
            page.patients
                .iter()
                .map(|p| p.record.name.family.clone().expect("named").to_string())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(found(f.db.clone(), "Dabrowska").await, ["Dąbrowska"]);
    assert_eq!(found(f.db.clone(), "zielinska").await, ["Zielińska"]);
    assert_eq!(found(f.db.clone(), "Федорова").await, ["Фёдорова"]);
    assert_eq!(found(f.db.clone(), "dąbrowska").await, ["Dąbrowska"]);

    // As an earlier version stored them: keys and words with their marks. Opening the
    // database (its schema 18) makes the words again, folded.
    sqlx::query("UPDATE patients SET search_key = 'dąbrowska ewa' WHERE record_number = 'M-0'")
        .execute(f.db.pool())
        .await
        .expect("an earlier key");
    sqlx::query("DELETE FROM patient_words")
        .execute(f.db.pool())
        .await
        .expect("what the migration does");
    let reopened = Database::connect(f.db.location(), &bont_core::safety::Catalog::builtin())
        .await
        .expect("reopen");
    assert_eq!(found(reopened.clone(), "dabrowska").await, ["Dąbrowska"]);
    assert_eq!(found(reopened, "Федорова").await, ["Фёдорова"]);
}
