//! The login page, and logging out.

use crate::auth::{AuthSession, ClientAddress, Credentials};
use crate::error::AppError;
use crate::form::{HtmlForm, local_path};
use crate::i18n::{Tr, visitor_language};
use crate::pages::{Nav, render, render_with};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use bont_db::audit::Event;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    tr: Tr,
    nav: Option<Nav>,
    username: String,
    next: String,
    failed: bool,
    locked: bool,
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
        tr: Tr::new(visitor_language(&auth.session, &headers).await),
        nav: None,
        username: String::new(),
        next,
        failed: false,
        locked: false,
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
    let language = visitor_language(&auth.session, &headers).await;
    let next = local_path(Some(&form.next));
    let now = state.clock.now();
    let username: String = form
        .username
        .trim()
        .to_lowercase()
        .chars()
        .take(60)
        .collect();
    let page = |failed: bool, locked: bool| LoginPage {
        tr: Tr::new(language),
        nav: None,
        username: form.username.clone(),
        next: next.clone(),
        failed,
        locked,
    };
    // After repeated failures a user name is locked for a while, so that passwords cannot
    // be guessed at speed; the lock lifts by itself or with a password reset.
    let since = now
        .checked_sub(jiff::SignedDuration::from_mins(crate::LOCKOUT_MINUTES))
        .unwrap_or(now);
    if state.db.recent_failed_logins(&username, since).await? >= crate::LOCKOUT_FAILURES {
        let event = Event {
            action: "login.locked",
            entity: None,
            entity_id: None,
            detail: &username,
        };
        state
            .db
            .audit_event(None, None, &client, now, event)
            .await?;
        return render_with(StatusCode::TOO_MANY_REQUESTS, &page(false, true));
    }
    let creds = Credentials {
        username: form.username.clone(),
        password: form.password.clone(),
    };
    let user = auth.authenticate(creds).await.map_err(AppError::internal)?;
    let Some(user) = user else {
        let event = Event {
            action: "login.failed",
            entity: None,
            entity_id: None,
            detail: &username,
        };
        state
            .db
            .audit_event(None, None, &client, now, event)
            .await?;
        return render_with(StatusCode::UNAUTHORIZED, &page(true, false));
    };
    auth.login(&user).await.map_err(AppError::internal)?;
    crate::csrf::renew(&auth.session).await?;
    let event = Event {
        action: "login",
        entity: Some("user"),
        entity_id: Some(user.id.get()),
        detail: "",
    };
    state
        .db
        .audit_event(Some(user.clinic), Some(user.id), &client, now, event)
        .await?;
    let target = if user.must_change_password {
        "/account/password"
    } else {
        next.as_str()
    };
    Ok(Redirect::to(target).into_response())
}

pub async fn logout(mut auth: AuthSession) -> Result<Redirect, AppError> {
    auth.logout().await.map_err(AppError::internal)?;
    Ok(Redirect::to("/login"))
}
