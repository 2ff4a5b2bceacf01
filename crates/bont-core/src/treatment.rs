//! A treatment session as recorded: the plan as given (product, indication, dilution,
//! injections), the vials used with their lots, anaesthesia, duration and notes. The same
//! [`TreatmentInput`] comes from the session form and the JSON API; [`TreatmentInput::check`]
//! validates it together with the safety plan, and [`check_overrides`] decides whether a
//! physician's written reasons cover every blocking finding.

use crate::field::Problem;
use crate::input;
use crate::patient::{PatientRecord, parse_date};
use crate::safety::check::{Report, Severity};
use crate::safety::plan::{
    Injection, InjectionInput, PastAdverseEventInput, PastSessionInput, PatientFacts, PlanError,
    PlanErrors, Reconstitution, SessionInput,
};
use crate::safety::units::ProductId;
use crate::safety::{Catalog, Plan, PlanInput};
use crate::vocabulary::Indication;
use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

pub const NOTES_MAX: usize = 4000;
pub const LOT_MAX: usize = 40;
pub const REASON_MIN: usize = 10;
pub const REASON_MAX: usize = 1000;
pub const DURATION_MAX_MINUTES: u32 = 480;

/// A vial used in the session.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct VialInput {
    #[serde(deserialize_with = "input::text")]
    pub lot: String,
    /// YYYY-MM-DD.
    #[serde(deserialize_with = "input::text")]
    pub expiry: String,
}

/// What a front end submits for a session.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TreatmentInput {
    pub date: String,
    #[serde(default)]
    pub time: Option<String>,
    pub product: String,
    pub indication: String,
    #[serde(default)]
    pub vial_units: Option<f64>,
    #[serde(default)]
    pub diluent_ml: Option<f64>,
    pub injections: Vec<InjectionInput>,
    #[serde(default)]
    pub vials: Vec<VialInput>,
    /// none, topical, local, sedation, general.
    #[serde(default)]
    pub anaesthesia: Option<String>,
    #[serde(default)]
    pub duration_minutes: Option<u32>,
    #[serde(default)]
    pub infection_at_site: bool,
    #[serde(default)]
    pub notes: String,
}

/// Kinds of anaesthesia recorded.
pub const ANAESTHESIA: [&str; 5] = ["none", "topical", "local", "sedation", "general"];

/// A session earlier given to the patient, as the check counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct GivenSession {
    pub date: Date,
    pub product: String,
    pub indication: String,
    pub total_units: f64,
}

/// The patient's facts as the safety plan reads them.
pub fn patient_facts(patient: &PatientRecord) -> PatientFacts {
    PatientFacts {
        birth_date: patient.birth_date.date().to_string(),
        sex: Some(patient.sex.id().to_owned()),
        weight_kg: patient.weight.map(|w| w.kg.kg()),
        conditions: patient
            .clinical
            .conditions
            .iter()
            .map(|c| c.id().to_owned())
            .collect(),
        medications: patient
            .clinical
            .medications
            .iter()
            .map(ToString::to_string)
            .collect(),
        pregnant: patient.clinical.pregnant,
        breastfeeding: patient.clinical.breastfeeding,
        allergies: patient
            .clinical
            .allergies
            .iter()
            .map(|a| a.id().to_owned())
            .collect(),
    }
}

fn error(field: &str, problem: Problem) -> PlanError {
    PlanError::new(field, problem)
}

impl TreatmentInput {
    /// The same session with each muscle that is written as a name, in any interface
    /// language ("mostek", "грудино-ключично-сосцевидная"), replaced by its catalogue id
    /// when the name points to one muscle only; anything else is left as written, for the
    /// check to name at its field.
    pub fn with_muscle_ids(mut self, catalog: &Catalog) -> TreatmentInput {
        let names = crate::names::Names::builtin();
        for injection in &mut self.injections {
            if catalog.muscle(&injection.muscle).is_none()
                && let Some(m) = names.resolve_muscle(catalog, &injection.muscle)
            {
                injection.muscle = m.id.clone();
            }
        }
        self
    }

    /// Checks the session with the patient and their earlier sessions: every field, and the
    /// safety plan built from them. `today` is the clinic's date: a session cannot be
    /// recorded for a day after it.
    pub fn check(
        &self,
        patient: &PatientRecord,
        history: &[GivenSession],
        adverse_events: &[PastAdverseEventInput],
        today: Date,
        catalog: &Catalog,
    ) -> Result<(Treatment, Plan), PlanErrors> {
        let plan = self.check_with(
            patient_facts(patient),
            history,
            adverse_events,
            today,
            catalog,
        )?;
        Ok((self.treatment_of(&plan), plan))
    }

    /// The session's own fields checked, without a patient or a history: the one reader of
    /// a stored session's values (rows written by [`Treatment`] always pass).
    pub fn parse(&self, catalog: &Catalog) -> Result<Treatment, PlanErrors> {
        let anyone = PatientFacts {
            birth_date: "1900-01-01".into(),
            sex: None,
            weight_kg: None,
            conditions: Vec::new(),
            medications: Vec::new(),
            pregnant: false,
            breastfeeding: false,
            allergies: Vec::new(),
        };
        // A stored session was checked against its own day when it was written.
        let plan = self.check_with(anyone, &[], &[], Date::MAX, catalog)?;
        Ok(self.treatment_of(&plan))
    }

    fn treatment_of(&self, plan: &Plan) -> Treatment {
        Treatment {
            date: plan.session.date,
            time: self.time.as_deref().and_then(parse_time),
            product: plan.session.product.clone(),
            indication: plan.session.indication,
            reconstitution: plan.session.reconstitution,
            infection_at_site: plan.session.infection_at_site,
            injections: plan.session.injections.clone(),
            vials: self
                .vials
                .iter()
                .filter_map(|v| {
                    Some(Vial {
                        lot: v.lot.trim().to_owned(),
                        expiry: parse_date(&v.expiry).ok()?,
                    })
                })
                .collect(),
            anaesthesia: self
                .anaesthesia
                .as_deref()
                .and_then(|a| ANAESTHESIA.iter().find(|k| **k == a.trim()).copied()),
            duration_minutes: self.duration_minutes,
            notes: self.notes.trim().to_owned(),
        }
    }

    fn check_with(
        &self,
        patient: PatientFacts,
        history: &[GivenSession],
        adverse_events: &[PastAdverseEventInput],
        today: Date,
        catalog: &Catalog,
    ) -> Result<Plan, PlanErrors> {
        let plan_input = PlanInput {
            patient,
            // Every other signed session, those dated after this one included: a session
            // entered late still counts the later ones in its windows.
            history: history
                .iter()
                .map(|h| PastSessionInput {
                    date: h.date.to_string(),
                    product: h.product.clone(),
                    indication: Some(h.indication.clone()),
                    total_units: h.total_units,
                })
                .collect(),
            adverse_events: adverse_events.to_vec(),
            session: SessionInput {
                date: self.date.clone(),
                product: self.product.clone(),
                indication: self.indication.clone(),
                vial_units: self.vial_units,
                diluent_ml: self.diluent_ml,
                infection_at_site: self.infection_at_site,
                injections: self.injections.clone(),
            },
        };
        let mut errors = match Plan::parse(&plan_input, catalog, today) {
            Ok(_) => Vec::new(),
            Err(PlanErrors(e)) => e
                .into_iter()
                .map(|mut e| {
                    e.field = e.field.trim_start_matches("session.").to_owned();
                    e
                })
                .collect(),
        };
        let date = parse_date(&self.date).ok();
        if let Some(time) = &self.time
            && !time.trim().is_empty()
            && parse_time(time).is_none()
        {
            errors.push(error(
                "time",
                Problem::NotATime {
                    value: time.chars().take(20).collect(),
                },
            ));
        }
        for (i, vial) in self.vials.iter().enumerate() {
            let lot = vial.lot.trim();
            if lot.is_empty() {
                errors.push(error(&format!("vials[{i}].lot"), Problem::Required));
            } else if lot.chars().count() > LOT_MAX || lot.chars().any(char::is_control) {
                errors.push(error(
                    &format!("vials[{i}].lot"),
                    Problem::TooLong { max: LOT_MAX },
                ));
            }
            match parse_date(&vial.expiry) {
                Err(p) => errors.push(error(&format!("vials[{i}].expiry"), p)),
                Ok(expiry) => {
                    if let Some(d) = date
                        && expiry < d
                    {
                        errors.push(error(
                            &format!("vials[{i}].expiry"),
                            Problem::LotExpired {
                                lot: lot.to_owned(),
                                expiry: expiry.to_string(),
                            },
                        ));
                    }
                }
            }
        }
        if let Some(a) = &self.anaesthesia
            && !a.trim().is_empty()
            && !ANAESTHESIA.contains(&a.trim())
        {
            errors.push(error(
                "anaesthesia",
                Problem::NotOneOf {
                    value: a.chars().take(30).collect(),
                    allowed: ANAESTHESIA.map(str::to_owned).to_vec(),
                },
            ));
        }
        if let Some(m) = self.duration_minutes
            && (m == 0 || m > DURATION_MAX_MINUTES)
        {
            errors.push(error(
                "duration_minutes",
                Problem::Outside {
                    value: m.to_string(),
                    min: "1".into(),
                    max: DURATION_MAX_MINUTES.to_string(),
                    unit: "minutes",
                },
            ));
        }
        if self.notes.chars().count() > NOTES_MAX {
            errors.push(error("notes", Problem::TooLong { max: NOTES_MAX }));
        }
        if !errors.is_empty() {
            return Err(PlanErrors(errors));
        }
        Plan::parse(&plan_input, catalog, today).map_err(|e| PlanErrors(e.0))
    }
}

/// A time of day as typed: HH:MM.
fn parse_time(raw: &str) -> Option<Time> {
    let raw = raw.trim();
    (raw.len() == 5).then(|| raw.parse::<Time>().ok()).flatten()
}

/// A vial used in a session, as checked: its lot (trimmed) and expiry day.
#[derive(Debug, Clone, PartialEq)]
pub struct Vial {
    lot: String,
    expiry: Date,
}

impl Vial {
    pub fn lot(&self) -> &str {
        &self.lot
    }
    pub fn expiry(&self) -> Date {
        self.expiry
    }
}

/// A session as checked: what is stored, row by row, and read back through
/// [`TreatmentInput::parse`]. Only [`TreatmentInput::check`] and [`TreatmentInput::parse`]
/// make one.
#[derive(Debug, Clone, PartialEq)]
pub struct Treatment {
    date: Date,
    time: Option<Time>,
    product: ProductId,
    indication: Indication,
    reconstitution: Option<Reconstitution>,
    infection_at_site: bool,
    injections: Vec<Injection>,
    vials: Vec<Vial>,
    anaesthesia: Option<&'static str>,
    duration_minutes: Option<u32>,
    notes: String,
}

impl Treatment {
    pub fn date(&self) -> Date {
        self.date
    }
    pub fn time(&self) -> Option<Time> {
        self.time
    }
    pub fn product(&self) -> &ProductId {
        &self.product
    }
    pub fn indication(&self) -> Indication {
        self.indication
    }
    pub fn reconstitution(&self) -> Option<Reconstitution> {
        self.reconstitution
    }
    pub fn infection_at_site(&self) -> bool {
        self.infection_at_site
    }
    pub fn injections(&self) -> &[Injection] {
        &self.injections
    }
    pub fn vials(&self) -> &[Vial] {
        &self.vials
    }
    pub fn anaesthesia(&self) -> Option<&'static str> {
        self.anaesthesia
    }
    pub fn duration_minutes(&self) -> Option<u32> {
        self.duration_minutes
    }
    pub fn notes(&self) -> &str {
        &self.notes
    }

    /// The session written back as input, in its checked form (ids, trimmed values): what
    /// the forms show and the API answers.
    pub fn to_input(&self) -> TreatmentInput {
        TreatmentInput {
            date: self.date.to_string(),
            time: self.time.map(|t| t.strftime("%H:%M").to_string()),
            product: self.product.to_string(),
            indication: self.indication.id().to_owned(),
            vial_units: self.reconstitution.map(|r| r.vial_units.as_f64()),
            diluent_ml: self.reconstitution.and_then(|r| r.diluent_ml),
            injections: self
                .injections
                .iter()
                .map(|i| InjectionInput {
                    muscle: i.muscle.clone(),
                    side: i.side.as_str().to_owned(),
                    units: i.units.as_f64(),
                    sites: i.sites,
                    guidance: i.guidance.map(str::to_owned),
                })
                .collect(),
            vials: self
                .vials
                .iter()
                .map(|v| VialInput {
                    lot: v.lot.clone(),
                    expiry: v.expiry.to_string(),
                })
                .collect(),
            anaesthesia: self.anaesthesia.map(str::to_owned),
            duration_minutes: self.duration_minutes,
            infection_at_site: self.infection_at_site,
            notes: self.notes.clone(),
        }
    }
}

/// The kinds of reason a physician can stand behind for going ahead despite a blocking
/// finding; "other" asks for the reason in words like the others. Stored, so that
/// overrides can be counted by kind.
pub const OVERRIDE_KINDS: [&str; 4] = [
    "tolerated_before",
    "other_jurisdiction",
    "study_protocol",
    "other",
];

/// Words an override reason needs at least (a word: two letters or more).
pub const OVERRIDE_WORDS_MIN: usize = 3;

/// A physician's reason for going ahead despite a blocking finding: its kind (one of
/// [`OVERRIDE_KINDS`]) and the reason in words. Overrides stored before kinds existed
/// read with an empty kind.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub code: String,
    #[serde(default)]
    pub kind: String,
    pub reason: String,
}

/// Words of two letters or more, counted once each: "xxxxxxxxxx" and "ok ok ok" say
/// nothing.
fn words(reason: &str) -> usize {
    let mut seen: Vec<String> = reason
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .filter(|w| {
            let mut chars = w.chars();
            let first = chars.next();
            !chars.all(|c| Some(c) == first)
        })
        .map(str::to_lowercase)
        .collect();
    seen.sort();
    seen.dedup();
    seen.len()
}

/// Every blocking finding of `report` needs an override with a reason of at least
/// [`REASON_MIN`] characters; overrides of findings that do not block are refused too, so
/// the record says exactly what was overridden.
pub fn check_overrides(
    report: &Report,
    overrides: &[Override],
) -> Result<Vec<Override>, PlanErrors> {
    let mut errors = Vec::new();
    let blocking: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Block)
        .map(|f| f.code)
        .collect();
    for code in &blocking {
        match overrides.iter().find(|o| o.code == *code) {
            None => errors.push(error(
                "overrides",
                Problem::OverrideNeeded {
                    finding: (*code).to_owned(),
                },
            )),
            Some(o) => {
                if !OVERRIDE_KINDS.contains(&o.kind.trim()) {
                    errors.push(error(
                        "overrides",
                        Problem::OverrideKindNeeded {
                            finding: (*code).to_owned(),
                        },
                    ));
                }
                let length = o.reason.trim().chars().count();
                if !(REASON_MIN..=REASON_MAX).contains(&length) {
                    errors.push(error(
                        "overrides",
                        Problem::OverrideReasonLength {
                            finding: (*code).to_owned(),
                            min: REASON_MIN,
                            max: REASON_MAX,
                        },
                    ));
                } else if words(&o.reason) < OVERRIDE_WORDS_MIN {
                    errors.push(error(
                        "overrides",
                        Problem::OverrideReasonWords {
                            finding: (*code).to_owned(),
                            min_words: OVERRIDE_WORDS_MIN,
                        },
                    ));
                }
            }
        }
    }
    for o in overrides {
        if !blocking.contains(&o.code.as_str()) {
            errors.push(error(
                "overrides",
                Problem::NotBlocking {
                    finding: o.code.chars().take(40).collect(),
                },
            ));
        }
    }
    if errors.is_empty() {
        Ok(overrides
            .iter()
            .map(|o| Override {
                code: o.code.clone(),
                kind: o.kind.trim().to_owned(),
                reason: o.reason.trim().to_owned(),
            })
            .collect())
    } else {
        Err(PlanErrors(errors))
    }
}

/// What a signed session needs beyond a draft: the lot and expiry of every vial used
/// (at least one), and the patient's consent to treatment on record.
pub fn check_signable(treatment: &Treatment, patient: &PatientRecord) -> Result<(), PlanErrors> {
    let mut errors = Vec::new();
    if treatment.vials.is_empty() {
        errors.push(error("vials", Problem::NeededToSign { what: "vials" }));
    }
    if !patient.consents.treatment {
        errors.push(error(
            "consent_treatment",
            Problem::NeededToSign { what: "consent" },
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(PlanErrors(errors))
    }
}

/// A reason for an amendment or a voiding: one to a thousand characters of text.
pub fn check_reason(field: &str, reason: &str) -> Result<String, PlanErrors> {
    let length = reason.trim().chars().count();
    if (REASON_MIN..=REASON_MAX).contains(&length) {
        Ok(reason.trim().to_owned())
    } else {
        Err(PlanErrors(vec![error(
            field,
            Problem::ReasonLength {
                min: REASON_MIN,
                max: REASON_MAX,
            },
        )]))
    }
}
