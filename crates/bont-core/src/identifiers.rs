//! What looks like a personal identifier in free text, for clinics that run pseudonymised
//! (patients known by a code, identities kept elsewhere or not at all). These are
//! warnings for a person to read, never a block: a pattern cannot know whether
//! "12.03.1961" is a birth date or the date of an old operation.
//!
//! What is looked for, in the four interface languages:
//! - an e-mail address;
//! - a telephone number: nine or more digits, with the usual separators;
//! - a date of birth: a date after a word for birth ("born", "DOB", "ur.", "urodzony",
//!   "род.", "дата рождения", "مواليد"), or any date in a year before [`BIRTH_YEAR_BEFORE`]
//!   (treatment with toxins is recorded from then on, so older dates are mostly births);
//! - an address: a street word followed by a name and a number ("ul. Długa 5", "12 High
//!   Street", "ул. Ленина 3"), or a postal code of the forms 00-000 and AA0 0AA;
//! - a label for a name ("name:", "nazwisko:", "фамилия:", "الاسم:").

use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// Dates in years before this one are taken for birth dates.
pub const BIRTH_YEAR_BEFORE: i32 = 2006;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierKind {
    /// A name kept in a name field.
    Name,
    Email,
    Phone,
    BirthDate,
    Address,
    NameLabel,
}

impl IdentifierKind {
    pub fn id(self) -> &'static str {
        match self {
            IdentifierKind::Name => "name",
            IdentifierKind::Email => "email",
            IdentifierKind::Phone => "phone",
            IdentifierKind::BirthDate => "birth_date",
            IdentifierKind::Address => "address",
            IdentifierKind::NameLabel => "name_label",
        }
    }
}

/// One thing found: in which field, what kind, and the text that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdentifierWarning {
    pub field: String,
    pub kind: IdentifierKind,
    pub found: String,
}

struct Patterns {
    email: Regex,
    phone: Regex,
    date: Regex,
    birth_word: Regex,
    street: Regex,
    postal: Regex,
    name_label: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let re = |p: &str| Regex::new(p).expect("the identifier patterns are valid");
        Patterns {
            email: re(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.\w{2,}"),
            phone: re(r"(?:\+|\b)\d[\d \t().-]{7,}\d\b"),
            date: re(
                r"\b(?:(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})|((?:19|20)\d{2})-(\d{2})-(\d{2}))\b",
            ),
            birth_word: re(
                r"(?i)(?:\bborn\b|\bdob\b|d\.o\.b\.?|date of birth|\bur\.|urodz\w*|data urodzenia|род\.|родил\w*|дата рождения|مواليد|تاريخ الميلاد)\W{0,3}$",
            ),
            street: re(
                r"(?i)(?:\b(?:ul|al|os|pl)\.\s*|\b(?:ulica|aleja|osiedle)\s+|\bул\.\s*|\bулица\s+|\bпр(?:оспект|-т)\.?\s+|شارع\s+)\p{L}[\p{L}\s.-]{0,40}?\d+|\b\d+\s+\p{L}[\p{L}\s]{1,30}?\s(?i:street|road|avenue|lane|drive)\b",
            ),
            postal: re(r"\b\d{2}-\d{3}\b|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"),
            name_label: re(
                r"(?i)(?:\b(?:name|surname|first name|family name|imię|imie|nazwisko)|(?:имя|фамилия|отчество)|الاسم)\s*:",
            ),
        }
    })
}

/// Everything in `text` (the field named `field`) that looks like an identifier.
pub fn find(field: &str, text: &str) -> Vec<IdentifierWarning> {
    let p = patterns();
    let mut out = Vec::new();
    let mut push = |kind, found: &str| {
        out.push(IdentifierWarning {
            field: field.to_owned(),
            kind,
            found: found.trim().to_owned(),
        });
    };
    let emails: Vec<_> = p.email.find_iter(text).map(|m| m.range()).collect();
    for m in p.email.find_iter(text) {
        push(IdentifierKind::Email, m.as_str());
    }
    let mut dates = Vec::new();
    for c in p.date.captures_iter(text) {
        let whole = c.get(0).expect("a match");
        dates.push(whole.range());
        let year: i32 = c
            .get(3)
            .or_else(|| c.get(4))
            .and_then(|y| y.as_str().parse().ok())
            .unwrap_or(i32::MAX);
        let after_birth_word = p.birth_word.is_match(&text[..whole.start()]);
        if after_birth_word || year < BIRTH_YEAR_BEFORE {
            push(IdentifierKind::BirthDate, whole.as_str());
        }
    }
    for m in p.phone.find_iter(text) {
        let inside = |r: &std::ops::Range<usize>| r.start <= m.start() && m.end() <= r.end;
        let digits = m.as_str().chars().filter(char::is_ascii_digit).count();
        if digits >= 9 && !dates.iter().any(inside) && !emails.iter().any(inside) {
            push(IdentifierKind::Phone, m.as_str());
        }
    }
    for m in p.street.find_iter(text).chain(p.postal.find_iter(text)) {
        push(IdentifierKind::Address, m.as_str());
    }
    for m in p.name_label.find_iter(text) {
        push(IdentifierKind::NameLabel, m.as_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<IdentifierKind> {
        find("notes", text).into_iter().map(|w| w.kind).collect()
    }

    #[test]
    fn identifiers_in_four_languages_are_found() {
        use IdentifierKind::*;
        assert_eq!(kinds("Write to anna.kowalska@example.org"), [Email]);
        assert_eq!(kinds("Call her on +48 600 100 200 after 5"), [Phone]);
        assert_eq!(kinds("Tel. (022) 123-45-67"), [Phone]);
        assert_eq!(kinds("DOB 12.03.1961"), [BirthDate]);
        assert_eq!(kinds("ur. 2012-04-05, mother present"), [BirthDate]);
        assert_eq!(kinds("дата рождения: 05/06/2010"), [BirthDate]);
        assert_eq!(kinds("operated on 3.4.1988"), [BirthDate]);
        assert_eq!(
            kinds("Mieszka: ul. Długa 5, 00-950 Warszawa"),
            [Address, Address]
        );
        assert_eq!(kinds("lives at 12 High Street"), [Address]);
        assert_eq!(kinds("ул. Ленина 3"), [Address]);
        assert_eq!(kinds("Nazwisko: Nowak"), [NameLabel]);
        assert_eq!(kinds("Фамилия: Иванова"), [NameLabel]);
        assert_eq!(kinds("الاسم: فاطمة"), [NameLabel]);
    }

    #[test]
    fn clinical_notes_pass_without_warnings() {
        for text in [
            "Tolerated well. 155 U onabotulinumtoxinA, 31 sites, PREEMPT.",
            "Last session 2026-08-14; benefit lasted 11 weeks.",
            "Lot C1234A, expiry 2027-06-30. EMG-guided, 2 mL per 100 U.",
            "TWSTRS 35/85, Tsui 9. Head turn to the left 30 degrees.",
            "Review on 12.03.2027 with the neurologist.",
            "Dose 2.5 U per 0.1 mL; 4 sites per side.",
        ] {
            assert_eq!(find("notes", text), [], "{text}");
        }
    }

    #[test]
    fn a_warning_names_its_field_and_the_text() {
        let found = find("session.notes", "mail jan@example.com");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field, "session.notes");
        assert_eq!(found[0].found, "jan@example.com");
    }
}
