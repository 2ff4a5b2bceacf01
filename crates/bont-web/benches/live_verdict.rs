//! The live verdict as the session form sees it: a logged-in request with the form's 31
//! rows goes in, the verdict HTML comes out, for a patient with 20 signed sessions. Runs
//! the whole router in process (login session, audit of the patient read, the check, the
//! template) on a real SQLite file.

use axum::body::Body;
use axum::http::{Request, header};
use bont_core::clock::{Clock, FixedClock};
use bont_core::patient::{PatientInput, PatientRecord};
use bont_core::safety::plan::InjectionInput;
use bont_core::treatment::TreatmentInput;
use bont_core::user::{NewUser, UserInput};
use bont_db::{Actor, Database};
use bont_web::{AppState, WebConfig};
use criterion::{Criterion, criterion_group, criterion_main};
use std::sync::Arc;
use tower::ServiceExt;

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let dir = tempfile::tempdir().expect("dir");
    let (router, cookie, patient, token) = runtime.block_on(async {
        let db = Database::open(
            &dir.path().join("bench.sqlite"),
            &bont_core::safety::Catalog::builtin(),
        )
        .await
        .expect("db");
        let clock: Arc<dyn Clock> = Arc::new(FixedClock::on(jiff::civil::date(2026, 11, 22)));
        let clinic = db
            .first_clinic_or_create("Bench clinic", clock.now())
            .await
            .expect("clinic");
        let user = NewUser::parse(&UserInput {
            username: "nurse".into(),
            display_name: "A nurse".into(),
            role: "nurse".into(),
            language: "en".into(),
        })
        .expect("user");
        let hash = bont_web::auth::hash_password("a long bench password").expect("hash");
        let user = db
            .create_user(None, clinic.id, &user, &hash, false, clock.now())
            .await
            .expect("user");
        let actor = Actor {
            user,
            clinic: clinic.id,
            client: "bench".into(),
            now: clock.now(),
        };
        let record = PatientRecord::parse(
            &PatientInput {
                record_number: "B-1".into(),
                family_name: "Bench".into(),
                birth_date: "1979-02-11".into(),
                sex: "female".into(),
                weight_kg: "61".into(),
                preferred_language: "pl".into(),
                medications: vec!["topiramate".into()],
                ..PatientInput::default()
            },
            clock.today(),
        )
        .expect("patient");
        let patient = db.create_patient(&actor, &record).await.expect("patient");
        let state = AppState::new(db.clone(), clock.clone());
        for i in 1..=20 {
            let date = jiff::civil::date(2026, 11, 22)
                .checked_sub(jiff::Span::new().days(91 * i))
                .expect("date");
            let session = TreatmentInput {
                date: date.to_string(),
                time: None,
                product: "onabotulinumtoxinA".into(),
                indication: "chronic_migraine".into(),
                vial_units: Some(200.0),
                diluent_ml: Some(4.0),
                injections: vec![InjectionInput {
                    muscle: "temporalis".into(),
                    side: "both".into(),
                    units: 20.0,
                    sites: 4,
                    guidance: None,
                }],
                vials: Vec::new(),
                anaesthesia: None,
                duration_minutes: None,
                infection_at_site: false,
                notes: String::new(),
            };
            let view = state
                .create_session(&actor, patient, &session, None)
                .await
                .expect("session");
            state
                .sign(&actor, view.session.id, 1, &[])
                .await
                .expect("sign");
        }
        let router = bont_web::app(state, &WebConfig::default())
            .await
            .expect("app");
        // As a browser: the login page (a session and its form token), the login form,
        // then a page of the logged-in session for its new token.
        let page = |uri: &str, cookie: Option<&str>| {
            let mut request = Request::get(uri);
            if let Some(cookie) = cookie {
                request = request.header(header::COOKIE, cookie);
            }
            router
                .clone()
                .oneshot(request.body(Body::empty()).expect("request"))
        };
        let login_page = page("/login", None).await.expect("login page");
        let anonymous = session_cookie(&login_page);
        let token = form_token(login_page).await;
        let login = router
            .clone()
            .oneshot(
                Request::post("/login")
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .header(header::COOKIE, anonymous.as_str())
                    .body(Body::from(format!(
                        "username=nurse&password=a+long+bench+password&csrf={token}"
                    )))
                    .expect("request"),
            )
            .await
            .expect("login");
        let cookie = session_cookie(&login);
        let token = form_token(
            page("/account/password", Some(&cookie))
                .await
                .expect("page"),
        )
        .await;
        (router, cookie, patient, token)
    });

    // The form as the browser sends it: the PREEMPT sites one per row, plus the empty rows.
    let mut form = format!(
        "csrf={token}&date=2026-11-22&product=onabotulinumtoxinA&indication=chronic_migraine&vial_units=200&diluent_ml=4",
    );
    form.push_str("&muscle=procerus&side=midline&units=5&sites=1&guidance=");
    for (muscle, per_side) in [
        ("corrugator_supercilii", 1),
        ("frontalis", 2),
        ("temporalis", 4),
        ("occipitalis", 3),
        ("cervical_paraspinal_group", 2),
        ("trapezius_upper", 3),
    ] {
        for side in ["left", "right"] {
            for _ in 0..per_side {
                form.push_str(&format!(
                    "&muscle={muscle}&side={side}&units=5&sites=1&guidance=landmarks"
                ));
            }
        }
    }
    for _ in 0..4 {
        form.push_str("&muscle=&side=left&units=&sites=1&guidance=");
    }
    let uri = format!("/patients/{patient}/sessions/verdict");
    let request = || {
        Request::post(uri.as_str())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, cookie.as_str())
            .body(Body::from(form.clone()))
            .expect("request")
    };
    // Once, to be sure the benchmark measures a real verdict.
    let first = runtime.block_on(async {
        let response = router.clone().oneshot(request()).await.expect("response");
        assert_eq!(response.status(), 200);
        String::from_utf8(
            axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .expect("body")
                .to_vec(),
        )
        .expect("utf-8")
    });
    assert!(
        first.contains("class=\"verdict") && first.contains("<strong class=\"num\">155</strong> U"),
        "{first}"
    );

    c.bench_function("live verdict: 31-row form, 20 past sessions", |b| {
        b.iter(|| {
            runtime.block_on(async {
                let response = router.clone().oneshot(request()).await.expect("response");
                axum::body::to_bytes(response.into_body(), usize::MAX)
                    .await
                    .expect("body")
            })
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50);
    targets = bench
}
criterion_main!(benches);

fn session_cookie(response: &axum::response::Response) -> String {
    response.headers()[header::SET_COOKIE]
        .to_str()
        .expect("cookie")
        .split(';')
        .next()
        .expect("pair")
        .to_owned()
}

async fn form_token(response: axum::response::Response) -> String {
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body");
    let page = String::from_utf8_lossy(&body);
    let marker = r#"name="csrf" value=""#;
    let start = page.find(marker).expect("a form token") + marker.len();
    page[start..start + 64].to_owned()
}
