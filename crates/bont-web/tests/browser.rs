//! The clinic's day in a real browser: Debian's Chromium, headless, against the real
//! application on a free local port. Each test leaves a screenshot of what it looked at in
//! the test output folder (`target/tmp/browser/`). Slow by nature: kept few, in a binary
//! of their own.

#[allow(dead_code)]
mod app;
mod chromium;

use app::{PASSWORD, TestApp};
use bont_core::Role;
use bont_core::user::{NewUser, UserInput};
use chromium::Browser;
use serde_json::{Value, json};
use thirtyfour::prelude::*;

/// A physician whose pages are in `language`.
async fn physician_speaking(app: &TestApp, language: &str) -> String {
    let username = format!("physician-{language}");
    let user = NewUser::parse(&UserInput {
        username: username.clone(),
        display_name: format!("A physician ({language})"),
        role: Role::Physician.id().into(),
        language: language.into(),
    })
    .expect("valid user");
    let hash = bont_web::auth::hash_password(PASSWORD).expect("hash");
    app.db
        .create_user(None, app.clinic, &user, &hash, false, app.state.clock.now())
        .await
        .expect("user");
    username
}

/// A patient with a draft cervical dystonia session whose dose the label blocks; the
/// session's page.
async fn blocked_draft(app: &TestApp) -> String {
    let nurse = app.logged_in(Role::Nurse).await;
    let mut patient = app::patient_json("B-1", "Nowak", "1970-01-01");
    patient["conditions"] = json!([]);
    patient["medications"] = json!([]);
    let created = nurse
        .post(app.url("/api/patients"))
        .json(&patient)
        .send()
        .await
        .expect("patient");
    assert_eq!(created.status(), 201);
    let patient = created.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let draft = nurse
        .post(app.url(&format!("{patient}/sessions")))
        .json(&json!({
            "date": "2026-11-20", "time": "09:30", "product": "Botox",
            "indication": "cervical_dystonia", "vial_units": 100, "diluent_ml": 2.0,
            "injections": [
                {"muscle": "sternocleidomastoid", "side": "left", "units": 120, "sites": 2, "guidance": "emg"},
                {"muscle": "splenius_capitis", "side": "both", "units": 70, "sites": 2, "guidance": "emg"},
                {"muscle": "trapezius_upper", "side": "both", "units": 60, "sites": 2, "guidance": "emg"}
            ],
            "vials": [{"lot": "C1234A", "expiry": "2027-06-30"}],
            "anaesthesia": "none", "duration_minutes": 15, "notes": ""
        }))
        .send()
        .await
        .expect("draft");
    let status = draft.status();
    let body: Value = draft.json().await.expect("json");
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["report"]["verdict"], "block", "{body}");
    format!("/sessions/{}", body["id"])
}

/// Whether the element's centre, scrolled into view, is the element itself (or inside
/// it) and not something drawn over it; the covering element's tag and class otherwise.
const COVERED: &str = r#"
    const found = [];
    for (const el of document.querySelectorAll(arguments[0])) {
        if (!el.checkVisibility()) continue; // not shown (a folded section)
        el.scrollIntoView({block: 'center'});
        const box = el.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        if (!top || !(el === top || el.contains(top))) {
            found.push((el.name || el.textContent.trim()) + ' under ' +
                (top ? top.tagName + '.' + top.className : 'nothing'));
        }
    }
    return found;
"#;

/// The form's controls whose boxes cross the verdict box's.
const OVERLAPPING_VERDICT: &str = r#"
    const verdict = document.getElementById('verdict').getBoundingClientRect();
    const found = [];
    for (const el of document.querySelectorAll('form.session-form input:not([type=hidden]), form.session-form select, form.session-form button')) {
        const box = el.getBoundingClientRect();
        if (box.width === 0) continue;
        const apart = box.right <= verdict.left || box.left >= verdict.right ||
            box.bottom <= verdict.top || box.top >= verdict.bottom;
        if (!apart) found.push(el.name || el.textContent.trim());
    }
    return found;
"#;

#[tokio::test]
async fn the_sign_button_and_override_reasons_are_never_covered_in_any_language() {
    let app = TestApp::spawn().await;
    let page = blocked_draft(&app).await;
    let browser = Browser::start().await;
    let mut covered = Vec::new();
    for language in ["en", "pl", "ru", "ar"] {
        let username = physician_speaking(&app, language).await;
        browser.log_in(&app.url(""), &username, PASSWORD).await;
        browser
            .driver
            .goto(app.url(&page))
            .await
            .expect("session page");
        let buttons = browser
            .driver
            .find_all(By::Css(
                "main form button, main form textarea, main form select",
            ))
            .await
            .expect("controls");
        assert!(buttons.len() >= 3, "the sign form has its controls");
        let found = browser
            .eval(&COVERED.replace(
                "arguments[0]",
                "'main form button, main form textarea, main form select'",
            ))
            .await;
        for item in found.as_array().expect("list") {
            covered.push(format!("{language}: {item}"));
        }
        let sign = browser
            .driver
            .find(By::Css("form[action$='/sign'] button[type=submit]"))
            .await
            .expect("sign button");
        sign.scroll_into_view().await.expect("scroll");
        browser
            .screenshot(&format!("session-sign-{language}"))
            .await;

        // The draft's form beside its live verdict: nothing of the form runs under it.
        browser
            .driver
            .goto(app.url(&format!("{page}/edit")))
            .await
            .expect("draft form");
        let found = browser.eval(&COVERED.replace(
            "arguments[0]",
            "'form.session-form input:not([type=hidden]), form.session-form select, form.session-form button'",
        ))
        .await;
        for item in found.as_array().expect("list") {
            covered.push(format!("{language} form: {item}"));
        }
        let overlapping = browser.eval(OVERLAPPING_VERDICT).await;
        for item in overlapping.as_array().expect("list") {
            covered.push(format!("{language} form: {item} overlaps the verdict"));
        }
        browser
            .screenshot(&format!("session-form-{language}"))
            .await;
        browser.driver.delete_all_cookies().await.expect("log out");
    }
    browser.close().await;
    assert!(covered.is_empty(), "covered: {covered:#?}");
}

#[tokio::test]
async fn enter_in_a_dose_field_and_the_language_switch_never_lose_what_was_typed() {
    let app = TestApp::spawn().await;
    let page = blocked_draft(&app).await;
    let browser = Browser::start().await;
    browser.log_in(&app.url(""), "physician", PASSWORD).await;
    let edit = format!("{page}/edit");
    browser.driver.goto(app.url(&edit)).await.expect("form");
    let heading = browser
        .driver
        .find(By::Css("h1"))
        .await
        .expect("heading")
        .text()
        .await
        .expect("text");
    assert!(heading.starts_with("Edit the draft"), "{heading}");
    let units = browser
        .driver
        .find(By::Css("input[name=units]"))
        .await
        .expect("units field");
    units.clear().await.expect("clear");
    units.send_keys("110").await.expect("type");
    units.send_keys(Key::Enter).await.expect("enter");
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(browser.path().await, edit, "Enter left the form");
    assert_eq!(
        browser.eval("return document.activeElement.name").await,
        "sites",
        "Enter moves on to the next field"
    );

    // The language switch asks first; kept, the entry is there.
    let polish = browser
        .driver
        .find(By::Css("form.lang-switch button[value=pl]"))
        .await
        .expect("language switch");
    polish.click().await.expect("click");
    let question = browser.driver.get_alert_text().await.expect("a question");
    assert!(question.contains("has not been saved"), "{question}");
    browser.driver.dismiss_alert().await.expect("stay");
    assert_eq!(browser.path().await, edit);
    let kept = browser
        .driver
        .find(By::Css("input[name=units]"))
        .await
        .expect("units field")
        .value()
        .await
        .expect("value");
    assert_eq!(kept.as_deref(), Some("110"));
    browser.screenshot("session-form-kept").await;
    browser.close().await;

    // Nothing was saved behind the clinician's back.
    let nurse = app.logged_in(Role::Nurse).await;
    let id = page.trim_start_matches("/sessions/");
    let stored: Value = nurse
        .get(app.url(&format!("/api/sessions/{id}")))
        .send()
        .await
        .expect("session")
        .json()
        .await
        .expect("json");
    assert_eq!(stored["version"], 1, "{stored}");
}

#[tokio::test]
async fn every_role_lands_on_its_start_page_and_clinicians_see_the_day_and_the_drafts() {
    let app = TestApp::spawn().await;
    let draft = blocked_draft(&app).await;
    let browser = Browser::start().await;
    for role in Role::ALL {
        browser.log_in(&app.url(""), role.id(), PASSWORD).await;
        assert_eq!(
            browser.path().await,
            "/",
            "{} starts at the start page",
            role.id()
        );
        let main = browser
            .driver
            .find(By::Css("main"))
            .await
            .expect("main")
            .text()
            .await
            .expect("text");
        let clinical = matches!(role, Role::Physician | Role::Nurse);
        if clinical {
            assert!(
                main.contains("Drafts awaiting a physician's signature"),
                "{main}"
            );
            assert!(main.contains("Nowak, Maria"), "{main}");
            assert!(main.contains("380 U onabotulinumtoxinA"), "{main}");
            let link = browser
                .driver
                .find(By::Css(format!("main a[href='{draft}']")))
                .await
                .expect("the draft one click away");
            assert!(link.is_displayed().await.expect("shown"));
        } else {
            assert!(!main.contains("Nowak"), "{}: {main}", role.id());
        }
        browser.screenshot(&format!("start-{}", role.id())).await;
        browser.driver.delete_all_cookies().await.expect("log out");
    }
    browser.close().await;
}
