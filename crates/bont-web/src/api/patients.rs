//! `/api/patients`: list and search, create, read, change.

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::form::ApiJson;
use crate::pages::patients::parse_patient_id;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use bont_core::patient::{PatientInput, PatientRecord};
use bont_db::patients::{PatientQuery, StoredPatient};
use serde::{Deserialize, Serialize};

/// A patient as the API returns it.
#[derive(Debug, Serialize)]
pub struct PatientBody {
    pub id: i64,
    pub version: i64,
    #[serde(flatten)]
    pub record: PatientRecord,
    pub updated_at: String,
    /// In a pseudonymised clinic: what in the record looks like an identifier.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identifier_warnings: Vec<bont_core::identifiers::IdentifierWarning>,
    /// Other patients who may be the same person (same birth date, a family name that
    /// reads the same in any script), as API addresses; a hint, not a refusal.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub possible_duplicates: Vec<String>,
}

impl From<StoredPatient> for PatientBody {
    fn from(p: StoredPatient) -> Self {
        PatientBody {
            id: p.id.get(),
            version: p.version,
            record: p.record,
            updated_at: p.updated_at,
            identifier_warnings: Vec::new(),
            possible_duplicates: Vec::new(),
        }
    }
}

impl PatientBody {
    /// The body of one record, with its identifier warnings when the clinic is
    /// pseudonymised.
    async fn of(state: &AppState, me: &CurrentUser, p: StoredPatient) -> Result<Self, AppError> {
        let duplicates = state.possible_duplicates(&me.actor(state), &p).await?;
        let mut body = PatientBody::from(p);
        body.possible_duplicates = duplicates
            .iter()
            .map(|id| format!("/api/patients/{id}"))
            .collect();
        if state.db.clinic(me.user.clinic).await?.pseudonymised {
            body.identifier_warnings = body.record.identifier_warnings();
        }
        Ok(body)
    }
}

#[derive(Debug, Serialize)]
pub struct PatientList {
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub patients: Vec<PatientBody>,
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    page: Option<i64>,
    per_page: Option<i64>,
}

pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
    Query(query): Query<ListQuery>,
) -> Result<Json<PatientList>, AppError> {
    let found = state
        .db
        .search_patients(
            &me.actor(&state),
            &PatientQuery::from_text(&query.q),
            query.page.unwrap_or(1),
            query.per_page.unwrap_or(crate::pages::patients::PER_PAGE),
        )
        .await?;
    Ok(Json(PatientList {
        total: found.total,
        page: found.page,
        per_page: found.per_page,
        patients: found.patients.into_iter().map(PatientBody::from).collect(),
    }))
}

pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    headers: axum::http::HeaderMap,
    ApiJson(input): ApiJson<PatientInput>,
) -> Result<Response, AppError> {
    let key = crate::api::idempotency_key(&headers)?;
    let stored = state
        .create_patient(&me.actor(&state), &input, key.as_ref())
        .await?;
    let location = format!("/api/patients/{}", stored.id);
    Ok((
        StatusCode::CREATED,
        [(axum::http::header::LOCATION, location)],
        Json(PatientBody::of(&state, &me, stored).await?),
    )
        .into_response())
}

pub async fn show(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<PatientBody>, AppError> {
    let id = parse_patient_id(&id)?;
    let stored = state.db.read_patient(&me.actor(&state), id).await?;
    Ok(Json(PatientBody::of(&state, &me, stored).await?))
}

/// A change: the whole record, and the version it was read at.
#[derive(Debug, Deserialize)]
pub struct PatientUpdate {
    version: i64,
    #[serde(flatten)]
    patient: PatientInput,
}

pub async fn update(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PatientUpdate>,
) -> Result<Json<PatientBody>, AppError> {
    let id = parse_patient_id(&id)?;
    let stored = state
        .update_patient(&me.actor(&state), id, body.version, &body.patient)
        .await?;
    Ok(Json(PatientBody::of(&state, &me, stored).await?))
}
