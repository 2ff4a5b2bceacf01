//! Validation results that name the field at fault.
//!
//! A [`Problem`] is what is wrong, independent of language; the web layer turns it into
//! a translated sentence, the command line into English ([`fmt::Display`]).

use serde::Serialize;
use std::fmt;

/// What is wrong with one field's value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Problem {
    /// The field must be filled in.
    Required,
    /// Longer than allowed, in characters.
    TooLong { max: usize },
    /// A list with more entries than allowed.
    TooMany { max: usize },
    /// Contains control characters (line breaks in a one-line field, NUL, ...).
    ControlCharacters,
    /// Not a date in the form YYYY-MM-DD.
    NotADate { value: String },
    /// A date after today where only past dates make sense.
    DateInFuture,
    /// A date before the earliest plausible one.
    DateTooEarly { earliest: String },
    /// A date before the patient's birth.
    BeforeBirth,
    /// Not a number.
    NotANumber { value: String },
    /// Not a whole number (days, goal levels).
    NotAWholeNumber { value: String },
    /// "1,500" or "1.500": a thousands separator in one language, a decimal sign in
    /// another, so the number could be a thousand times too big or too small.
    AmbiguousNumber { value: String },
    /// A number outside its plausible range.
    OutOfRange {
        min: String,
        max: String,
        unit: String,
    },
    /// A value that is not one of the accepted ones.
    Unknown { value: String },
    /// Another record already uses this value.
    Duplicate,
    /// Neither a name nor a pseudonym was given.
    NameOrPseudonymRequired,
    /// Not an e-mail address.
    NotAnEmail,
    /// Not a telephone number.
    NotAPhoneNumber,
    /// Passwords too short.
    PasswordTooShort { min: usize },
    /// The two password entries differ.
    PasswordsDiffer,
    /// Among the common passwords, or as easily guessed.
    PasswordGuessable,
    /// Not one of the codes a list knows (`kind`: condition, allergy, product,
    /// indication, scale, part).
    NotKnown { value: String, kind: &'static str },
    /// Not one of `allowed` (codes, as the API spells them).
    NotOneOf { value: String, allowed: Vec<String> },
    /// A muscle the catalogue does not have, with the muscles the text may have meant (ids).
    UnknownMuscle {
        value: String,
        candidates: Vec<String>,
    },
    /// A figure outside its range; `unit` is a code (kg, ml, minutes, sites, days, "").
    Outside {
        value: String,
        min: String,
        max: String,
        unit: &'static str,
    },
    /// Not a plausible number of units (of a dose or of a vial).
    ImplausibleUnits { value: String, vial: bool },
    /// A dose of a product far above anything its labels allow: a typing error, refused
    /// without override. `whole` is the session's total rather than one row; `ceiling` is
    /// twice `largest`, the largest verified per-session figure of the product's labels.
    ImplausibleDose {
        units: String,
        product: String,
        largest: String,
        ceiling: String,
        whole: bool,
    },
    /// A number written with an exponent ("1e3").
    ExponentNotation { value: String },
    /// More injection sites than units.
    MoreSitesThanUnits { sites: u32, units: String },
    /// A session dated after today.
    SessionInFuture { value: String },
    /// A day already past where a coming one is meant (a booked visit).
    DateInPast { value: String },
    /// Not a time of day.
    NotATime { value: String },
    /// Needed because of another field: `because` is diluent_given or powder.
    RequiredBecause { because: &'static str },
    /// A session without injections.
    NoInjections,
    /// The same muscle and side twice.
    GivenTwice,
    /// A vial lot past its expiry on the day of the session.
    LotExpired { lot: String, expiry: String },
    /// Not one of the session's lots.
    NotALotOfSession { value: String, lots: Vec<String> },
    /// The session has several lots: say which one.
    ChooseLot { lots: Vec<String> },
    /// A written reason of the wrong length.
    ReasonLength { min: usize, max: usize },
    /// A blocking finding signed without a reason.
    OverrideNeeded { finding: String },
    /// The reason for overriding a finding is too short or too long.
    OverrideReasonLength {
        finding: String,
        min: usize,
        max: usize,
    },
    /// An override without one of the kinds of reason ([`crate::treatment::OVERRIDE_KINDS`]).
    OverrideKindNeeded { finding: String },
    /// An override reason with fewer than `min_words` words ("xxxxxxxxxx" is none).
    OverrideReasonWords { finding: String, min_words: usize },
    /// Signing needs what the record needs: `what` is vials (lot and expiry of each vial)
    /// or consent (the patient's consent to treatment).
    NeededToSign { what: &'static str },
    /// Pregnancy or breastfeeding recorded for a male patient.
    NotForMale,
    /// A reason given for a finding that does not block.
    NotBlocking { finding: String },
    /// A scale's items: `needed` of them, each `min` to `max` or not applicable.
    ItemCount {
        needed: usize,
        given: usize,
        min: String,
        max: String,
    },
    /// A score between the scale's steps.
    NotAStep { value: String, step: String },
    /// Goal Attainment Scaling is scored on the patient's goals, not as a scale.
    ScoredOnGoals,
    /// A checklist with nothing ticked.
    AtLeastOneItem,
    /// A duration given for an adverse event that has not ended.
    EmptyWhileOngoing,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Required => write!(f, "is required"),
            Problem::TooLong { max } => write!(f, "is too long (at most {max} characters)"),
            Problem::TooMany { max } => write!(f, "has too many entries (at most {max})"),
            Problem::ControlCharacters => write!(f, "contains line breaks or control characters"),
            Problem::NotADate { value } => write!(f, "\"{value}\" is not a date (use YYYY-MM-DD)"),
            Problem::DateInFuture => write!(f, "cannot be in the future"),
            Problem::DateTooEarly { earliest } => write!(f, "cannot be before {earliest}"),
            Problem::BeforeBirth => write!(f, "cannot be before the birth date"),
            Problem::NotANumber { value } => write!(f, "\"{value}\" is not a number"),
            Problem::NotAWholeNumber { value } => {
                write!(f, "\"{value}\" is not a whole number")
            }
            Problem::AmbiguousNumber { value } => write!(
                f,
                "\"{value}\" could be read two ways: write it without a thousands separator, or with at most two decimals"
            ),
            Problem::OutOfRange { min, max, unit } => {
                write!(f, "must be between {min} and {max} {unit}")
            }
            Problem::Unknown { value } => write!(f, "\"{value}\" is not a known value"),
            Problem::Duplicate => write!(f, "is already used by another record"),
            Problem::NameOrPseudonymRequired => {
                write!(f, "a family name or a pseudonym is required")
            }
            Problem::NotAnEmail => write!(f, "is not an e-mail address"),
            Problem::NotAPhoneNumber => {
                write!(
                    f,
                    "is not a telephone number (digits, spaces, + - ( ) only)"
                )
            }
            Problem::PasswordTooShort { min } => write!(f, "must be at least {min} characters"),
            Problem::PasswordsDiffer => write!(f, "the two passwords differ"),
            Problem::PasswordGuessable => write!(f, "is too easily guessed"),
            Problem::NotKnown { value, kind } => write!(f, "\"{value}\" is not a known {kind}"),
            Problem::NotOneOf { value, allowed } => {
                write!(f, "\"{value}\" is not one of {}", allowed.join(", "))
            }
            Problem::UnknownMuscle { value, candidates } => {
                write!(f, "\"{value}\" is not in the muscle catalogue")?;
                if !candidates.is_empty() {
                    write!(f, "; did you mean {}?", candidates.join(", "))?;
                }
                Ok(())
            }
            Problem::Outside {
                value,
                min,
                max,
                unit,
            } => {
                let unit = match *unit {
                    "" => String::new(),
                    "ml" => " mL".to_owned(),
                    other => format!(" {other}"),
                };
                write!(f, "{value} is outside {min} to {max}{unit}")
            }
            Problem::ImplausibleUnits { value, vial: false } => {
                write!(f, "{value} is not a plausible number of units")
            }
            Problem::ImplausibleUnits { value, vial: true } => {
                write!(f, "{value} is not a plausible vial size")
            }
            Problem::ImplausibleDose {
                units,
                product,
                largest,
                ceiling,
                whole,
            } => {
                let what = if *whole { "in this session " } else { "" };
                write!(
                    f,
                    "{units} U of {product} {what}is not a plausible dose: the largest its labels give is {largest} U a session, and a plan above {ceiling} U is taken for a typing error; correct the units"
                )
            }
            Problem::ExponentNotation { value } => write!(
                f,
                "\"{value}\" is written with an exponent; write the number out in full"
            ),
            Problem::MoreSitesThanUnits { sites, units } => {
                write!(f, "{sites} sites for {units} units: more sites than units")
            }
            Problem::SessionInFuture { value } => {
                write!(
                    f,
                    "{value} is after today; record a session once it is given"
                )
            }
            Problem::DateInPast { value } => write!(f, "{value} is in the past"),
            Problem::NotATime { value } => write!(f, "\"{value}\" is not a time (use HH:MM)"),
            Problem::RequiredBecause { because } => match *because {
                "diluent_given" => write!(f, "is required when a diluent volume is given"),
                _ => write!(
                    f,
                    "is required with a vial size for a powder to reconstitute"
                ),
            },
            Problem::NoInjections => write!(f, "the plan has no injections"),
            Problem::GivenTwice => write!(f, "this muscle and side are given twice"),
            Problem::LotExpired { lot, expiry } => {
                write!(f, "lot {lot} expired on {expiry}, before the session")
            }
            Problem::NotALotOfSession { value, lots } => write!(
                f,
                "\"{value}\" is not a lot of this session ({})",
                lots.join(", ")
            ),
            Problem::ChooseLot { lots } => write!(f, "choose the lot: {}", lots.join(", ")),
            Problem::ReasonLength { min, max } => {
                write!(f, "give a reason of {min} to {max} characters")
            }
            Problem::OverrideNeeded { finding } => write!(
                f,
                "the finding {finding} blocks signing: give a written reason to override it"
            ),
            Problem::OverrideReasonLength { finding, min, max } => write!(
                f,
                "the reason for overriding {finding} must be {min} to {max} characters"
            ),
            Problem::OverrideKindNeeded { finding } => {
                write!(f, "choose the kind of reason for overriding {finding}")
            }
            Problem::OverrideReasonWords { finding, min_words } => write!(
                f,
                "the reason for overriding {finding} must say in at least {min_words} words why"
            ),
            Problem::NeededToSign { what: "consent" } => write!(
                f,
                "the patient's consent to treatment must be recorded before the session is signed"
            ),
            Problem::NeededToSign { .. } => write!(
                f,
                "a signed session names the lot and expiry of every vial used"
            ),
            Problem::NotForMale => write!(f, "cannot be recorded for a male patient"),
            Problem::NotBlocking { finding } => {
                write!(f, "{finding} is not a blocking finding of this session")
            }
            Problem::ItemCount {
                needed,
                given,
                min,
                max,
            } => write!(
                f,
                "needs {needed} items (each {min} to {max}, or not applicable); {given} given"
            ),
            Problem::NotAStep { value, step } => {
                write!(f, "{value} is not a step of {step} on this scale")
            }
            Problem::ScoredOnGoals => write!(
                f,
                "Goal Attainment Scaling is recorded goal by goal, on the patient's goals"
            ),
            Problem::AtLeastOneItem => write!(f, "at least one item must apply"),
            Problem::EmptyWhileOngoing => write!(f, "leave it empty while the event is ongoing"),
        }
    }
}

/// One field and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldError {
    /// The field's name as the form and the API spell it (`birth_date`).
    pub field: &'static str,
    #[serde(flatten)]
    pub problem: Problem,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.problem)
    }
}

/// All the problems found in one submission, in field order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, thiserror::Error)]
#[serde(transparent)]
pub struct FieldErrors(Vec<FieldError>);

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            e.fmt(f)?;
        }
        Ok(())
    }
}

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn one(field: &'static str, problem: Problem) -> Self {
        Self(vec![FieldError { field, problem }])
    }
    pub fn push(&mut self, field: &'static str, problem: Problem) {
        self.0.push(FieldError { field, problem });
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.0.iter()
    }
    /// The first problem recorded for `field`, if any.
    pub fn get(&self, field: &str) -> Option<&Problem> {
        self.0.iter().find(|e| e.field == field).map(|e| &e.problem)
    }
    /// Keeps a parsed value, or records its error and returns `None`.
    pub fn take<T>(&mut self, field: &'static str, result: Result<T, Problem>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(problem) => {
                self.push(field, problem);
                None
            }
        }
    }
    /// `Ok(value)` when nothing was recorded.
    pub fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value())
        } else {
            Err(self)
        }
    }
}
