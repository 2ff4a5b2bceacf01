//! The web application over real HTTP, on a real SQLite file, one fresh server per test.

mod app;
mod languages;
mod login;
mod outcomes;
mod security;
mod serving;

use app::{TestApp, patient_form};
use bont_core::{Capability, Role};
use bont_web::auth::Access;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn concrete(path: &str) -> String {
    path.replace("{id}", "1").replace("{file}", "style.css")
}

#[tokio::test]
async fn every_route_but_the_public_ones_requires_login() {
    let app = TestApp::spawn().await;
    let client = app.anonymous();
    let table = bont_web::routes::table();
    assert!(
        table.routes().len() >= 20,
        "the route table is unexpectedly small"
    );
    for route in table.routes() {
        let url = app.url(&concrete(route.path));
        let response = client
            .request(route.method.clone(), &url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body("")
            .send()
            .await
            .expect("request");
        let status = response.status();
        let what = format!("{} {}", route.method, route.path);
        match route.access {
            Access::Public => {
                assert_ne!(status, StatusCode::SEE_OTHER, "{what} should be public");
                // A public form (log-in, language) without its page's token is refused.
                assert!(
                    status.is_success()
                        || status == StatusCode::UNAUTHORIZED
                        || (route.method == reqwest::Method::POST
                            && status == StatusCode::FORBIDDEN),
                    "{what}: {status}"
                );
            }
            _ if route.path.starts_with("/api/") => {
                assert_eq!(status, StatusCode::UNAUTHORIZED, "{what}");
                let body: Value = response.json().await.expect("problem document");
                assert_eq!(body["status"], 401, "{what}");
            }
            _ => {
                assert_eq!(status, StatusCode::SEE_OTHER, "{what}");
                let location = response.headers()["location"].to_str().expect("location");
                assert!(location.starts_with("/login?next="), "{what} -> {location}");
            }
        }
    }
}

#[tokio::test]
async fn each_role_reaches_only_what_the_role_matrix_allows() {
    let app = TestApp::spawn().await;
    let table = bont_web::routes::table();
    for role in Role::ALL {
        let client = app.logged_in(role).await;
        for route in table.routes() {
            let Access::Can(capability) = route.access else {
                continue;
            };
            let response = client
                .request(route.method.clone(), app.url(&concrete(route.path)))
                .header("content-type", "application/x-www-form-urlencoded")
                .body("")
                .send()
                .await
                .expect("request");
            let what = format!("{role} {} {}", route.method, route.path);
            if role.allows(capability) {
                assert_ne!(response.status(), StatusCode::FORBIDDEN, "{what}");
                assert_ne!(response.status(), StatusCode::UNAUTHORIZED, "{what}");
                if let Some(location) = response.headers().get("location") {
                    assert!(
                        !location.to_str().expect("location").starts_with("/login"),
                        "{what}"
                    );
                }
            } else {
                assert_eq!(response.status(), StatusCode::FORBIDDEN, "{what}");
            }
        }
    }
    let admin = app.logged_in(Role::Admin).await;
    assert!(!Role::Admin.allows(Capability::ViewPatients));
    let page = admin
        .get(app.url("/"))
        .send()
        .await
        .expect("home")
        .text()
        .await
        .expect("body");
    assert!(
        !page.contains("href=\"/patients\""),
        "the admin's start page offers patients"
    );
}

#[tokio::test]
async fn login_cookie_is_http_only_and_strict_and_logout_ends_the_session() {
    let app = TestApp::spawn().await;
    let client = app.anonymous();
    let response = app
        .post_login_form(
            &client,
            &[
                ("username", "nurse"),
                ("password", app::PASSWORD),
                ("next", "/patients"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/patients");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .to_owned();
    assert!(cookie.starts_with("bont_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    assert_eq!(
        client
            .get(app.url("/patients"))
            .send()
            .await
            .expect("list")
            .status(),
        StatusCode::OK
    );

    let token = app.form_token(&client, "/patients/new").await;
    let out = client
        .post(app.url("/logout"))
        .form(&[("csrf", token)])
        .send()
        .await
        .expect("logout");
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    let after = client.get(app.url("/patients")).send().await.expect("list");
    assert_eq!(after.status(), StatusCode::SEE_OTHER);

    // The old cookie, replayed, no longer opens anything.
    let session = cookie.split(';').next().expect("pair").to_owned();
    let replay = app
        .anonymous()
        .get(app.url("/patients"))
        .header("cookie", session)
        .send()
        .await
        .expect("replay");
    assert_eq!(replay.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_wrong_password_is_refused_and_audited() {
    let app = TestApp::spawn().await;
    for (username, password) in [("nurse", "not the password"), ("nobody", app::PASSWORD)] {
        let response = app
            .post_login_form(
                &app.anonymous(),
                &[("username", username), ("password", password)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(
            response
                .text()
                .await
                .expect("body")
                .contains("Wrong user name or password.")
        );
    }
    let failed = app
        .db
        .audit_events(&Default::default(), 100)
        .await
        .expect("audit")
        .into_iter()
        .filter(|e| e.action == "login.failed")
        .count();
    assert_eq!(failed, 2);
}

#[tokio::test]
async fn the_first_administrator_must_choose_a_password_before_anything_else() {
    let app = TestApp::spawn_empty().await;
    let (username, password) = bont_web::auth::ensure_first_admin(&app.state, app.clinic)
        .await
        .expect("bootstrap")
        .expect("created");
    assert!(
        bont_web::auth::ensure_first_admin(&app.state, app.clinic)
            .await
            .expect("again")
            .is_none()
    );
    let client = app.anonymous();
    let login = app
        .post_login_form(
            &client,
            &[
                ("username", username.as_str()),
                ("password", password.as_str()),
            ],
        )
        .await;
    assert_eq!(login.headers()["location"], "/account/password");
    let home = client.get(app.url("/users")).send().await.expect("users");
    assert_eq!(home.headers()["location"], "/account/password");
    let token = app.form_token(&client, "/account/password").await;

    let too_short = client
        .post(app.url("/account/password"))
        .form(&[
            ("current_password", password.as_str()),
            ("password", "short"),
            ("password_repeat", "short"),
            ("csrf", &token),
        ])
        .send()
        .await
        .expect("change");
    assert_eq!(too_short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        too_short
            .text()
            .await
            .expect("body")
            .contains("Password: must be at least 12 characters.")
    );

    let new = "a long and private passphrase";
    let changed = client
        .post(app.url("/account/password"))
        .form(&[
            ("current_password", password.as_str()),
            ("password", new),
            ("password_repeat", new),
            ("csrf", &token),
        ])
        .send()
        .await
        .expect("change");
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        client
            .get(app.url("/users"))
            .send()
            .await
            .expect("users")
            .status(),
        StatusCode::OK
    );

    // The one-time password no longer works.
    let old = app
        .post_login_form(
            &app.anonymous(),
            &[
                ("username", username.as_str()),
                ("password", password.as_str()),
            ],
        )
        .await;
    assert_eq!(old.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_administrator_opens_an_account_with_a_one_time_password() {
    let app = TestApp::spawn().await;
    let admin = app.logged_in(Role::Admin).await;
    let created = admin
        .post(app.url("/users"))
        .form(&[
            ("username", "nurse.two"),
            ("display_name", "A second nurse"),
            ("role", "nurse"),
            ("language", "pl"),
        ])
        .send()
        .await
        .expect("create");
    assert_eq!(created.status(), StatusCode::CREATED);
    let page = created.text().await.expect("body");
    let password = page
        .split("<code class=\"secret\">")
        .nth(1)
        .and_then(|rest| rest.split("</code>").next())
        .expect("the password is shown")
        .to_owned();
    let duplicate = admin
        .post(app.url("/users"))
        .form(&[
            ("username", "nurse.two"),
            ("display_name", "Again"),
            ("role", "nurse"),
        ])
        .send()
        .await
        .expect("create");
    assert_eq!(duplicate.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        duplicate
            .text()
            .await
            .expect("body")
            .contains("is already used by another record.")
    );
    let unknown_role = admin
        .post(app.url("/users"))
        .form(&[
            ("username", "someone"),
            ("display_name", "Someone"),
            ("role", "surgeon"),
        ])
        .send()
        .await
        .expect("create");
    assert_eq!(unknown_role.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Opened by the administrator, the clinical account waits for a physician: no one
    // person opens an account and reads patients with it.
    assert!(page.contains("can log in only once a physician of the clinic has confirmed it"));
    let newcomer = app.anonymous();
    let waiting = app
        .post_login_form(
            &newcomer,
            &[("username", "nurse.two"), ("password", password.as_str())],
        )
        .await;
    assert_eq!(waiting.status(), StatusCode::FORBIDDEN);
    assert!(
        waiting
            .text()
            .await
            .expect("body")
            .contains("waits for a physician of the clinic to confirm it")
    );
    let nurse = app.logged_in(Role::Nurse).await;
    let not_a_nurse = nurse
        .get(app.url("/accounts/awaiting"))
        .send()
        .await
        .expect("list");
    assert_eq!(not_a_nurse.status(), StatusCode::FORBIDDEN);
    app.confirm_account("nurse.two").await;
    let login = app
        .post_login_form(
            &newcomer,
            &[("username", "nurse.two"), ("password", password.as_str())],
        )
        .await;
    assert_eq!(login.headers()["location"], "/account/password");
    let trail: Vec<String> = sqlx::query_scalar(
        "SELECT action || ' ' || detail FROM audit_events WHERE action IN ('user.create', 'user.confirm', 'login.unconfirmed') ORDER BY id",
    )
    .fetch_all(app.db.pool())
    .await
    .expect("trail");
    assert!(
        trail.iter().any(|t| t
            .starts_with("user.create nurse.two (nurse); waits for a physician's confirmation")),
        "{trail:?}"
    );
    assert!(trail.iter().any(|t| t.starts_with("login.unconfirmed")));
    assert!(trail.iter().any(|t| t.starts_with("user.confirm")));
}

/// The first physician of a clinic is opened by the administrator alone (there is no
/// physician to confirm it), and the trail says so in capitals.
#[tokio::test]
async fn the_first_physician_of_a_clinic_needs_no_confirmation_and_the_trail_says_so() {
    let app = TestApp::spawn_empty().await;
    app.add_user(app.clinic, "admin", Role::Admin).await;
    let admin = app.logged_in(Role::Admin).await;
    for (username, role) in [
        ("first.doctor", "physician"),
        ("second.doctor", "physician"),
    ] {
        let created = admin
            .post(app.url("/users"))
            .form(&[
                ("username", username),
                ("display_name", "A doctor"),
                ("role", role),
            ])
            .send()
            .await
            .expect("create");
        assert_eq!(created.status(), StatusCode::CREATED);
    }
    let states: Vec<(String, bool)> = sqlx::query_as::<_, (String, i64)>(
        "SELECT username, CAST(awaiting_confirmation AS INTEGER) FROM users WHERE role = 'physician' ORDER BY id",
    )
    .fetch_all(app.db.pool())
    .await
    .expect("users")
    .into_iter()
    .map(|(u, a)| (u, a != 0))
    .collect();
    assert_eq!(
        states,
        vec![
            ("first.doctor".to_owned(), false),
            ("second.doctor".to_owned(), true)
        ]
    );
    let first: String = sqlx::query_scalar(
        "SELECT detail FROM audit_events WHERE action = 'user.create' AND detail LIKE 'first.doctor%'",
    )
    .fetch_one(app.db.pool())
    .await
    .expect("event");
    assert!(first.contains("FIRST PHYSICIAN of the clinic"), "{first}");
}

#[tokio::test]
async fn a_nurse_creates_finds_and_edits_a_patient_through_the_forms() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let created = nurse
        .post(app.url("/patients"))
        .form(&patient_form("CD-001", "Wiśniewska", "1968-04-12"))
        .send()
        .await
        .expect("create");
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let location = created.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    assert!(location.starts_with("/patients/"), "{location}");

    let page = nurse
        .get(app.url(&location))
        .send()
        .await
        .expect("show")
        .text()
        .await
        .expect("body");
    for expected in [
        "Wiśniewska, Maria",
        "CD-001",
        "12 April 1968",
        "58 years",
        "Myasthenia gravis",
        "Swallowing difficulty",
        "gentamicin 80 mg",
        "aminoglycoside",
        "Cervical dystonia",
        "64.5 kg",
        "Polski",
    ] {
        assert!(
            page.contains(expected),
            "the patient page lacks {expected:?}"
        );
    }
    nurse
        .post(app.url("/patients"))
        .form(&patient_form("CD-002", "Иванова", "1975-01-30"))
        .send()
        .await
        .expect("create");
    nurse
        .post(app.url("/patients"))
        .form(&patient_form("CD-003", "Kowalski", "1950-12-01"))
        .send()
        .await
        .expect("create");

    for (query, expected, absent) in [
        ("wiśn", "Wiśniewska", "Иванова"),
        ("ИВАН", "Иванова", "Kowalski"),
        ("CD-003", "Kowalski", "Wiśniewska"),
        ("1975-01-30", "Иванова", "Kowalski"),
        ("30.01.1975", "Иванова", "Wiśniewska"),
    ] {
        let list = nurse
            .get(app.url("/patients"))
            .query(&[("q", query)])
            .send()
            .await
            .expect("search");
        assert_eq!(list.status(), StatusCode::OK);
        let body = list.text().await.expect("body");
        assert!(
            body.contains(expected) && !body.contains(absent),
            "search {query:?}"
        );
    }

    let id = location.trim_start_matches("/patients/");
    let edit_page = nurse
        .get(app.url(&format!("/patients/{id}/edit")))
        .send()
        .await
        .expect("edit")
        .text()
        .await
        .expect("body");
    assert!(edit_page.contains("name=\"version\" value=\"1\""));
    assert!(edit_page.contains("value=\"myasthenia_gravis\" checked"));
    let mut form = patient_form("CD-001", "Wiśniewska-Nowak", "1968-04-12");
    form.push(("version", "1".into()));
    let saved = nurse
        .post(app.url(&location))
        .form(&form)
        .send()
        .await
        .expect("update");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let stale = nurse
        .post(app.url(&location))
        .form(&form)
        .send()
        .await
        .expect("stale update");
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert!(
        stale
            .text()
            .await
            .expect("body")
            .contains("Someone else changed this patient")
    );
    let page = nurse
        .get(app.url(&location))
        .send()
        .await
        .expect("show")
        .text()
        .await
        .expect("body");
    assert!(page.contains("Wiśniewska-Nowak"));
    assert!(page.contains("Version 2"));
}

#[tokio::test]
async fn the_patient_list_is_paged() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    for i in 0..27 {
        let body = app::patient_json(&format!("P-{i:03}"), &format!("Family{i:03}"), "1980-01-01");
        let r = nurse
            .post(app.url("/api/patients"))
            .json(&body)
            .send()
            .await
            .expect("create");
        assert_eq!(r.status(), StatusCode::CREATED);
    }
    let first = nurse
        .get(app.url("/patients"))
        .send()
        .await
        .expect("list")
        .text()
        .await
        .expect("body");
    assert!(first.contains("27 patients") && first.contains("Page 1 of 2"));
    assert!(first.contains("Family000") && !first.contains("Family025"));
    let second = nurse
        .get(app.url("/patients?page=2"))
        .send()
        .await
        .expect("list")
        .text()
        .await
        .expect("body");
    assert!(
        second.contains("Family025")
            && second.contains("Family026")
            && !second.contains("Family000")
    );
    let api: Value = nurse
        .get(app.url("/api/patients?per_page=10&page=3"))
        .send()
        .await
        .expect("api")
        .json()
        .await
        .expect("json");
    assert_eq!(api["total"], 27);
    assert_eq!(api["patients"].as_array().map(Vec::len), Some(7));
}

/// Each bad input, sent as a form and as JSON: refused with the field named, and the
/// database exactly as it was.
#[tokio::test]
async fn bad_input_is_refused_with_the_field_named_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let created = nurse
        .post(app.url("/api/patients"))
        .json(&app::patient_json("TAKEN-1", "Existing", "1970-01-01"))
        .send()
        .await
        .expect("create");
    assert_eq!(created.status(), StatusCode::CREATED);

    let long = "x".repeat(101);
    let cases: Vec<(&str, &str, &str, String, &str)> = vec![
        // (case, field, value, expected message in the form page, problem code)
        (
            "empty names",
            "family_name",
            "",
            "Family name: enter a family name or a pseudonym.".into(),
            "name_or_pseudonym_required",
        ),
        (
            "empty record number",
            "record_number",
            "  ",
            "Record number: is required.".into(),
            "required",
        ),
        (
            "birth date in the future",
            "birth_date",
            "2026-11-23",
            "Birth date: cannot be in the future.".into(),
            "date_in_future",
        ),
        (
            "birth date before 1900",
            "birth_date",
            "1899-12-31",
            "Birth date: cannot be before 1900-01-01.".into(),
            "date_too_early",
        ),
        (
            "malformed birth date",
            "birth_date",
            "31/12/1980",
            "Birth date: “31/12/1980” is not a date; write it as YYYY-MM-DD.".into(),
            "not_a_date",
        ),
        (
            "weight too low",
            "weight_kg",
            "0.4",
            "Weight (kg): must be between 0.5 and 400 kg.".into(),
            "out_of_range",
        ),
        (
            "weight too high",
            "weight_kg",
            "400.5",
            "Weight (kg): must be between 0.5 and 400 kg.".into(),
            "out_of_range",
        ),
        (
            "weight not a number",
            "weight_kg",
            "sixty",
            "Weight (kg): “sixty” is not a number.".into(),
            "not_a_number",
        ),
        (
            "duplicate record number",
            "record_number",
            "TAKEN-1",
            "Record number: is already used by another record.".into(),
            "duplicate",
        ),
        (
            "unknown language",
            "preferred_language",
            "xx",
            "Preferred language: “xx” is not one of the accepted values.".into(),
            "unknown",
        ),
        (
            "oversize name",
            "family_name",
            &long,
            "Family name: is too long (at most 100 characters).".into(),
            "too_long",
        ),
        (
            "unknown condition",
            "conditions",
            "flu",
            "Conditions: “flu” is not one of the accepted values.".into(),
            "unknown",
        ),
        (
            "bad e-mail",
            "email",
            "maria(at)example.org",
            "E-mail: is not an e-mail address.".into(),
            "not_an_email",
        ),
    ];
    let before = app.snapshot().await;
    for (case, field, value, message, code) in &cases {
        let mut form = patient_form("NEW-1", "Nowak", "1980-05-05");
        form.retain(|(k, _)| k != field);
        form.push((field, value.to_string()));
        if *field == "family_name" && value.is_empty() {
            form.retain(|(k, _)| *k != "pseudonym");
        }
        let response = nurse
            .post(app.url("/patients"))
            .form(&form)
            .send()
            .await
            .expect("form");
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "form: {case}"
        );
        let page = response.text().await.expect("body");
        assert!(
            page.contains(&html_escape(message)),
            "form: {case}: no {message:?} in the page"
        );

        let mut body = app::patient_json("NEW-1", "Nowak", "1980-05-05");
        body[*field] = if *field == "conditions" {
            json!([value])
        } else {
            json!(value)
        };
        let response = nurse
            .post(app.url("/api/patients"))
            .json(&body)
            .send()
            .await
            .expect("api");
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "api: {case}"
        );
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        let problem: Value = response.json().await.expect("problem");
        let errors = problem["errors"].as_array().expect("errors");
        assert!(
            errors.iter().any(|e| e["field"] == *field
                && e["code"] == *code
                && e["message"] == message.as_str()),
            "api: {case}: {problem}"
        );
    }

    // Requests that cannot be read at all.
    let malformed = nurse
        .post(app.url("/api/patients"))
        .header("content-type", "application/json")
        .body("{\"record_number\": ")
        .send()
        .await
        .expect("api");
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
    let problem: Value = malformed.json().await.expect("problem");
    assert!(
        problem["detail"].as_str().is_some_and(|d| !d.is_empty()),
        "{problem}"
    );
    let wrong_type = nurse
        .post(app.url("/api/patients"))
        .json(&json!({"record_number": "X", "consent_treatment": "perhaps"}))
        .send()
        .await
        .expect("api");
    assert_eq!(wrong_type.status(), StatusCode::BAD_REQUEST);
    let not_json = nurse
        .post(app.url("/api/patients"))
        .header("content-type", "text/plain")
        .body("hello")
        .send()
        .await
        .expect("api");
    assert_eq!(not_json.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let huge = nurse
        .post(app.url("/patients"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("notes={}", "x".repeat(bont_web::BODY_LIMIT + 1)))
        .send()
        .await
        .expect("huge");
    assert_eq!(huge.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let stale_api = nurse
        .put(app.url("/api/patients/1"))
        .json(&{
            let mut b = app::patient_json("TAKEN-1", "Existing", "1970-01-01");
            b["version"] = json!(7);
            b
        })
        .send()
        .await
        .expect("put");
    assert_eq!(stale_api.status(), StatusCode::CONFLICT);
    let no_version = nurse
        .put(app.url("/api/patients/1"))
        .json(&app::patient_json("TAKEN-1", "Existing", "1970-01-01"))
        .send()
        .await
        .expect("put");
    assert_eq!(no_version.status(), StatusCode::BAD_REQUEST);

    assert_eq!(
        app.snapshot().await,
        before,
        "a refused request changed the database"
    );
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

#[tokio::test]
async fn the_json_api_creates_reads_and_changes_patients() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let created = physician
        .post(app.url("/api/patients"))
        .json(&app::patient_json("API-1", "Haddad", "1990-02-03"))
        .send()
        .await
        .expect("create");
    assert_eq!(created.status(), StatusCode::CREATED);
    let location = created.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let body: Value = created.json().await.expect("json");
    assert_eq!(body["version"], 1);
    assert_eq!(body["record_number"], "API-1");
    assert_eq!(body["name"]["family"], "Haddad");
    assert_eq!(body["weight"]["kg"], 64.5);
    assert_eq!(
        body["clinical"]["conditions"],
        json!(["myasthenia_gravis", "dysphagia"])
    );

    let mut change = app::patient_json("API-1", "Haddad", "1990-02-03");
    change["weight_kg"] = json!(66);
    change["version"] = json!(1);
    let changed = physician
        .put(app.url(&location))
        .json(&change)
        .send()
        .await
        .expect("put");
    assert_eq!(changed.status(), StatusCode::OK);
    let body: Value = changed.json().await.expect("json");
    assert_eq!(
        (body["version"].clone(), body["weight"]["kg"].clone()),
        (json!(2), json!(66.0))
    );

    let got: Value = physician
        .get(app.url(&location))
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(got["version"], 2);
    let missing = physician
        .get(app.url("/api/patients/999"))
        .send()
        .await
        .expect("get");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let nonsense = physician
        .get(app.url("/api/patients/abc"))
        .send()
        .await
        .expect("get");
    assert_eq!(nonsense.status(), StatusCode::NOT_FOUND);
    let found: Value = physician
        .get(app.url("/api/patients?q=hadd"))
        .send()
        .await
        .expect("search")
        .json()
        .await
        .expect("json");
    assert_eq!(found["total"], 1);
}

#[tokio::test]
async fn a_patient_of_another_clinic_is_not_found() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let created = nurse
        .post(app.url("/api/patients"))
        .json(&app::patient_json("OWN-1", "Own", "1970-01-01"))
        .send()
        .await
        .expect("create");
    let location = created.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let outsider = app.logged_in_elsewhere(Role::Nurse).await;
    assert_eq!(
        outsider
            .get(app.url(&location))
            .send()
            .await
            .expect("get")
            .status(),
        StatusCode::NOT_FOUND
    );
    let html = location.replace("/api", "");
    assert_eq!(
        outsider
            .get(app.url(&html))
            .send()
            .await
            .expect("get")
            .status(),
        StatusCode::NOT_FOUND
    );
    let list: Value = outsider
        .get(app.url("/api/patients"))
        .send()
        .await
        .expect("list")
        .json()
        .await
        .expect("json");
    assert_eq!(list["total"], 0);
}

#[tokio::test]
async fn user_text_is_escaped_and_every_patient_read_is_audited() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let mut body = app::patient_json("XSS-1", "<script>alert(1)</script>", "1970-01-01");
    body["notes"] = json!("'); DROP TABLE patients; --");
    let created = nurse
        .post(app.url("/api/patients"))
        .json(&body)
        .send()
        .await
        .expect("create");
    let location = created.headers()["location"]
        .to_str()
        .expect("location")
        .replace("/api", "");
    let page = nurse
        .get(app.url(&location))
        .send()
        .await
        .expect("show")
        .text()
        .await
        .expect("body");
    assert!(!page.contains("<script>alert(1)"));
    assert!(page.contains(&html_escape("<script>alert(1)</script>")));
    assert!(page.contains("DROP TABLE patients"));
    let reads = app
        .db
        .audit_events(&Default::default(), 100)
        .await
        .expect("audit")
        .into_iter()
        .filter(|e| e.action == "patient.read" && e.entity_id.is_some())
        .count();
    assert_eq!(
        reads, 1,
        "the API create answers with what it stored (its event is the creation); the page is a read"
    );
}

#[tokio::test]
async fn static_files_and_health_need_no_login_and_unknown_paths_are_not_found() {
    let app = TestApp::spawn().await;
    let client = app.anonymous();
    let css = client
        .get(app.url("/static/style.css"))
        .send()
        .await
        .expect("css");
    assert_eq!(css.status(), StatusCode::OK);
    assert!(
        css.headers()["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/css")
    );
    let htmx = client
        .get(app.url("/static/htmx-2.0.11.min.js"))
        .send()
        .await
        .expect("js");
    assert_eq!(htmx.status(), StatusCode::OK);
    let health: Value = client
        .get(app.url("/health"))
        .send()
        .await
        .expect("health")
        .json()
        .await
        .expect("json");
    assert_eq!(health["status"], "ok");
    assert_eq!(
        client
            .get(app.url("/static/../Cargo.toml"))
            .send()
            .await
            .expect("get")
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        client
            .get(app.url("/no/such/page"))
            .send()
            .await
            .expect("get")
            .status(),
        StatusCode::NOT_FOUND
    );
    let headers = client.get(app.url("/login")).send().await.expect("login");
    assert_eq!(headers.headers()["x-content-type-options"], "nosniff");
    assert!(
        headers.headers()["content-security-policy"]
            .to_str()
            .expect("csp")
            .contains("frame-ancestors 'none'")
    );
    // Pages and the stylesheet go compressed to a browser that takes gzip, and plain to
    // one that does not.
    for path in ["/login", "/static/style.css"] {
        let zipped = client
            .get(app.url(path))
            .header("accept-encoding", "gzip")
            .send()
            .await
            .expect("get");
        assert_eq!(zipped.headers()["content-encoding"], "gzip", "{path}");
        let plain = client.get(app.url(path)).send().await.expect("get");
        assert!(plain.headers().get("content-encoding").is_none(), "{path}");
    }
}

#[tokio::test]
async fn the_api_checks_a_plan_with_the_same_function_as_the_command_line() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let plan = json!({
        "patient": {"birth_date": "1984-03-02", "weight_kg": 64.0, "allergies": ["botulinum_toxin"]},
        "history": [{"date": "2026-08-20", "product": "Botox", "indication": "cervical_dystonia", "total_units": 240}],
        "session": {"date": "2026-11-22", "product": "onabotulinumtoxinA", "indication": "cervical_dystonia",
                    "vial_units": 100, "diluent_ml": 2.0,
                    "injections": [{"muscle": "sternocleidomastoid", "side": "left", "units": 40, "sites": 2}]}
    });
    let response = physician
        .post(app.url("/api/check"))
        .json(&plan)
        .send()
        .await
        .expect("check");
    assert_eq!(response.status(), StatusCode::OK);
    let report: Value = response.json().await.expect("report");
    assert_eq!(report["verdict"], "block");
    assert_eq!(report["units_per_0_1_ml"], 5.0);
    assert!(
        report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["code"] == "contraindicated")
    );

    let mut unknown = plan.clone();
    unknown["session"]["product"] = json!("Botax");
    let refused = physician
        .post(app.url("/api/check"))
        .json(&unknown)
        .send()
        .await
        .expect("check");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = refused.json().await.expect("problem");
    assert_eq!(problem["errors"][0]["field"], "session.product");

    let mut wrong = plan.clone();
    wrong["session"]["injections"][0]["units"] = json!("forty");
    let refused = physician
        .post(app.url("/api/check"))
        .json(&wrong)
        .send()
        .await
        .expect("check");
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let problem: Value = refused.json().await.expect("problem");
    assert!(
        problem["detail"]
            .as_str()
            .is_some_and(|d| d.starts_with("session.injections[0].units:")),
        "{problem}"
    );
}

fn session_json(date: &str, units: f64) -> Value {
    json!({
        "date": date, "time": "09:30", "product": "Botox", "indication": "cervical_dystonia",
        "vial_units": 100, "diluent_ml": 2.0,
        "injections": [
            {"muscle": "sternocleidomastoid", "side": "left", "units": units / 2.0, "sites": 2, "guidance": "emg"},
            {"muscle": "splenius_capitis", "side": "right", "units": units / 2.0, "sites": 2, "guidance": "emg"}
        ],
        "vials": [{"lot": "C1234A", "expiry": "2027-06-30"}],
        "anaesthesia": "none", "duration_minutes": 15, "notes": "Tolerated well."
    })
}

async fn patient_for_sessions(app: &TestApp, client: &reqwest::Client) -> String {
    patient_numbered(app, client, "S-1").await
}

/// A patient with no conditions or medications, by record number; their API address.
async fn patient_numbered(app: &TestApp, client: &reqwest::Client, number: &str) -> String {
    patient_named(app, client, number, "Nowak").await
}

/// The same, with a family name of its own.
async fn patient_named(
    app: &TestApp,
    client: &reqwest::Client,
    number: &str,
    family: &str,
) -> String {
    let mut body = app::patient_json(number, family, "1970-01-01");
    body["conditions"] = json!([]);
    body["medications"] = json!([]);
    let created = client
        .post(app.url("/api/patients"))
        .json(&body)
        .send()
        .await
        .expect("patient");
    assert_eq!(created.status(), StatusCode::CREATED);
    created.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned()
}

#[tokio::test]
async fn a_session_is_drafted_checked_signed_overridden_amended_and_voided() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let physician = app.logged_in(Role::Physician).await;
    let patient = patient_for_sessions(&app, &nurse).await;

    // A nurse prepares the draft; its verdict comes back with it.
    let created = nurse
        .post(app.url(&format!("{patient}/sessions")))
        .json(&session_json("2026-11-01", 100.0))
        .send()
        .await
        .expect("draft");
    assert_eq!(created.status(), StatusCode::CREATED);
    let first = created.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let draft: Value = created.json().await.expect("json");
    assert_eq!(draft["status"], "draft");
    assert_eq!(draft["report"]["total_units"], 100);
    assert_eq!(draft["report"]["units_per_0_1_ml"], 5.0);

    // A nurse may not sign, nor slip an override into a draft.
    let refused = nurse
        .post(app.url(&format!("{first}/sign")))
        .json(&json!({"version": 1}))
        .send()
        .await
        .expect("sign");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let smuggled = nurse
        .put(app.url(&first))
        .json(
            &json!({"version": 1, "session": session_json("2026-11-01", 100.0),
        "overrides": [{"code": "interval_too_short", "reason": "because I say so"}]}),
        )
        .send()
        .await
        .expect("put");
    assert_eq!(smuggled.status(), StatusCode::BAD_REQUEST);

    let signed = physician
        .post(app.url(&format!("{first}/sign")))
        .json(&json!({"version": 1}))
        .send()
        .await
        .expect("sign");
    assert_eq!(signed.status(), StatusCode::OK);
    let signed: Value = signed.json().await.expect("json");
    assert_eq!(
        (signed["status"].clone(), signed["version"].clone()),
        (json!("signed"), json!(2))
    );
    assert!(signed["signed_by"].is_number());

    // Three weeks later, with incobotulinumtoxinA: too soon for its label's 12 weeks, and it
    // blocks until a physician gives a reason.
    let mut switched = session_json("2026-11-22", 100.0);
    switched["product"] = json!("Xeomin");
    let second = nurse
        .post(app.url(&format!("{patient}/sessions")))
        .json(&switched)
        .send()
        .await
        .expect("draft");
    let second_location = second.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let second: Value = second.json().await.expect("json");
    assert_eq!(second["report"]["verdict"], "block");
    assert!(
        second["report"]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["code"] == "interval_too_short" && f["severity"] == "block")
    );
    let unexplained = physician
        .post(app.url(&format!("{second_location}/sign")))
        .json(&json!({"version": 1}))
        .send()
        .await
        .expect("sign");
    assert_eq!(unexplained.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = unexplained.json().await.expect("problem");
    assert_eq!(problem["errors"][0]["field"], "overrides");
    let curt = physician
        .post(app.url(&format!("{second_location}/sign")))
        .json(&json!({"version": 1, "overrides": [{"code": "interval_too_short", "reason": "ok"}]}))
        .send()
        .await
        .expect("sign");
    assert_eq!(curt.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A kind of reason is chosen, and the words say why: "xxxxxxxxxx" says nothing.
    let empty = physician
        .post(app.url(&format!("{second_location}/sign")))
        .json(&json!({"version": 1, "overrides": [{"code": "interval_too_short", "kind": "other", "reason": "xxxxxxxxxx"}]}))
        .send()
        .await
        .expect("sign");
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = empty.json().await.expect("problem");
    assert_eq!(
        problem["errors"][0]["code"], "override_reason_words",
        "{problem}"
    );
    let reason =
        "Severe pain relapse after a missed dose; discussed the antibody risk with the patient.";
    let kindless = physician
        .post(app.url(&format!("{second_location}/sign")))
        .json(
            &json!({"version": 1, "overrides": [{"code": "interval_too_short", "reason": reason}]}),
        )
        .send()
        .await
        .expect("sign");
    assert_eq!(kindless.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let overridden = physician
        .post(app.url(&format!("{second_location}/sign")))
        .json(
            &json!({"version": 1, "overrides": [{"code": "interval_too_short", "kind": "tolerated_before", "reason": reason}]}),
        )
        .send()
        .await
        .expect("sign");
    assert_eq!(overridden.status(), StatusCode::OK);
    let overridden: Value = overridden.json().await.expect("json");
    assert_eq!(overridden["status"], "signed");
    assert_eq!(
        overridden["verdict"], "block",
        "the verdict at signing is kept with the session"
    );
    assert_eq!(overridden["overrides"][0]["reason"], reason);
    assert_eq!(overridden["overrides"][0]["kind"], "tolerated_before");

    // A signed session is not edited in place; an amendment keeps the old version.
    let in_place = physician
        .put(app.url(&first))
        .json(&json!({"version": 2, "session": session_json("2026-11-01", 80.0)}))
        .send()
        .await
        .expect("put");
    assert_eq!(in_place.status(), StatusCode::CONFLICT);
    let amended = physician.post(app.url(&format!("{first}/amend")))
        .json(&json!({"version": 2, "reason": "Right splenius dose was 40 U, not 50 U.", "session": session_json("2026-11-01", 80.0)}))
        .send().await.expect("amend");
    assert_eq!(amended.status(), StatusCode::OK);
    let amended: Value = amended.json().await.expect("json");
    assert_eq!(
        (amended["version"].clone(), amended["total_units"].clone()),
        (json!(3), json!(80.0))
    );
    assert_eq!(
        amended["change_reason"],
        "Right splenius dose was 40 U, not 50 U."
    );
    let versions: Value = physician
        .get(app.url(&format!("{first}/versions")))
        .send()
        .await
        .expect("versions")
        .json()
        .await
        .expect("json");
    let versions = versions.as_array().expect("list");
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1]["status"], "signed");
    assert_eq!(versions[1]["total_units"], 100.0);

    // Voided with a reason: still there, marked.
    let void = physician
        .post(app.url(&format!("{first}/void")))
        .json(&json!({"version": 3, "reason": "Entered for the wrong patient."}))
        .send()
        .await
        .expect("void");
    assert_eq!(void.status(), StatusCode::OK);
    let again = physician
        .post(app.url(&format!("{first}/void")))
        .json(&json!({"version": 4, "reason": "Entered for the wrong patient."}))
        .send()
        .await
        .expect("void");
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let list: Value = physician
        .get(app.url(&format!("{patient}/sessions")))
        .send()
        .await
        .expect("list")
        .json()
        .await
        .expect("json");
    let statuses: Vec<&str> = list
        .as_array()
        .expect("list")
        .iter()
        .map(|s| s["status"].as_str().expect("status"))
        .collect();
    assert_eq!(statuses, ["signed", "void"]);
    // With the first session void, the second no longer follows too soon.
    let second_now: Value = physician
        .get(app.url(&second_location))
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert!(
        !second_now["report"]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["code"] == "interval_too_short")
    );
}

#[tokio::test]
async fn bad_session_input_is_refused_at_its_field_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let patient = patient_for_sessions(&app, &nurse).await;
    let url = app.url(&format!("{patient}/sessions"));
    type Edit = fn(&mut Value);
    let cases: &[(&str, Edit, &str)] = &[
        (
            "unknown muscle",
            |s| s["injections"][0]["muscle"] = json!("neck"),
            "injections[0].muscle",
        ),
        (
            "unknown product",
            |s| s["product"] = json!("Botax"),
            "product",
        ),
        (
            "negative units",
            |s| s["injections"][0]["units"] = json!(-10),
            "injections[0].units",
        ),
        (
            "more sites than units",
            |s| s["injections"][0]["sites"] = json!(8),
            "injections[0].sites",
        ),
        (
            "diluent too large",
            |s| s["diluent_ml"] = json!(12),
            "diluent_ml",
        ),
        (
            "diluent too small",
            |s| s["diluent_ml"] = json!(0.2),
            "diluent_ml",
        ),
        (
            "date in the future",
            |s| s["date"] = json!("2026-11-23"),
            "date",
        ),
        (
            "lot past expiry",
            |s| s["vials"][0]["expiry"] = json!("2026-10-31"),
            "vials[0].expiry",
        ),
        (
            "missing lot",
            |s| s["vials"][0]["lot"] = json!(""),
            "vials[0].lot",
        ),
        (
            "unknown guidance",
            |s| s["injections"][0]["guidance"] = json!("x-ray"),
            "injections[0].guidance",
        ),
        ("bad time", |s| s["time"] = json!("25:99"), "time"),
    ];
    for (case, edit, field) in cases {
        let mut session = session_json("2026-11-01", 100.0);
        session["injections"][0]["units"] = json!(5);
        edit(&mut session);
        let response = nurse.post(&url).json(&session).send().await.expect("post");
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{case}"
        );
        let problem: Value = response.json().await.expect("problem");
        assert!(
            problem["errors"]
                .as_array()
                .expect("errors")
                .iter()
                .any(|e| e["field"] == *field),
            "{case}: {problem}"
        );
    }
    let mut words = session_json("2026-11-01", 100.0);
    words["injections"][0]["units"] = json!("fifty");
    let response = nurse.post(&url).json(&words).send().await.expect("post");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM treatment_sessions")
        .fetch_one(app.db.pool())
        .await
        .expect("count");
    assert_eq!(count, 0);

    // Two people editing one draft: the second save is refused, not silently lost.
    let created = nurse
        .post(&url)
        .json(&session_json("2026-11-01", 100.0))
        .send()
        .await
        .expect("draft");
    let location = created.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let physician = app.logged_in(Role::Physician).await;
    let first = nurse
        .put(app.url(&location))
        .json(&json!({"version": 1, "session": session_json("2026-11-01", 90.0)}))
        .send()
        .await
        .expect("put");
    assert_eq!(first.status(), StatusCode::OK);
    let second = physician
        .put(app.url(&location))
        .json(&json!({"version": 1, "session": session_json("2026-11-01", 110.0)}))
        .send()
        .await
        .expect("put");
    assert_eq!(second.status(), StatusCode::CONFLICT);
    let now: Value = nurse
        .get(app.url(&location))
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(now["total_units"], 90.0);
}

fn session_form(date: &str, rows: &[(&str, &str, &str, &str)]) -> Vec<(&'static str, String)> {
    let mut form = vec![
        ("date", date.to_owned()),
        ("time", "10:15".into()),
        ("product", "onabotulinumtoxinA".into()),
        ("indication", "chronic_migraine".into()),
        ("vial_units", "200".into()),
        ("diluent_ml", "4".into()),
        ("lot", "C5678B".into()),
        ("expiry", "2027-03-31".into()),
        ("anaesthesia", "none".into()),
    ];
    for (muscle, side, units, sites) in rows {
        form.extend([
            ("muscle", muscle.to_string()),
            ("side", side.to_string()),
            ("units", units.to_string()),
            ("sites", sites.to_string()),
            ("guidance", "landmarks".into()),
        ]);
    }
    // An empty spare row, as the form always sends.
    form.extend([
        ("muscle", String::new()),
        ("side", "left".into()),
        ("units", String::new()),
        ("sites", "1".into()),
        ("guidance", String::new()),
    ]);
    form
}

const PREEMPT_ROWS: [(&str, &str, &str, &str); 7] = [
    ("corrugator_supercilii", "both", "5", "1"),
    ("procerus", "midline", "5", "1"),
    ("frontalis", "both", "10", "2"),
    ("temporalis", "both", "20", "4"),
    ("occipitalis", "both", "15", "3"),
    ("cervical_paraspinal_group", "both", "10", "2"),
    ("trapezius_upper", "both", "15", "3"),
];

#[tokio::test]
async fn the_session_form_shows_a_live_verdict_saves_a_draft_and_a_physician_signs_it() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let physician = app.logged_in(Role::Physician).await;
    let patient = patient_for_sessions(&app, &nurse).await.replace("/api", "");

    let patient_page = nurse
        .get(app.url(&patient))
        .send()
        .await
        .expect("patient")
        .text()
        .await
        .expect("body");
    assert!(
        patient_page.contains("value=\"cd_rotational_torticollis_left\""),
        "templates are offered"
    );
    for id in [
        "cd_retrocollis",
        "blepharospasm",
        "uls_clenched_fist",
        "lls_equinovarus_foot",
    ] {
        let form = nurse
            .get(app.url(&format!("{patient}/sessions/new?template={id}")))
            .send()
            .await
            .expect("form");
        assert_eq!(form.status(), StatusCode::OK, "{id}");
    }
    let unknown = nurse
        .get(app.url(&format!("{patient}/sessions/new?template=nothing")))
        .send()
        .await
        .expect("form");
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    let template = nurse
        .get(app.url(&format!("{patient}/sessions/new?template=preempt")))
        .send()
        .await
        .expect("form");
    assert_eq!(template.status(), StatusCode::OK);
    let page = template.text().await.expect("body");
    assert!(
        page.contains("value=\"corrugator_supercilii\"")
            && page.contains("value=\"trapezius_upper\"")
    );
    assert!(
        page.contains(
            "<strong class=\"num\">155</strong> U of <bdi>onabotulinumtoxinA (Botox)</bdi>"
        ),
        "the verdict box shows the total"
    );

    // The live verdict, as htmx asks for it while the form is filled in.
    let verdict = nurse
        .post(app.url(&format!("{patient}/sessions/verdict")))
        .form(&session_form("2026-11-20", &PREEMPT_ROWS))
        .send()
        .await
        .expect("verdict");
    assert_eq!(verdict.status(), StatusCode::OK);
    let fragment = verdict.text().await.expect("body");
    assert!(
        fragment.starts_with("<section id=\"verdict\" class=\"verdict ok\""),
        "{fragment}"
    );
    assert!(
        fragment.contains("<strong class=\"num\">155</strong> U")
            && fragment
                .contains("<span class=\"num\">5</span> U / <span class=\"num\">0.1</span> mL")
            && fragment.contains("<span class=\"num\">3.1</span> mL")
            && fragment.contains("Within 92 days: <span class=\"num\">155</span> U"),
        "{fragment}"
    );
    let mut words = session_form("2026-11-20", &PREEMPT_ROWS);
    words.push(("muscle", "frontalis".into()));
    words.push(("units", "lots".into()));
    let unreadable = nurse
        .post(app.url(&format!("{patient}/sessions/verdict")))
        .form(&words)
        .send()
        .await
        .expect("verdict");
    assert!(
        unreadable
            .text()
            .await
            .expect("body")
            .contains("is not a number")
    );

    let saved = nurse
        .post(app.url(&format!("{patient}/sessions")))
        .form(&session_form("2026-11-20", &PREEMPT_ROWS))
        .send()
        .await
        .expect("save");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let session = saved.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let page = nurse
        .get(app.url(&session))
        .send()
        .await
        .expect("show")
        .text()
        .await
        .expect("body");
    assert!(page.contains("draft") && page.contains("C5678B"));
    assert!(
        !page.contains("action=\"/sessions/1/sign\""),
        "a nurse is not offered signing"
    );
    let refused = nurse
        .post(app.url(&format!("{session}/sign")))
        .form(&[("version", "1")])
        .send()
        .await
        .expect("sign");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    let page = physician
        .get(app.url(&session))
        .send()
        .await
        .expect("show")
        .text()
        .await
        .expect("body");
    assert!(page.contains(&format!("action=\"{session}/sign\"")));
    let signed = physician
        .post(app.url(&format!("{session}/sign")))
        .form(&[("version", "1")])
        .send()
        .await
        .expect("sign");
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let patient_page = physician
        .get(app.url(&patient))
        .send()
        .await
        .expect("patient")
        .text()
        .await
        .expect("body");
    assert!(
        patient_page.contains("status-signed") && patient_page.contains("155 U"),
        "the patient page lists the session"
    );

    // Two days later: too soon. Signing asks for a reason for the blocking finding.
    let again = nurse
        .post(app.url(&format!("{patient}/sessions")))
        .form(&session_form("2026-11-22", &PREEMPT_ROWS))
        .send()
        .await
        .expect("save");
    let second = again.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let page = physician
        .get(app.url(&second))
        .send()
        .await
        .expect("show")
        .text()
        .await
        .expect("body");
    assert!(
        page.contains("name=\"override_interval_too_short\"")
            && page.contains("name=\"override_kind_interval_too_short\"")
            && page.contains("A higher dose was tolerated in earlier cycles without harm"),
        "a kind of reason and the reason in words for the blocking finding"
    );
    assert!(
        page.contains("<span class=\"severity\">✖ Block</span>"),
        "the severity is a mark and a word, not only a colour"
    );
    let no_reason = physician
        .post(app.url(&format!("{second}/sign")))
        .form(&[("version", "1")])
        .send()
        .await
        .expect("sign");
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let with_reason = physician
        .post(app.url(&format!("{second}/sign")))
        .form(&[
            ("version", "1"),
            ("override_kind_interval_too_short", "other"),
            (
                "override_interval_too_short",
                "Second half of a split session after a fainting episode.",
            ),
        ])
        .send()
        .await
        .expect("sign");
    assert_eq!(with_reason.status(), StatusCode::SEE_OTHER);
    let page = physician
        .get(app.url(&second))
        .send()
        .await
        .expect("show")
        .text()
        .await
        .expect("body");
    assert!(page.contains("Second half of a split session"));
    assert!(
        page.contains("Safety check: signed with overrides by")
            && !page.contains("blocked until a physician overrides"),
        "a signed, overridden session says so"
    );
    assert!(
        page.contains("Another reason (say which)"),
        "the kind is shown"
    );

    // A physician amends the first session through the form: a reason is required.
    let form = physician
        .get(app.url(&format!("{session}/amend")))
        .send()
        .await
        .expect("amend form");
    assert_eq!(form.status(), StatusCode::OK);
    assert!(
        form.text()
            .await
            .expect("body")
            .contains("name=\"amend_reason\"")
    );
    let mut amended = session_form("2026-11-20", &PREEMPT_ROWS);
    amended.push(("version", "2".into()));
    let no_reason = physician
        .post(app.url(&format!("{session}/amend")))
        .form(&amended)
        .send()
        .await
        .expect("amend");
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    amended.push((
        "amend_reason",
        "Lot number corrected after checking the vial label.".into(),
    ));
    // The session signed two days after it now counts for it too: the amendment is too
    // close to a later session and needs its own reason.
    let too_close = physician
        .post(app.url(&format!("{session}/amend")))
        .form(&amended)
        .send()
        .await
        .expect("amend");
    assert_eq!(too_close.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = too_close.text().await.expect("body");
    assert!(
        body.contains("name=\"override_code\" value=\"interval_too_short\""),
        "{body}"
    );
    amended.push(("override_code", "interval_too_short".into()));
    amended.push(("override_kind", "other".into()));
    amended.push((
        "override_reason",
        "The later session completed this one after a fainting episode.".into(),
    ));
    let done = physician
        .post(app.url(&format!("{session}/amend")))
        .form(&amended)
        .send()
        .await
        .expect("amend");
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let page = physician
        .get(app.url(&session))
        .send()
        .await
        .expect("show")
        .text()
        .await
        .expect("body");
    assert!(
        page.contains("Lot number corrected"),
        "the amendment's reason is on the session"
    );
    assert!(
        page.contains("Earlier versions (2)"),
        "the draft and the first signed version stay readable"
    );
    let nurse_amend = nurse
        .get(app.url(&format!("{session}/amend")))
        .send()
        .await
        .expect("amend form");
    assert_eq!(nurse_amend.status(), StatusCode::FORBIDDEN);

    // The clinic keeps its own template, offered beside the built-in ones.
    let saved = nurse
        .post(app.url(&format!("{session}/template")))
        .form(&[("template_name", "Our migraine scheme")])
        .send()
        .await
        .expect("template");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let twice = nurse
        .post(app.url(&format!("{session}/template")))
        .form(&[("template_name", "Our migraine scheme")])
        .send()
        .await
        .expect("template");
    assert_eq!(twice.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let unnamed = nurse
        .post(app.url(&format!("{session}/template")))
        .form(&[("template_name", " ")])
        .send()
        .await
        .expect("template");
    assert_eq!(unnamed.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let patient_page = nurse
        .get(app.url(&patient))
        .send()
        .await
        .expect("patient")
        .text()
        .await
        .expect("body");
    let option = patient_page
        .split("value=\"clinic-")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the clinic template is offered")
        .to_owned();
    assert!(patient_page.contains("Our migraine scheme"));
    let from_clinic = nurse
        .get(app.url(&format!("{patient}/sessions/new?template=clinic-{option}")))
        .send()
        .await
        .expect("form")
        .text()
        .await
        .expect("body");
    assert!(from_clinic.contains("value=\"cervical_paraspinal_group\""));

    // Same as last session: the grid starts from the last signed session.
    let last = nurse
        .get(app.url(&format!("{patient}/sessions/new?template=last")))
        .send()
        .await
        .expect("form")
        .text()
        .await
        .expect("body");
    assert!(
        last.contains("value=\"occipitalis\"") && last.contains("History:"),
        "earlier doses are shown beside the muscle"
    );
}

/// The overrides a draft needs by itself: a reason for each of its blocking findings.
fn own_overrides(draft: &Value) -> Vec<Value> {
    draft["report"]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "block")
        .map(|f| json!({"code": f["code"], "kind": "other", "reason": "Discussed with the patient; benefit outweighs risk."}))
        .collect()
}

async fn draft(app: &TestApp, client: &reqwest::Client, patient: &str, body: Value) -> Value {
    let created = client
        .post(app.url(&format!("{patient}/sessions")))
        .json(&body)
        .send()
        .await
        .expect("draft");
    assert_eq!(created.status(), StatusCode::CREATED);
    created.json().await.expect("json")
}

async fn signed_count(app: &TestApp, client: &reqwest::Client, patient: &str) -> usize {
    let sessions: Value = client
        .get(app.url(&format!("{patient}/sessions")))
        .send()
        .await
        .expect("sessions")
        .json()
        .await
        .expect("json");
    sessions
        .as_array()
        .expect("list")
        .iter()
        .filter(|s| s["status"] == "signed")
        .count()
}

/// Two physicians sign two drafts of 250 U onabotulinumtoxinA for one patient at the same
/// moment, each with the reasons its own draft needs. Signing checks inside the write
/// transaction, so the second to commit sees the first: 500 U within the label's 90 days
/// and a second session the same day block it until someone gives a reason for those.
#[tokio::test]
async fn two_drafts_signed_at_the_same_moment_cannot_both_pass_a_limit_they_exceed_together() {
    let app = TestApp::spawn().await;
    let first = app.logged_in(Role::Physician).await;
    let second = app.log_in("physician").await;
    for attempt in 0..5 {
        let patient = patient_numbered(&app, &first, &format!("R-{attempt}")).await;
        let a = draft(&app, &first, &patient, session_json("2026-11-20", 250.0)).await;
        let b = draft(&app, &second, &patient, session_json("2026-11-20", 250.0)).await;
        let sign = |client: &reqwest::Client, d: &Value| {
            client
                .post(app.url(&format!("/api/sessions/{}/sign", d["id"])))
                .json(&json!({"version": d["version"], "overrides": own_overrides(d)}))
                .send()
        };
        let (ra, rb) = tokio::join!(sign(&first, &a), sign(&second, &b));
        let statuses = [ra.expect("a").status(), rb.expect("b").status()];
        assert!(
            statuses.contains(&StatusCode::OK)
                && statuses.contains(&StatusCode::UNPROCESSABLE_ENTITY),
            "one signs, the other needs reasons for what the first one changed: {statuses:?}"
        );
        assert_eq!(signed_count(&app, &first, &patient).await, 1);
    }
}

/// A draft signed while another session of the patient is amended upwards at the same
/// moment: whichever commits second is checked against the other.
#[tokio::test]
async fn a_draft_signed_while_another_session_is_amended_is_checked_against_the_amendment() {
    let app = TestApp::spawn().await;
    let first = app.logged_in(Role::Physician).await;
    let second = app.log_in("physician").await;
    for attempt in 0..5 {
        let patient = patient_numbered(&app, &first, &format!("M-{attempt}")).await;
        let earlier = draft(&app, &first, &patient, session_json("2026-11-20", 100.0)).await;
        let signed: Value = first
            .post(app.url(&format!("/api/sessions/{}/sign", earlier["id"])))
            .json(&json!({"version": earlier["version"], "overrides": own_overrides(&earlier)}))
            .send()
            .await
            .expect("sign")
            .json()
            .await
            .expect("json");
        // The second draft needs, by itself, reasons for the same day's session already given.
        let later = draft(&app, &second, &patient, session_json("2026-11-20", 250.0)).await;
        // The amendment's own reasons, as the amendment alone would need them: those of
        // the same session for a patient with no other.
        let probe = patient_numbered(&app, &first, &format!("P-{attempt}")).await;
        let alone = draft(&app, &first, &probe, session_json("2026-11-20", 250.0)).await;
        let amend_overrides = own_overrides(&alone);
        let amend = first
            .post(app.url(&format!("/api/sessions/{}/amend", signed["id"])))
            .json(&json!({
                "version": signed["version"],
                "reason": "Units of both rows corrected after the session.",
                "session": session_json("2026-11-20", 250.0),
                "overrides": amend_overrides,
            }))
            .send();
        let sign = second
            .post(app.url(&format!("/api/sessions/{}/sign", later["id"])))
            .json(&json!({"version": later["version"], "overrides": own_overrides(&later)}))
            .send();
        let (amended, signed_later) = tokio::join!(amend, sign);
        let statuses = [
            amended.expect("amend").status(),
            signed_later.expect("sign").status(),
        ];
        assert!(
            statuses.contains(&StatusCode::UNPROCESSABLE_ENTITY),
            "the one that commits second sees 500 U in the window: {statuses:?}"
        );
    }
}

/// A creation sent twice with the same key (a retry after a lost answer, a double click)
/// creates one record; the second answer is the first record.
#[tokio::test]
async fn a_creation_retried_with_its_key_creates_once() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let mut body = app::patient_json("K-1", "Nowak", "1970-01-01");
    body["conditions"] = json!([]);
    body["medications"] = json!([]);
    let post = |body: &Value, key: &str| {
        nurse
            .post(app.url("/api/patients"))
            .header("Idempotency-Key", key)
            .json(body)
            .send()
    };
    let first = post(&body, "retry-1").await.expect("first");
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.expect("json");
    let again = post(&body, "retry-1").await.expect("again");
    assert_eq!(again.status(), StatusCode::CREATED);
    let again: Value = again.json().await.expect("json");
    assert_eq!(first["id"], again["id"]);
    // Another key is another creation (here refused: the record number is taken).
    let other = post(&body, "retry-2").await.expect("other");
    assert_eq!(other.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let list: Value = nurse
        .get(app.url("/api/patients?q=Nowak"))
        .send()
        .await
        .expect("list")
        .json()
        .await
        .expect("json");
    assert_eq!(list["total"], 1);
    // A key used for a patient cannot create a session.
    let patient = format!("/api/patients/{}", first["id"]);
    let session = nurse
        .post(app.url(&format!("{patient}/sessions")))
        .header("Idempotency-Key", "retry-1")
        .json(&session_json("2026-11-20", 100.0))
        .send()
        .await
        .expect("session");
    assert_eq!(session.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Sessions: the same draft posted twice is one draft.
    let mut ids = Vec::new();
    for _ in 0..2 {
        let created = nurse
            .post(app.url(&format!("{patient}/sessions")))
            .header("Idempotency-Key", "draft-1")
            .json(&session_json("2026-11-20", 100.0))
            .send()
            .await
            .expect("draft");
        assert_eq!(created.status(), StatusCode::CREATED);
        ids.push(created.json::<Value>().await.expect("json")["id"].clone());
    }
    assert_eq!(ids[0], ids[1]);
    let sessions: Value = nurse
        .get(app.url(&format!("{patient}/sessions")))
        .send()
        .await
        .expect("sessions")
        .json()
        .await
        .expect("json");
    assert_eq!(sessions.as_array().map(Vec::len), Some(1));
    // The new-patient form carries a key of its own; posting it twice is one patient.
    let form = nurse
        .get(app.url("/patients/new"))
        .send()
        .await
        .expect("form")
        .text()
        .await
        .expect("html");
    let key = form
        .split("name=\"idempotency_key\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the form carries a key")
        .to_owned();
    let mut fields = app::patient_form("K-2", "Kowalski", "1980-02-02");
    fields.push(("idempotency_key", key));
    let mut places = Vec::new();
    for _ in 0..2 {
        let posted = nurse
            .post(app.url("/patients"))
            .form(&fields)
            .send()
            .await
            .expect("post");
        assert_eq!(posted.status(), StatusCode::SEE_OTHER);
        places.push(posted.headers()["location"].clone());
    }
    assert_eq!(places[0], places[1]);
}

/// A draft may lack the vial lots and the patient's consent; a signed session may not.
/// Pregnancy is not recorded for a male patient.
#[tokio::test]
async fn signing_needs_the_vials_and_the_patients_consent() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let mut body = app::patient_json("C-1", "Kowalski", "1970-01-01");
    body["conditions"] = json!([]);
    body["medications"] = json!([]);
    body["consent_treatment"] = json!(false);
    let created = physician
        .post(app.url("/api/patients"))
        .json(&body)
        .send()
        .await
        .expect("patient");
    assert_eq!(created.status(), StatusCode::CREATED);
    let patient = created.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let mut session = session_json("2026-11-20", 100.0);
    session["vials"] = json!([]);
    let draft = draft(&app, &physician, &patient, session).await;
    let refused = physician
        .post(app.url(&format!("/api/sessions/{}/sign", draft["id"])))
        .json(&json!({"version": draft["version"]}))
        .send()
        .await
        .expect("sign");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = refused.json().await.expect("problem");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["field"].as_str().expect("field"))
        .collect();
    assert_eq!(fields, ["vials", "consent_treatment"], "{problem}");
    assert!(
        problem["errors"][1]["message"]
            .as_str()
            .expect("message")
            .contains("consent to treatment must be recorded"),
        "{problem}"
    );
    assert_eq!(signed_count(&app, &physician, &patient).await, 0);

    let mut man = app::patient_json("C-2", "Nowak", "1970-01-01");
    man["sex"] = json!("male");
    man["pregnant"] = json!(true);
    let refused = physician
        .post(app.url("/api/patients"))
        .json(&man)
        .send()
        .await
        .expect("patient");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = refused.json().await.expect("problem");
    assert_eq!(problem["errors"][0]["field"], "pregnant", "{problem}");
}

/// A plan as the agreement test writes it: date, product, indication, vial units, diluent
/// mL, and rows of muscle, side, units and sites.
type Case<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a [(&'a str, &'a str, &'a str, &'a str)],
);

/// One check function: for the same patient, history and plan, `POST /api/check` (which
/// `bont check` shares: `Plan::parse` and `check`) and the session form's live verdict
/// give the same verdict and the same findings.
#[tokio::test]
async fn the_api_and_the_session_form_agree_on_every_case() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let patient = patient_for_sessions(&app, &physician).await;
    // One signed session in the history: 100 U of onabotulinumtoxinA on 2026-10-01.
    let earlier = draft(
        &app,
        &physician,
        &patient,
        session_json("2026-10-01", 100.0),
    )
    .await;
    let signed = physician
        .post(app.url(&format!("/api/sessions/{}/sign", earlier["id"])))
        .json(&json!({"version": earlier["version"], "overrides": own_overrides(&earlier)}))
        .send()
        .await
        .expect("sign");
    assert_eq!(signed.status(), StatusCode::OK);
    let facts = json!({"birth_date": "1970-01-01", "sex": "female", "weight_kg": 64.5});
    let history = json!([{"date": "2026-10-01", "product": "onabotulinumtoxinA",
                          "indication": "cervical_dystonia", "total_units": 100}]);
    // (date, product, indication, vial, diluent, rows: muscle, side, units, sites)
    let cases: [Case; 6] = [
        (
            "2026-11-20",
            "onabotulinumtoxinA",
            "cervical_dystonia",
            "100",
            "2",
            &[("splenius_capitis", "left", "50", "2")],
        ),
        (
            "2026-10-20",
            "onabotulinumtoxinA",
            "cervical_dystonia",
            "100",
            "2",
            &[("sternocleidomastoid", "both", "60", "2")],
        ),
        (
            "2026-11-20",
            "onabotulinumtoxinA",
            "upper_limb_spasticity",
            "200",
            "4",
            &[("biceps_brachii", "left", "350", "4")],
        ),
        (
            "2026-11-20",
            "incobotulinumtoxinA",
            "upper_limb_spasticity",
            "100",
            "2",
            &[
                ("biceps_brachii", "left", "250", "4"),
                ("brachialis", "left", "160", "2"),
            ],
        ),
        (
            "2026-11-20",
            "rimabotulinumtoxinB",
            "cervical_dystonia",
            "5000",
            "0",
            &[("splenius_capitis", "left", "6000", "4")],
        ),
        (
            "2026-09-15",
            "abobotulinumtoxinA",
            "cervical_dystonia",
            "500",
            "1",
            &[("splenius_capitis", "right", "500", "2")],
        ),
    ];
    for (date, product, indication, vial, diluent, rows) in cases {
        let injections: Vec<Value> = rows
            .iter()
            .map(|(m, s, u, n)| json!({"muscle": m, "side": s, "units": u.parse::<f64>().expect("units"), "sites": n.parse::<u32>().expect("sites")}))
            .collect();
        let api: Value = physician
            .post(app.url("/api/check"))
            .json(&json!({"patient": facts, "history": history, "session": {
                "date": date, "product": product, "indication": indication,
                "vial_units": vial.parse::<f64>().expect("vial"),
                "diluent_ml": diluent.parse::<f64>().expect("diluent"),
                "injections": injections}}))
            .send()
            .await
            .expect("check")
            .json()
            .await
            .expect("json");
        let mut form = session_form(date, rows);
        for (key, value) in [
            ("product", product),
            ("indication", indication),
            ("vial_units", vial),
            ("diluent_ml", diluent),
        ] {
            if let Some(field) = form.iter_mut().find(|(k, _)| *k == key) {
                field.1 = value.to_owned();
            }
        }
        let fragment = physician
            .post(app.url(&format!(
                "{}/sessions/verdict",
                patient.replace("/api/patients", "/patients")
            )))
            .form(&form)
            .send()
            .await
            .expect("verdict")
            .text()
            .await
            .expect("body");
        let verdict = api["verdict"].as_str().expect("verdict");
        assert!(
            fragment.starts_with(&format!(
                "<section id=\"verdict\" class=\"verdict {verdict}\""
            )),
            "{date} {product}: the API says {verdict}; the form: {fragment}"
        );
        let mut api_codes: Vec<String> = api["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    f["severity"].as_str().expect("severity"),
                    f["code"].as_str().expect("code")
                )
            })
            .collect();
        let mut form_codes: Vec<String> = fragment
            .split("<li class=\"")
            .skip(1)
            .filter_map(|item| {
                let severity = item.split('"').next()?;
                let code = item.split("<strong title=\"").nth(1)?.split('"').next()?;
                Some(format!("{severity} {code}"))
            })
            .collect();
        api_codes.sort();
        form_codes.sort();
        assert_eq!(api_codes, form_codes, "{date} {product} {indication}");
        assert!(!api_codes.is_empty() || verdict == "ok");
    }
}

/// A possible duplicate (the same date of birth and a family name that reads the same, in
/// any script) is pointed out with a link when a patient is created; it is not a block.
#[tokio::test]
async fn a_possible_duplicate_patient_is_pointed_out() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let first = patient_named(&app, &nurse, "D-1", "Nowak").await;
    let create = |number: &'static str, family: &'static str, birth: &'static str| {
        let mut body = app::patient_json(number, family, birth);
        body["conditions"] = json!([]);
        body["medications"] = json!([]);
        nurse.post(app.url("/api/patients")).json(&body).send()
    };
    let cyrillic = create("D-2", "Новак", "1970-01-01").await.expect("create");
    assert_eq!(cyrillic.status(), StatusCode::CREATED, "not a block");
    let cyrillic: Value = cyrillic.json().await.expect("json");
    assert_eq!(cyrillic["possible_duplicates"], json!([first]));
    let other_day: Value = create("D-3", "Nowak", "1971-01-01")
        .await
        .expect("create")
        .json()
        .await
        .expect("json");
    assert!(
        other_day.get("possible_duplicates").is_none(),
        "{other_day}"
    );
    let other_name: Value = create("D-4", "Kowalski", "1970-01-01")
        .await
        .expect("create")
        .json()
        .await
        .expect("json");
    assert!(
        other_name.get("possible_duplicates").is_none(),
        "{other_name}"
    );
    let page = nurse
        .get(app.url(&format!("/patients/{}", cyrillic["id"])))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    let id = first.rsplit('/').next().expect("id");
    assert!(
        page.contains("Possibly the same person")
            && page.contains(&format!("<a href=\"/patients/{id}\">")),
        "{page}"
    );
}
