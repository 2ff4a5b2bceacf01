//! Protection against cross-site request forgery.
//!
//! Every page's forms carry a random token. A logged-in user's token is held by their
//! login session; a visitor's (the login page, the language switch) by a cookie of its
//! own, so that opening the login page stores nothing on the server: a login session is
//! made only by logging in. [`embed`] writes the token as a hidden field into every
//! `method="post"` form of every page, so that no form can be written without it;
//! [`check`] refuses any state-changing request from a browser whose form field or
//! `X-CSRF-Token` header does not carry the expected token. Another site can neither read
//! nor set the visitor's cookie (HttpOnly, SameSite=Strict, and `__Host-` with secure
//! cookies), so it cannot log a browser in to an account of its choosing. JSON API calls
//! made with the login cookie must be sent as `application/json`, which another site's
//! page cannot send without a CORS preflight that bont never grants; calls with an API
//! token carry no ambient credential and need neither. The token is replaced at login.
//! SameSite=Strict cookies are a second wall.

use crate::error::AppError;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use axum::body::{Body, Bytes, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;
use tower_sessions::cookie::Cookie;

/// The form field that carries the token.
pub const FIELD: &str = "csrf";
/// The header that may carry it instead (for scripts).
pub const HEADER: &str = "x-csrf-token";
const SESSION_KEY: &str = "csrf_token";
/// The visitor's cookie that holds their token (named `__Host-…` when cookies are secure:
/// then only this site over HTTPS can set it).
const VISITOR_COOKIE: &str = "bont_form";
const VISITOR_COOKIE_SECURE: &str = "__Host-bont_form";

/// Whether cookies are sent over HTTPS only (served behind TLS); an extension of every
/// request.
#[derive(Debug, Clone, Copy)]
pub struct SecureCookies(pub bool);

/// The value of the cookie `name` in a request's headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// A cookie for this site's pages only, out of scripts' reach, never sent by another
/// site's request.
pub fn site_cookie(name: &'static str, value: String, secure: bool) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(tower_sessions::cookie::SameSite::Strict)
        .build()
}

/// The token a visitor's cookie carries, when it is one bont made.
fn visitor_token(headers: &HeaderMap) -> Option<String> {
    [VISITOR_COOKIE_SECURE, VISITOR_COOKIE]
        .into_iter()
        .find_map(|name| cookie(headers, name))
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_owned)
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Who holds the token a request must carry.
pub enum Holder<'a> {
    /// A logged-in user's login session.
    Session(&'a Session),
    /// A visitor's cookie, in the request's headers.
    Visitor,
}

impl<'a> Holder<'a> {
    /// The login session when a user is logged in, else the visitor's cookie.
    pub fn of(auth: &'a crate::auth::AuthSession) -> Holder<'a> {
        match auth.user {
            Some(_) => Holder::Session(&auth.session),
            None => Holder::Visitor,
        }
    }
}

/// The session's token, made on first use.
pub async fn token(session: &Session) -> Result<String, AppError> {
    if let Some(token) = session
        .get::<String>(SESSION_KEY)
        .await
        .map_err(AppError::internal)?
    {
        return Ok(token);
    }
    let token = new_token();
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

/// Lets a request through when it changes nothing or carries the token `holder` holds
/// (see the module's notes); called by the access check of every route, after the user is
/// known, so that an anonymous request is sent to the login page first.
pub async fn check(holder: Holder<'_>, request: Request) -> Result<Request, AppError> {
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
    let expected = match holder {
        Holder::Session(session) => session
            .get::<String>(SESSION_KEY)
            .await
            .map_err(AppError::internal)?,
        Holder::Visitor => visitor_token(request.headers()),
    }
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

/// Middleware: writes the token into every post form of an HTML page: the login
/// session's for a logged-in user, else the visitor's cookie's, setting the cookie when
/// the visitor has none. `secure` is whether cookies are sent over HTTPS only.
pub async fn embed(
    axum::Extension(SecureCookies(secure)): axum::Extension<SecureCookies>,
    auth: crate::auth::AuthSession,
    request: Request,
    next: Next,
) -> Response {
    let visitor = auth.user.is_none();
    let visitor_token = visitor_token(request.headers());
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
    let token = if visitor {
        match visitor_token {
            Some(token) => token,
            None => {
                let token = new_token();
                let name = if secure {
                    VISITOR_COOKIE_SECURE
                } else {
                    VISITOR_COOKIE
                };
                let cookie = site_cookie(name, token.clone(), secure);
                match cookie.to_string().parse() {
                    Ok(value) => parts.headers.append(header::SET_COOKIE, value),
                    Err(_) => return AppError::internal("a form token cookie").into_response(),
                };
                token
            }
        }
    } else {
        match token(&auth.session).await {
            Ok(token) => token,
            Err(e) => return e.into_response(),
        }
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
