//! One error type for every handler, rendered by context: a translated HTML page for the
//! clinic's screens, an RFC 9457 problem document under `/api`. Internal causes are
//! logged once and never shown.

use crate::auth::{AuthSession, SessionUser};
use crate::i18n::Tr;
use crate::state::AppState;
use askama::Template;
use axum::extract::Request;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use bont_core::FieldErrors;
use bont_core::safety::plan::PlanErrors;
use bont_db::StoreError;
use serde_json::json;

#[derive(Debug, Clone, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("not logged in")]
    Unauthenticated,
    /// The request could not be decoded (bad JSON, a form that is not a form).
    #[error("malformed request: {0}")]
    Malformed(String),
    #[error("request body too large")]
    TooLarge,
    /// A body that is not in the format the route reads (JSON under `/api`).
    #[error("unsupported media type")]
    WrongMediaType,
    /// Decoded, but fields are wrong.
    #[error("invalid: {0}")]
    Invalid(FieldErrors),
    /// A treatment plan naming unknown things or impossible values.
    #[error("invalid plan: {0}")]
    InvalidPlan(PlanErrors),
    /// Someone else changed the record since it was read.
    #[error("conflict")]
    Conflict,
    /// The record's state does not allow this (signing a signed session): a code of
    /// `bont_db::WRONG_STATES`, worded by `state-<code>`.
    #[error("wrong state: {0}")]
    WrongState(&'static str),
    /// A state-changing form without this session's token: expired, or sent from
    /// another site.
    #[error("form token missing or wrong")]
    FormExpired,
    /// Too much at once (password checks queued full): try again in a moment.
    #[error("busy")]
    Busy,
    /// The storage cannot do the work just now (locked, full, damaged): nothing was
    /// saved, and the page says what to do.
    #[error("storage unavailable: {0:?}")]
    Unavailable(bont_db::Unavailable),
    /// A fault of ours; the cause is logged, not shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::FormExpired => StatusCode::FORBIDDEN,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Malformed(_) => StatusCode::BAD_REQUEST,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::WrongMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Invalid(_) | AppError::InvalidPlan(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict | AppError::WrongState(_) => StatusCode::CONFLICT,
            AppError::Busy | AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn message_id(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-not-found",
            AppError::Forbidden => "error-forbidden",
            AppError::Unauthenticated => "error-unauthenticated",
            AppError::Malformed(_) => "error-malformed",
            AppError::TooLarge => "error-too-large",
            AppError::WrongMediaType => "error-media-type",
            AppError::Invalid(_) | AppError::InvalidPlan(_) => "error-invalid",
            AppError::Conflict => "error-conflict",
            AppError::WrongState(_) => "error-wrong-state",
            AppError::FormExpired => "error-form-expired",
            AppError::Busy => "error-busy",
            AppError::Unavailable(bont_db::Unavailable::Locked) => "error-storage-locked",
            AppError::Unavailable(bont_db::Unavailable::Full) => "error-storage-full",
            AppError::Unavailable(bont_db::Unavailable::Damaged) => "error-storage-damaged",
            AppError::Internal(_) => "error-internal",
        }
    }

    /// How many seconds to wait before trying again, when it is worth it.
    fn retry_after(&self) -> Option<&'static str> {
        match self {
            AppError::Busy => Some("1"),
            AppError::Unavailable(bont_db::Unavailable::Locked) => Some("5"),
            AppError::Unavailable(bont_db::Unavailable::Full) => Some("60"),
            _ => None,
        }
    }

    pub fn internal(error: impl std::fmt::Display) -> AppError {
        AppError::Internal(error.to_string())
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict => AppError::Conflict,
            StoreError::Invalid(errors) => AppError::Invalid(errors),
            StoreError::WrongState(what) => AppError::WrongState(what),
            other => match other.unavailable() {
                Some(state) => {
                    tracing::error!(cause = %other, "storage unavailable");
                    AppError::Unavailable(state)
                }
                None => AppError::internal(other),
            },
        }
    }
}

impl From<bont_app::Error> for AppError {
    fn from(error: bont_app::Error) -> Self {
        match error {
            bont_app::Error::NotFound => AppError::NotFound,
            bont_app::Error::Conflict => AppError::Conflict,
            bont_app::Error::Invalid(errors) => AppError::InvalidPlan(errors),
            bont_app::Error::InvalidFields(errors) => AppError::Invalid(errors),
            bont_app::Error::WrongState(what) => AppError::WrongState(what),
            bont_app::Error::Store(e) => AppError::from(e),
        }
    }
}

/// The response carries the error; [`render_errors`] turns it into a page or a problem
/// document once it knows where the request went and who asked.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(cause) = &self {
            tracing::error!(%cause, "request failed");
        }
        let mut response = self.status().into_response();
        response.extensions_mut().insert(self);
        response
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    tr: Tr,
    nav: Option<crate::pages::Nav>,
    title: String,
    details: Vec<String>,
}

/// Middleware: renders an [`AppError`] left in a response for its audience, and puts
/// refused access on the audit trail.
pub async fn render_errors(
    State(state): State<AppState>,
    auth: AuthSession,
    request: Request,
    next: Next,
) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let user = auth.user.clone();
    let visitor = crate::i18n::visitor_language(request.headers());
    let asked = Asked::of(&request);
    let mut response = next.run(request).await;
    let error = match response.extensions_mut().remove::<AppError>() {
        Some(error) => error,
        None if is_extractor_rejection(&response) => rejection_error(response).await,
        None => return response,
    };
    asked.record_if_denied(&state, &error, user.as_ref()).await;
    if matches!(error, AppError::Unavailable(bont_db::Unavailable::Damaged)) {
        state.db.damage_met();
    }
    let retry_after = error.retry_after();
    let mut response = render_error(error, api, user, visitor);
    if let Some(seconds) = retry_after {
        response.headers_mut().insert(
            header::RETRY_AFTER,
            header::HeaderValue::from_static(seconds),
        );
    }
    response
}

/// What a request asked for, as the audit trail names it: the method and the path,
/// never the query (a search may hold a patient's name).
struct Asked {
    method: axum::http::Method,
    path: String,
    client: String,
    with_token: bool,
}

impl Asked {
    /// The longest path kept; one request writes one bounded event.
    const PATH_MAX: usize = 200;

    fn of(request: &Request) -> Asked {
        Asked {
            method: request.method().clone(),
            path: request.uri().path().chars().take(Self::PATH_MAX).collect(),
            client: request
                .extensions()
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0.ip().to_string())
                .unwrap_or_default(),
            with_token: request.headers().contains_key(header::AUTHORIZATION),
        }
    }

    /// Refused access goes on the trail: a role's 403, a refused form token, a bad or
    /// revoked API token (401), and a logged-in user's 404 (another clinic's record, or
    /// one that does not exist). Anonymous 404s (scanners) are not kept.
    async fn record_if_denied(
        &self,
        state: &AppState,
        error: &AppError,
        user: Option<&SessionUser>,
    ) {
        let kind = match error {
            AppError::Forbidden => "forbidden",
            AppError::FormExpired => "form-token",
            AppError::Unauthenticated if self.with_token => "token",
            AppError::NotFound if user.is_some() || self.with_token => "not-found",
            _ => return,
        };
        let detail = format!(
            "{} {}: {} {}{}",
            error.status().as_u16(),
            kind,
            self.method,
            self.path,
            if self.with_token { " (API token)" } else { "" }
        );
        let event = bont_db::audit::Event {
            action: "access.denied",
            entity: None,
            entity_id: None,
            detail: &detail,
        };
        let (clinic, id) = (user.map(|u| u.clinic), user.map(|u| u.id));
        let now = state.clock.now();
        if let Err(e) = state
            .db
            .audit_event(clinic, id, &self.client, now, event)
            .await
        {
            tracing::warn!("refused access not put on the audit trail: {e}");
        }
    }
}

fn render_error(
    error: AppError,
    api: bool,
    user: Option<SessionUser>,
    visitor: bont_core::Language,
) -> Response {
    let tr = Tr::new(user.as_ref().map(|u| u.language).unwrap_or(visitor));
    let status = error.status();
    let title = tr.t(error.message_id());
    let details: Vec<String> = match &error {
        AppError::Invalid(errors) => errors.iter().map(|e| tr.field_error(e)).collect(),
        // The API answers in English (field paths and sentences); pages in the reader's
        // language.
        AppError::InvalidPlan(errors) if api => errors.0.iter().map(ToString::to_string).collect(),
        AppError::InvalidPlan(errors) => errors.0.iter().map(|e| tr.plan_error(e)).collect(),
        AppError::Malformed(detail) => vec![detail.clone()],
        AppError::WrongState(code) => {
            debug_assert!(bont_db::WRONG_STATES.contains(code), "{code} is not listed");
            vec![tr.t(&format!("state-{code}"))]
        }
        _ => Vec::new(),
    };
    if api {
        let mut body = json!({
            "type": "about:blank",
            "title": title,
            "status": status.as_u16(),
        });
        if !details.is_empty() {
            body["detail"] = json!(details.join("; "));
        }
        if let AppError::Invalid(errors) = &error {
            let errors: Vec<_> = errors
                .iter()
                .map(|e| {
                    let mut v = serde_json::to_value(e).unwrap_or_default();
                    v["message"] = json!(tr.field_error(e));
                    v
                })
                .collect();
            body["errors"] = json!(errors);
        }
        if let AppError::InvalidPlan(errors) = &error {
            let errors: Vec<_> = errors
                .0
                .iter()
                .map(|e| {
                    let mut v = serde_json::to_value(e).unwrap_or_default();
                    v["message"] = json!(tr.problem(&e.problem));
                    v
                })
                .collect();
            body["errors"] = json!(errors);
        }
        return (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body.to_string(),
        )
            .into_response();
    }
    let page = ErrorPage {
        tr,
        nav: user.as_ref().map(crate::pages::Nav::of),
        title,
        details,
    };
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(cause = %e, "error page failed to render");
            status.into_response()
        }
    }
}

/// A plain-text client error: one of axum's extractors refused the request (a query that
/// does not parse, a body over the limit) before a handler ran. Handlers never answer so.
fn is_extractor_rejection(response: &Response) -> bool {
    response.status().is_client_error()
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/plain"))
}

async fn rejection_error(response: Response) -> AppError {
    match response.status() {
        StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => AppError::WrongMediaType,
        _ => {
            let body = axum::body::to_bytes(response.into_body(), 4096)
                .await
                .unwrap_or_default();
            AppError::Malformed(String::from_utf8_lossy(&body).into_owned())
        }
    }
}

/// The answer when a handler panicked: logged with what it said, shown as a fault of
/// ours (see [`crate::app`], where the layer sits inside [`render_errors`]).
pub fn panicked(cause: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let said = cause
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| cause.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned());
    AppError::Internal(format!("a handler panicked: {said}")).into_response()
}

/// Unknown paths.
pub async fn not_found() -> AppError {
    AppError::NotFound
}
