//! Every screen in every language: the switch, the visitor's language, and each page of
//! the route table rendered in English, Polish, Russian and Arabic (right to left).

use crate::app::TestApp;
use crate::{patient_for_sessions, session_json};
use bont_core::{Language, Role};
use bont_web::auth::Access;
use reqwest::StatusCode;

/// A patient (who prefers Polish) with one signed cervical dystonia session of 120 U on
/// 2026-11-02: the patient's API address and the session's id.
async fn treated_patient(app: &TestApp, physician: &reqwest::Client) -> (String, i64) {
    let patient = patient_for_sessions(app, physician).await;
    let session = crate::outcomes::signed_session(
        app,
        physician,
        &patient,
        session_json("2026-11-02", 120.0),
    )
    .await;
    (patient, session)
}

#[tokio::test]
async fn a_visitor_chooses_the_login_pages_language_and_a_user_keeps_theirs() {
    let app = TestApp::spawn().await;
    let visitor = app.anonymous();
    // The browser's languages count until a choice is made.
    let page = visitor
        .get(app.url("/login"))
        .header("accept-language", "ru-RU,ru;q=0.9,en;q=0.5")
        .send()
        .await
        .expect("login page")
        .text()
        .await
        .expect("body");
    assert!(page.contains(r#"<html lang="ru" dir="ltr">"#), "{page}");
    assert!(page.contains("Вход"));
    let token = crate::app::form_token_in(&page).expect("token");
    let switched = visitor
        .post(app.url("/language"))
        .header("referer", app.url("/login"))
        .form(&[("language", "ar"), ("csrf", token.as_str())])
        .send()
        .await
        .expect("switch");
    assert_eq!(switched.status(), StatusCode::SEE_OTHER);
    assert_eq!(switched.headers()["location"], "/login");
    let page = visitor
        .get(app.url("/login"))
        .send()
        .await
        .expect("login page")
        .text()
        .await
        .expect("body");
    assert!(page.contains(r#"<html lang="ar" dir="rtl">"#), "{page}");
    assert!(page.contains("تسجيل الدخول"));

    // A logged-in nurse switches on a patient's page and lands back on it, in Polish; the
    // choice is kept on the account.
    let nurse = app.logged_in(Role::Nurse).await;
    let patient = patient_for_sessions(&app, &nurse).await.replace("/api", "");
    let switched = nurse
        .post(app.url("/language"))
        .header("referer", app.url(&patient))
        .form(&[("language", "pl")])
        .send()
        .await
        .expect("switch");
    assert_eq!(switched.headers()["location"], patient.as_str());
    let page = nurse
        .get(app.url(&patient))
        .send()
        .await
        .expect("patient")
        .text()
        .await
        .expect("body");
    assert!(page.contains(r#"<html lang="pl" dir="ltr">"#));
    assert!(page.contains("Zabiegi"), "{page}");
    let stored: String = sqlx::query_scalar("SELECT language FROM users WHERE username = 'nurse'")
        .fetch_one(app.db.pool())
        .await
        .expect("language");
    assert_eq!(stored, "pl");
    // Another site's address is not followed back.
    let away = nurse
        .post(app.url("/language"))
        .header("referer", "https://elsewhere.example/phish")
        .form(&[("language", "en")])
        .send()
        .await
        .expect("switch");
    assert_eq!(away.headers()["location"], "/");
}

#[tokio::test]
async fn every_page_renders_in_every_language() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let admin = app.logged_in(Role::Admin).await;
    let (patient_api, session) = treated_patient(&app, &physician).await;
    let patient = patient_api.rsplit('/').next().expect("id").to_owned();
    let book = bont_core::outcomes::OutcomeBook::builtin();
    let table = bont_web::routes::table();
    let pages: Vec<_> = table
        .routes()
        .iter()
        .filter(|r| r.method == reqwest::Method::GET)
        .filter(|r| !r.path.starts_with("/api/") && !r.path.starts_with("/static/"))
        .filter(|r| !matches!(r.path, "/health" | "/login" | "/sessions/{id}/edit"))
        .collect();
    assert!(pages.len() >= 18, "{} pages", pages.len());
    for language in Language::ALL {
        for client in [&physician, &admin] {
            let switched = client
                .post(app.url("/language"))
                .form(&[("language", language.code())])
                .send()
                .await
                .expect("switch");
            assert_eq!(switched.status(), StatusCode::SEE_OTHER);
        }
        for route in &pages {
            let client = match route.access {
                Access::Can(c) if !Role::Physician.allows(c) => &admin,
                _ => &physician,
            };
            let path = if route.path.starts_with("/sessions/") {
                route.path.replace("{id}", &session.to_string())
            } else {
                route
                    .path
                    .replace("{id}", &patient)
                    .replace("{indication}", "cervical_dystonia")
            };
            // The assessment form, once for every scale.
            let paths: Vec<String> = if path.ends_with("/assessments/new") {
                book.scales
                    .iter()
                    .filter(|s| s.kind != bont_core::outcomes::book::ScaleKind::Gas)
                    .map(|s| format!("{path}?scale={}", s.id))
                    .collect()
            } else if path.ends_with("/after-care") || path.ends_with(".pdf") {
                // A document for the patient: in the language asked for.
                vec![format!("{path}?lang={}", language.code())]
            } else {
                vec![path]
            };
            for path in paths {
                let response = client.get(app.url(&path)).send().await.expect("page");
                assert_eq!(response.status(), StatusCode::OK, "{language} {path}");
                if path.contains(".pdf") {
                    let pdf = response.bytes().await.expect("pdf");
                    assert!(pdf.starts_with(b"%PDF-"), "{language} {path}");
                    continue;
                }
                let body = response.text().await.expect("body");
                if path.ends_with(".svg") {
                    assert!(body.starts_with("<svg"), "{language} {path}");
                    continue;
                }
                let dir = if language == Language::Ar {
                    "rtl"
                } else {
                    "ltr"
                };
                assert!(
                    body.contains(&format!(r#"<html lang="{}" dir="{dir}">"#, language.code())),
                    "{language} {path}"
                );
            }
        }
    }
}

#[tokio::test]
async fn muscles_are_found_and_named_in_every_language() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let patient = patient_for_sessions(&app, &physician).await;
    let mut body = session_json("2026-11-02", 120.0);
    body["injections"][0]["muscle"] = "mostek".into();
    body["injections"][1]["muscle"] = "ременная мышца головы".into();
    let created = physician
        .post(app.url(&format!("{patient}/sessions")))
        .json(&body)
        .send()
        .await
        .expect("draft");
    assert_eq!(created.status(), StatusCode::CREATED);
    let draft: serde_json::Value = created.json().await.expect("json");
    assert_eq!(
        draft["record"]["injections"][0]["muscle"], "sternocleidomastoid",
        "{draft}"
    );
    assert_eq!(
        draft["record"]["injections"][1]["muscle"],
        "splenius_capitis"
    );

    // A name that fits several muscles is refused at its field, with the candidates.
    body["injections"][0]["muscle"] = "biceps".into();
    let refused = physician
        .post(app.url(&format!("{patient}/sessions")))
        .json(&body)
        .send()
        .await
        .expect("draft");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem = refused.text().await.expect("problem");
    assert!(problem.contains("injections[0].muscle"), "{problem}");
    assert!(problem.contains("did you mean biceps_brachii"), "{problem}");

    // The session page names the muscles in the reader's language; the form's list offers
    // the local name beside the English one.
    let session = draft["id"].as_i64().expect("id");
    for (language, name) in [
        ("pl", "mostkowo-obojczykowo-sutkowy"),
        ("ru", "грудино-ключично-сосцевидная мышца"),
        ("ar", "العضلة القصية الترقوية الخشائية"),
    ] {
        physician
            .post(app.url("/language"))
            .form(&[("language", language)])
            .send()
            .await
            .expect("switch");
        let page = physician
            .get(app.url(&format!("/sessions/{session}")))
            .send()
            .await
            .expect("session")
            .text()
            .await
            .expect("body");
        assert!(page.contains(name), "{language}: {name}");
        let form = physician
            .get(app.url(&format!("/sessions/{session}/edit")))
            .send()
            .await
            .expect("form")
            .text()
            .await
            .expect("body");
        assert!(
            form.contains(&format!("{name} — Sternocleidomastoid")),
            "{language}"
        );
    }
}

#[tokio::test]
async fn the_after_care_sheet_is_in_the_patients_language() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    // The test patient prefers Polish.
    let (patient, session) = treated_patient(&app, &physician).await;
    let sheet = |query: &'static str| {
        let physician = physician.clone();
        let url = app.url(&format!("/sessions/{session}/after-care{query}"));
        async move {
            let response = physician.get(url).send().await.expect("sheet");
            assert_eq!(response.status(), StatusCode::OK);
            response.text().await.expect("body")
        }
    };
    let pl = sheet("").await;
    assert!(pl.contains(r#"<html lang="pl" dir="ltr">"#));
    assert!(pl.contains("Po wstrzyknięciu toksyny botulinowej"), "{pl}");
    assert!(pl.contains("mostkowo-obojczykowo-sutkowy"));
    assert!(
        pl.contains("120 U preparatu onabotulinumtoxinA (Botox)"),
        "the dose names its product"
    );
    assert!(
        pl.contains("2 listopada 2026"),
        "the date is written in Polish: {pl}"
    );
    assert!(pl.contains("trudności w połykaniu"));
    assert!(
        !pl.contains("BOTOX-OPENFDA") && !pl.contains("XEOMIN-ISI"),
        "no internal source codes are printed for the patient"
    );
    assert!(
        pl.contains("pochodzą z oficjalnych charakterystyk produktów"),
        "the sheet says in words where its facts come from"
    );
    assert!(
        pl.contains("Kontrola początku działania (telefon)"),
        "the next steps are listed"
    );
    assert!(
        pl.contains("7 dni po wstrzyknięciu"),
        "onset from the model: {pl}"
    );

    let ar = sheet("?lang=ar").await;
    assert!(ar.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(ar.contains("بعد حقنة ذيفان البوتولينوم"));
    assert!(ar.contains("body-map.svg?lang=ar"));
    let ru = sheet("?lang=ru").await;
    assert!(ru.contains("затруднении глотания"));
    let map = physician
        .get(app.url(&format!("/sessions/{session}/body-map.svg?lang=ru")))
        .send()
        .await
        .expect("map")
        .text()
        .await
        .expect("svg");
    assert!(map.contains("грудино-ключично-сосцевидная"), "{map}");

    // A draft has no after-care sheet yet.
    let draft = physician
        .post(app.url(&format!("{patient}/sessions")))
        .json(&session_json("2026-11-20", 100.0))
        .send()
        .await
        .expect("draft")
        .json::<serde_json::Value>()
        .await
        .expect("json");
    let refused = physician
        .get(app.url(&format!("/sessions/{}/after-care", draft["id"])))
        .send()
        .await
        .expect("sheet");
    assert_eq!(refused.status(), StatusCode::CONFLICT);
}

/// Text as it can be compared with what a PDF reader took out: without spaces, and, for
/// Arabic, without vowel marks and with the lam-alef ligature's two letters in one order
/// (the reader gives them back in visual order).
fn comparable(text: &str) -> String {
    text.split_whitespace()
        .collect::<String>()
        .chars()
        .filter(|c| !('\u{064b}'..='\u{065f}').contains(c))
        .collect::<String>()
        .replace("لا", "ال")
        .replace("لإ", "إل")
        .replace("لأ", "أل")
        .replace("لآ", "آل")
}

/// The text a PDF reader takes out of `pdf` (poppler's pdftotext, installed by the test
/// command), without the marks it puts around right-to-left runs.
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("sheet.pdf");
    std::fs::write(&path, pdf).expect("write");
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (apt-get install poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .chars()
        .filter(|c| !('\u{202a}'..='\u{202e}').contains(c))
        .collect()
}

#[tokio::test]
async fn the_after_care_pdf_holds_the_sheet_in_each_language() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let (_, session) = treated_patient(&app, &physician).await;
    // The sheet's words, the muscle, a warning sign and the body map's view title.
    for (lang, expected) in [
        (
            "en",
            [
                "After your botulinum toxin injection",
                "Sternocleidomastoid",
                "difficulty swallowing",
                "Front",
            ],
        ),
        (
            "pl",
            [
                "Po wstrzyknięciu toksyny botulinowej",
                "mostkowo-obojczykowo-sutkowy",
                "trudności w połykaniu",
                "Przód",
            ],
        ),
        (
            "ru",
            [
                "После инъекции ботулинического токсина",
                "грудино-ключично-сосцевидная",
                "затруднении глотания",
                "Спереди",
            ],
        ),
        (
            "ar",
            [
                "بعد حقنة ذيفان البوتولينوم",
                "العضلة القصية الترقوية الخشائية",
                "صعوبة البلع",
                "الخلف",
            ],
        ),
    ] {
        let response = physician
            .get(app.url(&format!("/sessions/{session}/after-care.pdf?lang={lang}")))
            .send()
            .await
            .expect("pdf");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "application/pdf");
        let text = pdf_text(&response.bytes().await.expect("bytes"));
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        for phrase in expected {
            assert!(
                squeeze(&text).contains(&squeeze(phrase)),
                "{lang}: {phrase:?} not in {text}"
            );
        }
        assert!(
            !text.contains("BOTOX-OPENFDA") && !text.contains("-ISI"),
            "{lang}: no internal source codes are printed for the patient"
        );
        let brand = match lang {
            "ru" => "Ботокс",
            "ar" => "بوتوكس",
            _ => "Botox",
        };
        assert!(
            text.contains("onabotulinumtoxinA") && text.contains(brand),
            "{lang}: the dose names its product: {text}"
        );
    }
}

#[tokio::test]
async fn the_session_record_and_the_referral_letter_carry_the_treatment() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let (patient, session) = treated_patient(&app, &physician).await;
    let patient_id = patient.rsplit('/').next().expect("id").to_owned();
    let event = physician
        .post(app.url(&format!("/api/sessions/{session}/adverse-events")))
        .json(&serde_json::json!({"kind": "neck_weakness", "onset_day": 6, "duration_days": 14, "severity": "moderate", "outcome": "resolved"}))
        .send()
        .await
        .expect("event");
    assert_eq!(event.status(), StatusCode::CREATED);

    let record = physician
        .get(app.url(&format!("/sessions/{session}/record")))
        .send()
        .await
        .expect("record")
        .text()
        .await
        .expect("html");
    for part in [
        "Session record",
        "C1234A",
        "30 June 2027",
        "120 U of onabotulinumtoxinA (Botox)",
        "Sternocleidomastoid",
        "EMG",
    ] {
        assert!(record.contains(part), "{part} missing from {record}");
    }
    let downloads = |app: &TestApp| {
        let pool = app.db.pool().clone();
        async move {
            sqlx::query_as::<_, (String, i64, String)>(
                "SELECT entity, entity_id, detail FROM audit_events
                 WHERE action = 'document.download' ORDER BY id",
            )
            .fetch_all(&pool)
            .await
            .expect("events")
        }
    };
    assert!(
        downloads(&app).await.is_empty(),
        "a page on screen is a read"
    );

    let letter = physician
        .get(app.url(&format!("/patients/{patient_id}/letter.pdf?lang=ru")))
        .send()
        .await
        .expect("letter");
    assert_eq!(letter.headers()["content-type"], "application/pdf");
    let text = pdf_text(&letter.bytes().await.expect("pdf"));
    for part in [
        "Уважаемый коллега",
        "Цервикальная дистония",
        "2 ноября 2026 г.",
        "120 ЕД препарата onabotulinumtoxinA",
        "(Ботокс)",
        "слабость мышц шеи",
        "умеренное",
    ] {
        assert!(text.contains(part), "{part} missing from {text}");
    }
    let record = physician
        .get(app.url(&format!("/sessions/{session}/record.pdf")))
        .send()
        .await
        .expect("record pdf");
    assert_eq!(record.status(), StatusCode::OK);
    assert_eq!(
        downloads(&app).await,
        vec![
            (
                "patient".to_owned(),
                patient_id.parse::<i64>().expect("id"),
                "referral letter PDF (ru)".to_owned()
            ),
            (
                "session".to_owned(),
                session,
                "session record PDF (en)".to_owned()
            ),
        ]
    );
}

#[tokio::test]
async fn a_leaflet_per_indication_in_each_language_names_no_internal_source_codes() {
    let app = TestApp::spawn().await;
    let nurse = app.logged_in(Role::Nurse).await;
    for (lang, title, often) in [
        (
            "en",
            "Botulinum toxin treatment for Chronic migraine",
            "every 12 weeks",
        ),
        (
            "pl",
            "Leczenie toksyną botulinową: Migrena przewlekła",
            "co 12 tygodni",
        ),
        (
            "ru",
            "Лечение ботулиническим токсином: Хроническая мигрень",
            "12 недель",
        ),
        (
            "ar",
            "العلاج بذيفان البوتولينوم: الصداع النصفي المزمن",
            "12 أسبوعًا",
        ),
    ] {
        let response = nurse
            .get(app.url(&format!("/leaflets/chronic_migraine.pdf?lang={lang}")))
            .send()
            .await
            .expect("leaflet");
        assert_eq!(response.status(), StatusCode::OK);
        let text = pdf_text(&response.bytes().await.expect("pdf"));
        assert!(
            comparable(&text).contains(&comparable(title)),
            "{lang}: {text}"
        );
        assert!(
            comparable(&text).contains(&comparable(often)),
            "{lang}: {text}"
        );
        for source in ["DRUGSCOM-CM", "BOTOX-OPENFDA", "XEOMIN-ISI-LUNATUS"] {
            assert!(
                !text.contains(source),
                "{lang}: the patient's leaflet prints the internal code {source}"
            );
        }
    }
    let unknown = nurse
        .get(app.url("/leaflets/hiccups"))
        .send()
        .await
        .expect("leaflet");
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn safety_findings_carry_a_title_in_the_readers_language() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let patient = patient_for_sessions(&app, &physician).await;
    crate::outcomes::signed_session(
        &app,
        &physician,
        &patient,
        session_json("2026-10-01", 120.0),
    )
    .await;
    // Three weeks later: too soon.
    let draft: serde_json::Value = physician
        .post(app.url(&format!("{patient}/sessions")))
        .json(&session_json("2026-10-22", 120.0))
        .send()
        .await
        .expect("draft")
        .json()
        .await
        .expect("json");
    let id = draft["id"].as_i64().expect("id");
    for (language, title, detail) in [
        (
            "pl",
            "Zbyt krótki odstęp",
            "1 października 2026): 21 dni; minimalny odstęp",
        ),
        (
            "ru",
            "Слишком короткий интервал",
            "1 октября 2026 г.): 21 день; минимальный интервал",
        ),
        ("ar", "الفاصل قصير جدًا", "1 أكتوبر 2026): 21 يومًا"),
    ] {
        physician
            .post(app.url("/language"))
            .form(&[("language", language)])
            .send()
            .await
            .expect("switch");
        let page = physician
            .get(app.url(&format!("/sessions/{id}")))
            .send()
            .await
            .expect("session")
            .text()
            .await
            .expect("body");
        assert!(
            page.contains(&format!(
                r#"<strong title="interval_too_short">{title}</strong>"#
            )),
            "{language}: {page}"
        );
        // The finding's sentence too, with the language's plural, date and product name.
        assert!(page.contains(detail), "{language}: {page}");
    }
    // A form's errors name the field and the fault in the reader's language.
    physician
        .post(app.url("/language"))
        .form(&[("language", "pl")])
        .send()
        .await
        .expect("switch");
    let refused = physician
        .post(app.url(&format!(
            "/patients/{}/assessments",
            patient.rsplit('/').next().expect("id")
        )))
        .form(&[
            ("scale", "hit6"),
            ("date", "2026-11-21"),
            ("timepoint", "peak"),
            ("score", "1,500"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("html");
    assert!(
        html.contains("Wynik: „1,500” można odczytać na dwa sposoby"),
        "{html}"
    );
}

#[tokio::test]
async fn the_clinics_own_advice_is_printed_in_the_patients_language() {
    let app = TestApp::spawn().await;
    let physician = app.logged_in(Role::Physician).await;
    let admin = app.logged_in(Role::Admin).await;
    let (_, session) = treated_patient(&app, &physician).await;
    let advice = "Przez 4 godziny nie masuj miejsc wstrzyknięć.\nNie kładź się przez 4 godziny.";
    let saved = admin
        .post(app.url("/clinic"))
        .form(&[
            ("advice_pl", advice),
            ("advice_en", ""),
            ("advice_ru", ""),
            ("advice_ar", ""),
        ])
        .send()
        .await
        .expect("settings");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let too_long = admin
        .post(app.url("/clinic"))
        .form(&[("advice_ru", "а".repeat(4001))])
        .send()
        .await
        .expect("settings");
    assert_eq!(too_long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        too_long
            .text()
            .await
            .expect("body")
            .contains("Advice in Russian")
    );

    let sheet = |lang: &'static str| {
        let physician = physician.clone();
        let url = app.url(&format!("/sessions/{session}/after-care?lang={lang}"));
        async move {
            physician
                .get(url)
                .send()
                .await
                .expect("sheet")
                .text()
                .await
                .expect("html")
        }
    };
    let pl = sheet("pl").await;
    assert!(pl.contains("Czego unikać"), "{pl}");
    assert!(pl.contains("Przez 4 godziny nie masuj miejsc wstrzyknięć."));
    assert!(pl.contains("Zalecenia: Test clinic."));
    let en = sheet("en").await;
    assert!(
        !en.contains("What to avoid"),
        "no English advice was written"
    );
    let pdf = physician
        .get(app.url(&format!("/sessions/{session}/after-care.pdf?lang=pl")))
        .send()
        .await
        .expect("pdf")
        .bytes()
        .await
        .expect("bytes");
    let text = pdf_text(&pdf);
    assert!(text.contains("Nie kładź się przez 4 godziny."), "{text}");
    let recorded = app
        .db
        .audit_events(&Default::default(), 50)
        .await
        .expect("audit")
        .into_iter()
        .any(|e| e.action == "clinic.settings" && e.detail.contains("after-care advice: pl"));
    assert!(recorded);
}
