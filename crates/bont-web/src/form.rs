//! Decoding request bodies: HTML forms (with repeated fields for checkbox lists) and
//! JSON, each failure mapped to a clear [`AppError`].

use crate::error::AppError;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

/// An `application/x-www-form-urlencoded` body.
pub struct HtmlForm<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for HtmlForm<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(body_error)?;
        serde_html_form::from_bytes(&bytes)
            .map(HtmlForm)
            .map_err(|e| AppError::Malformed(e.to_string()))
    }
}

fn body_error(rejection: BytesRejection) -> AppError {
    if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        AppError::TooLarge
    } else {
        AppError::Malformed(rejection.body_text())
    }
}

/// A JSON body.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(JsonRejection::BytesRejection(r)) => Err(body_error(r)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(AppError::WrongMediaType),
            Err(r) if r.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::TooLarge)
            }
            Err(r) => Err(AppError::Malformed(r.body_text())),
        }
    }
}

/// Percent-encodes a query value.
pub fn url_encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// A redirect target from a query string, kept only when it is a path of this site: read
/// as a URL against this site (as a browser would read it), it must stay on this site;
/// control characters and backslashes, which browsers drop or turn into slashes, make it
/// "/". The answer is the path and query as the URL parser writes them.
pub fn local_path(next: Option<&str>) -> String {
    let home = || "/".to_owned();
    let Some(raw) = next else { return home() };
    if !raw.starts_with('/') || raw.chars().any(|c| c.is_control() || c == '\\') {
        return home();
    }
    let base = url::Url::parse("http://bont.invalid/").expect("a valid base");
    match base.join(raw) {
        Ok(u) if u.origin() == base.origin() && u.username().is_empty() => {
            let mut path = u.path().to_owned();
            if let Some(q) = u.query() {
                path.push('?');
                path.push_str(q);
            }
            if path.starts_with("//") { home() } else { path }
        }
        _ => home(),
    }
}

/// A fresh idempotency key for a form that creates a record: written into the form when
/// it is opened, so that the same post sent twice (a double click, a retry after a lost
/// answer) creates one record.
pub fn new_idempotency_key() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The idempotency key a form or a call carries, checked; none when it carries none.
pub fn idempotency_key(
    raw: Option<&str>,
) -> Result<Option<bont_db::idempotency::IdempotencyKey>, crate::error::AppError> {
    match raw.map(str::trim).filter(|k| !k.is_empty()) {
        None => Ok(None),
        Some(k) => bont_db::idempotency::IdempotencyKey::parse(k)
            .map(Some)
            .map_err(crate::error::AppError::Invalid),
    }
}

#[cfg(test)]
mod local_path_tests {
    use super::local_path;

    #[test]
    fn only_a_path_of_this_site_is_kept() {
        assert_eq!(
            local_path(Some("/patients/12?tab=sessions")),
            "/patients/12?tab=sessions"
        );
        assert_eq!(local_path(Some("/worklist")), "/worklist");
        for outside in [
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/%09/evil.example",
            "https://evil.example/",
            "/\r\nSet-Cookie: x=1",
            "/a\0b",
            "evil.example",
            "",
        ] {
            let kept = local_path(Some(outside));
            assert!(
                kept == "/" || (kept.starts_with('/') && !kept.starts_with("//")),
                "{outside:?} gave {kept:?}"
            );
            assert!(
                !kept.contains("evil.example") || kept.starts_with("/%09"),
                "{outside:?} gave {kept:?}"
            );
        }
        assert_eq!(local_path(None), "/");
    }
}
