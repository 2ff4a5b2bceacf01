//! The clinic's settings, for its administrator: whether it works pseudonymised, and its own
//! after-care advice (what to avoid after the injection) in each language, which the
//! after-care sheet prints in the patient's language.

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::form::HtmlForm;
use crate::i18n::Tr;
use crate::pages::{Nav, render, render_with};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use bont_core::text::Paragraphs;
use bont_core::{FieldErrors, Language};

/// The longest after-care advice, in characters.
pub const ADVICE_MAX: usize = 4000;

struct Advice {
    code: &'static str,
    label: String,
    dir: &'static str,
    text: String,
}

#[derive(Template)]
#[template(path = "clinic/settings.html")]
struct SettingsPage {
    tr: Tr,
    nav: Option<Nav>,
    name: String,
    pseudonymised: bool,
    advice: Vec<Advice>,
    errors: Vec<String>,
}

async fn page(
    state: &AppState,
    me: &CurrentUser,
    pseudonymised: Option<bool>,
    texts: Option<Vec<String>>,
    errors: Vec<String>,
) -> Result<SettingsPage, AppError> {
    let clinic = state.db.clinic(me.user.clinic).await?;
    let tr = me.tr();
    let mut advice = Vec::new();
    for (i, language) in Language::ALL.into_iter().enumerate() {
        let text = match &texts {
            Some(t) => t.get(i).cloned().unwrap_or_default(),
            None => state
                .db
                .clinic_advice(me.user.clinic, language)
                .await?
                .unwrap_or_default(),
        };
        advice.push(Advice {
            code: language.code(),
            label: tr.t_with("clinic-advice", &[("language", language.endonym().into())]),
            dir: if language.is_right_to_left() {
                "rtl"
            } else {
                "ltr"
            },
            text,
        });
    }
    Ok(SettingsPage {
        nav: Some(Nav::of(&me.user)),
        name: clinic.name,
        pseudonymised: pseudonymised.unwrap_or(clinic.pseudonymised),
        advice,
        errors,
        tr,
    })
}

pub async fn settings(
    State(state): State<AppState>,
    me: CurrentUser,
) -> Result<Html<String>, AppError> {
    render(&page(&state, &me, None, None, Vec::new()).await?)
}

#[derive(Debug, serde::Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    pseudonymised: Option<String>,
    #[serde(default)]
    advice_en: String,
    #[serde(default)]
    advice_pl: String,
    #[serde(default)]
    advice_ru: String,
    #[serde(default)]
    advice_ar: String,
}

pub async fn save(
    State(state): State<AppState>,
    me: CurrentUser,
    HtmlForm(form): HtmlForm<SettingsForm>,
) -> Result<Response, AppError> {
    let pseudonymised = form.pseudonymised.as_deref() == Some("true");
    let texts = vec![
        form.advice_en,
        form.advice_pl,
        form.advice_ru,
        form.advice_ar,
    ];
    let mut errors = FieldErrors::new();
    let mut advice = Vec::new();
    for (language, text) in Language::ALL.into_iter().zip(&texts) {
        let field = match language {
            Language::En => "advice_en",
            Language::Pl => "advice_pl",
            Language::Ru => "advice_ru",
            Language::Ar => "advice_ar",
        };
        if let Some(checked) = errors.take(field, Paragraphs::<ADVICE_MAX>::parse(text)) {
            advice.push((language, checked.as_str().to_owned()));
        }
    }
    if !errors.is_empty() {
        let tr = me.tr();
        let messages = errors.iter().map(|e| tr.field_error(e)).collect();
        let page = page(&state, &me, Some(pseudonymised), Some(texts), messages).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    state
        .db
        .save_clinic_settings(&me.actor(&state), pseudonymised, &advice)
        .await?;
    Ok(Redirect::to("/clinic").into_response())
}
