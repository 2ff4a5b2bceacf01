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
