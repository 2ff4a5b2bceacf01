//! Follow-up, outcomes and adverse events over real HTTP: the schedule signing makes, the
//! worklist and its contacts, the entry of every scale, goals, adverse events, response
//! per session and possible secondary non-response.

use crate::app::TestApp;
use crate::{patient_for_sessions, session_json};
use bont_core::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Drafts and signs a session through the API; its id.
pub async fn signed_session(
    app: &TestApp,
    physician: &reqwest::Client,
    patient: &str,
    body: Value,
) -> i64 {
    let created = physician
        .post(app.url(&format!("{patient}/sessions")))
        .json(&body)
        .send()
        .await
        .expect("draft");
    assert_eq!(
        created.status(),
        StatusCode::CREATED,
        "{:?}",
        created.text().await
    );
    let draft: Value = created.json().await.expect("json");
    let id = draft["id"].as_i64().expect("id");
    let overrides: Vec<Value> = draft["report"]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "block")
        .map(|f| json!({"code": f["code"], "kind": "other", "reason": "Discussed with the patient; benefit outweighs risk."}))
        .collect();
    let signed = physician
        .post(app.url(&format!("/api/sessions/{id}/sign")))
        .json(&json!({"version": draft["version"], "overrides": overrides}))
        .send()
        .await
        .expect("sign");
    assert_eq!(signed.status(), StatusCode::OK, "{:?}", signed.text().await);
    id
}

async fn get_json(client: &reqwest::Client, url: String) -> Value {
    let response = client.get(url).send().await.expect("get");
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("json")
}

async fn page(client: &reqwest::Client, url: String) -> String {
    let response = client.get(url).send().await.expect("get");
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.expect("html")
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(app.db.pool())
        .await
        .expect("count")
}

fn patient_id(location: &str) -> i64 {
    location
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .expect("patient id")
}

#[tokio::test]
async fn signing_schedules_follow_ups_that_the_worklist_lists_until_the_patient_is_reached() {
    // The test clock stands on Sunday 2026-11-22: the week is 16 to 22 November.
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let nurse = app.logged_in(Role::Nurse).await;
    let patient = patient_for_sessions(&app, &nurse).await;

    // An older session nobody followed up.
    let old = signed_session(
        &app,
        &physician,
        &patient,
        session_json("2026-08-03", 100.0),
    )
    .await;
    let list = get_json(&nurse, app.url("/api/worklist")).await;
    let kinds: Vec<(&str, &str)> = list["follow_ups"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r["follow_up"]["kind"].as_str().unwrap_or(""),
                r["standing"].as_str().unwrap_or(""),
            )
        })
        .collect();
    // Onset and peak passed unreached long ago: they are no longer calls to make, and the
    // session counts as never followed up. The re-injection window (84 days) opened on
    // 2026-10-26 and was due then.
    assert_eq!(kinds, [("reinjection", "overdue")]);
    // Cervical dystonia's peak is assessed from week 4 (maximum benefit at about 6 weeks).
    let at_the_peak = get_json(&nurse, app.url("/api/worklist?date=2026-09-14")).await;
    let kinds: Vec<&str> = at_the_peak["follow_ups"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["follow_up"]["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        ["onset_check", "peak_assessment"],
        "the onset call is late, the peak visit due"
    );
    assert_eq!(at_the_peak["follow_ups"][0]["standing"], "overdue");
    assert_eq!(at_the_peak["follow_ups"][1]["standing"], "due_this_week");
    let never = get_json(&nurse, app.url("/api/worklist?view=never_followed_up")).await;
    assert_eq!(never["never_followed_up"][0]["session"], old);
    assert_eq!(never["total"], 1);
    assert_eq!(list["follow_ups"][0]["patient_name"], "Nowak, Maria");
    assert_eq!(
        (list["page"].clone(), list["pages"].clone()),
        (1.into(), 1.into())
    );

    // Re-injected: the new session closes the old one's follow-ups and schedules its own.
    let new = signed_session(
        &app,
        &physician,
        &patient,
        session_json("2026-11-16", 100.0),
    )
    .await;
    let follow_ups =
        get_json(&nurse, app.url(&format!("{patient}/outcomes"))).await["follow_ups"].clone();
    let of = |session: i64, kind: &str| -> Value {
        follow_ups
            .as_array()
            .expect("rows")
            .iter()
            .find(|f| f["session"] == session && f["kind"] == kind)
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert_eq!(of(old, "reinjection")["closed_as"], "reinjected");
    assert_eq!(of(old, "onset_check")["closed_as"], "superseded");
    assert_eq!(of(new, "onset_check")["due_on"], "2026-11-23");
    assert_eq!(of(new, "peak_assessment")["due_on"], "2026-12-28");
    assert_eq!(of(new, "reinjection")["opens_on"], "2027-02-08");
    assert!(
        of(new, "reinjection")["source"]
            .as_array()
            .is_some_and(|s| !s.is_empty())
    );

    // The new onset check opens on the 19th and is due on Monday 23rd: upcoming; the old
    // session stays on the list of sessions never followed up.
    let list = get_json(&nurse, app.url("/api/worklist")).await;
    let rows = list["follow_ups"].as_array().expect("rows");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["standing"], "upcoming");
    let never = get_json(&nurse, app.url("/api/worklist?view=never_followed_up")).await;
    assert_eq!(never["never_followed_up"][0]["session"], old);
    let on_monday = get_json(
        &nurse,
        app.url("/api/worklist?date=2026-11-23&view=due_this_week"),
    )
    .await;
    assert_eq!(on_monday["follow_ups"].as_array().map(Vec::len), Some(1));
    // Filters: another indication, another physician.
    let other = get_json(&nurse, app.url("/api/worklist?indication=blepharospasm")).await;
    assert_eq!(other["follow_ups"].as_array().map(Vec::len), Some(0));
    let other = get_json(&nurse, app.url("/api/worklist?physician=999")).await;
    assert_eq!(other["follow_ups"].as_array().map(Vec::len), Some(0));

    // The worklist page, and one click to record the call.
    let html = page(&nurse, app.url("/worklist")).await;
    assert!(
        html.contains("Onset check (call)") && html.contains("Nowak, Maria"),
        "{html}"
    );
    assert!(html.contains("view=never_followed_up"));
    // The filter form as it is sent untouched: every menu on "any", no day typed.
    let untouched = page(
        &nurse,
        app.url("/worklist?date=&indication=&physician=&view=&page="),
    )
    .await;
    assert!(untouched.contains("Nowak, Maria"), "{untouched}");
    let never_page = page(&nurse, app.url("/worklist?view=never_followed_up")).await;
    assert!(
        never_page.contains("Sessions never followed up") && never_page.contains("Nowak, Maria")
    );
    let onset = rows[0]["follow_up"]["id"].as_i64().expect("id");
    let contact = |result: &str, booked: &str| {
        nurse
            .post(app.url(&format!("/follow-ups/{onset}/contact")))
            .form(&[
                ("result", result),
                ("booked_on", booked),
                ("note", ""),
                ("back", "/worklist"),
            ])
            .send()
    };
    let response = contact("not_reached", "").await.expect("contact");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/worklist");
    // A booking needs its day, not in the past.
    assert_eq!(
        contact("visit_booked", "").await.expect("contact").status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        contact("visit_booked", "2026-11-01")
            .await
            .expect("contact")
            .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        contact("phoned", "").await.expect("contact").status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let list = get_json(&nurse, app.url("/api/worklist")).await;
    assert_eq!(list["follow_ups"][0]["follow_up"]["attempts"], 1);
    assert_eq!(
        contact("reached", "").await.expect("contact").status(),
        StatusCode::SEE_OTHER
    );
    let list = get_json(&nurse, app.url("/api/worklist")).await;
    assert_eq!(list["follow_ups"].as_array().map(Vec::len), Some(0));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM follow_up_contacts").await,
        2,
        "the refused contacts left nothing"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_events WHERE action = 'follow_up.contact'"
        )
        .await,
        2
    );
    assert!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_events WHERE action = 'worklist.read'"
        )
        .await
            >= 5
    );
    // A closed follow-up takes no more calls.
    let again = nurse
        .post(app.url(&format!("/api/follow-ups/{onset}/contact")))
        .json(&json!({"result": "reached"}))
        .send()
        .await
        .expect("contact");
    assert_eq!(again.status(), StatusCode::CONFLICT);

    // A peak assessment is closed by the assessment, not by a call: reaching the patient
    // is recorded and the assessment stays open; the worklist offers to record it.
    let peak = of(new, "peak_assessment")["id"].clone();
    let reached = nurse
        .post(app.url(&format!("/api/follow-ups/{peak}/contact")))
        .json(&json!({"result": "reached"}))
        .send()
        .await
        .expect("contact");
    assert!(reached.status().is_success(), "{:?}", reached.text().await);
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM follow_ups WHERE id = {peak} AND status = 'open' AND attempts = 1")
        )
        .await,
        1,
        "a contact without an assessment leaves the assessment open"
    );
    let worklist = page(&nurse, app.url("/worklist?date=2026-12-28")).await;
    assert!(
        worklist.contains("Record the assessment")
            && worklist.contains(&format!(
                "/patients/{}/assessments/new?scale=",
                patient_id(&patient)
            )),
        "{worklist}"
    );

    // Voiding the session cancels what it scheduled.
    let session: Value = get_json(&physician, app.url(&format!("/api/sessions/{new}"))).await;
    let voided = physician
        .post(app.url(&format!("/api/sessions/{new}/void")))
        .json(&json!({"version": session["version"], "reason": "Recorded for the wrong patient."}))
        .send()
        .await
        .expect("void");
    assert_eq!(voided.status(), StatusCode::OK);
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT COUNT(*) FROM follow_ups WHERE session_id = {new} AND status = 'open'"
            )
        )
        .await,
        0
    );
    assert_eq!(
        count(&app, &format!("SELECT COUNT(*) FROM follow_ups WHERE session_id = {new} AND closed_as = 'session_void'")).await,
        2
    );

    // Managers and researchers see no worklist (it names patients).
    for role in [Role::Manager, Role::Researcher, Role::Admin] {
        let client = app.logged_in(role).await;
        let response = client.get(app.url("/worklist")).send().await.expect("get");
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{role}");
    }
}

#[tokio::test]
async fn an_amendment_moves_the_open_follow_ups_to_the_new_date() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let patient = patient_for_sessions(&app, &physician).await;
    let id = signed_session(
        &app,
        &physician,
        &patient,
        session_json("2026-11-10", 100.0),
    )
    .await;
    let session = get_json(&physician, app.url(&format!("/api/sessions/{id}"))).await;
    let amended = physician
        .post(app.url(&format!("/api/sessions/{id}/amend")))
        .json(
            &json!({"version": session["version"], "reason": "The session was on the 12th.",
            "session": session_json("2026-11-12", 100.0)}),
        )
        .send()
        .await
        .expect("amend");
    assert_eq!(
        amended.status(),
        StatusCode::OK,
        "{:?}",
        amended.text().await
    );
    let dues: Vec<String> = sqlx::query_scalar(&format!(
        "SELECT kind || ' ' || due_on FROM follow_ups WHERE session_id = {id} AND status = 'open' ORDER BY id"
    ))
    .fetch_all(app.db.pool())
    .await
    .expect("rows");
    assert_eq!(
        dues,
        [
            "onset_check 2026-11-19",
            "peak_assessment 2026-12-24",
            "reinjection 2027-02-04"
        ]
    );
}

/// A valid and an invalid body for each scale, and the field the invalid one names.
fn scale_cases() -> Vec<(Value, Value, &'static str)> {
    let base = |scale: &str| json!({"scale": scale, "date": "2026-11-20", "timepoint": "peak"});
    let with = |scale: &str, key: &str, value: Value| {
        let mut v = base(scale);
        v[key] = value;
        v
    };
    vec![
        (
            with("monthly_headache_days", "score", json!(12)),
            with("monthly_headache_days", "score", json!(32)),
            "score",
        ),
        (
            with("hit6", "score", json!(60)),
            with("hit6", "score", json!(30)),
            "score",
        ),
        (
            with("midas", "score", json!(25)),
            with("midas", "score", json!(-2)),
            "score",
        ),
        (
            with(
                "twstrs",
                "parts",
                json!({"severity": 20, "disability": 12, "pain": 8}),
            ),
            with(
                "twstrs",
                "parts",
                json!({"severity": 20, "disability": 31, "pain": 8}),
            ),
            "parts.disability",
        ),
        (
            with("tsui", "score", json!(10)),
            with("tsui", "score", json!(26)),
            "score",
        ),
        (
            with("jrs", "parts", json!({"severity": 3, "frequency": 2})),
            with("jrs", "parts", json!({"severity": 3})),
            "parts.frequency",
        ),
        (
            with("bsdi", "items", json!([1, 2, null, 0, 4, 3])),
            with("bsdi", "items", json!([1, 2, 5, 0, 4, 3])),
            "items[2]",
        ),
        (
            with(
                "mas",
                "rows",
                json!([{"muscle": "biceps_brachii", "side": "left", "level": "1+"}]),
            ),
            with(
                "mas",
                "rows",
                json!([{"muscle": "biceps_brachii", "side": "left", "level": "5"}]),
            ),
            "rows[0].level",
        ),
        (
            with(
                "tardieu",
                "rows",
                json!([{"muscle": "soleus", "side": "right", "quality": 3, "r1": 70, "r2": 110}]),
            ),
            with(
                "tardieu",
                "rows",
                json!([{"muscle": "soleus", "side": "right", "quality": 7}]),
            ),
            "rows[0].quality",
        ),
        (
            with("hdss", "score", json!(3)),
            with("hdss", "score", json!(0)),
            "score",
        ),
        (
            with("cgi_s", "score", json!(4)),
            with("cgi_s", "score", json!(8)),
            "score",
        ),
        (
            with("cgi_i", "score", json!(2)),
            with("cgi_i", "score", json!(2.5)),
            "score",
        ),
        (
            with("pgi_i", "score", json!(3)),
            with("pgi_i", "score", json!(0)),
            "score",
        ),
        (
            with("benefit_weeks", "score", json!(11.5)),
            with("benefit_weeks", "score", json!(-1)),
            "score",
        ),
        (
            with("gmfcs_er", "level", json!("II")),
            with("gmfcs_er", "level", json!("VI")),
            "level",
        ),
    ]
}

#[tokio::test]
async fn every_scale_takes_its_values_and_refuses_what_is_off_the_scale() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let patient = patient_for_sessions(&app, &nurse).await;
    let book = bont_core::outcomes::OutcomeBook::builtin();
    let cases = scale_cases();
    // Every scale a clinic enters has a case (GAS is scored goal by goal).
    for scale in book.scales.iter().filter(|s| s.id != "gas") {
        assert!(
            cases.iter().any(|c| c.0["scale"] == scale.id.as_str()),
            "{} untested",
            scale.id
        );
    }
    for (good, bad, field) in &cases {
        let scale = good["scale"].as_str().expect("scale");
        let refused = nurse
            .post(app.url(&format!("{patient}/assessments")))
            .json(bad)
            .send()
            .await
            .expect("post");
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{scale}"
        );
        let problem: Value = refused.json().await.expect("problem");
        assert_eq!(problem["errors"][0]["field"], *field, "{scale}: {problem}");
        let stored = nurse
            .post(app.url(&format!("{patient}/assessments")))
            .json(good)
            .send()
            .await
            .expect("post");
        assert_eq!(
            stored.status(),
            StatusCode::CREATED,
            "{scale}: {:?}",
            stored.text().await
        );
        // The form for the scale opens.
        let id = patient_id(&patient);
        page(
            &nurse,
            app.url(&format!("/patients/{id}/assessments/new?scale={scale}")),
        )
        .await;
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM assessments").await,
        cases.len() as i64
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_events WHERE action = 'assessment.create'"
        )
        .await,
        cases.len() as i64
    );
    let outcomes = get_json(&nurse, app.url(&format!("{patient}/outcomes"))).await;
    let twstrs = outcomes["assessments"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|a| a["scale"] == "twstrs")
        .cloned()
        .expect("twstrs");
    assert_eq!(twstrs["score"], 40.0);
    assert_eq!(twstrs["record"]["parts"]["pain"], 8.0);

    // The HTML form: MAS takes 1+ per muscle and side, and names the row of a bad level.
    let id = patient_id(&patient);
    let form = |level: &str| {
        vec![
            ("scale", "mas".to_owned()),
            ("date", "2026-11-21".into()),
            ("timepoint", "baseline".into()),
            ("muscle", "flexor_carpi_radialis".into()),
            ("side", "right".into()),
            ("row_level", level.into()),
            ("muscle", String::new()),
            ("side", "left".into()),
            ("row_level", String::new()),
            ("notes", "".into()),
        ]
    };
    let saved = nurse
        .post(app.url(&format!("/patients/{id}/assessments")))
        .form(&form("1+"))
        .send()
        .await
        .expect("post");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let refused = nurse
        .post(app.url(&format!("/patients/{id}/assessments")))
        .form(&form("2+"))
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("html");
    assert!(
        html.contains("Muscle groups, row 1, Level: “2+” is not one of 0, 1, 1+, 2, 3, 4."),
        "{html}"
    );
    // A score that is not a number is named too, and the typed values stay.
    let refused = nurse
        .post(app.url(&format!("/patients/{id}/assessments")))
        .form(&[
            ("scale", "hit6"),
            ("date", "2026-11-21"),
            ("timepoint", "peak"),
            ("score", "sixty"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .expect("html")
            .contains("Score: “sixty” is not a number.")
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM assessments").await,
        cases.len() as i64 + 1
    );

    // A mistaken entry is voided with a reason, never deleted.
    let first: i64 = count(&app, "SELECT MIN(id) FROM assessments").await;
    let voided = nurse
        .post(app.url(&format!("/assessments/{first}/void")))
        .form(&[("reason", "Entered for the wrong visit.")])
        .send()
        .await
        .expect("void");
    assert_eq!(voided.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM assessments WHERE status = 'void'"
        )
        .await,
        1
    );
    let page_html = page(&nurse, app.url(&format!("/patients/{id}"))).await;
    assert!(page_html.contains("Monthly headache days") && page_html.contains("class=\"void\""));
}

#[tokio::test]
async fn adverse_events_trace_to_a_lot_and_serious_ones_stand_out() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let nurse = app.logged_in(Role::Nurse).await;
    let patient = patient_for_sessions(&app, &nurse).await;
    let session = signed_session(
        &app,
        &physician,
        &patient,
        session_json("2026-11-16", 100.0),
    )
    .await;
    let url = app.url(&format!("/api/sessions/{session}/adverse-events"));

    // A draft is not an injection given: no adverse event is recorded against it.
    let draft = nurse
        .post(app.url(&format!("{patient}/sessions")))
        .json(&session_json("2026-11-18", 100.0))
        .send()
        .await
        .expect("draft");
    assert_eq!(draft.status(), StatusCode::CREATED);
    let draft: Value = draft.json().await.expect("json");
    let refused = nurse
        .post(app.url(&format!("/api/sessions/{}/adverse-events", draft["id"])))
        .json(
            &json!({"kind": "dysphagia", "onset_day": 4, "severity": "mild", "outcome": "ongoing"}),
        )
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert!(
        refused
            .text()
            .await
            .expect("body")
            .contains("sign the session first")
    );
    let draft_page = page(&nurse, app.url(&format!("/sessions/{}", draft["id"]))).await;
    assert!(!draft_page.contains("/adverse-events/new"));

    let wrong_lot = nurse
        .post(&url)
        .json(&json!({"kind": "dysphagia", "onset_day": 4, "severity": "serious", "outcome": "ongoing", "lot": "X999"}))
        .send()
        .await
        .expect("post");
    assert_eq!(wrong_lot.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = wrong_lot.json().await.expect("problem");
    assert_eq!(problem["errors"][0]["field"], "lot");
    let bad = nurse
        .post(&url)
        .json(&json!({"kind": "sneeze", "onset_day": 4, "severity": "awful", "outcome": "ongoing"}))
        .send()
        .await
        .expect("post");
    let problem: Value = bad.json().await.expect("problem");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["kind", "severity"]);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM adverse_events").await, 0);

    // The one vial's lot is taken when none is named.
    let created = nurse
        .post(&url)
        .json(&json!({"kind": "dysphagia", "onset_day": 4, "severity": "serious", "outcome": "ongoing",
                      "actions": ["hospital_admission"], "detail": "Admitted for assessment of swallowing."}))
        .send()
        .await
        .expect("post");
    assert_eq!(
        created.status(),
        StatusCode::CREATED,
        "{:?}",
        created.text().await
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM adverse_events WHERE lot = 'C1234A' AND alarming = TRUE"
        )
        .await,
        1
    );

    // The next plan for this patient repeats the product and the sternocleidomastoid after
    // serious dysphagia: the check warns, naming the event; the same plan into other
    // muscles shows it for information.
    let next = nurse
        .post(app.url(&format!("{patient}/sessions")))
        .json(&session_json("2026-11-20", 100.0))
        .send()
        .await
        .expect("draft");
    assert_eq!(next.status(), StatusCode::CREATED);
    let next: Value = next.json().await.expect("json");
    let earlier: Vec<&Value> = next["report"]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "earlier_adverse_event")
        .collect();
    assert_eq!(earlier.len(), 1, "{}", next["report"]);
    assert_eq!(earlier[0]["severity"], "warn");
    assert!(
        earlier[0]["message"]
            .as_str()
            .expect("message")
            .contains("Difficulty swallowing"),
        "{}",
        earlier[0]
    );

    // The form on the session's page.
    let form = page(
        &nurse,
        app.url(&format!("/sessions/{session}/adverse-events/new")),
    )
    .await;
    assert!(form.contains("C1234A") && form.contains("neck weakness"));
    let saved = nurse
        .post(app.url(&format!("/sessions/{session}/adverse-events")))
        .form(&[
            ("kind", "injection_site_pain"),
            ("onset_day", "0"),
            ("duration_days", "2"),
            ("severity", "mild"),
            ("outcome", "resolved"),
            ("actions", "none"),
            ("lot", "C1234A"),
            ("detail", ""),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let refused = nurse
        .post(app.url(&format!("/sessions/{session}/adverse-events")))
        .form(&[
            ("kind", "bruising"),
            ("onset_day", "two"),
            ("severity", "mild"),
            ("outcome", "resolved"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .expect("html")
            .contains("Began on day: “two” is not a whole number.")
    );

    // Highlighted on the patient page and in the worklist.
    let id = patient_id(&patient);
    let html = page(&nurse, app.url(&format!("/patients/{id}"))).await;
    let alert = html
        .split("role=\"alert\"")
        .nth(1)
        .expect("an alert on the patient page");
    assert!(
        alert.contains("difficulty swallowing (dysphagia)") && alert.contains("serious"),
        "{alert}"
    );
    assert!(
        !alert
            .split("</div>")
            .next()
            .unwrap_or_default()
            .contains("injection-site pain")
    );
    let list = get_json(&nurse, app.url("/api/worklist?date=2026-11-23")).await;
    assert_eq!(list["follow_ups"][0]["alarming_event"], true);
    let worklist = page(&nurse, app.url("/worklist?date=2026-11-23")).await;
    assert!(worklist.contains("serious adverse event on record"));

    // Traced to the lot, across the clinic.
    let by_lot = app
        .db
        .adverse_events_of_lot(
            &bont_db::Actor {
                user: bont_core::UserId::new(1),
                clinic: app.clinic,
                client: "test".into(),
                now: jiff::Timestamp::now(),
            },
            "C1234A",
        )
        .await
        .expect("lot");
    assert_eq!(by_lot.len(), 2);
}

#[tokio::test]
async fn goals_are_set_scored_and_give_a_t_score() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let patient = patient_for_sessions(&app, &physician).await;
    let session = signed_session(
        &app,
        &physician,
        &patient,
        session_json("2026-10-01", 100.0),
    )
    .await;
    let id = patient_id(&patient);
    for (text, weight, baseline) in [("Hold a cup", "2", "-1"), ("Dress without help", "1", "-2")] {
        let created = physician
            .post(app.url(&format!("/patients/{id}/goals")))
            .form(&[
                ("domain", "function"),
                ("text", text),
                ("weight", weight),
                ("baseline", baseline),
                ("set_on", "2026-10-01"),
                ("session", &session.to_string()),
            ])
            .send()
            .await
            .expect("goal");
        assert_eq!(created.status(), StatusCode::SEE_OTHER);
    }
    let refused = physician
        .post(app.url(&format!("/api/patients/{id}/goals")))
        .json(&json!({"domain": "mood", "text": "", "baseline": -3, "set_on": "2026-10-01"}))
        .send()
        .await
        .expect("goal");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let goals: Vec<i64> = sqlx::query_scalar("SELECT id FROM goals ORDER BY id")
        .fetch_all(app.db.pool())
        .await
        .expect("goals");
    assert_eq!(goals.len(), 2);
    // At peak both goals met as expected: T = 50.
    for goal in &goals {
        let scored = physician
            .post(app.url(&format!("/goals/{goal}/scores")))
            .form(&[("date", "2026-11-05"), ("level", "0"), ("session", "")])
            .send()
            .await
            .expect("score");
        assert_eq!(scored.status(), StatusCode::SEE_OTHER);
    }
    let out_of_range = physician
        .post(app.url(&format!("/api/goals/{}/scores", goals[0])))
        .json(&json!({"date": "2026-09-01", "level": 3}))
        .send()
        .await
        .expect("score");
    let problem: Value = out_of_range.json().await.expect("problem");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["level", "date"]);
    let outcomes = get_json(&physician, app.url(&format!("{patient}/outcomes"))).await;
    assert_eq!(outcomes["gas_t_score"], 50.0);
    assert_eq!(outcomes["goals"][0]["sessions"][0], session);
    let html = page(&physician, app.url(&format!("/patients/{id}"))).await;
    assert!(html.contains("Hold a cup") && html.contains("50.0"));
}

/// A chronic migraine session on `date` (the PREEMPT template, 155 U).
fn migraine_session(date: &str) -> Value {
    let template = bont_core::templates::builtin()
        .into_iter()
        .find(|t| t.id == "preempt")
        .expect("preempt");
    json!({
        "date": date, "product": "Botox", "indication": "chronic_migraine",
        "vial_units": 200, "diluent_ml": 4.0,
        "injections": template.injections(),
        "vials": [{"lot": "M100", "expiry": "2027-12-31"}]
    })
}

#[tokio::test]
async fn response_per_session_and_a_lost_response_show_on_the_patient_page() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let patient = patient_for_sessions(&app, &physician).await;
    let dates = ["2025-11-03", "2026-02-02", "2026-05-04", "2026-08-03"];
    // Headache days: 20 before every session; at peak 8, 9, then 19 and 18.
    let peaks = [8, 9, 19, 18];
    let mut sessions = Vec::new();
    for (date, peak) in dates.iter().zip(peaks) {
        let before = physician
            .post(app.url(&format!("{patient}/assessments")))
            .json(&json!({"scale": "monthly_headache_days", "date": date, "timepoint": "baseline", "score": 20}))
            .send()
            .await
            .expect("baseline");
        assert_eq!(before.status(), StatusCode::CREATED);
        sessions.push(signed_session(&app, &physician, &patient, migraine_session(date)).await);
        let day: jiff::civil::Date = date.parse().expect("date");
        let peak_day = day.checked_add(jiff::Span::new().days(28)).expect("date");
        let after = physician
            .post(app.url(&format!("{patient}/assessments")))
            .json(&json!({"scale": "monthly_headache_days", "date": peak_day.to_string(), "timepoint": "peak", "score": peak}))
            .send()
            .await
            .expect("peak");
        assert_eq!(after.status(), StatusCode::CREATED);
    }
    let outcomes = get_json(&physician, app.url(&format!("{patient}/outcomes"))).await;
    let responses: Vec<&str> = outcomes["responses"]
        .as_array()
        .expect("responses")
        .iter()
        .filter_map(|r| r["response"].as_str())
        .collect();
    // The first migraine cycle is too early to judge (judged after two cycles).
    assert_eq!(
        responses,
        ["too_early", "responder", "non_responder", "non_responder"]
    );
    assert_eq!(outcomes["non_response"]["responded_in"], sessions[1]);
    assert_eq!(
        outcomes["non_response"]["lost_in"],
        json!([sessions[2], sessions[3]])
    );
    // Recording the peak closed each session's peak follow-up.
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM follow_ups WHERE kind = 'peak_assessment' AND closed_as = 'assessed'").await,
        4
    );
    let html = page(
        &physician,
        app.url(&format!("/patients/{}", patient_id(&patient))),
    )
    .await;
    assert!(html.contains("Possible secondary non-response"), "{html}");
    assert!(html.contains("Consider testing for neutralising antibodies"));
    assert_eq!(html.matches("<td>non-responder</td>").count(), 2);
    assert_eq!(html.matches("<td>responder</td>").count(), 1);
    assert_eq!(html.matches("<td>too early to judge").count(), 1);
    assert!(!html.contains("the migraine is episodic again"));
    assert!(outcomes["episodic_again"].is_null());

    // Three months in a row below 15 headache days: the second stopping rule.
    for (date, days) in [("2026-09-14", 12), ("2026-10-12", 10), ("2026-11-09", 9)] {
        let count = physician
            .post(app.url(&format!("{patient}/assessments")))
            .json(&json!({"scale": "monthly_headache_days", "date": date, "timepoint": "other", "score": days}))
            .send()
            .await
            .expect("count");
        assert_eq!(
            count.status(),
            StatusCode::CREATED,
            "{:?}",
            count.text().await
        );
    }
    let outcomes = get_json(&physician, app.url(&format!("{patient}/outcomes"))).await;
    assert_eq!(
        outcomes["episodic_again"],
        json!(["2026-09-14", "2026-10-12", "2026-11-09"])
    );
    let html = page(
        &physician,
        app.url(&format!("/patients/{}", patient_id(&patient))),
    )
    .await;
    assert!(
        html.contains("Consider stopping: the migraine is episodic again"),
        "{html}"
    );
}

#[tokio::test]
async fn the_timeline_and_the_body_map_are_drawn_by_the_server() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let patient = patient_for_sessions(&app, &physician).await;
    let first = signed_session(
        &app,
        &physician,
        &patient,
        session_json("2026-05-04", 100.0),
    )
    .await;
    signed_session(
        &app,
        &physician,
        &patient,
        session_json("2026-08-10", 120.0),
    )
    .await;
    for (date, score) in [("2026-05-04", 7.0), ("2026-05-20", 2.0)] {
        let stored = physician
            .post(app.url(&format!("{patient}/assessments")))
            .json(&json!({"scale": "tsui", "date": date, "timepoint": "other", "score": score}))
            .send()
            .await
            .expect("assessment");
        assert_eq!(stored.status(), StatusCode::CREATED);
    }
    let event = physician
        .post(app.url(&format!("/api/sessions/{first}/adverse-events")))
        .json(&json!({"kind": "neck_weakness", "onset_day": 6, "severity": "moderate", "outcome": "resolved", "duration_days": 14}))
        .send()
        .await
        .expect("event");
    assert_eq!(event.status(), StatusCode::CREATED);
    let id = patient_id(&patient);
    let reads_before = count(
        &app,
        "SELECT COUNT(*) FROM audit_events WHERE action = 'patient.read'",
    )
    .await;
    let response = physician
        .get(app.url(&format!("/patients/{id}/timeline.svg")))
        .send()
        .await
        .expect("timeline");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "image/svg+xml; charset=utf-8"
    );
    let svg = response.text().await.expect("svg");
    for text in [
        "Sternocleidomastoid",
        "Splenius capitis",
        "Tsui rating scale",
        "neck weakness",
        "onabotulinumtoxinA (U)",
        "60",
    ] {
        assert!(svg.contains(text), "{text} missing from the timeline");
    }
    assert!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_events WHERE action = 'patient.read'"
        )
        .await
            > reads_before
    );
    let html = page(&physician, app.url(&format!("/patients/{id}"))).await;
    assert!(html.contains(&format!("src=\"/patients/{id}/timeline.svg\"")));

    let body_map = physician
        .get(app.url(&format!("/sessions/{first}/body-map.svg")))
        .send()
        .await
        .expect("body map")
        .text()
        .await
        .expect("svg");
    assert!(
        body_map.contains("Sternocleidomastoid (left): <tspan class=\"num\">50 U</tspan>"),
        "{body_map}"
    );
    assert!(body_map.contains("Units of onabotulinumtoxinA (Botox) per side"));
    assert_eq!(body_map.matches("<circle").count(), 2);

    // Another clinic's patient has no pictures to draw.
    let elsewhere = app.logged_in_elsewhere(Role::Physician).await;
    for url in [
        format!("/patients/{id}/timeline.svg"),
        format!("/sessions/{first}/body-map.svg"),
    ] {
        let response = elsewhere.get(app.url(&url)).send().await.expect("get");
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{url}");
    }
}

#[tokio::test]
async fn the_worklist_comes_in_pages_that_together_are_the_whole_list() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let nurse = app.logged_in(Role::Nurse).await;
    let families = ["Adamska", "Bielecka", "Czarnecka", "Dąbrowska", "Ellert"];
    for (i, family) in families.iter().enumerate() {
        let patient = crate::patient_named(&app, &nurse, &format!("W-{i}"), family).await;
        signed_session(
            &app,
            &physician,
            &patient,
            session_json("2026-08-03", 100.0),
        )
        .await;
        signed_session(
            &app,
            &physician,
            &patient,
            session_json("2026-11-16", 100.0),
        )
        .await;
    }
    let whole = get_json(&nurse, app.url("/api/worklist?per_page=200")).await;
    let ids = |list: &Value| -> Vec<i64> {
        list["follow_ups"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r["follow_up"]["id"].as_i64().expect("id"))
            .collect()
    };
    let all = ids(&whole);
    assert!(all.len() >= 5, "{whole}");
    assert_eq!(whole["total"].as_i64(), Some(all.len() as i64));

    let pages = all.len().div_ceil(2);
    let mut paged = Vec::new();
    for page in 1..=pages {
        let list = get_json(
            &nurse,
            app.url(&format!("/api/worklist?per_page=2&page={page}")),
        )
        .await;
        assert_eq!(list["pages"].as_i64(), Some(pages as i64));
        assert_eq!(list["total"].as_i64(), Some(all.len() as i64));
        paged.extend(ids(&list));
    }
    assert_eq!(paged, all, "the pages in order are the whole list");
    let past = get_json(
        &nurse,
        app.url(&format!("/api/worklist?per_page=2&page={}", pages + 1)),
    )
    .await;
    assert!(ids(&past).is_empty());
    let refused = nurse
        .get(app.url("/api/worklist?per_page=0"))
        .send()
        .await
        .expect("get");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The page: the position, and a link to the next page that keeps the page size.
    let first = page(&nurse, app.url("/worklist?per_page=2"))
        .await
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(first.contains(&format!("Page 1 of {pages}")), "{first}");
    assert!(
        first.contains("per_page=2&#38;page=2\" rel=\"next\""),
        "{first}"
    );
    let last = page(
        &nurse,
        app.url(&format!("/worklist?per_page=2&page={pages}")),
    )
    .await;
    assert!(last.contains("rel=\"prev\"") && !last.contains("rel=\"next\""));
}
