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
