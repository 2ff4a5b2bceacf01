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
