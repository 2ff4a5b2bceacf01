//! Protection against cross-site request forgery.
//!
//! Every login session (also the anonymous one of the login page) holds a random token.
//! [`embed`] writes it as a hidden field into every `method="post"` form of every page,
//! so that no form can be written without it; [`check`] refuses any state-changing
//! request from a browser whose form field or `X-CSRF-Token` header does not carry the
//! session's token. JSON API calls made with the login cookie must be sent as
//! `application/json`, which another site's page cannot send without a CORS preflight
//! that bont never grants; calls with an API token carry no ambient credential and need
//! neither. The token is replaced at login. SameSite=Strict cookies are a second wall.

use crate::error::AppError;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use axum::body::{Body, Bytes, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// The form field that carries the token.
pub const FIELD: &str = "csrf";
/// The header that may carry it instead (for scripts).
pub const HEADER: &str = "x-csrf-token";
const SESSION_KEY: &str = "csrf_token";

/// The session's token, made on first use.
pub async fn token(session: &Session) -> Result<String, AppError> {
    if let Some(token) = session
        .get::<String>(SESSION_KEY)
        .await
        .map_err(AppError::internal)?
    {
        return Ok(token);
    }
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    session
        .insert(SESSION_KEY, &token)
        .await
        .map_err(AppError::internal)?;
    Ok(token)
}

/// Forgets the token, so that the next page gets a new one (at login).
pub async fn renew(session: &Session) -> Result<(), AppError> {
    session
        .remove::<String>(SESSION_KEY)
        .await
        .map_err(AppError::internal)?;
    Ok(())
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn content_type(headers: &HeaderMap) -> &str {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::trim)
        .unwrap_or_default()
}

/// Compares without stopping at the first difference.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Lets a request through when it changes nothing or carries the session's token (see
/// the module's notes); called by the access check of every route, after the user is
/// known, so that an anonymous request is sent to the login page first.
pub async fn check(session: &Session, request: Request) -> Result<Request, AppError> {
    if is_safe(request.method()) {
        return Ok(request);
    }
    if request.uri().path().starts_with("/api/") {
        // A token (the only credential looked at when one is sent) is no ambient
        // credential: a browser never adds it by itself.
        let json = content_type(request.headers()).eq_ignore_ascii_case("application/json");
        return if json || request.headers().contains_key(header::AUTHORIZATION) {
            Ok(request)
        } else {
            Err(AppError::WrongMediaType)
        };
    }
    let expected = session
        .get::<String>(SESSION_KEY)
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::FormExpired)?;
    if let Some(sent) = request.headers().get(HEADER) {
        let sent = sent.to_str().map_err(|_| AppError::FormExpired)?;
        return if same(sent, &expected) {
            Ok(request)
        } else {
            Err(AppError::FormExpired)
        };
    }
    let (parts, body) = request.into_parts();
    let bytes: Bytes = to_bytes(body, crate::BODY_LIMIT)
        .await
        .map_err(|_| AppError::TooLarge)?;
    let sent = form_urlencoded::parse(&bytes)
        .find(|(key, _)| key == FIELD)
        .map(|(_, value)| value.into_owned());
    match sent {
        Some(sent) if same(&sent, &expected) => Ok(Request::from_parts(parts, Body::from(bytes))),
        _ => Err(AppError::FormExpired),
    }
}

/// Middleware: writes the session's token into every post form of an HTML page.
pub async fn embed(session: Session, request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if !content_type(response.headers()).eq_ignore_ascii_case("text/html") {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        return AppError::internal("a page could not be read back").into_response();
    };
    let Ok(html) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    if !html.contains("method=\"post\"") {
        return Response::from_parts(parts, Body::from(bytes));
    }
    let token = match token(&session).await {
        Ok(token) => token,
        Err(e) => return e.into_response(),
    };
    let html = with_token(html, &token);
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(html))
}

/// `html` with a hidden token field first in every `<form ... method="post" ...>`.
pub fn with_token(html: &str, token: &str) -> String {
    let field = format!(r#"<input type="hidden" name="{FIELD}" value="{token}">"#);
    let mut out = String::with_capacity(html.len() + 4 * field.len());
    let mut rest = html;
    while let Some(start) = rest.find("<form") {
        let Some(end) = rest[start..].find('>').map(|e| start + e + 1) else {
            break;
        };
        out.push_str(&rest[..end]);
        if rest[start..end].contains("method=\"post\"") {
            out.push_str(&field);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_post_form_gets_the_token_and_nothing_else_changes() {
        let page = r#"<p>a</p><form method="get" action="/x"><input name="q"></form><form method="post" action="/y" class="inline"><button>Go</button></form><form class="a" method="post">"#;
        let out = with_token(page, "abc");
        assert_eq!(
            out,
            r#"<p>a</p><form method="get" action="/x"><input name="q"></form><form method="post" action="/y" class="inline"><input type="hidden" name="csrf" value="abc"><button>Go</button></form><form class="a" method="post"><input type="hidden" name="csrf" value="abc">"#
        );
        assert_eq!(with_token("<p>no forms</p>", "abc"), "<p>no forms</p>");
    }

    #[test]
    fn tokens_compare_by_value() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "abcd"));
    }
}
