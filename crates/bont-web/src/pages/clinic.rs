//! The clinic's settings, for its administrator: whether it works pseudonymised.

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::form::HtmlForm;
use crate::i18n::Tr;
use crate::pages::{Nav, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};

#[derive(Template)]
#[template(path = "clinic/settings.html")]
struct SettingsPage {
    tr: Tr,
    nav: Option<Nav>,
    name: String,
    pseudonymised: bool,
}

pub async fn settings(
    State(state): State<AppState>,
    me: CurrentUser,
) -> Result<Html<String>, AppError> {
    let clinic = state.db.clinic(me.user.clinic).await?;
    render(&SettingsPage {
        tr: me.tr(),
        nav: Some(Nav::of(&me.user)),
        name: clinic.name,
        pseudonymised: clinic.pseudonymised,
    })
}

#[derive(Debug, serde::Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    pseudonymised: Option<String>,
}

pub async fn save(
    State(state): State<AppState>,
    me: CurrentUser,
    HtmlForm(form): HtmlForm<SettingsForm>,
) -> Result<Response, AppError> {
    let pseudonymised = form.pseudonymised.is_some_and(|v| v == "true");
    state
        .db
        .set_clinic_pseudonymised(&me.actor(&state), pseudonymised)
        .await?;
    Ok(Redirect::to("/clinic").into_response())
}
