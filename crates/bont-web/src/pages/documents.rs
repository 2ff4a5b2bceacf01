//! Documents for the patient, printed from the browser: the after-care sheet of a signed
//! session, in the patient's preferred language (or another on request). Its clinical
//! statements come from sourced data only, with the sources in small print: what was
//! injected (the signed record), what to expect (the effect-time model for this patient),
//! the warning signs (the labels' boxed warning on distant spread), the follow-ups signing
//! scheduled, and the clinic.

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::render;
use crate::pages::sessions::{muscle_name, parse_session};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{Uri, header};
use axum::response::{Html, IntoResponse, Response};
use bont_core::{Language, SessionId};
use bont_db::outcomes::FollowUpStatus;
use bont_db::sessions::SessionStatus;
use bont_reports::document::{Block, Document};

#[derive(Debug, Default, serde::Deserialize)]
pub struct DocumentQuery {
    lang: Option<String>,
}

impl DocumentQuery {
    /// The language asked for, when it is one of bont's.
    pub fn language(&self) -> Option<Language> {
        self.lang.as_deref().and_then(|l| Language::parse(l).ok())
    }
}

struct Row {
    muscle: String,
    side: String,
    units: String,
}

#[derive(Template)]
#[template(path = "documents/after-care.html")]
struct AfterCare {
    tr: Tr,
    session: i64,
    clinic: String,
    patient: String,
    date: String,
    /// For the PDF's file name.
    iso_date: String,
    product: String,
    total: String,
    rows: Vec<Row>,
    expect: String,
    near_eye: bool,
    /// The clinic's own advice on what to avoid, in the sheet's language.
    avoid: Option<String>,
    follow_ups: Vec<(String, String)>,
    figure: bont_reports::body_map::Figure,
    languages: Vec<(&'static str, &'static str)>,
}

/// Units as the language writes them, with the short unit word: "12,5 U", "12,5 ЕД".
fn units_text(tr: &Tr, units: f64) -> String {
    format!("{} {}", tr.number(units), tr.t("unit-u"))
}

fn product_name(state: &AppState, tr: &Tr, product: &str) -> String {
    crate::pages::sessions::product_name(state, tr.language, product)
}

/// Units with their product, in a sentence of the language.
fn dose_text(state: &AppState, tr: &Tr, units: f64, product: &str) -> String {
    tr.t_with(
        "dose",
        &[
            ("units", tr.number(units).into()),
            ("product", product_name(state, tr, product).into()),
        ],
    )
}

/// The after-care sheet as a page to print from the browser.
pub async fn after_care(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    Query(query): Query<DocumentQuery>,
) -> Result<Html<String>, AppError> {
    render(&after_care_sheet(&state, &me, &id, &query).await?)
}

/// The same sheet as a PDF made by the server.
pub async fn after_care_pdf(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    Query(query): Query<DocumentQuery>,
) -> Result<Response, AppError> {
    let sheet = after_care_sheet(&state, &me, &id, &query).await?;
    let base = format!("/sessions/{}/after-care", sheet.session);
    let file = format!("after-care-{}", sheet.iso_date);
    audit_download(
        &state,
        &me,
        "session",
        sheet.session,
        "after-care sheet",
        &sheet.tr,
    )
    .await?;
    respond(sheet.document(), sheet.tr, String::new(), base, true, file).await
}

impl AfterCare {
    /// The sheet as blocks for the PDF: the same content as the page, in the same order.
    fn document(&self) -> Document {
        let tr = &self.tr;
        let mut blocks = vec![
            Block::Small(self.clinic.clone()),
            Block::Title(tr.t("aftercare-title")),
            Block::Text(format!("{} · {}", self.patient, self.date)),
            Block::Heading(tr.t("aftercare-injected")),
            Block::Text(format!(
                "{}: {}. {}: {}",
                tr.t("session-product"),
                self.product,
                tr.t("verdict-total"),
                self.total
            )),
            Block::Table {
                header: vec![
                    "#".to_owned(),
                    tr.t("session-muscle"),
                    tr.t("session-side"),
                    tr.t("session-units-per-side"),
                ],
                rows: self
                    .rows
                    .iter()
                    .enumerate()
                    .map(|(n, r)| {
                        vec![
                            (n + 1).to_string(),
                            r.muscle.clone(),
                            r.side.clone(),
                            r.units.clone(),
                        ]
                    })
                    .collect(),
                widths: vec![0.4, 3.0, 1.2, 1.4],
            },
            Block::Figure(self.figure.clone()),
            Block::Heading(tr.t("aftercare-expect-title")),
            Block::Text(self.expect.clone()),
            warning_signs(tr),
        ];
        if let Some(avoid) = &self.avoid {
            blocks.extend([
                Block::Heading(tr.t("aftercare-avoid-title")),
                Block::Text(avoid.clone()),
                Block::Small(tr.t_with(
                    "aftercare-avoid-from",
                    &[("clinic", self.clinic.clone().into())],
                )),
            ]);
        }
        if self.near_eye {
            blocks.extend([
                Block::Heading(tr.t("aftercare-eye-title")),
                Block::Text(tr.t("aftercare-eye")),
            ]);
        }
        blocks.push(Block::Heading(tr.t("aftercare-next-title")));
        if self.follow_ups.is_empty() {
            blocks.push(Block::Text(tr.t("outcomes-no-follow-ups")));
        } else {
            blocks.push(Block::Bullets(
                self.follow_ups
                    .iter()
                    .map(|(kind, when)| format!("{kind}: {when}"))
                    .collect(),
            ));
        }
        blocks.extend([
            Block::Text(tr.t("aftercare-other-toxin")),
            Block::Text(format!("{} {}", tr.t("aftercare-contact"), self.clinic)),
            Block::Small(tr.t("document-sources")),
        ]);
        Document {
            title: format!("{} · {}", tr.t("aftercare-title"), self.patient),
            right_to_left: tr.dir() == "rtl",
            blocks,
        }
    }
}

/// Everything the sheet says, for the page and the PDF alike.
async fn after_care_sheet(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
    query: &DocumentQuery,
) -> Result<AfterCare, AppError> {
    let id = parse_session(id)?;
    let actor = me.actor(state);
    let s = state.db.read_session(&actor, id).await?;
    if s.status != SessionStatus::Signed {
        return Err(AppError::WrongState("after-care-signed-only"));
    }
    let patient = state.db.read_patient(&actor, s.patient).await?;
    let language = match query.lang.as_deref() {
        Some(code) => Language::parse(code)
            .map_err(|p| AppError::Invalid(bont_core::FieldErrors::one("lang", p)))?,
        None => patient.record.preferred_language,
    };
    let tr = Tr::new(language);
    let date: jiff::civil::Date = s
        .record
        .date
        .parse()
        .map_err(|_| AppError::internal("a signed session has no valid date"))?;

    // What to expect: the model for this session, fitted to the cycles before it.
    let (cycles, scores) = state.history(&actor, s.patient).await?;
    let earlier: Vec<_> = cycles.iter().filter(|c| c.date < date).cloned().collect();
    let product = bont_core::outcomes::product_id(&state.catalog, &s.record.product);
    let model = bont_core::outcomes::patient_model(
        &state.outcomes,
        &product,
        &s.record.indication,
        &earlier,
        &scores,
    );
    let day = |d: f64| {
        date.checked_add(jiff::Span::new().days(d.round() as i64))
            .unwrap_or(date)
    };
    let expect = tr.t_with(
        "aftercare-expect",
        &[
            (
                "onset",
                tr.t_with(
                    "days-count",
                    &[("count", (model.onset_day.round() as i64).into())],
                )
                .into(),
            ),
            ("onset_date", tr.date(day(model.onset_day)).into()),
            ("peak_date", tr.date(day(model.peak_day)).into()),
            (
                "weeks",
                tr.t_with(
                    "weeks-count",
                    &[("count", ((model.duration_day / 7.0).round() as i64).into())],
                )
                .into(),
            ),
        ],
    );
    let near_eye = s.record.injections.iter().any(|i| {
        state
            .catalog
            .muscle(&i.muscle)
            .is_some_and(|m| m.region == "periocular")
    });
    let mut scheduled: Vec<_> = state
        .db
        .follow_ups_of_patient(&actor, s.patient)
        .await?
        .into_iter()
        .filter(|f| f.session == id && f.status != FollowUpStatus::Cancelled)
        .collect();
    scheduled.sort_by_key(|f| f.opens_on);
    let follow_ups = scheduled
        .into_iter()
        .map(|f| {
            (
                tr.t(&format!("follow-up-{}", f.kind.id())),
                format!("{} – {}", tr.date(f.opens_on), tr.date(f.due_on)),
            )
        })
        .collect();
    let rows = s
        .record
        .injections
        .iter()
        .map(|i| Row {
            muscle: muscle_name(state, language, &i.muscle),
            side: tr.t(&format!("side-{}", i.side)),
            units: units_text(&tr, i.units),
        })
        .collect();
    Ok(AfterCare {
        session: id.get(),
        clinic: state.db.clinic(me.user.clinic).await?.name,
        patient: patient.record.name.display(),
        date: tr.date(date),
        iso_date: s.record.date.clone(),
        total: dose_text(state, &tr, s.total_units, &s.record.product),
        product: product_name(state, &tr, &s.record.product),
        rows,
        expect,
        near_eye,
        avoid: state.db.clinic_advice(me.user.clinic, language).await?,
        follow_ups,
        figure: bont_reports::body_map::figure(
            &crate::pages::outcomes::body_marks(state, &tr, &s.record),
            &crate::pages::outcomes::body_labels(state, &tr, &s.record.product),
        ),
        languages: tr.languages(),
        tr,
    })
}

/// The boxed warning's signs, for every document given to a patient.
fn warning_signs(tr: &Tr) -> Block {
    Block::Warning(vec![
        Block::Heading(tr.t("aftercare-warning-title")),
        Block::Text(tr.t("aftercare-warning-intro")),
        Block::Bullets(
            [
                "aftercare-warning-swallowing",
                "aftercare-warning-breathing",
                "aftercare-warning-speaking",
                "aftercare-warning-weakness",
                "aftercare-warning-vision",
            ]
            .iter()
            .map(|id| tr.t(id))
            .collect(),
        ),
        Block::Text(tr.t("aftercare-warning-when")),
    ])
}

/// A document page: the blocks as HTML, with links to the PDF and to the other languages.
#[derive(Template)]
#[template(path = "documents/page.html")]
struct DocumentPage {
    tr: Tr,
    title: String,
    body: String,
    back: String,
    base: String,
    languages: Vec<(&'static str, &'static str)>,
}

/// Answers with the document as a page or, for a `.pdf` address, as a PDF.
/// A PDF of a patient's document leaves the screen as a file: its own kind of event on the
/// trail, beside the read of the record it was made from, written before the file is sent.
async fn audit_download(
    state: &AppState,
    me: &CurrentUser,
    entity: &'static str,
    id: i64,
    what: &str,
    tr: &Tr,
) -> Result<(), AppError> {
    let detail = format!("{what} PDF ({})", tr.lang());
    state
        .db
        .audit_read(
            &me.actor(state),
            bont_db::audit::Event {
                action: "document.download",
                entity: Some(entity),
                entity_id: Some(id),
                detail: &detail,
            },
        )
        .await?;
    Ok(())
}

async fn respond(
    document: Document,
    tr: Tr,
    back: String,
    base: String,
    pdf: bool,
    file: String,
) -> Result<Response, AppError> {
    if pdf {
        let bytes = tokio::task::spawn_blocking(move || bont_reports::document::pdf(&document))
            .await
            .map_err(AppError::internal)?;
        return Ok((
            [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("inline; filename=\"{file}-{}.pdf\"", tr.lang()),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            bytes,
        )
            .into_response());
    }
    Ok(render(&DocumentPage {
        title: document.title.clone(),
        body: bont_reports::document::html(&document),
        back,
        base,
        languages: tr.languages(),
        tr,
    })?
    .into_response())
}

/// The language asked for, else the reader's: records and letters are for clinicians.
fn reader_language(me: &CurrentUser, query: &DocumentQuery) -> Result<Tr, AppError> {
    match query.lang.as_deref() {
        Some(code) => Language::parse(code)
            .map(Tr::new)
            .map_err(|p| AppError::Invalid(bont_core::FieldErrors::one("lang", p))),
        None => Ok(me.tr()),
    }
}

/// The session record for the chart: everything that was given and decided, signed.
async fn session_record(
    state: &AppState,
    me: &CurrentUser,
    id: SessionId,
    tr: &Tr,
) -> Result<Document, AppError> {
    let actor = me.actor(state);
    let s = state.db.read_session(&actor, id).await?;
    let patient = state.db.read_patient(&actor, s.patient).await?;
    let p = &patient.record;
    let status = tr.t(match s.status {
        SessionStatus::Draft => "session-status-draft",
        SessionStatus::Signed => "session-status-signed",
        SessionStatus::Void => "session-status-void",
    });
    let r = &s.record;
    let mut facts = vec![
        format!("{}: {}", tr.t("field-record_number"), p.record_number),
        format!(
            "{}: {}",
            tr.t("field-birth_date"),
            tr.date(p.birth_date.date())
        ),
        format!(
            "{}: {} {}",
            tr.t("session-date"),
            tr.date_text(&r.date),
            r.time.clone().unwrap_or_default()
        ),
        format!(
            "{}: {}",
            tr.t("session-product"),
            product_name(state, tr, &r.product)
        ),
        format!(
            "{}: {}",
            tr.t("field-indications"),
            tr.t(&format!("indication-{}", r.indication))
        ),
    ];
    if let (Some(v), Some(d)) = (r.vial_units, r.diluent_ml) {
        facts.push(format!(
            "{}: {} / {} {}",
            tr.t("session-vial-units"),
            units_text(tr, v),
            tr.number(d),
            tr.t("unit-ml")
        ));
    }
    for v in &r.vials {
        facts.push(format!(
            "{}: {} ({} {})",
            tr.t("session-lot"),
            v.lot,
            tr.t("session-expiry"),
            tr.date_text(&v.expiry)
        ));
    }
    if let Some(a) = r.anaesthesia.as_deref().filter(|a| !a.is_empty()) {
        facts.push(format!(
            "{}: {}",
            tr.t("session-anaesthesia"),
            tr.t(&format!("anaesthesia-{a}"))
        ));
    }
    let rows = r
        .injections
        .iter()
        .map(|i| {
            vec![
                muscle_name(state, tr.language, &i.muscle),
                tr.t(&format!("side-{}", i.side)),
                units_text(tr, i.units),
                i.sites.to_string(),
                i.guidance
                    .as_deref()
                    .filter(|g| !g.is_empty())
                    .map(|g| tr.t(&format!("guidance-{g}")))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let mut blocks = vec![
        Block::Small(state.db.clinic(me.user.clinic).await?.name),
        Block::Title(format!(
            "{}: {}",
            tr.t("session-record-title"),
            p.name.display()
        )),
        Block::Text(format!("{} · {status}", tr.date_text(&r.date))),
        Block::Bullets(facts),
        Block::Table {
            header: vec![
                tr.t("session-muscle"),
                tr.t("session-side"),
                tr.t("session-units-per-side"),
                tr.t("session-sites-per-side"),
                tr.t("session-guidance"),
            ],
            rows,
            widths: vec![3.0, 1.0, 1.2, 1.0, 1.6],
        },
        Block::Text(format!(
            "{}: {}",
            tr.t("verdict-total"),
            dose_text(state, tr, s.total_units, &r.product)
        )),
        Block::Heading(tr.t("session-verdict-at-signing")),
        Block::Text(tr.t(&format!("verdict-{}", s.verdict))),
    ];
    if !s.overrides.is_empty() {
        blocks.push(Block::Bullets(
            s.overrides
                .iter()
                .map(|o| {
                    format!(
                        "{} {}: {}",
                        tr.t("session-override"),
                        tr.finding(&o.code),
                        o.reason
                    )
                })
                .collect(),
        ));
    }
    if let Some(signer) = s.signed_by {
        let name = state
            .db
            .user(signer)
            .await?
            .map(|u| u.display_name)
            .unwrap_or_default();
        blocks.push(Block::Text(format!(
            "{}: {name}, {}",
            tr.t("session-signed-by"),
            tr.moment(s.signed_at.as_deref().unwrap_or_default())
        )));
    }
    if let Some(reason) = &s.change_reason {
        blocks.push(Block::Text(format!(
            "{}: {reason}",
            tr.t("session-amended")
        )));
    }
    if let Some(reason) = &s.void_reason {
        blocks.push(Block::Text(format!(
            "{}: {reason}",
            tr.t("session-void-reason")
        )));
    }
    if !r.notes.trim().is_empty() {
        blocks.push(Block::Heading(tr.t("field-notes")));
        blocks.push(Block::Text(r.notes.clone()));
    }
    Ok(Document {
        title: format!("{} · {}", tr.t("session-record-title"), p.name.display()),
        right_to_left: tr.dir() == "rtl",
        blocks,
    })
}

/// `/sessions/{id}/record` is the page, `/sessions/{id}/record.pdf` the PDF.
pub async fn record(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    Query(query): Query<DocumentQuery>,
    uri: Uri,
) -> Result<Response, AppError> {
    let session = parse_session(&id)?;
    let tr = reader_language(&me, &query)?;
    let document = session_record(&state, &me, session, &tr).await?;
    let pdf = uri.path().ends_with(".pdf");
    if pdf {
        audit_download(&state, &me, "session", session.get(), "session record", &tr).await?;
    }
    respond(
        document,
        tr,
        format!("/sessions/{session}"),
        format!("/sessions/{session}/record"),
        pdf,
        format!("session-{session}"),
    )
    .await
}

/// A letter to the referring doctor: the indication, every session's product and dose with
/// the response, adverse events, and the plan.
async fn referral_letter(
    state: &AppState,
    me: &CurrentUser,
    id: bont_core::PatientId,
    tr: &Tr,
) -> Result<Document, AppError> {
    let actor = me.actor(state);
    let patient = state.db.read_patient(&actor, id).await?;
    let p = &patient.record;
    let mut sessions: Vec<_> = state
        .db
        .sessions_of_patient(&actor, id)
        .await?
        .into_iter()
        .filter(|s| s.status == SessionStatus::Signed)
        .collect();
    // Oldest first (ISO dates sort as days do).
    sessions.sort_by(|a, b| a.record.date.cmp(&b.record.date));
    let summary = state.summary(&actor, id).await?;
    let indications: Vec<String> = p
        .clinical
        .indications
        .iter()
        .map(|i| tr.t(&format!("indication-{}", i.id())))
        .collect();
    let rows: Vec<Vec<String>> = sessions
        .iter()
        .map(|s| {
            vec![
                tr.date_text(&s.record.date),
                dose_text(state, tr, s.total_units, &s.record.product),
                crate::pages::outcomes::response_text(tr, &summary, s.id),
            ]
        })
        .collect();
    let events: Vec<String> = summary
        .adverse_events
        .iter()
        .filter(|e| !e.void)
        .map(|e| {
            let date = sessions
                .iter()
                .find(|s| s.id == e.session)
                .map(|s| tr.date_text(&s.record.date))
                .unwrap_or_default();
            format!(
                "{date}: {} ({}), {}",
                tr.t(&format!("adverse-{}", e.record.kind)),
                tr.t(&format!("severity-{}", e.record.severity)),
                tr.t(&format!("ae-outcome-{}", e.record.outcome))
            )
        })
        .collect();
    let plan: Vec<String> = summary
        .follow_ups
        .iter()
        .filter(|f| f.status == FollowUpStatus::Open)
        .map(|f| {
            format!(
                "{}: {} – {}",
                tr.t(&format!("follow-up-{}", f.kind.id())),
                tr.date(f.opens_on),
                tr.date(f.due_on)
            )
        })
        .collect();
    let today = state.clock.today();
    let mut blocks = vec![
        Block::Small(format!(
            "{} · {}",
            state.db.clinic(me.user.clinic).await?.name,
            tr.date(today)
        )),
        Block::Title(tr.t("letter-title")),
        Block::Text(tr.t("letter-salutation")),
        Block::Text(tr.t_with(
            "letter-opening",
            &[
                ("name", p.name.display().into()),
                ("birth", tr.date(p.birth_date.date()).into()),
                ("number", p.record_number.to_string().into()),
                ("indications", indications.join(", ").into()),
            ],
        )),
        Block::Heading(tr.t("letter-sessions")),
    ];
    if rows.is_empty() {
        blocks.push(Block::Text(tr.t("patient-no-sessions")));
    } else {
        blocks.push(Block::Table {
            header: vec![
                tr.t("session-date"),
                tr.t("letter-dose"),
                tr.t("session-response"),
            ],
            rows,
            widths: vec![1.2, 2.6, 1.4],
        });
    }
    blocks.push(Block::Heading(tr.t("outcomes-adverse-title")));
    blocks.push(if events.is_empty() {
        Block::Text(tr.t("outcomes-no-adverse"))
    } else {
        Block::Bullets(events)
    });
    if let Some(n) = &summary.non_response {
        let session_date = |id: i64| {
            sessions
                .iter()
                .find(|s| s.id.get() == id)
                .map(|s| tr.date_text(&s.record.date))
                .unwrap_or_default()
        };
        blocks.push(Block::Heading(tr.t("non-response-title")));
        blocks.push(Block::Text(
            tr.t_with(
                "non-response-text",
                &[
                    ("responded", session_date(n.responded_in).into()),
                    ("units", tr.number(n.responding_units).into()),
                    ("product", product_name(state, tr, &n.product).into()),
                    (
                        "lost",
                        n.lost_in
                            .iter()
                            .map(|s| session_date(*s))
                            .collect::<Vec<_>>()
                            .join(", ")
                            .into(),
                    ),
                ],
            ),
        ));
    }
    blocks.push(Block::Heading(tr.t("letter-plan")));
    blocks.push(if plan.is_empty() {
        Block::Text(tr.t("outcomes-no-follow-ups"))
    } else {
        Block::Bullets(plan)
    });
    blocks.push(Block::Text(tr.t("letter-closing")));
    blocks.push(Block::Text(format!(
        "{}, {}",
        me.user.display_name,
        tr.t(&format!("role-{}", me.user.role.id()))
    )));
    Ok(Document {
        title: format!("{} · {}", tr.t("letter-title"), p.name.display()),
        right_to_left: tr.dir() == "rtl",
        blocks,
    })
}

/// `/patients/{id}/letter` is the page, `/patients/{id}/letter.pdf` the PDF.
pub async fn letter(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    Query(query): Query<DocumentQuery>,
    uri: Uri,
) -> Result<Response, AppError> {
    let patient = crate::pages::patients::parse_patient_id(&id)?;
    let tr = reader_language(&me, &query)?;
    let document = referral_letter(&state, &me, patient, &tr).await?;
    let pdf = uri.path().ends_with(".pdf");
    if pdf {
        audit_download(
            &state,
            &me,
            "patient",
            patient.get(),
            "referral letter",
            &tr,
        )
        .await?;
    }
    respond(
        document,
        tr,
        format!("/patients/{patient}"),
        format!("/patients/{patient}/letter"),
        pdf,
        format!("letter-{patient}"),
    )
    .await
}

/// Sources of the warnings about neuromuscular disease and swallowing or breathing
/// difficulty (the reference's section on warnings).
/// The patient information leaflet for an indication, for the consultation: how the
/// treatment works over time, how often, who should not have it, what to tell the doctor,
/// and the warning signs. Every statement comes from the data; the patient's copy names no
/// internal source codes (the clinic's screens do).
fn leaflet(state: &AppState, indication: bont_core::vocabulary::Indication, tr: &Tr) -> Document {
    let name = tr.t(&format!("indication-{}", indication.id()));
    let effect = state.outcomes.effect_time("", indication.id());
    let interval = &state.catalog;
    let blocks = vec![
        Block::Title(tr.t_with("leaflet-title", &[("indication", name.clone().into())])),
        Block::Text(tr.t("leaflet-intro")),
        Block::Heading(tr.t("leaflet-time-title")),
        Block::Text(
            tr.t_with(
                "leaflet-time",
                &[
                    (
                        "onset",
                        tr.t_with(
                            "days-count",
                            &[("count", (effect.onset_day.round() as i64).into())],
                        )
                        .into(),
                    ),
                    (
                        "peak",
                        tr.t_with(
                            "days-count",
                            &[("count", (effect.peak_day.round() as i64).into())],
                        )
                        .into(),
                    ),
                    (
                        "weeks",
                        tr.t_with(
                            "weeks-count",
                            &[("count", ((effect.duration_day / 7.0).round() as i64).into())],
                        )
                        .into(),
                    ),
                ],
            ),
        ),
        Block::Heading(tr.t("leaflet-often-title")),
        Block::Text(
            tr.t_with(
                "leaflet-often",
                &[(
                    "weeks",
                    tr.t_with(
                        "weeks-count",
                        &[("count", (interval.default_min_interval_days / 7).into())],
                    )
                    .into(),
                )],
            ),
        ),
        Block::Heading(tr.t("leaflet-not-title")),
        Block::Bullets(vec![
            tr.t("leaflet-not-allergy"),
            tr.t("leaflet-not-infection"),
        ]),
        Block::Heading(tr.t("leaflet-tell-title")),
        Block::Bullets(vec![
            tr.t("leaflet-tell-neuromuscular"),
            tr.t("leaflet-tell-swallowing"),
            tr.t("leaflet-tell-medicines"),
            tr.t("aftercare-other-toxin"),
        ]),
        warning_signs(tr),
        Block::Small(tr.t("document-sources")),
    ];
    Document {
        title: tr.t_with("leaflet-title", &[("indication", name.into())]),
        right_to_left: tr.dir() == "rtl",
        blocks,
    }
}

/// `/leaflets/{indication}` is the page, `/leaflets/{indication}.pdf` the PDF.
pub async fn leaflet_page(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(indication): Path<String>,
    Query(query): Query<DocumentQuery>,
) -> Result<Response, AppError> {
    match indication.strip_suffix(".pdf") {
        Some(indication) => leaflet_as(&state, &me, indication, &query, true).await,
        None => leaflet_as(&state, &me, &indication, &query, false).await,
    }
}

async fn leaflet_as(
    state: &AppState,
    me: &CurrentUser,
    indication: &str,
    query: &DocumentQuery,
    pdf: bool,
) -> Result<Response, AppError> {
    let indication =
        bont_core::vocabulary::Indication::parse(indication).map_err(|_| AppError::NotFound)?;
    let tr = reader_language(me, query)?;
    let document = leaflet(state, indication, &tr);
    respond(
        document,
        tr,
        "/patients".to_owned(),
        format!("/leaflets/{}", indication.id()),
        pdf,
        format!("leaflet-{}", indication.id()),
    )
    .await
}
