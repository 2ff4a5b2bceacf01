//! Logging in, and deciding who may use which route.
//!
//! Passwords are hashed with Argon2id (memory-hard). A login session lives in the
//! database behind an HttpOnly, SameSite=Strict cookie whose id is replaced at login; it
//! ends after [`crate::IDLE_TIMEOUT_MINUTES`] idle, at logout, or when the password changes.

use crate::error::AppError;
use crate::state::AppState;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use bont_core::user::NewUser;
use bont_core::{Capability, ClinicId, Language, Role, UserId};
use bont_db::users::StoredUser;
use bont_db::{Actor, Database, StoreError};
use std::net::SocketAddr;

/// The logged-in user as the session knows them.
#[derive(Debug, Clone)]
pub struct SessionUser {
    pub id: UserId,
    pub clinic: ClinicId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub language: Language,
    pub must_change_password: bool,
    /// Opened or reset by an administrator and not yet confirmed by a physician.
    pub awaiting_confirmation: bool,
    password_hash: String,
}

impl From<StoredUser> for SessionUser {
    fn from(u: StoredUser) -> Self {
        SessionUser {
            id: u.id,
            clinic: u.clinic,
            username: u.username,
            display_name: u.display_name,
            role: u.role,
            language: u.language,
            must_change_password: u.must_change_password,
            awaiting_confirmation: u.awaiting_confirmation,
            password_hash: u.password_hash,
        }
    }
}

impl axum_login::AuthUser for SessionUser {
    type Id = i64;
    fn id(&self) -> i64 {
        self.id.get()
    }
    /// Sessions are bound to the password: changing it ends every other session.
    fn session_auth_hash(&self) -> &[u8] {
        self.password_hash.as_bytes()
    }
}

#[derive(Debug, Clone)]
pub struct Credentials {
    pub username: String,
    pub password: String,
}

/// Looks users up in the database and checks their passwords.
#[derive(Clone)]
pub struct Backend {
    db: Database,
    clock: std::sync::Arc<dyn bont_core::clock::Clock>,
    passwords: crate::passwords::PasswordWork,
}

impl std::fmt::Debug for Backend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Backend").finish_non_exhaustive()
    }
}

impl Backend {
    pub fn new(
        db: Database,
        clock: std::sync::Arc<dyn bont_core::clock::Clock>,
        passwords: crate::passwords::PasswordWork,
    ) -> Self {
        Backend {
            db,
            clock,
            passwords,
        }
    }

    /// The user an API token acts for, limited by the token's scope for `method`.
    async fn token_user(
        &self,
        secret: &str,
        method: &axum::http::Method,
    ) -> Result<(SessionUser, i64), AppError> {
        let found = self
            .db
            .user_by_api_token(secret, self.clock.now())
            .await?
            .ok_or(AppError::Unauthenticated)?;
        if found.user.awaiting_confirmation {
            return Err(AppError::Unauthenticated);
        }
        let reads_only = found.scope == bont_core::user::TokenScope::Read;
        if reads_only && !matches!(*method, axum::http::Method::GET | axum::http::Method::HEAD) {
            return Err(AppError::Forbidden);
        }
        Ok((SessionUser::from(found.user), found.token))
    }
}

/// The secret of an `Authorization: Bearer` header.
fn bearer(headers: &axum::http::HeaderMap) -> Option<&str> {
    headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The password could not be checked now (too many at once), or at all.
    #[error("password check: {0}")]
    Check(#[from] AppError),
}

impl axum_login::AuthnBackend for Backend {
    type User = SessionUser;
    type Credentials = Credentials;
    type Error = AuthError;

    async fn authenticate(&self, creds: Credentials) -> Result<Option<SessionUser>, AuthError> {
        let user = self
            .db
            .user_by_username(&creds.username)
            .await?
            .filter(|u| u.active);
        // Without an account, check against a dummy hash all the same, so that the answer
        // takes as long and does not tell which user names exist.
        let hash = user
            .as_ref()
            .map(|u| u.password_hash.clone())
            .unwrap_or_else(|| DUMMY_HASH.to_owned());
        let ok = self.passwords.verify(creds.password, hash).await?;
        Ok(user.filter(|_| ok).map(SessionUser::from))
    }

    async fn get_user(&self, id: &i64) -> Result<Option<SessionUser>, AuthError> {
        Ok(self
            .db
            .user(UserId::new(*id))
            .await?
            .filter(|u| u.active && !u.awaiting_confirmation)
            .map(SessionUser::from))
    }
}

pub type AuthSession = axum_login::AuthSession<Backend>;

/// Argon2id hash of a password, in PHC string form. The server hashes on its password
/// threads ([`crate::passwords::PasswordWork`]); this is for the command line.
pub fn hash_password(password: &str) -> Result<String, AppError> {
    crate::passwords::hash_in(&mut crate::passwords::Memory::new(), password)
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    crate::passwords::verify_in(&mut crate::passwords::Memory::new(), password, hash)
}

/// The hash checked when no account has the user name, so that the answer takes as long
/// as for an account and does not tell which names exist. Its password is not known
/// (a one-time password, thrown away); its parameters are the defaults (see the test).
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$JQinf3vj8LFKDn56b9w9vg$+MqGKhsksCnIrTpCVsCFk0xibHhHW/Dx2pTBU0hdnSE";

/// A random password for a new account, to be changed at first login: 20 characters from
/// an alphabet without look-alikes (no 0/O, 1/l/I).
pub fn one_time_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut out = String::with_capacity(24);
    for i in 0..20 {
        if i > 0 && i % 5 == 0 {
            out.push('-');
        }
        let index = (OsRng.next_u32() as usize) % ALPHABET.len();
        out.push(char::from(ALPHABET[index]));
    }
    out
}

/// Creates the first administrator when the database has no account yet; returns the
/// user name and one-time password to print, or `None` when accounts exist.
pub async fn ensure_first_admin(
    state: &AppState,
    clinic: ClinicId,
) -> anyhow::Result<Option<(String, String)>> {
    if state.db.count_users().await? > 0 {
        return Ok(None);
    }
    let user = NewUser::parse(&bont_core::user::UserInput {
        username: "admin".into(),
        display_name: "Administrator".into(),
        role: "admin".into(),
        language: "en".into(),
    })
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let password = one_time_password();
    let hash = state
        .passwords
        .hash(password.clone())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    state
        .db
        .create_user(None, clinic, &user, &hash, true, state.clock.now())
        .await?;
    Ok(Some(("admin".into(), password)))
}

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone: the login page, static files, the health check.
    Public,
    /// Any logged-in user.
    LoggedIn,
    /// Logged-in users whose role allows the capability.
    Can(Capability),
}

/// The user a request acts for, placed by [`require`] for handlers to extract.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user: SessionUser,
    pub client: String,
}

impl CurrentUser {
    /// The storage actor for this request, stamped with `state`'s clock.
    pub fn actor(&self, state: &AppState) -> Actor {
        Actor {
            user: self.user.id,
            clinic: self.user.clinic,
            client: self.client.clone(),
            now: state.clock.now(),
        }
    }
    pub fn tr(&self) -> crate::i18n::Tr {
        crate::i18n::Tr::new(self.user.language)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        parts
            .extensions
            .get::<CurrentUser>()
            .cloned()
            .ok_or(AppError::Unauthenticated)
    }
}

/// Middleware: a request of a logged-in user moves their session's idle expiry forward
/// (at most once every `every`: the move is a write), so that the session ends
/// [`crate::IDLE_TIMEOUT_MINUTES`] after the user stopped working, not after they logged in.
pub async fn touch_session(
    State(every): State<std::time::Duration>,
    auth: AuthSession,
    request: Request,
    next: Next,
) -> Response {
    const TOUCHED: &str = "touched";
    if auth.user.is_some() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or_default();
        let last: Option<u64> = auth.session.get(TOUCHED).await.ok().flatten();
        let due = last.is_none_or(|last| now.saturating_sub(last) >= every.as_millis() as u64);
        // Inserting marks the session changed: the session layer saves it, with a new
        // expiry, when the response goes out.
        if due && let Err(e) = auth.session.insert(TOUCHED, now).await {
            tracing::warn!("login session not moved forward: {e}");
        }
    }
    next.run(request).await
}

/// Paths a user who must change their password may still use.
const PASSWORD_CHANGE_PATHS: [&str; 2] = ["/account/password", "/logout"];

/// Middleware guarding one route with its [`Access`] rule.
pub async fn require(
    State(access): State<Access>,
    auth: AuthSession,
    request: Request,
    next: Next,
) -> Response {
    if access == Access::Public {
        return match crate::csrf::check(crate::csrf::Holder::of(&auth), request).await {
            Ok(request) => next.run(request).await,
            Err(e) => e.into_response(),
        };
    }
    let path = request.uri().path().to_owned();
    let api = path.starts_with("/api/");
    // The API takes a token instead of the login cookie; with a token, only the token.
    let mut token = None;
    let user = match bearer(request.headers()) {
        Some(secret) if api => match auth.backend.token_user(secret, request.method()).await {
            Ok((user, id)) => {
                token = Some(id);
                user
            }
            Err(e) => return e.into_response(),
        },
        _ => match auth.user {
            Some(user) => user,
            None if api => return AppError::Unauthenticated.into_response(),
            None => {
                let wanted = request
                    .uri()
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/");
                let target = format!("/login?next={}", crate::form::url_encode(wanted));
                return Redirect::to(&target).into_response();
            }
        },
    };
    if user.must_change_password && !PASSWORD_CHANGE_PATHS.contains(&path.as_str()) {
        if api {
            return AppError::Forbidden.into_response();
        }
        return Redirect::to("/account/password").into_response();
    }
    if let Access::Can(capability) = access
        && !user.role.allows(capability)
    {
        return AppError::Forbidden.into_response();
    }
    let mut request =
        match crate::csrf::check(crate::csrf::Holder::Session(&auth.session), request).await {
            Ok(request) => request,
            Err(e) => return e.into_response(),
        };
    let mut client = client_address(request.extensions());
    if let Some(id) = token {
        client = format!("{client} (API token {id})");
    }
    request
        .extensions_mut()
        .insert(CurrentUser { user, client });
    next.run(request).await
}

fn client_address(extensions: &axum::http::Extensions) -> String {
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_default()
}

/// The address a request came from, for the audit trail ("" when unknown).
pub struct ClientAddress(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(client_address(&parts.extensions)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dummy_hash_costs_what_a_real_one_does() {
        let parsed = argon2::PasswordHash::new(DUMMY_HASH).expect("parses");
        let params = argon2::Params::try_from(&parsed).expect("params");
        let default = argon2::Params::DEFAULT;
        assert_eq!(
            (params.m_cost(), params.t_cost(), params.p_cost()),
            (default.m_cost(), default.t_cost(), default.p_cost())
        );
        assert_eq!(parsed.algorithm, argon2::Algorithm::Argon2id.ident());
        assert!(!verify_password("", DUMMY_HASH));
    }

    #[test]
    fn a_hash_made_here_is_checked_by_the_crate_and_the_other_way_round() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
        let ours = hash_password("violet kettle under the pier").expect("hash");
        let parsed = argon2::PasswordHash::new(&ours).expect("parses");
        assert!(
            argon2::Argon2::default()
                .verify_password(b"violet kettle under the pier", &parsed)
                .is_ok()
        );
        let salt = SaltString::generate(&mut OsRng);
        let theirs = argon2::Argon2::default()
            .hash_password(b"another phrase of words", &salt)
            .expect("hash")
            .to_string();
        assert!(verify_password("another phrase of words", &theirs));
        assert!(!verify_password("another phrase of word", &theirs));
        assert!(!verify_password("anything", "not a hash"));
    }
}
