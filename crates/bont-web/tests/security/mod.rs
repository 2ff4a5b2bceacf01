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
