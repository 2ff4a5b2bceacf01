//! The language switch on every page: a logged-in user's choice is kept on their account,
//! a visitor's (on the login page) in a cookie (a visitor has no login session). Back to the page it was made on.

use crate::auth::{AuthSession, ClientAddress};
use crate::error::AppError;
use crate::form::HtmlForm;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use bont_core::Language;
use bont_db::Actor;

#[derive(Debug, serde::Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    language: String,
}

/// The path of the page the switch was used on (the `Referer`, sent for this site only),
/// or the start page.
fn back(headers: &HeaderMap) -> String {
    let referer = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let path = referer
        .split_once("://")
        .and_then(|(_, rest)| rest.strip_prefix(host))
        .filter(|path| path.starts_with('/'));
    crate::form::local_path(path)
}

pub async fn switch(
    State(state): State<AppState>,
    auth: AuthSession,
    ClientAddress(client): ClientAddress,
    headers: HeaderMap,
    axum::Extension(crate::csrf::SecureCookies(secure)): axum::Extension<
        crate::csrf::SecureCookies,
    >,
    HtmlForm(form): HtmlForm<LanguageForm>,
) -> Result<Response, AppError> {
    let language = Language::parse(&form.language)
        .map_err(|p| AppError::Invalid(bont_core::FieldErrors::one("language", p)))?;
    match &auth.user {
        Some(user) => {
            let actor = Actor {
                user: user.id,
                clinic: user.clinic,
                client,
                now: state.clock.now(),
            };
            state.db.set_user_language(&actor, language).await?;
            Ok(Redirect::to(&back(&headers)).into_response())
        }
        None => {
            let cookie = crate::csrf::site_cookie(
                crate::i18n::LANGUAGE_COOKIE,
                language.code().to_owned(),
                secure,
            );
            Ok((
                [(header::SET_COOKIE, cookie.to_string())],
                Redirect::to(&back(&headers)),
            )
                .into_response())
        }
    }
}
