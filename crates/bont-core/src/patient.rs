//! A patient's record: identity, the facts a dose decision needs (birth date, weight,
//! conditions, medications, allergies), language, contact and consent.
//!
//! [`PatientInput`] is what any front end sends; [`PatientRecord::parse`] is the one place
//! it is checked, reporting every faulty field at once.

use crate::field::{FieldErrors, Problem};
use crate::input;
use crate::language::Language;
use crate::text::{Line, Paragraphs, search_key};
use crate::vocabulary::{Allergy, Condition, Indication, MedicationClass};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The earliest birth date accepted.
pub const EARLIEST_BIRTH_DATE: Date = jiff::civil::date(1900, 1, 1);
/// Plausible body weight, in kilograms (a premature newborn to the heaviest adults).
pub const WEIGHT_KG_MIN: f64 = 0.5;
pub const WEIGHT_KG_MAX: f64 = 400.0;
pub const NAME_MAX: usize = 100;
pub const RECORD_NUMBER_MAX: usize = 32;
pub const NOTES_MAX: usize = 4000;
pub const MEDICATIONS_MAX: usize = 40;
pub const MEDICATION_MAX: usize = 120;

/// What a front end submits for a patient: every value as given, unchecked.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct PatientInput {
    #[serde(deserialize_with = "input::text")]
    pub record_number: String,
    #[serde(deserialize_with = "input::text")]
    pub family_name: String,
    #[serde(deserialize_with = "input::text")]
    pub given_names: String,
    #[serde(deserialize_with = "input::text")]
    pub pseudonym: String,
    #[serde(deserialize_with = "input::text")]
    pub birth_date: String,
    #[serde(deserialize_with = "input::text")]
    pub sex: String,
    #[serde(deserialize_with = "input::text")]
    pub weight_kg: String,
    #[serde(deserialize_with = "input::text")]
    pub weight_measured_on: String,
    #[serde(deserialize_with = "input::text")]
    pub preferred_language: String,
    #[serde(deserialize_with = "input::text")]
    pub phone: String,
    #[serde(deserialize_with = "input::text")]
    pub email: String,
    #[serde(deserialize_with = "input::text")]
    pub address: String,
    #[serde(deserialize_with = "input::flag")]
    pub consent_treatment: bool,
    #[serde(deserialize_with = "input::flag")]
    pub consent_reminders: bool,
    #[serde(deserialize_with = "input::flag")]
    pub consent_research: bool,
    #[serde(deserialize_with = "input::list")]
    pub indications: Vec<String>,
    #[serde(deserialize_with = "input::list")]
    pub conditions: Vec<String>,
    #[serde(deserialize_with = "input::list")]
    pub allergies: Vec<String>,
    #[serde(deserialize_with = "input::list")]
    pub medications: Vec<String>,
    #[serde(deserialize_with = "input::flag")]
    pub pregnant: bool,
    #[serde(deserialize_with = "input::flag")]
    pub breastfeeding: bool,
    #[serde(deserialize_with = "input::text")]
    pub notes: String,
}

pub type Name = Line<NAME_MAX>;
pub type RecordNumber = Line<RECORD_NUMBER_MAX>;
pub type Medication = Line<MEDICATION_MAX>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Female,
    Male,
    Other,
    Unknown,
}

impl Sex {
    pub const ALL: [Sex; 4] = [Sex::Female, Sex::Male, Sex::Other, Sex::Unknown];

    pub const fn id(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
            Sex::Other => "other",
            Sex::Unknown => "unknown",
        }
    }

    pub fn parse(raw: &str) -> Result<Sex, Problem> {
        let raw = raw.trim();
        Sex::ALL.into_iter().find(|s| s.id() == raw).ok_or_else(|| {
            if raw.is_empty() {
                Problem::Required
            } else {
                Problem::Unknown {
                    value: raw.chars().take(40).collect(),
                }
            }
        })
    }
}

/// A date written YYYY-MM-DD.
pub fn parse_date(raw: &str) -> Result<Date, Problem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Problem::Required);
    }
    // jiff also accepts other ISO 8601 shapes; the clinic's is the plain calendar date.
    let shaped = raw.len() == 10 && raw.as_bytes()[4] == b'-' && raw.as_bytes()[7] == b'-';
    match raw.parse::<Date>() {
        Ok(date) if shaped => Ok(date),
        _ => Err(Problem::NotADate {
            value: raw.chars().take(40).collect(),
        }),
    }
}

/// A birth date: a real date, not after today and not before 1900.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct BirthDate(Date);

impl BirthDate {
    pub fn parse(raw: &str, today: Date) -> Result<Self, Problem> {
        let date = parse_date(raw)?;
        if date > today {
            Err(Problem::DateInFuture)
        } else if date < EARLIEST_BIRTH_DATE {
            Err(Problem::DateTooEarly {
                earliest: EARLIEST_BIRTH_DATE.to_string(),
            })
        } else {
            Ok(BirthDate(date))
        }
    }
    pub fn date(self) -> Date {
        self.0
    }
    /// Age in completed years on `on`.
    pub fn age_years(self, on: Date) -> i16 {
        let birth = self.0;
        let mut years = on.year() - birth.year();
        if (on.month(), on.day()) < (birth.month(), birth.day()) {
            years -= 1;
        }
        years
    }
}

/// Body weight in kilograms, within [`WEIGHT_KG_MIN`]..=[`WEIGHT_KG_MAX`].
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct WeightKg(f64);

impl WeightKg {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let value = crate::input::decimal(raw)?.ok_or(Problem::Required)?;
        if !value.is_finite() || !(WEIGHT_KG_MIN..=WEIGHT_KG_MAX).contains(&value) {
            return Err(Problem::OutOfRange {
                min: WEIGHT_KG_MIN.to_string(),
                max: WEIGHT_KG_MAX.to_string(),
                unit: "kg".into(),
            });
        }
        Ok(WeightKg(value))
    }
    pub fn kg(self) -> f64 {
        self.0
    }
}

/// A weight and the day it was measured (children's doses depend on a recent weight).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Weight {
    pub kg: WeightKg,
    pub measured_on: Date,
}

/// Who the patient is: a name, or a pseudonym in clinics that keep identities apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PatientName {
    pub family: Option<Name>,
    pub given: Option<Name>,
    pub pseudonym: Option<Name>,
}

impl PatientName {
    /// "Family, Given", or the pseudonym when no name is kept.
    pub fn display(&self) -> String {
        match (&self.family, &self.given, &self.pseudonym) {
            (Some(f), Some(g), _) => format!("{f}, {g}"),
            (Some(f), None, _) => f.to_string(),
            (None, _, Some(p)) => p.to_string(),
            (None, Some(g), None) => g.to_string(),
            (None, None, None) => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Contact {
    pub phone: Option<Line<40>>,
    pub email: Option<Line<200>>,
    pub address: Option<Line<300>>,
}

/// What the patient agreed to; each is recorded separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Consents {
    /// Consent to botulinum toxin treatment.
    pub treatment: bool,
    /// Reminders and follow-up calls by telephone or text message.
    pub reminders: bool,
    /// Use of pseudonymised data for research and registries.
    pub research: bool,
}

/// The facts relevant to the safety of toxin therapy.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ClinicalFlags {
    pub indications: BTreeSet<Indication>,
    pub conditions: BTreeSet<Condition>,
    pub allergies: BTreeSet<Allergy>,
    pub medications: Vec<Medication>,
    pub pregnant: bool,
    pub breastfeeding: bool,
}

impl ClinicalFlags {
    /// Interacting medication classes found in the medication list.
    pub fn medication_classes(&self) -> BTreeSet<MedicationClass> {
        self.medications
            .iter()
            .filter_map(|m| MedicationClass::of_medication(m.as_str()))
            .collect()
    }
}

/// A checked patient record, ready to store.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PatientRecord {
    pub record_number: RecordNumber,
    pub name: PatientName,
    pub birth_date: BirthDate,
    pub sex: Sex,
    pub weight: Option<Weight>,
    pub preferred_language: Language,
    pub contact: Contact,
    pub consents: Consents,
    pub clinical: ClinicalFlags,
    pub notes: Paragraphs<NOTES_MAX>,
}

impl PatientRecord {
    /// For a pseudonymised clinic: identities kept in the record (a name beside the
    /// pseudonym, contact details) and what looks like an identifier in its free text.
    pub fn identifier_warnings(&self) -> Vec<crate::identifiers::IdentifierWarning> {
        use crate::identifiers::{IdentifierKind, IdentifierWarning, find};
        let mut out = Vec::new();
        let mut kept = |field: &str, kind, value: Option<&str>| {
            if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
                out.push(IdentifierWarning {
                    field: field.to_owned(),
                    kind,
                    found: value.to_owned(),
                });
            }
        };
        kept(
            "family_name",
            IdentifierKind::Name,
            self.name.family.as_ref().map(|n| n.as_str()),
        );
        kept(
            "given_names",
            IdentifierKind::Name,
            self.name.given.as_ref().map(|n| n.as_str()),
        );
        kept(
            "phone",
            IdentifierKind::Phone,
            self.contact.phone.as_ref().map(|v| v.as_str()),
        );
        kept(
            "email",
            IdentifierKind::Email,
            self.contact.email.as_ref().map(|v| v.as_str()),
        );
        kept(
            "address",
            IdentifierKind::Address,
            self.contact.address.as_ref().map(|v| v.as_str()),
        );
        out.extend(find("notes", self.notes.as_str()));
        for m in &self.clinical.medications {
            out.extend(find("medications", m.as_str()));
        }
        out
    }

    /// Checks every field of `input`; `today` is the clinic's date.
    pub fn parse(input: &PatientInput, today: Date) -> Result<PatientRecord, FieldErrors> {
        let mut errors = FieldErrors::new();
        let record_number = errors.take(
            "record_number",
            RecordNumber::parse_required(&input.record_number),
        );
        let family = errors.take("family_name", Name::parse_optional(&input.family_name));
        let given = errors.take("given_names", Name::parse_optional(&input.given_names));
        let pseudonym = errors.take("pseudonym", Name::parse_optional(&input.pseudonym));
        if let (Some(None), Some(None)) = (&family, &pseudonym) {
            errors.push("family_name", Problem::NameOrPseudonymRequired);
        }
        let birth_date = errors.take("birth_date", BirthDate::parse(&input.birth_date, today));
        let sex = errors.take("sex", Sex::parse(&input.sex));
        if sex == Some(Sex::Male) {
            if input.pregnant {
                errors.push("pregnant", Problem::NotForMale);
            }
            if input.breastfeeding {
                errors.push("breastfeeding", Problem::NotForMale);
            }
        }
        let weight = parse_weight(input, today, birth_date, &mut errors);
        let preferred_language = errors.take(
            "preferred_language",
            Language::parse(&input.preferred_language),
        );
        let contact = Contact {
            phone: errors.take("phone", parse_phone(&input.phone)).flatten(),
            email: errors.take("email", parse_email(&input.email)).flatten(),
            address: errors
                .take("address", Line::parse_optional(&input.address))
                .flatten(),
        };
        let indications = parse_codes(
            "indications",
            &input.indications,
            Indication::parse,
            &mut errors,
        );
        let conditions = parse_codes(
            "conditions",
            &input.conditions,
            Condition::parse,
            &mut errors,
        );
        let allergies = parse_codes("allergies", &input.allergies, Allergy::parse, &mut errors);
        let medications = parse_medications(&input.medications, &mut errors);
        let notes = errors.take("notes", Paragraphs::parse(&input.notes));

        errors.finish(|| PatientRecord {
            record_number: record_number.expect("checked above"),
            name: PatientName {
                family: family.flatten(),
                given: given.flatten(),
                pseudonym: pseudonym.flatten(),
            },
            birth_date: birth_date.expect("checked above"),
            sex: sex.expect("checked above"),
            weight: weight.flatten(),
            preferred_language: preferred_language.expect("checked above"),
            contact,
            consents: Consents {
                treatment: input.consent_treatment,
                reminders: input.consent_reminders,
                research: input.consent_research,
            },
            clinical: ClinicalFlags {
                indications,
                conditions,
                allergies,
                medications,
                pregnant: input.pregnant,
                breastfeeding: input.breastfeeding,
            },
            notes: notes.expect("checked above"),
        })
    }

    /// Rebuilds a record read back from storage. Stored rows were checked when written;
    /// "today" no longer applies to them, every other rule still does.
    pub fn from_stored(input: &PatientInput) -> Result<PatientRecord, FieldErrors> {
        PatientRecord::parse(input, Date::MAX)
    }

    /// Text the patient list is searched by: names, pseudonym and record number, folded.
    pub fn search_key(&self) -> String {
        // Names first, so that ordering by this key orders by family name.
        let names = [&self.name.family, &self.name.given, &self.name.pseudonym];
        let joined: Vec<&str> = names
            .into_iter()
            .flatten()
            .map(Line::as_str)
            .chain(std::iter::once(self.record_number.as_str()))
            .collect();
        search_key(&joined.join(" "))
    }

    /// The record as a front end would submit it; `parse(to_input())` gives it back.
    pub fn to_input(&self) -> PatientInput {
        let line = |l: &Option<Name>| l.as_ref().map(|n| n.to_string()).unwrap_or_default();
        PatientInput {
            record_number: self.record_number.to_string(),
            family_name: line(&self.name.family),
            given_names: line(&self.name.given),
            pseudonym: line(&self.name.pseudonym),
            birth_date: self.birth_date.date().to_string(),
            sex: self.sex.id().into(),
            weight_kg: self
                .weight
                .map(|w| w.kg.kg().to_string())
                .unwrap_or_default(),
            weight_measured_on: self
                .weight
                .map(|w| w.measured_on.to_string())
                .unwrap_or_default(),
            preferred_language: self.preferred_language.code().into(),
            phone: self
                .contact
                .phone
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            email: self
                .contact
                .email
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            address: self
                .contact
                .address
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            consent_treatment: self.consents.treatment,
            consent_reminders: self.consents.reminders,
            consent_research: self.consents.research,
            indications: self
                .clinical
                .indications
                .iter()
                .map(|c| c.id().into())
                .collect(),
            conditions: self
                .clinical
                .conditions
                .iter()
                .map(|c| c.id().into())
                .collect(),
            allergies: self
                .clinical
                .allergies
                .iter()
                .map(|c| c.id().into())
                .collect(),
            medications: self
                .clinical
                .medications
                .iter()
                .map(ToString::to_string)
                .collect(),
            pregnant: self.clinical.pregnant,
            breastfeeding: self.clinical.breastfeeding,
            notes: self.notes.as_str().into(),
        }
    }
}

fn parse_weight(
    input: &PatientInput,
    today: Date,
    birth: Option<BirthDate>,
    errors: &mut FieldErrors,
) -> Option<Option<Weight>> {
    let has_weight = !input.weight_kg.trim().is_empty();
    let has_date = !input.weight_measured_on.trim().is_empty();
    if !has_weight {
        if has_date {
            errors.push("weight_kg", Problem::Required);
            return None;
        }
        return Some(None);
    }
    let kg = errors.take("weight_kg", WeightKg::parse(&input.weight_kg));
    // A weight typed without a date was measured today.
    let measured_on = if has_date {
        errors.take("weight_measured_on", parse_date(&input.weight_measured_on))
    } else {
        Some(today)
    };
    let measured_on = measured_on.and_then(|d| {
        let problem = if d > today {
            Some(Problem::DateInFuture)
        } else if birth.is_some_and(|b| d < b.date()) {
            Some(Problem::BeforeBirth)
        } else {
            None
        };
        match problem {
            Some(p) => {
                errors.push("weight_measured_on", p);
                None
            }
            None => Some(d),
        }
    });
    Some(Some(Weight {
        kg: kg?,
        measured_on: measured_on?,
    }))
}

fn parse_codes<T: Ord>(
    field: &'static str,
    raw: &[String],
    parse: impl Fn(&str) -> Result<T, Problem>,
    errors: &mut FieldErrors,
) -> BTreeSet<T> {
    let mut out = BTreeSet::new();
    for item in raw {
        match parse(item) {
            Ok(v) => {
                out.insert(v);
            }
            Err(problem) => {
                errors.push(field, problem);
                break;
            }
        }
    }
    out
}

fn parse_medications(raw: &[String], errors: &mut FieldErrors) -> Vec<Medication> {
    if raw.len() > MEDICATIONS_MAX {
        errors.push(
            "medications",
            Problem::TooMany {
                max: MEDICATIONS_MAX,
            },
        );
        return Vec::new();
    }
    let mut out = Vec::with_capacity(raw.len());
    for item in raw {
        match Medication::parse_required(item) {
            Ok(m) => out.push(m),
            Err(problem) => {
                errors.push("medications", problem);
                break;
            }
        }
    }
    out
}

fn parse_phone(raw: &str) -> Result<Option<Line<40>>, Problem> {
    let phone = Line::<40>::parse_optional(raw)?;
    if let Some(p) = &phone {
        let ok_chars = p
            .as_str()
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()./".contains(c));
        let digits = p.as_str().chars().filter(char::is_ascii_digit).count();
        if !ok_chars || digits < 3 {
            return Err(Problem::NotAPhoneNumber);
        }
    }
    Ok(phone)
}

fn parse_email(raw: &str) -> Result<Option<Line<200>>, Problem> {
    let email = Line::<200>::parse_optional(raw)?;
    if let Some(e) = &email {
        let s = e.as_str();
        let valid = match s.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !s.contains(char::is_whitespace)
                    && !domain.contains('@')
            }
            None => false,
        };
        if !valid {
            return Err(Problem::NotAnEmail);
        }
    }
    Ok(email)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 22);

    fn valid() -> PatientInput {
        PatientInput {
            record_number: "A-100".into(),
            family_name: "Kowalska".into(),
            given_names: "Anna".into(),
            birth_date: "1984-03-02".into(),
            sex: "female".into(),
            weight_kg: "64.5".into(),
            weight_measured_on: "2026-11-01".into(),
            preferred_language: "pl".into(),
            phone: "+48 600 100 200".into(),
            email: "anna@example.org".into(),
            conditions: vec!["myasthenia_gravis".into()],
            indications: vec!["cervical_dystonia".into()],
            medications: vec!["gentamicin 80 mg".into()],
            consent_treatment: true,
            ..PatientInput::default()
        }
    }

    fn problem_of(input: PatientInput, field: &str) -> Option<Problem> {
        match PatientRecord::parse(&input, TODAY) {
            Ok(_) => None,
            Err(errors) => errors.get(field).cloned(),
        }
    }

    #[test]
    fn a_complete_record_parses_and_round_trips() {
        let record = PatientRecord::parse(&valid(), TODAY).expect("valid input");
        assert_eq!(record.name.display(), "Kowalska, Anna");
        assert_eq!(record.birth_date.age_years(TODAY), 42);
        assert_eq!(record.weight.map(|w| w.kg.kg()), Some(64.5));
        assert!(
            record
                .clinical
                .medication_classes()
                .contains(&MedicationClass::Aminoglycosides)
        );
        assert_eq!(PatientRecord::parse(&record.to_input(), TODAY), Ok(record));
    }

    #[test]
    fn each_bad_field_is_named_with_its_problem() {
        type Edit = fn(&mut PatientInput);
        let cases: &[(&str, Edit, Problem)] = &[
            (
                "record_number",
                |p| p.record_number = " ".into(),
                Problem::Required,
            ),
            (
                "record_number",
                |p| p.record_number = "x".repeat(33),
                Problem::TooLong { max: 32 },
            ),
            (
                "family_name",
                |p| {
                    p.family_name = "".into();
                    p.pseudonym = "".into();
                },
                Problem::NameOrPseudonymRequired,
            ),
            (
                "family_name",
                |p| p.family_name = "x".repeat(101),
                Problem::TooLong { max: 100 },
            ),
            (
                "given_names",
                |p| p.given_names = "An\nna".into(),
                Problem::ControlCharacters,
            ),
            (
                "birth_date",
                |p| p.birth_date = "2026-11-23".into(),
                Problem::DateInFuture,
            ),
            (
                "birth_date",
                |p| p.birth_date = "1899-12-31".into(),
                Problem::DateTooEarly {
                    earliest: "1900-01-01".into(),
                },
            ),
            (
                "birth_date",
                |p| p.birth_date = "02.03.1984".into(),
                Problem::NotADate {
                    value: "02.03.1984".into(),
                },
            ),
            (
                "birth_date",
                |p| p.birth_date = "1984-02-30".into(),
                Problem::NotADate {
                    value: "1984-02-30".into(),
                },
            ),
            (
                "birth_date",
                |p| p.birth_date = "".into(),
                Problem::Required,
            ),
            (
                "sex",
                |p| p.sex = "f".into(),
                Problem::Unknown { value: "f".into() },
            ),
            (
                "weight_kg",
                |p| p.weight_kg = "0.4".into(),
                Problem::OutOfRange {
                    min: "0.5".into(),
                    max: "400".into(),
                    unit: "kg".into(),
                },
            ),
            (
                "weight_kg",
                |p| p.weight_kg = "400.1".into(),
                Problem::OutOfRange {
                    min: "0.5".into(),
                    max: "400".into(),
                    unit: "kg".into(),
                },
            ),
            (
                "weight_kg",
                |p| p.weight_kg = "heavy".into(),
                Problem::NotANumber {
                    value: "heavy".into(),
                },
            ),
            (
                "weight_kg",
                |p| p.weight_kg = "NaN".into(),
                Problem::NotANumber {
                    value: "NaN".into(),
                },
            ),
            (
                "weight_kg",
                |p| p.weight_kg = "1.500".into(),
                Problem::AmbiguousNumber {
                    value: "1.500".into(),
                },
            ),
            (
                "weight_kg",
                |p| p.weight_kg = "0".into(),
                Problem::OutOfRange {
                    min: "0.5".into(),
                    max: "400".into(),
                    unit: "kg".into(),
                },
            ),
            (
                "weight_measured_on",
                |p| p.weight_measured_on = "2027-01-01".into(),
                Problem::DateInFuture,
            ),
            (
                "weight_measured_on",
                |p| p.weight_measured_on = "1980-01-01".into(),
                Problem::BeforeBirth,
            ),
            (
                "preferred_language",
                |p| p.preferred_language = "de".into(),
                Problem::Unknown { value: "de".into() },
            ),
            (
                "email",
                |p| p.email = "anna.example.org".into(),
                Problem::NotAnEmail,
            ),
            (
                "phone",
                |p| p.phone = "call me".into(),
                Problem::NotAPhoneNumber,
            ),
            (
                "conditions",
                |p| p.conditions = vec!["flu".into()],
                Problem::Unknown {
                    value: "flu".into(),
                },
            ),
            (
                "allergies",
                |p| p.allergies = vec!["peanuts".into()],
                Problem::Unknown {
                    value: "peanuts".into(),
                },
            ),
            (
                "indications",
                |p| p.indications = vec!["migraine".into()],
                Problem::Unknown {
                    value: "migraine".into(),
                },
            ),
            (
                "medications",
                |p| p.medications = vec!["x".into(); 41],
                Problem::TooMany { max: 40 },
            ),
            (
                "notes",
                |p| p.notes = "x".repeat(4001),
                Problem::TooLong { max: 4000 },
            ),
        ];
        for (field, edit, expected) in cases {
            let mut input = valid();
            edit(&mut input);
            assert_eq!(problem_of(input, field).as_ref(), Some(expected), "{field}");
        }
    }

    #[test]
    fn boundaries_are_accepted() {
        type Edit = fn(&mut PatientInput);
        let cases: &[Edit] = &[
            |p| p.weight_kg = "0.5".into(),
            |p| p.weight_kg = "400".into(),
            |p| p.weight_kg = "64,5".into(),
            |p| p.birth_date = "1900-01-01".into(),
            |p| {
                p.birth_date = "2026-11-22".into();
                p.weight_measured_on = "".into();
            },
            |p| {
                p.family_name = "".into();
                p.given_names = "".into();
                p.pseudonym = "CD-017".into();
            },
            |p| p.record_number = "x".repeat(32),
        ];
        for edit in cases {
            let mut input = valid();
            edit(&mut input);
            assert!(PatientRecord::parse(&input, TODAY).is_ok(), "{input:?}");
        }
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let input = PatientInput::default();
        let errors = PatientRecord::parse(&input, TODAY).expect_err("empty input");
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "record_number",
                "family_name",
                "birth_date",
                "sex",
                "preferred_language"
            ]
        );
    }

    #[test]
    fn json_and_form_shapes_decode_alike() {
        let json: PatientInput = serde_json::from_str(
            r#"{"record_number": 1001, "weight_kg": 64.5, "consent_treatment": true,
                "conditions": ["dysphagia"], "medications": null}"#,
        )
        .expect("json");
        assert_eq!(json.record_number, "1001");
        assert_eq!(json.weight_kg, "64.5");
        assert!(json.consent_treatment);
        assert_eq!(json.conditions, ["dysphagia"]);
        assert!(json.medications.is_empty());
    }

    #[test]
    fn age_counts_completed_years() {
        let b = BirthDate::parse("2010-11-23", TODAY).expect("valid");
        assert_eq!(b.age_years(TODAY), 15);
        let b = BirthDate::parse("2010-11-22", TODAY).expect("valid");
        assert_eq!(b.age_years(TODAY), 16);
    }
}
