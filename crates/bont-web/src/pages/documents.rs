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
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use bont_core::Language;
use bont_db::outcomes::FollowUpStatus;
use bont_db::sessions::SessionStatus;
use bont_reports::document::{Block, Document};

/// Sources of the boxed warning on distant spread of the toxin's effect.
const BOXED_WARNING: &str = "BOTOX-OPENFDA, MYOBLOC-OPENFDA, DAXXIFY-OPENFDA";
/// Sources of asking about other toxins in the last four months.
const OTHER_TOXIN: &str = "XEOMIN-ISI-LUNATUS, BOTOX-SPAST-TEXT";
/// Source of the warning on reduced blinking after injections near the eye.
const PERIOCULAR: &str = "XEOMIN-ISI-PAGE";

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
    product: String,
    total: String,
    rows: Vec<Row>,
    expect: String,
    expect_sources: String,
    near_eye: bool,
    follow_ups: Vec<(String, String)>,
    boxed_warning: &'static str,
    other_toxin: &'static str,
    periocular: &'static str,
    languages: Vec<(&'static str, &'static str)>,
}

fn units_text(units: f64) -> String {
    bont_core::safety::Units::from_f64(units)
        .map(|u| u.to_string())
        .unwrap_or_else(|| units.to_string())
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
    let document = sheet.document();
    let bytes = tokio::task::spawn_blocking(move || bont_reports::document::pdf(&document))
        .await
        .map_err(AppError::internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "inline; filename=\"after-care-{}-{}.pdf\"",
                    sheet.date,
                    sheet.tr.lang()
                ),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

impl AfterCare {
    /// The sheet as blocks for the PDF: the same content as the page, in the same order.
    fn document(&self) -> Document {
        let tr = &self.tr;
        let sources = |s: &str| Block::Small(format!("[{s}]"));
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
                    tr.t("session-muscle"),
                    tr.t("session-side"),
                    tr.t("session-units-per-side"),
                ],
                rows: self
                    .rows
                    .iter()
                    .map(|r| vec![r.muscle.clone(), r.side.clone(), format!("{} U", r.units)])
                    .collect(),
                widths: vec![3.0, 1.2, 1.4],
            },
            Block::Heading(tr.t("aftercare-expect-title")),
            Block::Text(self.expect.clone()),
            sources(&self.expect_sources),
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
                sources(self.boxed_warning),
            ]),
        ];
        if self.near_eye {
            blocks.extend([
                Block::Heading(tr.t("aftercare-eye-title")),
                Block::Text(tr.t("aftercare-eye")),
                sources(self.periocular),
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
            sources(self.other_toxin),
            Block::Text(format!("{} {}", tr.t("aftercare-contact"), self.clinic)),
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
    let state = state.clone();
    let id = parse_session(id)?;
    let actor = me.actor(&state);
    let s = state.db.read_session(&actor, id).await?;
    if s.status != SessionStatus::Signed {
        return Err(AppError::WrongState(
            "an after-care sheet is printed for a signed session".into(),
        ));
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
    let (cycles, scores) = crate::api::sessions::history(&state, &actor, s.patient, None).await?;
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
            ("onset_date", day(model.onset_day).to_string().into()),
            ("peak_date", day(model.peak_day).to_string().into()),
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
                format!("{} – {}", f.opens_on, f.due_on),
            )
        })
        .collect();
    let rows = s
        .record
        .injections
        .iter()
        .map(|i| Row {
            muscle: muscle_name(&state, language, &i.muscle),
            side: tr.t(&format!("side-{}", i.side)),
            units: units_text(i.units),
        })
        .collect();
    Ok(AfterCare {
        session: id.get(),
        clinic: state.db.clinic(me.user.clinic).await?.name,
        patient: patient.record.name.display(),
        date: s.record.date.clone(),
        total: format!("{} U {}", units_text(s.total_units), s.record.product),
        product: s.record.product.clone(),
        rows,
        expect,
        expect_sources: model.source.join(", "),
        near_eye,
        follow_ups,
        boxed_warning: BOXED_WARNING,
        other_toxin: OTHER_TOXIN,
        periocular: PERIOCULAR,
        languages: tr.languages(),
        tr,
    })
}
