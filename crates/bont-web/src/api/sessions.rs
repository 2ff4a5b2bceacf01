//! Treatment sessions over the JSON API: save a draft (its safety verdict comes back with
//! it), change the draft, sign (a physician, with a written reason for every blocking
//! finding), amend a signed session (a new version; the old one stays readable), void
//! with a reason. The session form calls the same functions.

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::form::ApiJson;
use crate::i18n::Tr;
use crate::pages::patients::parse_patient_id;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use bont_app::sessions::{Amendment, SessionView};
use bont_core::treatment::{Override, TreatmentInput};
use bont_core::{Language, SessionId};
use bont_db::sessions::StoredSession;
use serde::{Deserialize, Serialize};

/// A session as the API returns it, with the safety report of its present content.
#[derive(Debug, Serialize)]
pub struct SessionBody {
    #[serde(flatten)]
    pub session: StoredSession,
    /// The report, each finding with its English `message` (`i18n::report_json`).
    pub report: serde_json::Value,
}

fn parse_session_id(raw: &str) -> Result<SessionId, AppError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .map(SessionId::new)
        .ok_or(AppError::NotFound)
}

/// The answer of a use case as the API sends it.
fn body_of(state: &AppState, view: SessionView) -> SessionBody {
    SessionBody {
        report: crate::i18n::report_json(&view.report, &state.catalog, Tr::new(Language::En)),
        session: view.session,
    }
}

pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<StoredSession>>, AppError> {
    let patient = parse_patient_id(&id)?;
    let actor = me.actor(&state);
    state.db.read_patient(&actor, patient).await?;
    Ok(Json(state.db.sessions_of_patient(&actor, patient).await?))
}

pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    headers: axum::http::HeaderMap,
    ApiJson(record): ApiJson<TreatmentInput>,
) -> Result<Response, AppError> {
    let patient = parse_patient_id(&id)?;
    let key = crate::api::idempotency_key(&headers)?;
    let view = state
        .create_session(&me.actor(&state), patient, &record, key.as_ref())
        .await?;
    let location = format!("/api/sessions/{}", view.session.id);
    Ok((
        StatusCode::CREATED,
        [(axum::http::header::LOCATION, location)],
        Json(body_of(&state, view)),
    )
        .into_response())
}

pub async fn show(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<SessionBody>, AppError> {
    let id = parse_session_id(&id)?;
    Ok(Json(body_of(
        &state,
        state.session(&me.actor(&state), id).await?,
    )))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftChange {
    version: i64,
    session: TreatmentInput,
}

pub async fn update(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<DraftChange>,
) -> Result<Json<SessionBody>, AppError> {
    let id = parse_session_id(&id)?;
    let view = state
        .update_draft(&me.actor(&state), id, change.version, &change.session)
        .await?;
    Ok(Json(body_of(&state, view)))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signing {
    version: i64,
    #[serde(default)]
    overrides: Vec<Override>,
}

pub async fn sign(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(signing): ApiJson<Signing>,
) -> Result<Json<SessionBody>, AppError> {
    let id = parse_session_id(&id)?;
    let view = state
        .sign(&me.actor(&state), id, signing.version, &signing.overrides)
        .await?;
    Ok(Json(body_of(&state, view)))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmendmentBody {
    version: i64,
    reason: String,
    session: TreatmentInput,
    #[serde(default)]
    overrides: Vec<Override>,
}

pub async fn amend(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(amendment): ApiJson<AmendmentBody>,
) -> Result<Json<SessionBody>, AppError> {
    let id = parse_session_id(&id)?;
    let amendment = Amendment {
        version: amendment.version,
        reason: amendment.reason,
        session: amendment.session,
        overrides: amendment.overrides,
    };
    let view = state.amend(&me.actor(&state), id, &amendment).await?;
    Ok(Json(body_of(&state, view)))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voiding {
    version: i64,
    reason: String,
}

pub async fn void(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(voiding): ApiJson<Voiding>,
) -> Result<Json<SessionBody>, AppError> {
    let id = parse_session_id(&id)?;
    let view = state
        .void(&me.actor(&state), id, voiding.version, &voiding.reason)
        .await?;
    Ok(Json(body_of(&state, view)))
}

pub async fn versions(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<serde_json::Value>>, AppError> {
    let id = parse_session_id(&id)?;
    let actor = me.actor(&state);
    state.db.read_session(&actor, id).await?;
    Ok(Json(state.db.session_versions(&actor, id).await?))
}
