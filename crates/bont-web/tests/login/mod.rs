//! Logging in under attack: guesses counted before they are checked, limits by address
//! before the limit by user name, bounded password hashing, one-time passwords that
//! expire, and a new password ending every other credential.

use crate::app::{self, TestApp};
use bont_core::Role;
use bont_core::clock::SteppedClock;
use futures_util::future::join_all;
use reqwest::StatusCode;
use std::sync::Arc;

const LIMITS: bont_db::login_guard::GuessLimits = bont_web::GUESS_LIMITS;

async fn user_id(app: &TestApp, username: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM users WHERE username = $1")
        .bind(username)
        .fetch_one(app.db.pool())
        .await
        .expect("id")
}

async fn count_events(app: &TestApp, action: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE action = $1")
        .bind(action)
        .fetch_one(app.db.pool())
        .await
        .expect("count")
}

/// An administrator's reset of `username`'s password; returns the one-time password.
async fn reset(app: &TestApp, admin: &reqwest::Client, username: &str) -> String {
    let id = user_id(app, username).await;
    let page = admin
        .post(app.url(&format!("/users/{id}/reset-password")))
        .send()
        .await
        .expect("reset")
        .text()
        .await
        .expect("body");
    page.split("<code class=\"secret\">")
        .nth(1)
        .and_then(|r| r.split("</code>").next())
        .expect("the one-time password is shown")
        .to_owned()
}

fn retry_after(response: &reqwest::Response) -> Option<i64> {
    response
        .headers()
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

#[tokio::test]
async fn repeated_failed_logins_lock_the_user_name_for_a_while() {
    let app = TestApp::spawn().await;
    let attempt = |username: &'static str, password: &'static str| {
        let client = app.anonymous();
        let app = &app;
        async move { app.post_login(&client, username, password).await }
    };
    for _ in 0..LIMITS.per_address_and_name {
        assert_eq!(
            attempt("nurse", "a wrong guess").await.status(),
            StatusCode::UNAUTHORIZED
        );
    }
    let locked = attempt("nurse", app::PASSWORD).await;
    assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait = retry_after(&locked).expect("Retry-After");
    assert!(wait > 0 && wait <= 15 * 60, "{wait}");
    assert!(
        locked
            .text()
            .await
            .expect("body")
            .contains("Too many failed attempts for this user name from this computer")
    );
    assert_eq!(
        attempt("NURSE", app::PASSWORD).await.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "letter case does not dodge the lock"
    );
    assert_eq!(
        attempt("physician", app::PASSWORD).await.status(),
        StatusCode::SEE_OTHER,
        "other users are not affected"
    );
    let events = app
        .db
        .audit_events(&Default::default(), 100)
        .await
        .expect("audit");
    assert!(
        events
            .iter()
            .any(|e| e.action == "login.refused" && e.detail == "nurse (address-and-name)")
    );

    // An administrator's reset lifts the lock: the one-time password works at once.
    let admin = app.logged_in(Role::Admin).await;
    let password = reset(&app, &admin, "nurse").await;
    app.confirm_account("nurse").await;
    let back = app
        .post_login_form(
            &app.anonymous(),
            &[("username", "nurse"), ("password", password.as_str())],
        )
        .await;
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
}

/// Twenty wrong guesses sent at the same moment: each is counted before any is checked,
/// so no more than the limit are checked, and the right password, coming next, does not
/// log in.
#[tokio::test]
async fn guesses_sent_at_once_are_counted_before_they_are_checked() {
    let app = TestApp::spawn().await;
    let guesses = (0..20).map(|_| {
        let client = app.anonymous();
        let app = &app;
        async move {
            // Every client has its form token before any guess is sent.
            let token = app.form_token(&client, "/login").await;
            (client, token)
        }
    });
    let ready = join_all(guesses).await;
    let sent = ready.into_iter().map(|(client, token)| {
        let app = &app;
        async move {
            client
                .post(app.url("/login"))
                .form(&[
                    ("username", "physician"),
                    ("password", "a wrong guess"),
                    ("csrf", &token),
                ])
                .send()
                .await
                .expect("login")
                .status()
        }
    });
    let statuses = join_all(sent).await;
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count() as i64;
    assert_eq!(checked, LIMITS.per_address_and_name, "{statuses:?}");
    assert!(
        statuses
            .iter()
            .all(|s| matches!(*s, StatusCode::UNAUTHORIZED | StatusCode::TOO_MANY_REQUESTS)),
        "{statuses:?}"
    );
    assert_eq!(
        count_events(&app, "login.failed").await,
        checked,
        "every checked guess is on the audit trail"
    );
    let right = app
        .post_login(&app.anonymous(), "physician", app::PASSWORD)
        .await;
    assert_eq!(right.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(count_events(&app, "login").await, 0);
}

/// An anonymous guesser at one computer runs into the per-address limits; the owner of
/// the account, at another, logs in all the same.
#[tokio::test]
async fn a_guesser_cannot_lock_the_owner_out() {
    let app = TestApp::spawn().await;
    let guesser = [127, 0, 0, 2];
    for _ in 0..LIMITS.per_address_and_name {
        let response = app
            .post_login(&app.anonymous_from(guesser), "physician", "a wrong guess")
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let refused = app
        .post_login(&app.anonymous_from(guesser), "physician", app::PASSWORD)
        .await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let owner = app
        .post_login(
            &app.anonymous_from([127, 0, 0, 3]),
            "physician",
            app::PASSWORD,
        )
        .await;
    assert_eq!(
        owner.status(),
        StatusCode::SEE_OTHER,
        "the owner at another computer is not locked out"
    );

    // A sprayer trying many user names from one computer is stopped by the address.
    let sprayer = [127, 0, 0, 4];
    for n in 0..LIMITS.per_address {
        let response = app
            .post_login(
                &app.anonymous_from(sprayer),
                &format!("name{n}"),
                "a wrong guess",
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "guess {n}");
    }
    let stopped = app
        .post_login(&app.anonymous_from(sprayer), "nurse", app::PASSWORD)
        .await;
    assert_eq!(stopped.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(retry_after(&stopped).is_some());
    assert!(
        stopped
            .text()
            .await
            .expect("body")
            .contains("Too many failed attempts from this computer")
    );
}

/// Guesses at one user name spread over many computers are slowed to one a minute,
/// never shut off: a minute later the owner logs in.
#[tokio::test]
async fn guesses_from_many_computers_are_slowed_not_shut_off() {
    let clock = Arc::new(SteppedClock::on(jiff::civil::date(2026, 11, 22)));
    let app = TestApp::spawn_at(clock.clone()).await;
    let computers = LIMITS.per_name / LIMITS.per_address_and_name;
    for computer in 0..computers {
        let address = [127, 0, 1, computer as u8 + 1];
        for _ in 0..LIMITS.per_address_and_name {
            let response = app
                .post_login(&app.anonymous_from(address), "physician", "a wrong guess")
                .await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        }
    }
    let owner_address = [127, 0, 2, 1];
    let slowed = app
        .post_login(
            &app.anonymous_from(owner_address),
            "physician",
            app::PASSWORD,
        )
        .await;
    assert_eq!(slowed.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait = retry_after(&slowed).expect("Retry-After");
    assert!(wait > 0 && wait <= 60, "{wait}");
    assert!(
        slowed
            .text()
            .await
            .expect("body")
            .contains("slowed to one a minute")
    );
    clock.advance(jiff::SignedDuration::from_secs(61));
    let owner = app
        .post_login(
            &app.anonymous_from(owner_address),
            "physician",
            app::PASSWORD,
        )
        .await;
    assert_eq!(owner.status(), StatusCode::SEE_OTHER, "a minute later");
    // The guessers' next guess waits its minute again.
    let next_guess = app
        .post_login(
            &app.anonymous_from([127, 0, 2, 2]),
            "physician",
            "a wrong guess",
        )
        .await;
    assert_eq!(next_guess.status(), StatusCode::TOO_MANY_REQUESTS);
}

/// A one-time password logs in for 72 hours after it was made, then no longer.
#[tokio::test]
async fn one_time_passwords_expire() {
    let clock = Arc::new(SteppedClock::on(jiff::civil::date(2026, 11, 22)));
    let app = TestApp::spawn_at(clock.clone()).await;
    let admin = app.logged_in(Role::Admin).await;
    let fresh = reset(&app, &admin, "nurse").await;
    app.confirm_account("nurse").await;
    let stale = reset(&app, &admin, "physician").await;
    clock.advance(jiff::SignedDuration::from_hours(
        bont_web::ONE_TIME_PASSWORD_HOURS - 1,
    ));
    let in_time = app
        .post_login_form(
            &app.anonymous(),
            &[("username", "nurse"), ("password", &fresh)],
        )
        .await;
    assert_eq!(in_time.status(), StatusCode::SEE_OTHER);
    clock.advance(jiff::SignedDuration::from_hours(2));
    let late = app
        .post_login_form(
            &app.anonymous(),
            &[("username", "physician"), ("password", &stale)],
        )
        .await;
    assert_eq!(late.status(), StatusCode::UNAUTHORIZED);
    assert!(
        late.text()
            .await
            .expect("body")
            .contains("This one-time password has expired")
    );
    assert_eq!(count_events(&app, "login.expired").await, 1);
    // A new reset gives a password that works.
    let again = reset(&app, &admin, "physician").await;
    let now_in = app
        .post_login_form(
            &app.anonymous(),
            &[("username", "physician"), ("password", &again)],
        )
        .await;
    assert_eq!(now_in.status(), StatusCode::SEE_OTHER);
}

/// A password change or an administrator's reset ends the account's API tokens.
#[tokio::test]
async fn a_new_password_ends_the_accounts_tokens() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let secret = crate::security::make_token(&app, &physician, "scripts", "read").await;
    let with_token = |secret: String| {
        let app = &app;
        async move {
            reqwest::Client::new()
                .get(app.url("/api/patients"))
                .bearer_auth(secret)
                .send()
                .await
                .expect("api")
                .status()
        }
    };
    assert_eq!(with_token(secret.clone()).await, StatusCode::OK);
    let admin = app.logged_in(Role::Admin).await;
    reset(&app, &admin, "physician").await;
    assert_eq!(
        with_token(secret).await,
        StatusCode::UNAUTHORIZED,
        "the reset revoked the token"
    );
    let trail: String = sqlx::query_scalar(
        "SELECT detail FROM audit_events WHERE action = 'user.password' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(app.db.pool())
    .await
    .expect("event");
    assert!(
        trail.starts_with("reset; 1 API token(s) revoked"),
        "{trail}"
    );

    // The account's own change does the same.
    let nurse = app.logged_in(Role::Nurse).await;
    let secret = crate::security::make_token(&app, &nurse, "scripts", "read").await;
    assert_eq!(with_token(secret.clone()).await, StatusCode::OK);
    let changed = nurse
        .post(app.url("/account/password"))
        .form(&[
            ("current_password", app::PASSWORD),
            ("password", "violet kettle under the pier"),
            ("password_repeat", "violet kettle under the pier"),
        ])
        .send()
        .await
        .expect("change");
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    assert_eq!(with_token(secret).await, StatusCode::UNAUTHORIZED);
}

/// A new password that is among the common ones, or as easily guessed, is refused with
/// the reason; nothing changes.
#[tokio::test]
async fn an_easily_guessed_new_password_is_refused() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    let page = nurse
        .post(app.url("/account/password"))
        .form(&[
            ("current_password", app::PASSWORD),
            ("password", "qwerty123456"),
            ("password_repeat", "qwerty123456"),
        ])
        .send()
        .await
        .expect("change");
    assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.text()
            .await
            .expect("body")
            .contains("is among the common passwords or as easily guessed")
    );
    assert_eq!(count_events(&app, "user.password").await, 0);
}

/// More log-ins at once than the password threads and their queue hold: the rest are
/// answered "busy" at once, with Retry-After, and the server keeps answering.
#[tokio::test]
async fn log_ins_beyond_the_hashing_queue_are_told_to_come_back() {
    let app = TestApp::spawn().await;
    let ready = join_all((0..40u8).map(|n| {
        let client = app.anonymous_from([127, 0, 3, n + 1]);
        let app = &app;
        async move {
            let token = app.form_token(&client, "/login").await;
            (client, token, n)
        }
    }))
    .await;
    let health = async {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        reqwest::get(app.url("/health"))
            .await
            .expect("health")
            .status()
    };
    let sent = join_all(ready.into_iter().map(|(client, token, n)| {
        let app = &app;
        async move {
            let response = client
                .post(app.url("/login"))
                .form(&[
                    ("username", format!("someone{n}")),
                    ("password", "a wrong guess".to_owned()),
                    ("csrf", token),
                ])
                .send()
                .await
                .expect("login");
            (response.status(), retry_after(&response))
        }
    }));
    let (answers, health) = tokio::join!(sent, health);
    assert_eq!(health, StatusCode::OK);
    let busy: Vec<_> = answers
        .iter()
        .filter(|(status, _)| *status == StatusCode::SERVICE_UNAVAILABLE)
        .collect();
    assert!(!busy.is_empty(), "{answers:?}");
    assert!(busy.iter().all(|(_, wait)| *wait == Some(1)));
    assert!(
        answers.iter().all(|(status, _)| matches!(
            *status,
            StatusCode::UNAUTHORIZED | StatusCode::SERVICE_UNAVAILABLE
        )),
        "{answers:?}"
    );
    // A busy answer was not counted as a guess.
    let counted: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM login_guesses")
        .fetch_one(app.db.pool())
        .await
        .expect("count");
    assert_eq!(counted as usize, answers.len() - busy.len());
}
