//! Translations. Every user-visible string is a message id looked up in
//! `locales/<lang>/*.ftl` (Fluent, with CLDR plural rules), in the reader's language,
//! falling back to English.

use bont_core::names::Names;
use bont_core::safety::catalog::Population;
use bont_core::safety::check::{Finding, Report};
use bont_core::safety::{Arg, Catalog, Detail, Dose, Units};
use bont_core::{FieldError, Language, Problem};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use std::borrow::{Borrow, Cow};
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

    /// A safety finding's title (`finding-<code>`).
    pub fn finding(&self, code: &str) -> String {
        self.t(&format!("finding-{code}"))
    }

    /// What a safety finding says, in this language (`finding-detail-<id>`).
    pub fn finding_message(&self, finding: &Finding, catalog: &Catalog) -> String {
        let text = self.detail(&finding.detail, catalog);
        // A sentence may open with a muscle's name, written in lower case in the lists; a
        // product's name ("onabotulinumtoxinA") keeps its spelling.
        let first_word = text.split(' ').next().unwrap_or_default();
        if first_word.chars().any(char::is_uppercase) {
            return text;
        }
        capitalized(&text)
    }

    fn detail(&self, detail: &Detail, catalog: &Catalog) -> String {
        let args: Vec<(&'static str, FluentValue<'static>)> = detail
            .args
            .iter()
            .map(|(name, arg)| (*name, self.arg(arg, catalog)))
            .collect();
        self.t_with(&format!("finding-detail-{}", detail.id), &args)
    }

    fn arg(&self, arg: &Arg, catalog: &Catalog) -> FluentValue<'static> {
        let names = Names::builtin();
        let text = match arg {
            Arg::Count(n) => return FluentValue::from(*n),
            Arg::Choice(choice) => (*choice).to_owned(),
            Arg::Number(v) => self.number(*v),
            Arg::Ratio(r) => self.decimal_sign(r),
            Arg::Numbers(vs) => self.list(vs.iter().map(|v| self.number(*v))),
            Arg::Dose(d) => self.dose(d),
            Arg::Product(p) => self.product(p.as_str()),
            Arg::Muscle(m) => names.muscle(catalog, m, self.language).to_owned(),
            Arg::Muscles(ms) => self.list(
                ms.iter()
                    .map(|m| names.muscle(catalog, m, self.language).to_owned()),
            ),
            Arg::Indication(i) => {
                let name = self.t(&format!("indication-{i}"));
                // English writes a condition in lower case inside a sentence; the other
                // languages quote the name as it stands.
                if self.language == Language::En {
                    let mut chars = name.chars();
                    chars
                        .next()
                        .map(|c| c.to_lowercase().chain(chars).collect())
                        .unwrap_or(name)
                } else {
                    name
                }
            }
            Arg::Side(side) => self.t(&format!("side-{}", side.as_str())),
            Arg::Date(d) => self.date(*d),
            Arg::Conditions(cs) => {
                self.list(cs.iter().map(|c| self.t(&format!("condition-{}", c.id()))))
            }
            Arg::MedicationClass(c) => self.t(&format!("medication-class-{}", c.id())),
            Arg::Scope(scope) => {
                let mut parts = Vec::new();
                if let Some(j) = &scope.jurisdiction {
                    parts.push(self.t_with("scope-label", &[("jurisdiction", j.clone().into())]));
                }
                match scope.population {
                    Population::Adult => parts.push(self.t("scope-adults")),
                    Population::Pediatric => parts.push(self.t("scope-children")),
                    Population::Any => {}
                }
                if let Some(note) = &scope.note {
                    parts.push(names.text(note, self.language).to_owned());
                }
                self.list(parts.into_iter())
            }
            Arg::Region(j) if j.is_empty() => String::new(),
            Arg::Region(j) => format!(
                " {}",
                self.t_with("region-label", &[("jurisdiction", j.clone().into())])
            ),
            Arg::DataText(t) => names.text(t, self.language).to_owned(),
            Arg::Verbatim(t) => t.clone(),
            Arg::AdverseEvent(kind) => self.t(&format!("adverse-{kind}")),
            Arg::AdverseSeverity(severity) => self.t(&format!("severity-{severity}")),
            Arg::Parts(parts) => {
                let separator = if self.language == Language::Ar {
                    "؛ "
                } else {
                    "; "
                };
                parts
                    .iter()
                    .map(|p| self.detail(p, catalog))
                    .collect::<Vec<_>>()
                    .join(separator)
            }
        };
        FluentValue::from(text)
    }

    /// The comma between parts of a sentence (Arabic writes "،").
    pub fn comma(&self) -> &'static str {
        if self.language == Language::Ar {
            "،"
        } else {
            ","
        }
    }

    /// The semicolon between parts of a sentence (Arabic writes "؛").
    pub fn semicolon(&self) -> &'static str {
        if self.language == Language::Ar {
            "؛"
        } else {
            ";"
        }
    }

    /// Items in a sentence. Where the decimal sign is a comma, a list of numbers is
    /// separated by semicolons so that "2,5; 5" cannot be read as three numbers.
    fn list(&self, items: impl Iterator<Item = String>) -> String {
        let separator = match self.language {
            Language::En => ", ",
            Language::Pl | Language::Ru => "; ",
            Language::Ar => "، ",
        };
        items.collect::<Vec<_>>().join(separator)
    }

    /// A figure as this language writes it: the decimal sign is a comma in Polish and
    /// Russian, a point in English and (with Western digits) Arabic. No thousands
    /// separator in any language (a separator in one is the decimal sign in another), no
    /// trailing zeros, a zero before the decimal sign; at most three decimals.
    pub fn number(&self, value: impl Borrow<f64>) -> String {
        let value = *value.borrow();
        let rounded = (value * 1000.0).round() / 1000.0;
        self.decimal_sign(&format!("{}", rounded + 0.0))
    }

    /// Units as this language writes the figure (see [`Tr::number`]).
    pub fn units(&self, units: impl Borrow<Units>) -> String {
        self.decimal_sign(&units.borrow().to_string())
    }

    fn decimal_sign(&self, figure: &str) -> String {
        match self.language {
            Language::Pl | Language::Ru => figure.replace('.', ","),
            Language::En | Language::Ar => figure.to_owned(),
        }
    }

    /// Units with their product: "155 U of onabotulinumtoxinA (Botox)".
    pub fn dose(&self, dose: &Dose) -> String {
        self.t_with(
            "dose",
            &[
                ("units", self.units(dose.units).into()),
                ("product", self.product(dose.product.as_str()).into()),
            ],
        )
    }

    /// A product: generic name and brand as written in this language.
    pub fn product(&self, id: &str) -> String {
        Names::builtin().product(id, self.language)
    }

    /// A moment stored as an RFC 3339 timestamp, in UTC as it is stored: the date as
    /// [`Tr::date`] writes it and the time, "4 sierpnia 2026, 10:00 UTC". Text that is not
    /// a timestamp is shown as it stands.
    pub fn moment(&self, stamp: &str) -> String {
        match stamp.parse::<jiff::Timestamp>() {
            Ok(t) => {
                let utc = t.to_zoned(jiff::tz::TimeZone::UTC);
                format!("{}, {} UTC", self.date(utc.date()), utc.strftime("%H:%M"))
            }
            Err(_) => stamp.to_owned(),
        }
    }

    /// A date kept as ISO text ("2026-11-22"), as [`Tr::date`] writes it; text that is not
    /// a date is shown as it stands.
    pub fn date_text(&self, iso: impl std::fmt::Display) -> String {
        let iso = iso.to_string();
        iso.parse::<jiff::civil::Date>()
            .map(|d| self.date(d))
            .unwrap_or(iso)
    }

    /// A date with the month in words, which no reader can take for another date:
    /// "1 December 2026", "1 grudnia 2026", "1 декабря 2026 г.", "1 ديسمبر 2026".
    pub fn date(&self, date: jiff::civil::Date) -> String {
        self.t_with(
            "date-long",
            &[
                ("day", i64::from(date.day()).into()),
                ("month", i64::from(date.month()).into()),
                ("year", date.year().to_string().into()),
            ],
        )
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
            Problem::AmbiguousNumber { value } => {
                self.t_with("problem-ambiguous-number", &[("value", s(value))])
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
            Problem::PasswordGuessable => self.t("problem-password-guessable"),
            Problem::NotAWholeNumber { value } => {
                self.t_with("problem-not-a-whole-number", &[("value", s(value))])
            }
            Problem::NotKnown { value, kind } => self.t_with(
                "problem-not-known",
                &[("value", s(value)), ("kind", s(kind))],
            ),
            Problem::NotOneOf { value, allowed } => self.t_with(
                "problem-not-one-of",
                &[
                    ("value", s(value)),
                    ("allowed", self.list(allowed.iter().cloned()).into()),
                ],
            ),
            Problem::UnknownMuscle { value, candidates } if candidates.is_empty() => {
                self.t_with("problem-unknown-muscle", &[("value", s(value))])
            }
            Problem::UnknownMuscle { value, candidates } => self.t_with(
                "problem-unknown-muscle-candidates",
                &[
                    ("value", s(value)),
                    (
                        "candidates",
                        self.list(candidates.iter().map(|m| {
                            Names::builtin()
                                .muscle_in(m, self.language)
                                .map(str::to_owned)
                                .unwrap_or_else(|| m.replace('_', " "))
                        }))
                        .into(),
                    ),
                ],
            ),
            Problem::Outside {
                value,
                min,
                max,
                unit,
            } => self.t_with(
                "problem-outside",
                &[
                    ("value", self.decimal_sign(value).into()),
                    ("min", self.decimal_sign(min).into()),
                    ("max", self.decimal_sign(max).into()),
                    ("unit", s(if unit.is_empty() { "none" } else { unit })),
                ],
            ),
            Problem::ImplausibleUnits { value, vial } => self.t_with(
                if *vial {
                    "problem-implausible-vial"
                } else {
                    "problem-implausible-units"
                },
                &[("value", self.decimal_sign(value).into())],
            ),
            Problem::MoreSitesThanUnits { sites, units } => self.t_with(
                "problem-more-sites-than-units",
                &[
                    ("sites", V::from(*sites)),
                    ("units", self.decimal_sign(units).into()),
                ],
            ),
            Problem::ImplausibleDose {
                units,
                product,
                largest,
                ceiling,
                whole,
            } => self.t_with(
                "problem-implausible-dose",
                &[
                    ("units", self.decimal_sign(units).into()),
                    ("product", self.product(product).into()),
                    ("largest", self.decimal_sign(largest).into()),
                    ("ceiling", self.decimal_sign(ceiling).into()),
                    ("whole", s(if *whole { "session" } else { "row" })),
                ],
            ),
            Problem::ExponentNotation { value } => {
                self.t_with("problem-exponent-notation", &[("value", s(value))])
            }
            Problem::SessionInFuture { value } => self.t_with(
                "problem-session-in-future",
                &[("value", self.date_text(value).into())],
            ),
            Problem::DateInPast { value } => self.t_with(
                "problem-date-in-past",
                &[("value", self.date_text(value).into())],
            ),
            Problem::NotATime { value } => {
                self.t_with("problem-not-a-time", &[("value", s(value))])
            }
            Problem::RequiredBecause { because } => {
                self.t_with("problem-required-because", &[("because", s(because))])
            }
            Problem::NoInjections => self.t("problem-no-injections"),
            Problem::GivenTwice => self.t("problem-given-twice"),
            Problem::LotExpired { lot, expiry } => self.t_with(
                "problem-lot-expired",
                &[("lot", s(lot)), ("expiry", self.date_text(expiry).into())],
            ),
            Problem::NotALotOfSession { value, lots } => self.t_with(
                "problem-not-a-lot-of-session",
                &[
                    ("value", s(value)),
                    ("lots", self.list(lots.iter().cloned()).into()),
                    ("count", V::from(lots.len())),
                ],
            ),
            Problem::ChooseLot { lots } => self.t_with(
                "problem-choose-lot",
                &[("lots", self.list(lots.iter().cloned()).into())],
            ),
            Problem::ReasonLength { min, max } => self.t_with(
                "problem-reason-length",
                &[("min", V::from(*min)), ("max", V::from(*max))],
            ),
            Problem::OverrideNeeded { finding } => self.t_with(
                "problem-override-needed",
                &[("finding", self.finding(finding).into())],
            ),
            Problem::OverrideReasonLength { finding, min, max } => self.t_with(
                "problem-override-reason-length",
                &[
                    ("finding", self.finding(finding).into()),
                    ("min", V::from(*min)),
                    ("max", V::from(*max)),
                ],
            ),
            Problem::OverrideKindNeeded { finding } => self.t_with(
                "problem-override-kind-needed",
                &[("finding", self.finding(finding).into())],
            ),
            Problem::OverrideReasonWords { finding, min_words } => self.t_with(
                "problem-override-reason-words",
                &[
                    ("finding", self.finding(finding).into()),
                    ("min", V::from(*min_words)),
                ],
            ),
            Problem::NeededToSign { what } => {
                self.t_with("problem-needed-to-sign", &[("what", s(what))])
            }
            Problem::NotForMale => self.t("problem-not-for-male"),
            Problem::NotBlocking { finding } => {
                self.t_with("problem-not-blocking", &[("finding", s(finding))])
            }
            Problem::ItemCount {
                needed,
                given,
                min,
                max,
            } => self.t_with(
                "problem-item-count",
                &[
                    ("needed", V::from(*needed)),
                    ("given", V::from(*given)),
                    ("min", self.decimal_sign(min).into()),
                    ("max", self.decimal_sign(max).into()),
                ],
            ),
            Problem::NotAStep { value, step } => self.t_with(
                "problem-not-a-step",
                &[
                    ("value", self.decimal_sign(value).into()),
                    ("step", self.decimal_sign(step).into()),
                ],
            ),
            Problem::ScoredOnGoals => self.t("problem-scored-on-goals"),
            Problem::AtLeastOneItem => self.t("problem-at-least-one-item"),
            Problem::EmptyWhileOngoing => self.t("problem-empty-while-ongoing"),
        }
    }

    /// A faulty field of a form or plan, where it is and what is wrong:
    /// "Injections, row 3, units: “-40” is not a plausible number of units".
    pub fn plan_error(&self, error: &bont_core::safety::plan::PlanError) -> String {
        use FluentValue as V;
        let mut place = Vec::new();
        for part in error.field.split('.') {
            if part == "session" || part == "patient" {
                continue;
            }
            let (name, row) = match part.split_once('[') {
                Some((name, index)) => (name, index.trim_end_matches(']').parse::<usize>().ok()),
                None => (part, None),
            };
            let id = format!("field-{name}");
            let label = self.t(&id);
            // A list without a label of its own is named by its row alone.
            if label != id {
                place.push(label);
            } else if row.is_none() {
                place.push(name.replace('_', " "));
            }
            if let Some(row) = row {
                place.push(self.t_with("field-row", &[("row", V::from(row + 1))]));
            }
        }
        let problem = self.problem(&error.problem);
        if place.is_empty() {
            return problem;
        }
        format!("{}: {problem}", capitalized(&place.join(", ")))
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

/// `text` with its first letter in upper case.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Findings as JSON for the API, the stored verdict and the command line: each with its
/// sentence in `tr`'s language (`message`) beside the id and arguments it is written from.
pub fn findings_json(findings: &[Finding], catalog: &Catalog, tr: Tr) -> serde_json::Value {
    serde_json::Value::Array(
        findings
            .iter()
            .map(|f| {
                let mut value = serde_json::to_value(f).unwrap_or_default();
                if let Some(object) = value.as_object_mut() {
                    object.insert("message".into(), tr.finding_message(f, catalog).into());
                }
                value
            })
            .collect(),
    )
}

/// The findings as a session keeps them: with their English sentence.
pub fn findings_in_english(findings: &[Finding], catalog: &Catalog) -> serde_json::Value {
    findings_json(findings, catalog, Tr::new(Language::En))
}

/// A safety report as JSON, its findings as [`findings_json`] writes them.
pub fn report_json(report: &Report, catalog: &Catalog, tr: Tr) -> serde_json::Value {
    let mut value = serde_json::to_value(report).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "findings".into(),
            findings_json(&report.findings, catalog, tr),
        );
    }
    value
}

/// The cookie that keeps the language a visitor chose before logging in (a visitor has
/// no login session).
pub const LANGUAGE_COOKIE: &str = "bont_language";

/// The language of someone not logged in: the one they chose on the switch, else the first
/// of their browser's languages that bont speaks, else English.
pub fn visitor_language(headers: &axum::http::HeaderMap) -> Language {
    if let Some(code) = crate::csrf::cookie(headers, LANGUAGE_COOKIE)
        && let Ok(language) = Language::parse(code)
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

    /// One of each problem (the `match` makes a new kind of problem a compile error here
    /// until it is added).
    fn every_problem() -> Vec<Problem> {
        let s = |v: &str| v.to_owned();
        let all = vec![
            Problem::Required,
            Problem::TooLong { max: 40 },
            Problem::TooMany { max: 60 },
            Problem::ControlCharacters,
            Problem::NotADate { value: s("32.13") },
            Problem::DateInFuture,
            Problem::DateTooEarly {
                earliest: s("2026-01-05"),
            },
            Problem::BeforeBirth,
            Problem::NotANumber { value: s("abc") },
            Problem::NotAWholeNumber { value: s("2.5") },
            Problem::AmbiguousNumber { value: s("1,500") },
            Problem::OutOfRange {
                min: s("0.5"),
                max: s("400"),
                unit: s("kg"),
            },
            Problem::Unknown { value: s("x") },
            Problem::Duplicate,
            Problem::NameOrPseudonymRequired,
            Problem::NotAnEmail,
            Problem::NotAPhoneNumber,
            Problem::PasswordTooShort { min: 12 },
            Problem::PasswordsDiffer,
            Problem::PasswordGuessable,
            Problem::NotKnown {
                value: s("Botax"),
                kind: "product",
            },
            Problem::NotOneOf {
                value: s("up"),
                allowed: vec![s("left"), s("right")],
            },
            Problem::UnknownMuscle {
                value: s("stern"),
                candidates: vec![s("sternocleidomastoid"), s("sternohyoid")],
            },
            Problem::UnknownMuscle {
                value: s("xyz"),
                candidates: Vec::new(),
            },
            Problem::Outside {
                value: s("12.5"),
                min: s("0.5"),
                max: s("10"),
                unit: "ml",
            },
            Problem::Outside {
                value: s("5"),
                min: s("-2"),
                max: s("+2"),
                unit: "",
            },
            Problem::ImplausibleUnits {
                value: s("-40"),
                vial: false,
            },
            Problem::ImplausibleUnits {
                value: s("0"),
                vial: true,
            },
            Problem::MoreSitesThanUnits {
                sites: 4,
                units: s("2.5"),
            },
            Problem::ImplausibleDose {
                units: s("200113"),
                product: s("onabotulinumtoxinA"),
                largest: s("400"),
                ceiling: s("800"),
                whole: false,
            },
            Problem::ImplausibleDose {
                units: s("1200.5"),
                product: s("incobotulinumtoxinA"),
                largest: s("400"),
                ceiling: s("800"),
                whole: true,
            },
            Problem::ExponentNotation { value: s("1e3") },
            Problem::SessionInFuture {
                value: s("2026-12-30"),
            },
            Problem::DateInPast {
                value: s("2026-10-01"),
            },
            Problem::NotATime { value: s("25:00") },
            Problem::RequiredBecause {
                because: "diluent_given",
            },
            Problem::RequiredBecause { because: "powder" },
            Problem::NoInjections,
            Problem::GivenTwice,
            Problem::LotExpired {
                lot: s("C1234A"),
                expiry: s("2026-10-31"),
            },
            Problem::NotALotOfSession {
                value: s("X"),
                lots: vec![s("C1234A"), s("D55")],
            },
            Problem::NotALotOfSession {
                value: s("X"),
                lots: Vec::new(),
            },
            Problem::ChooseLot {
                lots: vec![s("C1234A"), s("D55")],
            },
            Problem::ReasonLength { min: 10, max: 1000 },
            Problem::OverrideNeeded {
                finding: s("session_max_exceeded"),
            },
            Problem::OverrideReasonLength {
                finding: s("interval_too_short"),
                min: 10,
                max: 1000,
            },
            Problem::NotBlocking {
                finding: s("off_label"),
            },
            Problem::OverrideKindNeeded {
                finding: s("interval_too_short"),
            },
            Problem::OverrideReasonWords {
                finding: s("interval_too_short"),
                min_words: 3,
            },
            Problem::NeededToSign { what: "vials" },
            Problem::NeededToSign { what: "consent" },
            Problem::NotForMale,
            Problem::ItemCount {
                needed: 6,
                given: 5,
                min: s("0"),
                max: s("4"),
            },
            Problem::NotAStep {
                value: s("2.5"),
                step: s("1"),
            },
            Problem::ScoredOnGoals,
            Problem::AtLeastOneItem,
            Problem::EmptyWhileOngoing,
        ];
        for p in &all {
            match p {
                Problem::Required
                | Problem::TooLong { .. }
                | Problem::TooMany { .. }
                | Problem::ControlCharacters
                | Problem::NotADate { .. }
                | Problem::DateInFuture
                | Problem::DateTooEarly { .. }
                | Problem::BeforeBirth
                | Problem::NotANumber { .. }
                | Problem::NotAWholeNumber { .. }
                | Problem::AmbiguousNumber { .. }
                | Problem::OutOfRange { .. }
                | Problem::Unknown { .. }
                | Problem::Duplicate
                | Problem::NameOrPseudonymRequired
                | Problem::NotAnEmail
                | Problem::NotAPhoneNumber
                | Problem::PasswordTooShort { .. }
                | Problem::PasswordsDiffer
                | Problem::PasswordGuessable
                | Problem::NotKnown { .. }
                | Problem::NotOneOf { .. }
                | Problem::UnknownMuscle { .. }
                | Problem::Outside { .. }
                | Problem::ImplausibleUnits { .. }
                | Problem::MoreSitesThanUnits { .. }
                | Problem::ImplausibleDose { .. }
                | Problem::ExponentNotation { .. }
                | Problem::SessionInFuture { .. }
                | Problem::DateInPast { .. }
                | Problem::NotATime { .. }
                | Problem::RequiredBecause { .. }
                | Problem::NoInjections
                | Problem::GivenTwice
                | Problem::LotExpired { .. }
                | Problem::NotALotOfSession { .. }
                | Problem::ChooseLot { .. }
                | Problem::ReasonLength { .. }
                | Problem::OverrideNeeded { .. }
                | Problem::OverrideReasonLength { .. }
                | Problem::NotBlocking { .. }
                | Problem::OverrideKindNeeded { .. }
                | Problem::OverrideReasonWords { .. }
                | Problem::NeededToSign { .. }
                | Problem::NotForMale
                | Problem::ItemCount { .. }
                | Problem::NotAStep { .. }
                | Problem::ScoredOnGoals
                | Problem::AtLeastOneItem
                | Problem::EmptyWhileOngoing => {}
            }
        }
        all
    }

    #[test]
    fn every_problem_is_worded_in_every_language() {
        for language in Language::ALL {
            let tr = Tr::new(language);
            for problem in every_problem() {
                let text = tr.problem(&problem);
                assert!(
                    !text.starts_with("problem-") && !text.contains('{') && text.len() > 5,
                    "{language:?} {problem:?}: {text}"
                );
                if language != Language::En {
                    assert_ne!(
                        text,
                        Tr::new(Language::En).problem(&problem),
                        "{language:?}"
                    );
                }
            }
        }
        let pl = Tr::new(Language::Pl);
        assert_eq!(
            pl.problem(&Problem::Outside {
                value: "12.5".into(),
                min: "0.5".into(),
                max: "10".into(),
                unit: "ml",
            }),
            "12,5 jest poza zakresem od 0,5 do 10 ml."
        );
        assert_eq!(
            Tr::new(Language::Ru).problem(&Problem::LotExpired {
                lot: "C1234A".into(),
                expiry: "2026-10-31".into(),
            }),
            "Срок годности серии C1234A истёк 31 октября 2026 г., до процедуры."
        );
        let error = bont_core::safety::plan::PlanError::new(
            "session.injections[2].units",
            Problem::ImplausibleUnits {
                value: "-40".into(),
                vial: false,
            },
        );
        assert_eq!(
            error.to_string(),
            "session.injections[2].units: -40 is not a plausible number of units"
        );
        assert_eq!(
            pl.plan_error(&error),
            "Wstrzyknięcia, wiersz 3, Jednostki (każda strona): -40 nie jest wiarygodną liczbą jednostek."
        );
    }
}
