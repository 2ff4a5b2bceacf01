//! Translations. Every user-visible string is a message id looked up in
//! `locales/<lang>/*.ftl` (Fluent, with CLDR plural rules), in the reader's language,
//! falling back to English.

use bont_core::{FieldError, Language, Problem};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    pub static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Directional isolation is done in HTML with <bdi>, where it is needed.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static PL: LanguageIdentifier = langid!("pl");
static RU: LanguageIdentifier = langid!("ru");
static AR: LanguageIdentifier = langid!("ar");

/// A translator for one language; cheap to copy into every page.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub language: Language,
}

impl Tr {
    pub fn new(language: Language) -> Self {
        Tr { language }
    }

    fn id(&self) -> &'static LanguageIdentifier {
        match self.language {
            Language::En => &EN,
            Language::Pl => &PL,
            Language::Ru => &RU,
            Language::Ar => &AR,
        }
    }

    /// The message `id`; the id itself if no language has it (a test forbids that).
    pub fn t(&self, id: &str) -> String {
        LOCALES
            .try_lookup(self.id(), id)
            .unwrap_or_else(|| id.to_owned())
    }

    /// The message `id` with named arguments.
    pub fn t_with(&self, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
            .collect();
        LOCALES
            .try_lookup_with_args(self.id(), id, &args)
            .unwrap_or_else(|| id.to_owned())
    }

    /// `lang` attribute value.
    pub fn lang(&self) -> &'static str {
        self.language.code()
    }

    /// `dir` attribute value.
    pub fn dir(&self) -> &'static str {
        if self.language.is_right_to_left() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The interface languages, each in its own name, for the language switch.
    pub fn languages(&self) -> Vec<(&'static str, &'static str)> {
        Language::ALL
            .into_iter()
            .map(|l| (l.code(), l.endonym()))
            .collect()
    }

    /// A safety finding's title (`finding-<code>`); the detail stays as the check wrote it.
    pub fn finding(&self, code: &str) -> String {
        self.t(&format!("finding-{code}"))
    }

    /// A field's label (`field-<name>`).
    pub fn field(&self, field: &str) -> String {
        self.t(&format!("field-{field}"))
    }

    /// What is wrong, as a sentence.
    pub fn problem(&self, problem: &Problem) -> String {
        use FluentValue as V;
        let s = |v: &str| V::from(v.to_owned());
        match problem {
            Problem::Required => self.t("problem-required"),
            Problem::TooLong { max } => self.t_with("problem-too-long", &[("max", V::from(*max))]),
            Problem::TooMany { max } => self.t_with("problem-too-many", &[("max", V::from(*max))]),
            Problem::ControlCharacters => self.t("problem-control-characters"),
            Problem::NotADate { value } => {
                self.t_with("problem-not-a-date", &[("value", s(value))])
            }
            Problem::DateInFuture => self.t("problem-date-in-future"),
            Problem::DateTooEarly { earliest } => {
                self.t_with("problem-date-too-early", &[("earliest", s(earliest))])
            }
            Problem::BeforeBirth => self.t("problem-before-birth"),
            Problem::NotANumber { value } => {
                self.t_with("problem-not-a-number", &[("value", s(value))])
            }
            Problem::OutOfRange { min, max, unit } => self.t_with(
                "problem-out-of-range",
                &[("min", s(min)), ("max", s(max)), ("unit", s(unit))],
            ),
            Problem::Unknown { value } => self.t_with("problem-unknown", &[("value", s(value))]),
            Problem::Duplicate => self.t("problem-duplicate"),
            Problem::NameOrPseudonymRequired => self.t("problem-name-or-pseudonym"),
            Problem::NotAnEmail => self.t("problem-not-an-email"),
            Problem::NotAPhoneNumber => self.t("problem-not-a-phone"),
            Problem::PasswordTooShort { min } => {
                self.t_with("problem-password-too-short", &[("min", V::from(*min))])
            }
            Problem::PasswordsDiffer => self.t("problem-passwords-differ"),
        }
    }

    /// "Field: what is wrong".
    pub fn field_error(&self, error: &FieldError) -> String {
        format!(
            "{}: {}",
            self.field(error.field),
            self.problem(&error.problem)
        )
    }
}

/// Where the session keeps the language chosen before logging in.
pub const SESSION_LANGUAGE: &str = "language";

/// The language of someone not logged in: the one they chose on the switch, else the first
/// of their browser's languages that bont speaks, else English.
pub async fn visitor_language(
    session: &tower_sessions::Session,
    headers: &axum::http::HeaderMap,
) -> Language {
    if let Ok(Some(code)) = session.get::<String>(SESSION_LANGUAGE).await
        && let Ok(language) = Language::parse(&code)
    {
        return language;
    }
    headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .into_iter()
        .flat_map(|v| v.split(','))
        .filter_map(|tag| Language::parse(tag.split(';').next().unwrap_or_default()).ok())
        .next()
        .unwrap_or(Language::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(language: Language, counts: &[i64]) -> Vec<String> {
        let tr = Tr::new(language);
        counts
            .iter()
            .map(|n| tr.t_with("days-count", &[("count", (*n).into())]))
            .collect()
    }

    #[test]
    fn plural_forms_follow_each_languages_rules() {
        assert_eq!(
            days(Language::En, &[1, 2, 5]),
            ["1 day", "2 days", "5 days"]
        );
        // Polish: one, few (2-4, 22-24), many (5-21, 25-...).
        assert_eq!(
            days(Language::Pl, &[1, 2, 5, 22, 25]),
            ["1 dzień", "2 dni", "5 dni", "22 dni", "25 dni"]
        );
        let tr = Tr::new(Language::Pl);
        let years: Vec<String> = [1, 3, 5, 22, 112]
            .iter()
            .map(|n| tr.t_with("age-years", &[("years", (*n).into())]))
            .collect();
        assert_eq!(years, ["1 rok", "3 lata", "5 lat", "22 lata", "112 lat"]);
        // Russian: one (1, 21, 101), few (2-4, 22-24), many (5-20, 25-30).
        assert_eq!(
            days(Language::Ru, &[1, 2, 5, 21, 22, 25, 111]),
            [
                "1 день",
                "2 дня",
                "5 дней",
                "21 день",
                "22 дня",
                "25 дней",
                "111 дней"
            ]
        );
        // Arabic: zero, one, two, few (3-10), many (11-99), other (100-102, ...).
        assert_eq!(
            days(Language::Ar, &[0, 1, 2, 3, 11, 100]),
            [
                "لا أيام",
                "يوم واحد",
                "يومان",
                "3 أيام",
                "11 يومًا",
                "100 يوم"
            ]
        );
    }

    #[test]
    fn every_language_is_read_and_arabic_runs_right_to_left() {
        for language in Language::ALL {
            let tr = Tr::new(language);
            assert_ne!(tr.t("login-title"), "login-title", "{language}");
            assert_eq!(
                tr.dir(),
                if language == Language::Ar {
                    "rtl"
                } else {
                    "ltr"
                }
            );
        }
        assert_eq!(Tr::new(Language::Ru).t("nav-patients"), "Пациенты");
        assert_eq!(Tr::new(Language::Ar).t("nav-patients"), "المرضى");
    }
}
