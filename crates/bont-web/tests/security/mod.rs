//! Security over HTTP: the audit page, form tokens, API tokens and hostile input.

use crate::app::{self, TestApp};
use bont_core::Role;
use reqwest::StatusCode;

async fn text(client: &reqwest::Client, url: String) -> (StatusCode, String) {
    let response = client.get(url).send().await.expect("get");
    let status = response.status();
    (status, response.text().await.expect("body"))
}

#[tokio::test]
async fn an_admin_reads_the_audit_trail_by_filter_and_checks_its_chain() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let created = nurse
        .post(app.url("/api/patients"))
        .json(&app::patient_json("AU-1", "Zielińska", "1971-03-04"))
        .send()
        .await
        .expect("create");
    assert_eq!(created.status(), StatusCode::CREATED);
    let patient = created.headers()["location"]
        .to_str()
        .expect("location")
        .rsplit('/')
        .next()
        .expect("id")
        .to_owned();
    let read = nurse
        .get(app.url(&format!("/api/patients/{patient}")))
        .send()
        .await
        .expect("read");
    assert_eq!(read.status(), StatusCode::OK);

    let admin = app.logged_in(Role::Admin).await;
    let (status, page) = text(
        &admin,
        app.url(&format!("/audit?patient={patient}&user=nurse")),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<code>patient.create</code>"), "{page}");
    assert!(page.contains("<code>patient.read</code>"));
    // Only the nurse's events about that patient, and never the patient's name.
    assert!(!page.contains("<code>login</code>"));
    assert!(!page.contains("Zielińska"));

    let (_, page) = text(&admin, app.url("/audit?action=login")).await;
    assert!(page.contains("<code>login</code>"), "{page}");
    assert!(!page.contains("<code>patient.create</code>"));
    let (_, page) = text(&admin, app.url("/audit?from=22.11.2026")).await;
    assert!(page.contains("is not a date"), "{page}");
    let (_, page) = text(&admin, app.url("/audit?from=2026-11-23")).await;
    assert!(page.contains("No events match"), "{page}");

    let (status, page) = text(&admin, app.url("/audit/verify")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("The audit trail is intact"), "{page}");
    sqlx::query("UPDATE audit_events SET client = '10.0.0.9' WHERE action = 'patient.create'")
        .execute(app.db.pool())
        .await
        .expect("tamper");
    let (_, page) = text(&admin, app.url("/audit/verify")).await;
    assert!(page.contains("has been tampered with"), "{page}");
    assert!(page.contains("was changed after it was written"), "{page}");

    // Clinicians do not read the trail.
    let (status, _) = text(&nurse, app.url("/audit")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_form_without_the_sessions_token_changes_nothing() {
    let app = TestApp::spawn().await;
    // A browser session: the login page's token goes back with the login form.
    let browser = app.anonymous();
    let before_login = app.form_token(&browser, "/login").await;
    let login = app.post_login(&browser, "nurse", app::PASSWORD).await;
    assert_eq!(login.status(), StatusCode::SEE_OTHER);
    let token = app.form_token(&browser, "/patients/new").await;
    assert_ne!(token, before_login, "the token is replaced at login");
    let before = app.snapshot().await;

    // Another site's page makes the browser send the form: no token, or a guessed one.
    for forged in [None, Some("0".repeat(64)), Some(before_login.clone())] {
        let mut form = app::patient_form("CS-1", "Forged", "1980-01-01");
        if let Some(token) = forged {
            form.push(("csrf", token));
        }
        let response = browser
            .post(app.url("/patients"))
            .form(&form)
            .send()
            .await
            .expect("post");
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let page = response.text().await.expect("body");
        assert!(page.contains("This form has expired"), "{page}");
    }
    assert_eq!(app.snapshot().await, before);

    // The JSON API with the login cookie takes only JSON, which no other site can send.
    let plain = browser
        .post(app.url("/api/patients"))
        .header("content-type", "text/plain")
        .body(app::patient_json("CS-2", "Forged", "1980-01-01").to_string())
        .send()
        .await
        .expect("post");
    assert_eq!(plain.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(app.snapshot().await, before);

    // The page's own form, with its hidden field, goes through.
    let mut form = app::patient_form("CS-3", "Genuine", "1980-01-01");
    form.push(("csrf", token.clone()));
    let response = browser
        .post(app.url("/patients"))
        .form(&form)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();

    // Every post form of a page carries the token.
    let (_, page) = text(&browser, app.url(&location)).await;
    let post_forms = page.matches("method=\"post\"").count();
    assert!(post_forms >= 1);
    assert_eq!(
        page.matches(&format!(r#"name="csrf" value="{token}""#))
            .count(),
        post_forms,
        "{page}"
    );
}

/// Makes a token on the account page and returns its secret.
pub async fn make_token(
    app: &TestApp,
    client: &reqwest::Client,
    name: &str,
    scope: &str,
) -> String {
    let response = client
        .post(app.url("/account/tokens"))
        .form(&[("name", name), ("scope", scope)])
        .send()
        .await
        .expect("make token");
    assert_eq!(response.status(), StatusCode::CREATED);
    let page = response.text().await.expect("body");
    page.split("<code class=\"secret hash\">")
        .nth(1)
        .and_then(|rest| rest.split("</code>").next())
        .expect("the secret is shown once")
        .to_owned()
}

#[tokio::test]
async fn api_tokens_act_as_their_user_within_their_scope_until_revoked() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let reader = make_token(&app, &nurse, "Hospital record (read)", "read").await;
    let writer = make_token(&app, &nurse, "Scheduling system", "write").await;
    assert!(reader.starts_with("bont_") && reader.len() > 60);
    // Only a fingerprint is kept.
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM api_tokens WHERE secret_hash = $1")
        .bind(&reader)
        .fetch_one(app.db.pool())
        .await
        .expect("count");
    assert_eq!(stored, 0);

    let system = reqwest::Client::new();
    let call = |method: reqwest::Method, path: &str, secret: &str| {
        system
            .request(method, app.url(path))
            .bearer_auth(secret)
            .json(&app::patient_json("TK-1", "Token", "1960-05-06"))
    };
    let created = call(reqwest::Method::POST, "/api/patients", &writer)
        .send()
        .await
        .expect("create");
    assert_eq!(created.status(), StatusCode::CREATED);
    let listed = call(reqwest::Method::GET, "/api/patients", &reader)
        .send()
        .await
        .expect("list");
    assert_eq!(listed.status(), StatusCode::OK);
    let refused = call(reqwest::Method::POST, "/api/patients", &reader)
        .send()
        .await
        .expect("create");
    assert_eq!(
        refused.status(),
        StatusCode::FORBIDDEN,
        "a read token cannot write"
    );
    let wrong = call(reqwest::Method::GET, "/api/patients", "bont_0000")
        .send()
        .await
        .expect("list");
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    // A token opens the API only, not the clinic's pages.
    let page = system
        .get(app.url("/patients"))
        .bearer_auth(&writer)
        .send()
        .await
        .expect("page");
    assert!(page.url().path().starts_with("/login"), "{}", page.url());

    // The trail tells the token's calls apart from the user's own.
    let events = app
        .db
        .audit_events(&Default::default(), 100)
        .await
        .expect("audit");
    assert!(
        events
            .iter()
            .any(|e| e.action == "patient.create" && e.client.contains("(API token"))
    );

    // The role still rules: an administrator's token reads no patients.
    let admin = app.logged_in(Role::Admin).await;
    let admins = make_token(&app, &admin, "Account audit", "write").await;
    let forbidden = call(reqwest::Method::GET, "/api/patients", &admins)
        .send()
        .await
        .expect("list");
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);

    // The administrator sees every token of the clinic and revokes the nurse's writer.
    let (_, page) = text(&admin, app.url("/account/tokens")).await;
    assert!(page.contains("Scheduling system") && page.contains("Account audit"));
    let id: i64 = sqlx::query_scalar("SELECT id FROM api_tokens WHERE name = 'Scheduling system'")
        .fetch_one(app.db.pool())
        .await
        .expect("id");
    let revoked = admin
        .post(app.url(&format!("/account/tokens/{id}/revoke")))
        .send()
        .await
        .expect("revoke");
    assert_eq!(revoked.status(), StatusCode::SEE_OTHER);
    let after = call(reqwest::Method::GET, "/api/patients", &writer)
        .send()
        .await
        .expect("list");
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
    // A nurse cannot revoke somebody else's token, nor see it.
    let (_, page) = text(&nurse, app.url("/account/tokens")).await;
    assert!(!page.contains("Account audit"));
    let admin_token: i64 =
        sqlx::query_scalar("SELECT id FROM api_tokens WHERE name = 'Account audit'")
            .fetch_one(app.db.pool())
            .await
            .expect("id");
    let not_hers = nurse
        .post(app.url(&format!("/account/tokens/{admin_token}/revoke")))
        .send()
        .await
        .expect("revoke");
    assert_eq!(not_hers.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_pseudonymised_clinic_is_warned_of_identifiers_in_records() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let mut body = app::patient_json("PS-1", "", "1958-02-03");
    body["family_name"] = "".into();
    body["given_names"] = "".into();
    body["pseudonym"] = "CD-0042".into();
    body["notes"] = "Daughter: ewa.k@example.org, tel. +48 601 222 333. DOB 03.02.1958.".into();
    let created = nurse
        .post(app.url("/api/patients"))
        .json(&body)
        .send()
        .await
        .expect("create");
    assert_eq!(created.status(), StatusCode::CREATED);
    let location = created.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let json: serde_json::Value = created.json().await.expect("json");
    assert!(
        json.get("identifier_warnings").is_none(),
        "an identified clinic is not warned"
    );
    let (_, page) = text(&nurse, app.url(&location.replace("/api", ""))).await;
    assert!(!page.contains("may identify the patient"));

    // The administrator switches the clinic to pseudonymised working.
    let admin = app.logged_in(Role::Admin).await;
    let saved = admin
        .post(app.url("/clinic"))
        .form(&[("pseudonymised", "true")])
        .send()
        .await
        .expect("settings");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, settings) = text(&admin, app.url("/clinic")).await;
    assert!(settings.contains("checked"), "{settings}");

    let json: serde_json::Value = nurse
        .get(app.url(&location))
        .send()
        .await
        .expect("read")
        .json()
        .await
        .expect("json");
    let kinds: Vec<&str> = json["identifier_warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| w["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["email", "birth_date", "phone"], "{json}");
    let (_, page) = text(&nurse, app.url(&location.replace("/api", ""))).await;
    assert!(
        page.contains("This record may identify the patient"),
        "{page}"
    );
    assert!(
        page.contains("Notes: an e-mail address “ewa.k@example.org”"),
        "{page}"
    );
    // A warning, not a block: the record is kept as written.
    assert!(page.contains("ewa.k@example.org, tel. +48 601 222 333"));
    let changed = app
        .db
        .audit_events(&Default::default(), 50)
        .await
        .expect("audit")
        .into_iter()
        .any(|e| e.action == "clinic.settings" && e.detail.starts_with("pseudonymised"));
    assert!(changed);
}

fn concrete(path: &str) -> String {
    path.replace("{id}", "1").replace("{file}", "style.css")
}

/// Bodies nobody should send: too big, too deep, not UTF-8, not the format.
fn hostile_bodies(api: bool) -> Vec<(&'static str, Vec<u8>)> {
    let deep = format!("{}1{}", "[".repeat(20_000), "]".repeat(20_000));
    let deep_object = format!("{}{}", r#"{"a":"#.repeat(5_000), "}".repeat(5_000));
    let mut bodies = vec![
        ("oversize", vec![b'a'; bont_web::BODY_LIMIT + 1]),
        ("invalid UTF-8", vec![0xff, 0xfe, b'{', 0xc3, 0x28, b'}']),
        ("empty", Vec::new()),
        ("deep array", deep.into_bytes()),
        ("deep object", deep_object.into_bytes()),
        ("NUL bytes", b"\0\0\0".to_vec()),
    ];
    if !api {
        bodies.push(("bad percent escapes", b"notes=%ZZ%FF%C3%28&date=%".to_vec()));
        bodies.push((
            "repeated fields",
            b"date=1&date=2&units=x&units=".repeat(500),
        ));
    }
    bodies
}

#[tokio::test]
async fn hostile_bodies_on_every_route_get_a_clear_answer_and_never_a_500() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    // Something to point the ids at.
    let created = physician
        .post(app.url("/api/patients"))
        .json(&app::patient_json("HB-1", "Hostile", "1966-06-06"))
        .send()
        .await
        .expect("create");
    assert_eq!(created.status(), StatusCode::CREATED);
    let before = app.snapshot().await;
    let table = bont_web::routes::table();
    for route in table.routes() {
        // Logging out would end the test's login.
        if route.method == reqwest::Method::GET || route.path == "/logout" {
            continue;
        }
        let api = route.path.starts_with("/api/");
        for (what, body) in hostile_bodies(api) {
            let response = physician
                .request(route.method.clone(), app.url(&concrete(route.path)))
                .header(
                    "content-type",
                    if api {
                        "application/json"
                    } else {
                        "application/x-www-form-urlencoded"
                    },
                )
                .body(body)
                .send()
                .await
                .expect("request");
            let status = response.status();
            assert!(
                status.is_client_error() || status.is_redirection() || status.is_success(),
                "{} {} with {what}: {status}",
                route.method,
                route.path
            );
            if what == "oversize" && api {
                assert_eq!(
                    status,
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "{} {}",
                    route.method,
                    route.path
                );
            }
            if api {
                assert_eq!(
                    response.headers()["content-type"],
                    "application/problem+json",
                    "{} {} with {what}",
                    route.method,
                    route.path
                );
            }
        }
    }
    assert_eq!(app.snapshot().await, before, "nothing hostile was stored");
    // A query string that does not parse is a problem document too.
    let bad_query = physician
        .get(app.url("/api/patients?page=first&per_page=%FF"))
        .send()
        .await
        .expect("list");
    assert_eq!(bad_query.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        bad_query.headers()["content-type"],
        "application/problem+json"
    );
}

#[tokio::test]
async fn script_and_sql_in_every_text_field_are_kept_as_text_and_shown_escaped() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let attacks = [
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "'; DROP TABLE patients; --",
        "Robert'); DELETE FROM audit_events WHERE ('1'='1",
    ];
    let text_fields = [
        "record_number",
        "family_name",
        "given_names",
        "pseudonym",
        "phone",
        "email",
        "address",
        "notes",
    ];
    let mut shown = 0;
    for (n, field) in text_fields.iter().enumerate() {
        for (a, attack) in attacks.iter().enumerate() {
            let mut body = app::patient_json(&format!("INJ-{n}-{a}"), "Nowak", "1970-01-01");
            body[*field] = format!("{attack}{n}{a}").into();
            let response = nurse
                .post(app.url("/api/patients"))
                .json(&body)
                .send()
                .await
                .expect("create");
            let status = response.status();
            assert!(
                status == StatusCode::CREATED || status == StatusCode::UNPROCESSABLE_ENTITY,
                "{field} = {attack}: {status}"
            );
            if status == StatusCode::UNPROCESSABLE_ENTITY {
                let problem: serde_json::Value = response.json().await.expect("problem");
                assert_eq!(problem["errors"][0]["field"], *field, "{problem}");
                continue;
            }
            let location = response.headers()["location"]
                .to_str()
                .expect("location")
                .replace("/api", "");
            let (_, page) = text(&nurse, app.url(&location)).await;
            assert!(!page.contains(attack), "{field}: {attack} shown unescaped");
            shown += 1;
        }
    }
    assert!(
        shown >= 20,
        "most attacks are plain text the record keeps: {shown}"
    );
    // The tables are all there, the trail intact, and searching with SQL finds nothing odd.
    let (status, _) = text(&nurse, app.url("/patients?q=%27%20OR%201%3D1%20--")).await;
    assert_eq!(status, StatusCode::OK);
    let chain = app.db.verify_audit_chain(None).await.expect("verify");
    assert!(chain.is_intact());
    let patients: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM patients")
        .fetch_one(app.db.pool())
        .await
        .expect("count");
    assert_eq!(patients as usize, shown);
}

/// The page to go to after logging in is a path of this site, read as a browser reads it:
/// a tab, a backslash or a line break in it never sends the browser elsewhere, and never
/// answers 500.
#[tokio::test]
async fn the_next_page_after_log_in_stays_on_this_site() {
    let app = TestApp::spawn().await;
    let visitor = app.anonymous();
    for next in [
        "/%09/evil.example",
        "/%5C/evil.example",
        "//evil.example",
        "/%0D%0ASet-Cookie:%20x=1",
        "/a%00b",
    ] {
        let page = visitor
            .get(app.url(&format!("/login?next={next}")))
            .send()
            .await
            .expect("login page");
        assert_eq!(page.status(), StatusCode::OK, "{next}");
        let body = page.text().await.expect("body");
        assert!(
            body.contains(r#"<input type="hidden" name="next" value="/">"#),
            "{next}: {body}"
        );
    }
    let page = visitor
        .get(app.url("/login?next=/patients%3Fq%3Dnowak"))
        .send()
        .await
        .expect("login page")
        .text()
        .await
        .expect("body");
    assert!(
        page.contains(r#"name="next" value="/patients?q=nowak""#),
        "a path of this site is kept: {page}"
    );
}

/// Pages and API answers (patient data, one-time passwords, new tokens) are never kept by a
/// cache; the static files may be.
#[tokio::test]
async fn pages_and_answers_are_not_cached() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    for path in ["/patients", "/api/patients", "/worklist", "/login"] {
        let response = nurse.get(app.url(path)).send().await.expect("get");
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
        assert!(
            response
                .headers()
                .get("strict-transport-security")
                .is_none(),
            "plain HTTP in tests"
        );
    }
    let style = nurse
        .get(app.url("/static/style.css"))
        .send()
        .await
        .expect("css");
    assert_eq!(style.status(), StatusCode::OK);
    assert_eq!(style.headers()["cache-control"], "public, max-age=3600");
}

/// Refused access is on the audit trail: a role's 403, another clinic's record (404), a
/// bad API token (401) and a form without its token; each request writes one event, and
/// the query (which may hold a name) is not kept.
#[tokio::test]
async fn refused_access_is_on_the_audit_trail() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let created: serde_json::Value = nurse
        .post(app.url("/api/patients"))
        .json(&crate::app::patient_json("R-1", "Nowak", "1970-02-03"))
        .send()
        .await
        .expect("create")
        .json()
        .await
        .expect("json");
    let id = created["id"].as_i64().expect("id");
    let denied = |app: &TestApp| {
        let pool = app.db.pool().clone();
        async move {
            sqlx::query_scalar::<_, String>(
                "SELECT detail FROM audit_events WHERE action = 'access.denied' ORDER BY id",
            )
            .fetch_all(&pool)
            .await
            .expect("events")
        }
    };
    assert!(denied(&app).await.is_empty());

    let forbidden = nurse
        .get(app.url("/audit?user=physician"))
        .send()
        .await
        .expect("audit");
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
    let elsewhere = app.logged_in_elsewhere(Role::Physician).await;
    let other = elsewhere
        .get(app.url(&format!("/patients/{id}")))
        .send()
        .await
        .expect("patient");
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    let bad_token = reqwest::Client::new()
        .get(app.url("/api/patients?q=Nowak"))
        .bearer_auth("not-a-token")
        .send()
        .await
        .expect("api");
    assert_eq!(bad_token.status(), StatusCode::UNAUTHORIZED);
    let no_form_token = app.anonymous();
    app.post_login(&no_form_token, "physician", crate::app::PASSWORD)
        .await;
    let refused = no_form_token
        .post(app.url("/patients"))
        .form(&crate::app::patient_form("R-2", "Kowal", "1970-01-01"))
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    let events = denied(&app).await;
    assert_eq!(
        events,
        vec![
            "403 forbidden: GET /audit".to_owned(),
            format!("404 not-found: GET /patients/{id}"),
            "401 token: GET /api/patients (API token)".to_owned(),
            "403 form-token: POST /patients".to_owned(),
        ]
    );
    assert!(events.iter().all(|e| !e.contains("Nowak")));
}

/// One plan cannot hold the server: past 100 injection rows it is refused whole, and a
/// muscle "name" longer than any muscle's is not searched for. While such plans are
/// checked, the health check answers.
#[tokio::test]
async fn a_plan_too_large_to_be_real_is_refused_without_holding_the_server() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let plan = |rows: usize, name: &str| {
        let injections: Vec<_> = (0..rows)
            .map(|n| {
                serde_json::json!({"muscle": format!("{name} {n}"), "side": "left", "units": 5, "sites": 1})
            })
            .collect();
        serde_json::json!({
            "patient": {"birth_date": "1984-03-02", "weight_kg": 64.0},
            "session": {"date": "2026-11-22", "product": "onabotulinumtoxinA", "indication": "cervical_dystonia",
                        "vial_units": 100, "diluent_ml": 2.0, "injections": injections}
        })
    };
    let many = plan(3_400, "unknown muscle");
    let size = many.to_string().len();
    assert!(size > 150 * 1024 && size < bont_web::BODY_LIMIT, "{size}");
    let long_name = "word ".repeat(500);
    let long = plan(100, &long_name);
    let check = |body: serde_json::Value| {
        let physician = physician.clone();
        let url = app.url("/api/check");
        async move {
            let response = physician.post(url).json(&body).send().await.expect("check");
            let status = response.status();
            let problem: serde_json::Value = response.json().await.expect("problem");
            (status, problem)
        }
    };
    let health = async {
        let mut answers = Vec::new();
        for _ in 0..5 {
            answers.push(
                reqwest::get(app.url("/health"))
                    .await
                    .expect("health")
                    .status(),
            );
        }
        answers
    };
    let ((many_status, many_problem), (long_status, long_problem), health) =
        tokio::join!(check(many), check(long), health);
    assert!(health.iter().all(|s| *s == StatusCode::OK));
    assert_eq!(many_status, StatusCode::UNPROCESSABLE_ENTITY);
    let errors = many_problem["errors"].as_array().expect("errors");
    assert!(
        errors.iter().any(|e| e["field"] == "session.injections"
            && e["message"].as_str().is_some_and(|m| m.contains("100"))),
        "{many_problem}"
    );
    assert!(
        errors.len() < 10,
        "the rows past the limit are not read: {}",
        errors.len()
    );
    assert_eq!(long_status, StatusCode::UNPROCESSABLE_ENTITY);
    let errors = long_problem["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 100);
    assert!(
        errors
            .iter()
            .all(|e| e["candidates"].as_array().is_some_and(|c| c.is_empty())
                || e["problem"]["candidates"]
                    .as_array()
                    .is_some_and(|c| c.is_empty())),
        "{}",
        errors[0]
    );
}

/// The administrator reads the trail by record numbers and kinds of change: what a
/// clinician searched for stays hidden from them; each clinic's administrator sees the
/// failed log-ins at their own clinic's user names, and nobody else's.
#[tokio::test]
async fn the_audit_page_keeps_patient_data_from_the_administrator() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let created = nurse
        .post(app.url("/api/patients"))
        .json(&crate::app::patient_json("S-1", "Zielińska", "1970-02-03"))
        .send()
        .await
        .expect("create");
    assert_eq!(created.status(), StatusCode::CREATED);
    let searched = nurse
        .get(app.url("/patients?q=Zieli%C5%84ska"))
        .send()
        .await
        .expect("search");
    assert_eq!(searched.status(), StatusCode::OK);
    for name in ["physician", "nobody.here"] {
        let failed = app
            .post_login(&app.anonymous(), name, "a wrong guess")
            .await;
        assert_eq!(failed.status(), StatusCode::UNAUTHORIZED);
    }
    let admin = app.logged_in(Role::Admin).await;
    let (status, page) = text(&admin, app.url("/audit")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("patient.search"),
        "the search is on the trail"
    );
    assert!(!page.contains("Zieli"), "but not what was searched for");
    assert!(page.contains("(patient data, shown to clinicians)"));
    assert!(page.contains("login.failed"));
    assert!(
        page.contains("<bdi>physician</bdi>"),
        "a failed log-in at this clinic's name"
    );
    assert!(
        !page.contains("nobody.here"),
        "one at an unknown name is no clinic's"
    );

    let other_admin = app.logged_in_elsewhere(Role::Admin).await;
    let (_, other) = text(&other_admin, app.url("/audit")).await;
    assert!(
        !other.contains("<code>login.failed</code>"),
        "not the other clinic's"
    );
    assert!(!other.contains("<code>patient.search</code>"));
}
