//! API tokens on the user's own account: made for another system (a hospital EHR, a
//! research export), shown once, revocable. An administrator also sees and revokes the
//! tokens of everyone in the clinic.

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::form::HtmlForm;
use crate::i18n::Tr;
use crate::pages::{Nav, render, render_with};
use crate::state::AppState;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use bont_core::Capability;
use bont_core::user::{NewToken, TokenInput, TokenScope};
use bont_db::api_tokens::TokenRow;

/// A new secret: a recognisable prefix and 256 random bits.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    format!("bont_{}", hex::encode(bytes))
}

struct Scope {
    id: &'static str,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "account/tokens.html")]
struct TokensPage {
    tr: Tr,
    nav: Option<Nav>,
    tokens: Vec<TokenRow>,
    everyone: bool,
    input: TokenInput,
    errors: Vec<String>,
    scopes: Vec<Scope>,
    secret: Option<String>,
}

async fn page(
    state: &AppState,
    me: &CurrentUser,
    input: TokenInput,
    errors: Vec<String>,
    secret: Option<String>,
) -> Result<TokensPage, AppError> {
    let tr = me.tr();
    let everyone = me.user.role.allows(Capability::ManageUsers);
    let tokens = state
        .db
        .api_tokens(me.user.clinic, (!everyone).then_some(me.user.id))
        .await?;
    let scopes = TokenScope::ALL
        .into_iter()
        .map(|s| Scope {
            id: s.id(),
            label: tr.t(&format!("token-scope-{}", s.id())),
            selected: input.scope == s.id(),
        })
        .collect();
    Ok(TokensPage {
        nav: Some(Nav::of(&me.user)),
        tokens,
        everyone,
        input,
        errors,
        scopes,
        secret,
        tr,
    })
}

pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
) -> Result<Html<String>, AppError> {
    let input = TokenInput {
        name: String::new(),
        scope: TokenScope::Read.id().into(),
    };
    render(&page(&state, &me, input, Vec::new(), None).await?)
}

pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    HtmlForm(input): HtmlForm<TokenInput>,
) -> Result<Response, AppError> {
    let token = match NewToken::parse(&input) {
        Ok(token) => token,
        Err(errors) => {
            let tr = me.tr();
            let messages = errors.iter().map(|e| tr.field_error(e)).collect();
            let page = page(&state, &me, input, messages, None).await?;
            return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let secret = new_secret();
    state
        .db
        .create_api_token(&me.actor(&state), &token, &secret)
        .await?;
    let page = page(&state, &me, TokenInput::default(), Vec::new(), Some(secret)).await?;
    render_with(StatusCode::CREATED, &page)
}

pub async fn revoke(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let any_user = me.user.role.allows(Capability::ManageUsers);
    state
        .db
        .revoke_api_token(&me.actor(&state), id, any_user)
        .await?;
    Ok(Redirect::to("/account/tokens").into_response())
}
