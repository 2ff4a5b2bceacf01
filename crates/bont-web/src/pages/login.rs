//! The login page, and logging out.

use crate::auth::{AuthError, AuthSession, ClientAddress, Credentials, SessionUser};
use crate::error::AppError;
use crate::form::{HtmlForm, local_path};
use crate::i18n::{Tr, visitor_language};
use crate::pages::{Nav, render, render_with};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use bont_db::audit::Event;
use bont_db::login_guard::{Guess, Refusal};
use fluent_templates::fluent_bundle::FluentValue;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    tr: Tr,
    nav: Option<Nav>,
    username: String,
    next: String,
    /// Why the last attempt did not log in, in the reader's words.
    problem: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn form(
    auth: AuthSession,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> Result<Response, AppError> {
    let next = local_path(q.next.as_deref());
    if auth.user.is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    let page = LoginPage {
        tr: Tr::new(visitor_language(&headers)),
        nav: None,
        username: String::new(),
        next,
        problem: None,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn submit(
    State(state): State<AppState>,
    mut auth: AuthSession,
    ClientAddress(client): ClientAddress,
    headers: HeaderMap,
    HtmlForm(form): HtmlForm<LoginForm>,
) -> Result<Response, AppError> {
    let tr = Tr::new(visitor_language(&headers));
    let next = local_path(Some(&form.next));
    let now = state.clock.now();
    let username: String = form
        .username
        .trim()
        .to_lowercase()
        .chars()
        .take(60)
        .collect();
    let answer = |status: StatusCode, problem: String, retry_after: Option<i64>| {
        let page = LoginPage {
            tr,
            nav: None,
            username: form.username.clone(),
            next: next.clone(),
            problem: Some(problem),
        };
        let mut response = render_with(status, &page)?;
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
        }
        Ok::<_, AppError>(response)
    };
    // A failed attempt at a user name of a clinic is that clinic's event (its
    // administrator sees it); one at an unknown name belongs to no clinic.
    let named_clinic = state
        .db
        .user_by_username(&username)
        .await?
        .map(|u| u.clinic);
    let audit = |action: &'static str, detail: String, user: Option<&SessionUser>| {
        let state = state.clone();
        let client = client.clone();
        let clinic = user.map(|u| u.clinic).or(named_clinic);
        let id = user.map(|u| u.id);
        async move {
            let event = Event {
                action,
                entity: id.map(|_| "user"),
                entity_id: id.map(|id| id.get()),
                detail: &detail,
            };
            state.db.audit_event(clinic, id, &client, now, event).await
        }
    };
    // The guess is counted before its password is checked (see bont_db::login_guard):
    // past the limits it is not checked at all.
    let guess = state
        .db
        .reserve_login_guess(&username, &client, now, crate::GUESS_LIMITS)
        .await?;
    let guess = match guess {
        Guess::Check { id } => id,
        Guess::Refused { why, retry_after } => {
            audit(
                "login.refused",
                format!("{username} ({})", why.code()),
                None,
            )
            .await?;
            let seconds = retry_after.as_secs();
            let minutes = FluentValue::from((seconds + 59) / 60);
            let problem = match why {
                Refusal::AddressAndName => tr.t_with("login-locked", &[("minutes", minutes)]),
                Refusal::Address => tr.t_with("login-address-limited", &[("minutes", minutes)]),
                Refusal::NameSlowed => tr.t_with(
                    "login-slowed",
                    &[("seconds", FluentValue::from(seconds.max(1)))],
                ),
            };
            return answer(StatusCode::TOO_MANY_REQUESTS, problem, Some(seconds));
        }
    };
    let creds = Credentials {
        username: form.username.clone(),
        password: form.password.clone(),
    };
    let user = match auth.authenticate(creds).await {
        Ok(user) => user,
        Err(axum_login::Error::Backend(AuthError::Check(AppError::Busy))) => {
            // Not checked: the guess does not count.
            state.db.release_login_guess(guess).await?;
            return answer(StatusCode::SERVICE_UNAVAILABLE, tr.t("login-busy"), Some(1));
        }
        Err(e) => return Err(AppError::internal(e)),
    };
    let Some(user) = user else {
        audit("login.failed", username, None).await?;
        return answer(StatusCode::UNAUTHORIZED, tr.t("login-failed"), None);
    };
    if one_time_password_expired(&state, &user, now).await? {
        audit("login.expired", String::new(), Some(&user)).await?;
        let hours = FluentValue::from(crate::ONE_TIME_PASSWORD_HOURS);
        let problem = tr.t_with("login-expired", &[("hours", hours)]);
        return answer(StatusCode::UNAUTHORIZED, problem, None);
    }
    if user.awaiting_confirmation {
        audit("login.unconfirmed", String::new(), Some(&user)).await?;
        return answer(
            StatusCode::FORBIDDEN,
            tr.t("login-awaiting-confirmation"),
            None,
        );
    }
    auth.login(&user).await.map_err(AppError::internal)?;
    crate::csrf::renew(&auth.session).await?;
    state
        .db
        .forget_login_guesses(&username, &client, guess)
        .await?;
    audit("login", String::new(), Some(&user)).await?;
    let target = if user.must_change_password {
        "/account/password"
    } else {
        next.as_str()
    };
    Ok(Redirect::to(target).into_response())
}

/// A one-time password (a new account's, a reset's) logs in only for
/// [`crate::ONE_TIME_PASSWORD_HOURS`] after it was made.
async fn one_time_password_expired(
    state: &AppState,
    user: &SessionUser,
    now: jiff::Timestamp,
) -> Result<bool, AppError> {
    if !user.must_change_password {
        return Ok(false);
    }
    let set_at = state
        .db
        .user(user.id)
        .await?
        .and_then(|u| u.password_set_at);
    let valid_for = jiff::SignedDuration::from_hours(crate::ONE_TIME_PASSWORD_HOURS);
    Ok(set_at.is_some_and(|at| now.duration_since(at) > valid_for))
}

pub async fn logout(mut auth: AuthSession) -> Result<Redirect, AppError> {
    auth.logout().await.map_err(AppError::internal)?;
    Ok(Redirect::to("/login"))
}
