//! `TestApp`: the real application on 127.0.0.1 at a free port, over a fresh SQLite file,
//! with the clock fixed at 2026-11-22 and one account per role.

use bont_core::clock::{Clock, FixedClock};
use bont_core::user::{NewUser, UserInput};
use bont_core::{ClinicId, Role};
use bont_db::Database;
use bont_web::{AppState, WebConfig};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::sync::Arc;

/// The password of every test account.
pub const PASSWORD: &str = "correct horse battery staple";

pub struct TestApp {
    pub address: SocketAddr,
    pub db: Database,
    pub state: AppState,
    pub clinic: ClinicId,
    _dir: tempfile::TempDir,
}

/// Everything a refused request must leave as it was.
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    patients: i64,
    versions: i64,
    patient_writes: i64,
}

impl TestApp {
    /// With one account per role (user name = role id, password [`PASSWORD`]).
    pub async fn spawn() -> TestApp {
        let app = TestApp::spawn_empty().await;
        for role in Role::ALL {
            app.add_user(app.clinic, role.id(), role).await;
        }
        app
    }

    /// Without any account.
    pub async fn spawn_empty() -> TestApp {
        let clock: Arc<dyn Clock> = Arc::new(FixedClock::on(jiff::civil::date(2026, 11, 22)));
        TestApp::spawn_empty_at(clock).await
    }

    /// With one account per role, on a clock the test moves.
    pub async fn spawn_at(clock: Arc<dyn Clock>) -> TestApp {
        let app = TestApp::spawn_empty_at(clock).await;
        for role in Role::ALL {
            app.add_user(app.clinic, role.id(), role).await;
        }
        app
    }

    /// With one account per role, its SQLite file (on that engine) in `dir`.
    pub async fn spawn_in(dir: tempfile::TempDir) -> TestApp {
        let clock: Arc<dyn Clock> = Arc::new(FixedClock::on(jiff::civil::date(2026, 11, 22)));
        let (app, _) = TestApp::spawn_serving_in(
            dir,
            clock,
            WebConfig::default(),
            bont_web::ServeLimits::default(),
            std::future::pending(),
        )
        .await;
        for role in Role::ALL {
            app.add_user(app.clinic, role.id(), role).await;
        }
        app
    }

    async fn spawn_empty_at(clock: Arc<dyn Clock>) -> TestApp {
        let (app, _) = TestApp::spawn_serving(
            clock,
            WebConfig::default(),
            bont_web::ServeLimits::default(),
            std::future::pending(),
        )
        .await;
        app
    }

    /// With one account per role, served with these settings until `shutdown`; the
    /// handle ends when the server has.
    pub async fn spawn_with(
        config: WebConfig,
        limits: bont_web::ServeLimits,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> (TestApp, tokio::task::JoinHandle<std::io::Result<()>>) {
        let clock: Arc<dyn Clock> = Arc::new(FixedClock::on(jiff::civil::date(2026, 11, 22)));
        let (app, server) = TestApp::spawn_serving(clock, config, limits, shutdown).await;
        for role in Role::ALL {
            app.add_user(app.clinic, role.id(), role).await;
        }
        (app, server)
    }

    async fn spawn_serving(
        clock: Arc<dyn Clock>,
        config: WebConfig,
        limits: bont_web::ServeLimits,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> (TestApp, tokio::task::JoinHandle<std::io::Result<()>>) {
        let dir = tempfile::tempdir().expect("temp dir");
        TestApp::spawn_serving_in(dir, clock, config, limits, shutdown).await
    }

    async fn spawn_serving_in(
        dir: tempfile::TempDir,
        clock: Arc<dyn Clock>,
        config: WebConfig,
        limits: bont_web::ServeLimits,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> (TestApp, tokio::task::JoinHandle<std::io::Result<()>>) {
        let db = Database::connect(
            &bont_db::testing::location(dir.path()).await,
            &bont_core::safety::Catalog::builtin(),
        )
        .await
        .expect("database");
        let clinic = db
            .first_clinic_or_create("Test clinic", clock.now())
            .await
            .expect("clinic")
            .id;
        let state = AppState::new(db.clone(), clock);
        let router = bont_web::app(state.clone(), &config).await.expect("app");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let address = listener.local_addr().expect("address");
        let server = tokio::spawn(bont_web::serve(listener, router, limits, shutdown));
        let app = TestApp {
            address,
            db,
            state,
            clinic,
            _dir: dir,
        };
        (app, server)
    }

    pub async fn add_user(&self, clinic: ClinicId, username: &str, role: Role) {
        let user = NewUser::parse(&UserInput {
            username: username.into(),
            display_name: format!("A {}", role.id()),
            role: role.id().into(),
            language: "en".into(),
        })
        .expect("valid user");
        let hash = bont_web::auth::hash_password(PASSWORD).expect("hash");
        self.db
            .create_user(None, clinic, &user, &hash, false, self.state.clock.now())
            .await
            .expect("user");
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// A browser-like client that keeps cookies and does not follow redirects.
    pub fn anonymous(&self) -> reqwest::Client {
        self.client_with(Arc::new(reqwest::cookie::Jar::default()), None)
    }

    /// An anonymous client whose requests come from `address` (any of 127.0.0.0/8 reaches
    /// the server on 127.0.0.1): another computer, as the server sees it.
    pub fn anonymous_from(&self, address: [u8; 4]) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_provider(Arc::new(reqwest::cookie::Jar::default()))
            .local_address(std::net::IpAddr::from(address))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }

    fn client_with(&self, jar: Arc<reqwest::cookie::Jar>, token: Option<&str>) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        if let Some(token) = token {
            headers.insert(
                bont_web::csrf::HEADER,
                token.parse().expect("token is a header value"),
            );
        }
        reqwest::Client::builder()
            .cookie_provider(jar)
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }

    /// The form token of `client`'s session, read from the hidden field of the page at
    /// `path`, as a browser would send it back.
    pub async fn form_token(&self, client: &reqwest::Client, path: &str) -> String {
        let page = client
            .get(self.url(path))
            .send()
            .await
            .expect("page")
            .text()
            .await
            .expect("body");
        form_token_in(&page).unwrap_or_else(|| panic!("no form token on {path}: {page}"))
    }

    /// Posts the login form as a browser does: the login page first, then the form with
    /// the token that page carried.
    pub async fn post_login(
        &self,
        client: &reqwest::Client,
        username: &str,
        password: &str,
    ) -> reqwest::Response {
        self.post_login_form(client, &[("username", username), ("password", password)])
            .await
    }

    /// The login form with these fields and the page's token.
    pub async fn post_login_form(
        &self,
        client: &reqwest::Client,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let token = self.form_token(client, "/login").await;
        let mut fields = fields.to_vec();
        fields.push(("csrf", &token));
        client
            .post(self.url("/login"))
            .form(&fields)
            .send()
            .await
            .expect("login")
    }

    /// A logged-in client whose requests carry the session's form token in the
    /// `X-CSRF-Token` header, as a script on the page would.
    pub async fn log_in(&self, username: &str) -> reqwest::Client {
        let jar = Arc::new(reqwest::cookie::Jar::default());
        let client = self.client_with(jar.clone(), None);
        let response = self.post_login(&client, username, PASSWORD).await;
        assert_eq!(
            response.status(),
            reqwest::StatusCode::SEE_OTHER,
            "login as {username}"
        );
        let token = self.form_token(&client, "/account/password").await;
        self.client_with(jar, Some(&token))
    }

    /// A physician of the clinic confirms the account `username` (opened or reset by an
    /// administrator), as on the "Accounts to confirm" page.
    pub async fn confirm_account(&self, username: &str) {
        let id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE username = $1")
            .bind(username)
            .fetch_one(self.db.pool())
            .await
            .expect("id");
        let physician = self.logged_in(Role::Physician).await;
        let list = physician
            .get(self.url("/accounts/awaiting"))
            .send()
            .await
            .expect("list")
            .text()
            .await
            .expect("body");
        assert!(list.contains(&format!("<bdi>{username}</bdi>")), "{list}");
        let confirmed = physician
            .post(self.url(&format!("/accounts/{id}/confirm")))
            .send()
            .await
            .expect("confirm");
        assert_eq!(confirmed.status(), reqwest::StatusCode::SEE_OTHER);
    }

    pub async fn logged_in(&self, role: Role) -> reqwest::Client {
        self.log_in(role.id()).await
    }

    /// A user of a second clinic.
    pub async fn logged_in_elsewhere(&self, role: Role) -> reqwest::Client {
        let other = self
            .db
            .create_clinic("Another clinic", self.state.clock.now())
            .await
            .expect("clinic");
        let username = format!("other.{}", role.id());
        self.add_user(other.id, &username, role).await;
        self.log_in(&username).await
    }

    pub async fn snapshot(&self) -> Snapshot {
        let count = |sql: &'static str| {
            let pool = self.db.pool().clone();
            async move {
                sqlx::query_scalar::<_, i64>(sql)
                    .fetch_one(&pool)
                    .await
                    .expect("count")
            }
        };
        Snapshot {
            patients: count("SELECT COUNT(*) FROM patients").await,
            versions: count("SELECT COUNT(*) FROM patient_versions").await,
            patient_writes: count("SELECT COUNT(*) FROM audit_events WHERE action IN ('patient.create', 'patient.update')").await,
        }
    }
}

/// A complete, valid patient form; tests replace fields to make it invalid.
pub fn patient_form(record_number: &str, family: &str, birth: &str) -> Vec<(&'static str, String)> {
    vec![
        ("record_number", record_number.into()),
        ("family_name", family.into()),
        ("given_names", "Maria".into()),
        ("pseudonym", "".into()),
        ("birth_date", birth.into()),
        ("sex", "female".into()),
        ("weight_kg", "64.5".into()),
        ("weight_measured_on", "2026-11-01".into()),
        ("preferred_language", "pl".into()),
        ("phone", "+48 600 100 200".into()),
        ("email", "maria@example.org".into()),
        ("consent_treatment", "true".into()),
        ("indications", "cervical_dystonia".into()),
        ("conditions", "myasthenia_gravis".into()),
        ("conditions", "dysphagia".into()),
        ("medications", "gentamicin 80 mg\nparacetamol".into()),
        ("notes", "Prefers mornings.".into()),
    ]
}

/// The same patient as a JSON body.
pub fn patient_json(record_number: &str, family: &str, birth: &str) -> Value {
    json!({
        "record_number": record_number,
        "family_name": family,
        "given_names": "Maria",
        "birth_date": birth,
        "sex": "female",
        "weight_kg": 64.5,
        "weight_measured_on": "2026-11-01",
        "preferred_language": "pl",
        "consent_treatment": true,
        "indications": ["cervical_dystonia"],
        "conditions": ["myasthenia_gravis", "dysphagia"],
        "medications": ["gentamicin 80 mg", "paracetamol"]
    })
}

/// The value of the first hidden form-token field in `page`.
pub fn form_token_in(page: &str) -> Option<String> {
    let marker = r#"name="csrf" value=""#;
    let start = page.find(marker)? + marker.len();
    let end = page[start..].find('"')? + start;
    Some(page[start..end].to_owned())
}
