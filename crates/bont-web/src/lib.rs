//! The web application: server-rendered pages for the clinic, the JSON API, login and
//! access control. Handlers are thin: they decode a request, call the domain to check
//! it and the storage to keep it, and render the result in the user's language.
//!
//! Every route is declared once in [`routes`], with the access rule that guards it;
//! nothing is reachable without logging in except what that table marks public.

pub mod api;
pub mod auth;
pub mod csrf;
pub mod error;
pub mod form;
pub mod i18n;
pub mod login_store;
pub mod pages;
pub mod passwords;
pub mod routes;
pub mod state;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use std::future::Future;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

pub use state::AppState;

/// Largest request body accepted, in bytes. A patient form is a few kilobytes.
pub const BODY_LIMIT: usize = 256 * 1024;

/// How many password guesses are checked: see [`bont_db::login_guard`].
pub const GUESS_LIMITS: bont_db::login_guard::GuessLimits =
    bont_db::login_guard::GuessLimits::STANDARD;

/// Hours after which a one-time password (a new account's, a reset's) no longer logs in.
pub const ONE_TIME_PASSWORD_HOURS: i64 = 72;

/// Idle time after which a login session ends.
pub const IDLE_TIMEOUT_MINUTES: i64 = 30;

/// How the web application is set up beyond its state.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Send the session cookie only over HTTPS (set when served behind TLS).
    pub secure_cookies: bool,
    /// A login session's idle expiry is moved forward by a request at most this often
    /// (each move is a write); between moves it stays where the last one put it.
    pub session_touch_every: std::time::Duration,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secure_cookies: false,
            session_touch_every: std::time::Duration::from_secs(60),
        }
    }
}

/// Builds the whole application: routes, login sessions (kept in the database), error
/// rendering and security headers.
pub async fn app(state: AppState, config: &WebConfig) -> anyhow::Result<Router> {
    around(routes::table().into_router(), state, config).await
}

/// `routes` with everything [`app`] puts around its own: login sessions, error pages,
/// the audit of refused access, panics caught, security headers.
pub async fn around(
    routes: Router<AppState>,
    state: AppState,
    config: &WebConfig,
) -> anyhow::Result<Router> {
    let store = login_store::LoginStore::open(state.db.location()).await?;
    store.clean_up_in_background();
    let sessions = SessionManagerLayer::new(store)
        .with_name("bont_session")
        .with_http_only(true)
        .with_same_site(SameSite::Strict)
        .with_secure(config.secure_cookies)
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(
            IDLE_TIMEOUT_MINUTES,
        )));
    let auth_layer = axum_login::AuthManagerLayerBuilder::new(
        auth::Backend::new(
            state.db.clone(),
            state.clock.clone(),
            state.passwords.clone(),
        ),
        sessions,
    )
    .build();

    let router = routes
        .fallback(error::not_found)
        // A panicking handler answers 500 like any fault of ours; the server goes on.
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(error::panicked))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            error::render_errors,
        ))
        .layer(axum::middleware::from_fn(csrf::embed))
        .layer(axum::middleware::from_fn_with_state(
            config.session_touch_every,
            auth::touch_session,
        ))
        .layer(auth_layer)
        .layer(axum::Extension(csrf::SecureCookies(config.secure_cookies)))
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(header_layer(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ))
        .layer(header_layer(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header_layer(header::X_FRAME_OPTIONS, "DENY"))
        // Same-origin only: the language switch returns to the page it was used on, and no
        // address (which may name a patient's record) leaves for another site.
        .layer(header_layer(header::REFERRER_POLICY, "same-origin"))
        // Pages and answers carry patient data, one-time passwords and new tokens: no cache
        // keeps them (the static files say otherwise for themselves).
        .layer(header_layer(header::CACHE_CONTROL, "no-store"))
        // Pages go compressed to a browser that accepts gzip (PDFs are compressed already).
        // Pages reflect what was typed beside the form token, which a compression
        // side channel (BREACH) would need the browser to request from another site: the
        // SameSite=Strict cookies send no login with such a request.
        .layer(
            tower_http::compression::CompressionLayer::new()
                .gzip(true)
                .compress_when(
                    tower_http::compression::Predicate::and(
                        tower_http::compression::DefaultPredicate::new(),
                        tower_http::compression::predicate::NotForContentType::const_new(
                            "application/pdf",
                        ),
                    ),
                ),
        );
    // Served over HTTPS (secure cookies): browsers are told to keep to it.
    let router = if config.secure_cookies {
        router.layer(header_layer(
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000",
        ))
    } else {
        router
    };
    Ok(router.with_state(state))
}

fn header_layer(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

/// Time limits of the connections themselves.
#[derive(Debug, Clone, Copy)]
pub struct ServeLimits {
    /// A request's head (its line and headers) must arrive within this; a client that
    /// sends it slowly is disconnected (408) instead of holding a connection open.
    pub header_timeout: std::time::Duration,
    /// After the shutdown signal, requests under way get this long to finish; then the
    /// server exits all the same (a client halfway through sending never holds it up).
    pub shutdown_deadline: std::time::Duration,
}

impl Default for ServeLimits {
    fn default() -> Self {
        ServeLimits {
            header_timeout: std::time::Duration::from_secs(10),
            shutdown_deadline: std::time::Duration::from_secs(10),
        }
    }
}

/// Serves `router` on `listener` (HTTP/1.1, keep-alive) until `shutdown` completes, then lets open
/// requests finish within the limits' deadline.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    limits: ServeLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower::Service;
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, address) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, mostly: wait a moment rather than spin.
                    tracing::warn!("connection not accepted: {e}");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let router = router.clone();
        let service = hyper::service::service_fn(
            move |mut request: axum::http::Request<hyper::body::Incoming>| {
                request
                    .extensions_mut()
                    .insert(axum::extract::ConnectInfo(address));
                router.clone().call(request)
            },
        );
        // No upgrades (WebSockets) are served, so the plain connection will do.
        let connection = http.serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!("connection from {address} ended: {e}");
            }
        });
    }
    drop(listener);
    if tokio::time::timeout(limits.shutdown_deadline, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            "requests still open {} s after the shutdown signal were cut off",
            limits.shutdown_deadline.as_secs()
        );
    }
    Ok(())
}
