//! `POST /api/check`: the dose-safety verdict for a plan, the same function `bont check`
//! and the session form call.

use crate::error::AppError;
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use bont_core::safety::{Plan, PlanInput, check};

pub async fn check_plan(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<serde_json::Value>, AppError> {
    let is_json = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !is_json {
        return Err(AppError::WrongMediaType);
    }
    let deserializer = &mut serde_json::Deserializer::from_slice(&body);
    let input: PlanInput = serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." { "plan".to_owned() } else { path };
        AppError::Malformed(format!("{field}: {}", e.inner()))
    })?;
    let plan = Plan::parse(&input, &state.catalog, state.app.clock.today())
        .map_err(AppError::InvalidPlan)?;
    let report = check(&state.catalog, &plan);
    Ok(Json(crate::i18n::report_json(
        &report,
        &state.catalog,
        crate::i18n::Tr::new(bont_core::Language::En),
    )))
}
