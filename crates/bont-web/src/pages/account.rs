//! The user's own account: changing the password (required after a one-time password).

use crate::auth::{AuthSession, CurrentUser};
use crate::error::AppError;
use crate::form::HtmlForm;
use crate::i18n::Tr;
use crate::pages::{Nav, render, render_with};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use bont_core::user::check_new_password;
use bont_core::{FieldErrors, Problem};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "account/password.html")]
struct PasswordPage {
    tr: Tr,
    nav: Option<Nav>,
    must_change: bool,
    errors: Vec<String>,
}

pub async fn password_form(me: CurrentUser) -> Result<Html<String>, AppError> {
    render(&PasswordPage {
        tr: me.tr(),
        nav: Some(Nav::of(&me.user)),
        must_change: me.user.must_change_password,
        errors: Vec::new(),
    })
}

#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_repeat: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    mut auth: AuthSession,
    me: CurrentUser,
    HtmlForm(form): HtmlForm<PasswordForm>,
) -> Result<Response, AppError> {
    let tr = me.tr();
    let stored = state
        .db
        .user(me.user.id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let current = form.current_password.clone();
    let hash = stored.password_hash.clone();
    let current_ok = state.passwords.verify(current, hash).await?;
    let mut errors = FieldErrors::new();
    if !current_ok {
        errors.push(
            "current_password",
            Problem::Unknown {
                value: String::new(),
            },
        );
    } else if let Err(e) = check_new_password(
        &form.password,
        &form.password_repeat,
        &[me.user.username.as_str(), me.user.display_name.as_str()],
    ) {
        errors = e;
    } else if form.password == form.current_password {
        errors.push("password", Problem::Duplicate);
    }
    if !errors.is_empty() {
        let messages = errors
            .iter()
            .map(|e| match (e.field, &e.problem) {
                ("current_password", _) => tr.t("password-current-wrong"),
                ("password", Problem::Duplicate) => tr.t("password-same-as-before"),
                _ => tr.field_error(e),
            })
            .collect();
        let page = PasswordPage {
            tr,
            nav: Some(Nav::of(&me.user)),
            must_change: me.user.must_change_password,
            errors: messages,
        };
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let password = form.password;
    let hash = state.passwords.hash(password).await?;
    state
        .db
        .set_password(&me.actor(&state), me.user.id, &hash, false)
        .await?;
    // The session is bound to the password hash: bind it to the new one.
    let updated = state
        .db
        .user(me.user.id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    auth.login(&updated.into())
        .await
        .map_err(AppError::internal)?;
    Ok(Redirect::to("/").into_response())
}
