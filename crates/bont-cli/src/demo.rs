//! A synthetic clinic for demonstrations and load tests: deterministic for a seed and a
//! date. Patients cover every indication, with ages, weights, languages, conditions and
//! medications drawn in plausible proportions. Nobody in it exists: names are common
//! given and family names combined at random, telephone numbers come from a range
//! reserved for fiction, and e-mail addresses use the reserved domain example.org.

use crate::demo_outcomes::{
    Course, adverse_event, assessments, benefit_report, goal_level, spasticity_goals,
};
use bont_core::outcomes::assessment::AssessmentInput;
use bont_core::outcomes::response::{Cycle, ScorePoint};
use bont_core::outcomes::{FollowUpKind, OutcomeBook, follow_ups_for};
use bont_core::patient::{PatientInput, PatientRecord};
use bont_core::safety::Catalog;
use bont_core::safety::check::Severity;
use bont_core::safety::plan::InjectionInput;
use bont_core::treatment::{GivenSession, Override, TreatmentInput, check_overrides};
use bont_core::user::{NewUser, UserInput};
use bont_core::vocabulary::Indication;
use bont_core::{ClinicId, Role};
use bont_db::bulk::Load;
use bont_db::sessions::SavedVerdict;
use bont_db::{Actor, Database};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};

/// One demo account per role.
pub struct DemoAccount {
    pub username: String,
    pub role: Role,
    pub password: String,
}

/// Creates a log-in for each role (user name = role id) with a fresh random password.
pub async fn create_demo_accounts(
    db: &Database,
    clinic: ClinicId,
    now: Timestamp,
) -> anyhow::Result<Vec<DemoAccount>> {
    let mut accounts = Vec::new();
    for role in Role::ALL {
        let user = NewUser::parse(&UserInput {
            username: role.id().into(),
            display_name: format!("Demo {}", role.id()),
            role: role.id().into(),
            language: "en".into(),
        })
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        let password = bont_web::auth::one_time_password();
        let hash = bont_web::auth::hash_password(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
        db.create_user(None, clinic, &user, &hash, false, now)
            .await?;
        accounts.push(DemoAccount {
            username: role.id().into(),
            role,
            password,
        });
    }
    Ok(accounts)
}

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    Pl,
    Ru,
    Ar,
    En,
}

struct Names {
    female: &'static [&'static str],
    male: &'static [&'static str],
    family_female: &'static [&'static str],
    family_male: &'static [&'static str],
}

fn names(lang: Lang) -> Names {
    match lang {
        Lang::Pl => Names {
            female: &[
                "Anna",
                "Maria",
                "Katarzyna",
                "Małgorzata",
                "Agnieszka",
                "Barbara",
                "Ewa",
                "Krystyna",
                "Magdalena",
                "Joanna",
                "Zofia",
                "Jadwiga",
            ],
            male: &[
                "Piotr",
                "Krzysztof",
                "Andrzej",
                "Tomasz",
                "Paweł",
                "Jan",
                "Michał",
                "Marcin",
                "Stanisław",
                "Grzegorz",
                "Józef",
                "Łukasz",
            ],
            family_female: &[
                "Nowak",
                "Kowalska",
                "Wiśniewska",
                "Wójcik",
                "Kowalczyk",
                "Kamińska",
                "Lewandowska",
                "Zielińska",
                "Szymańska",
                "Woźniak",
                "Dąbrowska",
                "Kozłowska",
            ],
            family_male: &[
                "Nowak",
                "Kowalski",
                "Wiśniewski",
                "Wójcik",
                "Kowalczyk",
                "Kamiński",
                "Lewandowski",
                "Zieliński",
                "Szymański",
                "Woźniak",
                "Dąbrowski",
                "Kozłowski",
            ],
        },
        Lang::Ru => Names {
            female: &[
                "Елена",
                "Ольга",
                "Наталья",
                "Татьяна",
                "Ирина",
                "Светлана",
                "Анна",
                "Мария",
                "Людмила",
                "Галина",
            ],
            male: &[
                "Сергей",
                "Александр",
                "Дмитрий",
                "Андрей",
                "Алексей",
                "Владимир",
                "Михаил",
                "Николай",
                "Иван",
                "Юрий",
            ],
            family_female: &[
                "Иванова",
                "Смирнова",
                "Кузнецова",
                "Попова",
                "Васильева",
                "Петрова",
                "Соколова",
                "Михайлова",
                "Новикова",
                "Фёдорова",
            ],
            family_male: &[
                "Иванов",
                "Смирнов",
                "Кузнецов",
                "Попов",
                "Васильев",
                "Петров",
                "Соколов",
                "Михайлов",
                "Новиков",
                "Фёдоров",
            ],
        },
        Lang::Ar => Names {
            female: &[
                "فاطمة",
                "مريم",
                "نور",
                "سارة",
                "ليلى",
                "هدى",
                "آمنة",
                "زينب",
                "رنا",
                "سلمى",
            ],
            male: &[
                "محمد",
                "أحمد",
                "علي",
                "عمر",
                "يوسف",
                "حسن",
                "خالد",
                "إبراهيم",
                "سامي",
                "كريم",
            ],
            family_female: &[
                "حداد",
                "الخطيب",
                "منصور",
                "العلي",
                "نصار",
                "سليمان",
                "يوسف",
                "عيسى",
                "الأحمد",
                "قاسم",
            ],
            family_male: &[
                "حداد",
                "الخطيب",
                "منصور",
                "العلي",
                "نصار",
                "سليمان",
                "يوسف",
                "عيسى",
                "الأحمد",
                "قاسم",
            ],
        },
        Lang::En => Names {
            female: &[
                "Mary", "Sarah", "Emma", "Olivia", "Margaret", "Helen", "Susan", "Grace", "Alice",
                "Ruth",
            ],
            male: &[
                "John", "David", "James", "Thomas", "Peter", "George", "Daniel", "Paul", "Mark",
                "Simon",
            ],
            family_female: &[
                "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas",
                "Roberts", "Walker",
            ],
            family_male: &[
                "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas",
                "Roberts", "Walker",
            ],
        },
    }
}

/// Who is treated for what: share of the clinic, adult age band, chance of a child
/// (2 to 17 years), and share of women.
struct Profile {
    indication: Indication,
    weight: u32,
    adult_ages: (i16, i16),
    child_share: f64,
    female_share: f64,
}

const PROFILES: &[Profile] = &[
    Profile {
        indication: Indication::ChronicMigraine,
        weight: 26,
        adult_ages: (19, 66),
        child_share: 0.0,
        female_share: 0.78,
    },
    Profile {
        indication: Indication::CervicalDystonia,
        weight: 18,
        adult_ages: (28, 78),
        child_share: 0.0,
        female_share: 0.65,
    },
    Profile {
        indication: Indication::Blepharospasm,
        weight: 8,
        adult_ages: (48, 86),
        child_share: 0.0,
        female_share: 0.68,
    },
    Profile {
        indication: Indication::HemifacialSpasm,
        weight: 6,
        adult_ages: (40, 82),
        child_share: 0.0,
        female_share: 0.6,
    },
    Profile {
        indication: Indication::UpperLimbSpasticity,
        weight: 12,
        adult_ages: (35, 85),
        child_share: 0.3,
        female_share: 0.45,
    },
    Profile {
        indication: Indication::LowerLimbSpasticity,
        weight: 10,
        adult_ages: (35, 85),
        child_share: 0.45,
        female_share: 0.45,
    },
    Profile {
        indication: Indication::Sialorrhea,
        weight: 4,
        adult_ages: (55, 88),
        child_share: 0.35,
        female_share: 0.45,
    },
    Profile {
        indication: Indication::AxillaryHyperhidrosis,
        weight: 4,
        adult_ages: (18, 45),
        child_share: 0.0,
        female_share: 0.55,
    },
    Profile {
        indication: Indication::Bruxism,
        weight: 3,
        adult_ages: (20, 55),
        child_share: 0.0,
        female_share: 0.6,
    },
    Profile {
        indication: Indication::FacialSynkinesis,
        weight: 3,
        adult_ages: (22, 72),
        child_share: 0.0,
        female_share: 0.55,
    },
    Profile {
        indication: Indication::OromandibularDystonia,
        weight: 2,
        adult_ages: (40, 75),
        child_share: 0.0,
        female_share: 0.6,
    },
    Profile {
        indication: Indication::SpasmodicDysphonia,
        weight: 2,
        adult_ages: (30, 70),
        child_share: 0.0,
        female_share: 0.7,
    },
    Profile {
        indication: Indication::FocalHandDystonia,
        weight: 2,
        adult_ages: (25, 65),
        child_share: 0.0,
        female_share: 0.4,
    },
    Profile {
        indication: Indication::NeuropathicPain,
        weight: 1,
        adult_ages: (40, 80),
        child_share: 0.0,
        female_share: 0.55,
    },
    Profile {
        indication: Indication::Tics,
        weight: 1,
        adult_ages: (18, 40),
        child_share: 0.0,
        female_share: 0.25,
    },
];

const NEUTRAL_MEDICATIONS: &[&str] = &[
    "amlodipine",
    "metformin",
    "levothyroxine",
    "sertraline",
    "omeprazole",
    "atorvastatin",
    "propranolol",
    "topiramate",
    "amitriptyline",
    "levodopa/carbidopa",
    "ramipril",
    "vitamin D",
];

const NOTES: &[&str] = &[
    "Prefers morning appointments.",
    "Needle-averse; topical anaesthetic cream helps.",
    "Comes with a carer; carer is the contact for reminders.",
    "Travels far; book re-injection visits early.",
    "Interpreter needed for consultations.",
];

fn pick<T: Copy>(rng: &mut fastrand::Rng, items: &[T]) -> T {
    items[rng.usize(..items.len())]
}

fn chance(rng: &mut fastrand::Rng, p: f64) -> bool {
    rng.f64() < p
}

/// A child's weight for age, in kg, with ±15 % spread (a growth-chart-like shape for
/// synthetic data only).
fn child_weight(rng: &mut fastrand::Rng, age: i16) -> f64 {
    let typical = 2.0 * f64::from(age) + 8.0;
    (typical * (0.85 + 0.3 * rng.f64()) * 10.0).round() / 10.0
}

fn adult_weight(rng: &mut fastrand::Rng, female: bool) -> f64 {
    let (low, high) = if female { (48.0, 98.0) } else { (58.0, 118.0) };
    ((low + (high - low) * rng.f64()) * 10.0).round() / 10.0
}

/// The patient inputs of a demo clinic (checked by the same domain rules as any form).
pub fn patients(seed: u64, count: usize, today: Date) -> impl Iterator<Item = PatientInput> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let total_weight: u32 = PROFILES.iter().map(|p| p.weight).sum();
    (0..count).map(move |i| {
        let mut ticket = rng.u32(..total_weight);
        let profile = PROFILES
            .iter()
            .find(|p| {
                if ticket < p.weight {
                    true
                } else {
                    ticket -= p.weight;
                    false
                }
            })
            .expect("ticket falls in one profile");
        let child = chance(&mut rng, profile.child_share);
        let age = if child {
            rng.i16(2..=17)
        } else {
            rng.i16(profile.adult_ages.0..=profile.adult_ages.1)
        };
        let female = chance(&mut rng, profile.female_share);
        let lang = match rng.u8(..100) {
            0..45 => Lang::Pl,
            45..65 => Lang::Ru,
            65..80 => Lang::Ar,
            _ => Lang::En,
        };
        let birth = today
            .checked_sub(age.years())
            .and_then(|d| d.checked_sub(rng.i32(0..365).days()))
            .expect("demo birth dates are in range");
        let n = names(lang);
        let pseudonymised = chance(&mut rng, 0.05);
        let (family, given) = if pseudonymised {
            (String::new(), String::new())
        } else if female {
            (
                pick(&mut rng, n.family_female).to_owned(),
                pick(&mut rng, n.female).to_owned(),
            )
        } else {
            (
                pick(&mut rng, n.family_male).to_owned(),
                pick(&mut rng, n.male).to_owned(),
            )
        };
        let weight = if child {
            child_weight(&mut rng, age)
        } else {
            adult_weight(&mut rng, female)
        };
        let weighed_days_ago = rng.i32(0..if child { 60 } else { 400 });
        let weighed_on = today
            .checked_sub(weighed_days_ago.days())
            .expect("in range")
            .max(birth);

        let mut conditions = Vec::new();
        let elderly = age >= 65;
        if chance(&mut rng, 0.02) {
            conditions.push("myasthenia_gravis");
        }
        if chance(&mut rng, 0.005) {
            conditions.push("lambert_eaton");
        }
        if profile.indication == Indication::Sialorrhea && !child && chance(&mut rng, 0.3) {
            conditions.push("als");
        }
        if chance(&mut rng, if elderly || child { 0.12 } else { 0.03 }) {
            conditions.push("dysphagia");
        }
        if chance(&mut rng, if elderly { 0.08 } else { 0.02 }) {
            conditions.push("respiratory_compromise");
        }
        if !child && chance(&mut rng, if elderly { 0.25 } else { 0.05 }) {
            conditions.push("cardiovascular_disease");
        }
        let mut allergies = Vec::new();
        for (allergy, p) in [
            ("botulinum_toxin", 0.005),
            ("human_albumin", 0.01),
            ("cow_milk_protein", 0.02),
        ] {
            if chance(&mut rng, p) {
                allergies.push(allergy);
            }
        }
        let mut medications: Vec<String> = Vec::new();
        let spastic = matches!(
            profile.indication,
            Indication::UpperLimbSpasticity | Indication::LowerLimbSpasticity
        );
        if spastic && chance(&mut rng, 0.4) {
            medications.push(
                pick(
                    &mut rng,
                    &[
                        "baclofen 10 mg three times daily",
                        "tizanidine 2 mg at night",
                    ],
                )
                .into(),
            );
        }
        if profile.indication == Indication::CervicalDystonia && chance(&mut rng, 0.15) {
            medications.push("trihexyphenidyl 2 mg twice daily".into());
        }
        if elderly && chance(&mut rng, 0.2) {
            medications.push(
                pick(
                    &mut rng,
                    &["apixaban 5 mg twice daily", "warfarin", "rivaroxaban 20 mg"],
                )
                .into(),
            );
        }
        if chance(&mut rng, 0.01) {
            medications.push("gentamicin 80 mg IV (current hospital stay)".into());
        }
        if chance(&mut rng, 0.03) {
            medications.push("magnesium citrate".into());
        }
        for _ in 0..rng.usize(0..3) {
            let m = pick(&mut rng, NEUTRAL_MEDICATIONS).to_owned();
            if !medications.contains(&m) {
                medications.push(m);
            }
        }
        let childbearing = female && !child && (18..=45).contains(&age);
        let pregnant = childbearing && chance(&mut rng, 0.01);
        let breastfeeding = childbearing && !pregnant && chance(&mut rng, 0.015);
        let has_phone = chance(&mut rng, 0.85);
        let phone = if has_phone {
            format!("+44 7700 900{:03}", rng.u16(0..1000))
        } else {
            String::new()
        };
        let email = if chance(&mut rng, 0.4) {
            format!("patient{:05}@example.org", i + 1)
        } else {
            String::new()
        };
        let notes = if chance(&mut rng, 0.15) {
            pick(&mut rng, NOTES).to_owned()
        } else {
            String::new()
        };
        PatientInput {
            record_number: format!("BT-{:05}", i + 1),
            family_name: family,
            given_names: given,
            pseudonym: if pseudonymised {
                format!("P-{:04}", i + 1)
            } else {
                String::new()
            },
            birth_date: birth.to_string(),
            sex: if female { "female" } else { "male" }.into(),
            weight_kg: weight.to_string(),
            weight_measured_on: weighed_on.to_string(),
            preferred_language: match lang {
                Lang::Pl => "pl",
                Lang::Ru => "ru",
                Lang::Ar => "ar",
                Lang::En => "en",
            }
            .into(),
            phone,
            email,
            address: String::new(),
            consent_treatment: chance(&mut rng, 0.97),
            consent_reminders: has_phone && chance(&mut rng, 0.85),
            consent_research: chance(&mut rng, 0.6),
            indications: vec![profile.indication.id().into()],
            conditions: conditions.into_iter().map(String::from).collect(),
            allergies: allergies.into_iter().map(String::from).collect(),
            medications,
            pregnant,
            breastfeeding,
            notes,
        }
    })
}

/// Clinics 2 to `count + 1` of a demo registry, each with a physician to sign its
/// sessions (no log-in: their passwords are never shown); the physicians as actors.
pub async fn more_clinics(
    db: &Database,
    count: usize,
    now: Timestamp,
) -> anyhow::Result<Vec<Actor>> {
    let mut physicians = Vec::new();
    for n in 2..count + 2 {
        let clinic = db
            .create_clinic(&format!("Demo neurology clinic {n}"), now)
            .await?;
        let user = NewUser::parse(&UserInput {
            username: format!("physician-{n}"),
            display_name: format!("Demo physician of clinic {n}"),
            role: Role::Physician.id().into(),
            language: "en".into(),
        })
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        let password = bont_web::auth::one_time_password();
        let hash = bont_web::auth::hash_password(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
        let id = db
            .create_user(None, clinic.id, &user, &hash, true, now)
            .await?;
        physicians.push(Actor {
            user: id,
            clinic: clinic.id,
            client: "bont demo".into(),
            now,
        });
    }
    Ok(physicians)
}

/// What a demo clinic holds.
#[derive(Debug, Default)]
pub struct Populated {
    pub patients: usize,
    pub sessions: usize,
    pub overrides: usize,
    pub assessments: usize,
    pub follow_ups_reached: usize,
    pub adverse_events: usize,
    pub non_responders: usize,
}

impl Populated {
    /// One line for the person who asked for the demo.
    pub fn summary(&self) -> String {
        format!(
            "{} synthetic patients, {} signed sessions ({} with overrides), {} assessments, {} follow-up calls reached, {} adverse events, {} patients losing their response",
            self.patients,
            self.sessions,
            self.overrides,
            self.assessments,
            self.follow_ups_reached,
            self.adverse_events,
            self.non_responders
        )
    }
}

/// Patients stored in one transaction: the demo's writes are loaded in batches (many rows
/// to a statement, one commit and one audit event a batch), while every record still
/// passes the domain's checks.
const BATCH: usize = 500;

/// Stores a demo registry's patients and their past sessions, the patients dealt in turn
/// to the clinics of `physicians` (one physician of each clinic, who signs its sessions).
/// Every session passes through the real safety check; the few that block are signed with
/// a written override, as a clinic would. `progress` hears how many patients are stored.
/// The tables' secondary indexes (and PostgreSQL's foreign keys) are set aside during the
/// load and built at its end.
pub async fn populate(
    db: &Database,
    physicians: &[Actor],
    catalog: &Catalog,
    seed: u64,
    count: usize,
    today: Date,
    progress: &dyn Fn(usize),
) -> anyhow::Result<Populated> {
    anyhow::ensure!(!physicians.is_empty(), "a demo needs a physician");
    // The records are made on a thread of their own while the batch before is stored.
    let (batches, mut ready) = tokio::sync::mpsc::channel::<(Load, String, usize)>(2);
    let mut load = db.bulk().await?;
    let (dealt, catalog) = (physicians.to_vec(), catalog.clone());
    let maker = tokio::task::spawn_blocking(move || -> anyhow::Result<Populated> {
        let mut inputs = patients(seed, count, today).enumerate().peekable();
        let mut rng = fastrand::Rng::with_seed(seed ^ 0x5e55_1011);
        let book = OutcomeBook::builtin();
        let mut outcome_rng = fastrand::Rng::with_seed(seed ^ 0x0ac0_e5e5);
        let mut done = Populated::default();
        while inputs.peek().is_some() {
            let first = done.patients + 1;
            for (i, input) in inputs.by_ref().take(BATCH) {
                patient_course(
                    &mut load,
                    &dealt[i % dealt.len()],
                    &catalog,
                    &book,
                    &input,
                    today,
                    (&mut rng, &mut outcome_rng),
                    &mut done,
                )?;
            }
            let detail = format!(
                "demo patients {first} to {} in {} clinics",
                done.patients,
                dealt.len()
            );
            if batches
                .blocking_send((load.batch(), detail, done.patients))
                .is_err()
            {
                break;
            }
        }
        Ok(done)
    });
    // The rows go in without their secondary index entries, built once at the end.
    db.set_aside_for_load().await?;
    let stored = async {
        while let Some((mut batch, detail, stored)) = ready.recv().await {
            db.store(&mut batch, &physicians[0], &detail).await?;
            progress(stored);
        }
        anyhow::Ok(())
    }
    .await;
    drop(ready);
    let made = maker.await?;
    db.rebuild_set_aside().await?;
    stored?;
    made
}

/// One patient and their years of sessions, follow-ups, scores and adverse events.
#[allow(clippy::too_many_arguments)]
fn patient_course(
    load: &mut Load,
    actor: &Actor,
    catalog: &Catalog,
    book: &OutcomeBook,
    input: &PatientInput,
    today: Date,
    (rng, outcome_rng): (&mut fastrand::Rng, &mut fastrand::Rng),
    done: &mut Populated,
) -> anyhow::Result<()> {
    {
        let record = PatientRecord::parse(input, today)
            .map_err(|e| anyhow::anyhow!("demo patient {} is invalid: {e}", input.record_number))?;
        let id = load.patient(actor, &record);
        done.patients += 1;
        // Nobody gives toxin to a patient allergic to it or to an excipient of the usual products.
        let allergies = &record.clinical.allergies;
        if allergies.contains(&bont_core::vocabulary::Allergy::BotulinumToxin)
            || allergies.contains(&bont_core::vocabulary::Allergy::HumanAlbumin)
        {
            return Ok(());
        }
        let mut history: Vec<GivenSession> = Vec::new();
        let mut sessions = treatment_history(rng, &record, today);
        // The first two patients with a long enough course of a steady regimen for
        // migraine or cervical dystonia lose their response in their last two cycles.
        let indication = record.clinical.indications.iter().next().copied();
        let loses_response = done.non_responders < 2
            && matches!(
                indication,
                Some(Indication::ChronicMigraine | Indication::CervicalDystonia)
            )
            && sessions.len() >= 6;
        if loses_response {
            steady(&mut sessions);
            done.non_responders += 1;
        }
        let course = Course::new(outcome_rng, sessions.len(), loses_response);
        let mut cycles: Vec<Cycle> = Vec::new();
        let mut scores: Vec<ScorePoint> = Vec::new();
        let mut goals: Vec<(i64, i8)> = Vec::new();
        for (cycle, session) in sessions.into_iter().enumerate() {
            let (treatment, plan) = match session.check(&record, &history, today, catalog) {
                Ok(checked) => checked,
                Err(e) => anyhow::bail!("demo session for {} is invalid: {e}", input.record_number),
            };
            let report = bont_core::safety::check(catalog, &plan);
            let saved = SavedVerdict {
                verdict: serde_json::to_value(report.verdict)?
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                findings: serde_json::to_value(&report.findings)?,
                total_units: report.arithmetic.total_units.as_f64(),
            };
            let overrides: Vec<Override> = report
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Block)
                .map(|f| Override {
                    code: f.code.to_owned(),
                    reason: if f.code == "interval_too_short" {
                        TOP_UP_REASON
                    } else {
                        OVERRIDE_REASON
                    }
                    .to_owned(),
                })
                .collect();
            let overrides =
                check_overrides(&report, &overrides).map_err(|e| anyhow::anyhow!("{e}"))?;
            let when = Actor {
                now: session_time(&session.date),
                ..actor.clone()
            };
            // Before the injection: baseline (or before re-injection) scores, and how long
            // the last session's benefit lasted.
            let timepoint = if cycle == 0 {
                "baseline"
            } else {
                "before_reinjection"
            };
            let mut entries = indication
                .map(|i| {
                    assessments(
                        outcome_rng,
                        &course,
                        i,
                        &session,
                        &session.date,
                        timepoint,
                        0.0,
                    )
                })
                .unwrap_or_default();
            if cycle > 0 && outcome_rng.f64() < 0.7 {
                entries.push(benefit_report(outcome_rng, &course, &session.date));
            }
            for entry in &entries {
                done.assessments +=
                    store_assessment(load, &when, id, entry, book, catalog, today, &mut scores)?;
            }
            let planned = follow_ups_for(book, catalog, &record, &session, &cycles, &scores);
            let (session_id, stored) =
                load.signed_session(&when, id, &treatment, &saved, &overrides, &planned);
            if cycle == 0
                && let Some(i @ (Indication::UpperLimbSpasticity | Indication::LowerLimbSpasticity)) =
                    indication
            {
                for goal in spasticity_goals(i, &session.date) {
                    let checked = goal
                        .check(today)
                        .map_err(|e| anyhow::anyhow!("demo goal: {e}"))?;
                    let goal_id = load.goal(&when, id, &checked, Some(session_id));
                    goals.push((goal_id, checked.baseline));
                }
            }
            done.sessions += 1;
            done.overrides += usize::from(!overrides.is_empty());
            cycles.push(Cycle {
                session: session_id.get(),
                date: plan.session.date,
                product: bont_core::outcomes::product_id(catalog, &session.product),
                indication: session.indication.clone(),
                total_units: saved.total_units,
            });
            // After it: the onset call, the peak visit, now and then an adverse event.
            let of = |kind: FollowUpKind| stored.iter().copied().find(|f| f.kind == kind);
            if let Some(onset) = of(FollowUpKind::OnsetCheck)
                && onset.due_on <= today
            {
                let roll = outcome_rng.f64();
                let call = |day: Date| Actor {
                    now: session_time(&day.to_string()),
                    ..actor.clone()
                };
                if roll < 0.15 {
                    load.contact(&call(onset.opens_on), onset.id, false, "No answer.");
                }
                if roll < 0.85 {
                    load.contact(
                        &call(onset.due_on),
                        onset.id,
                        true,
                        "Effect starting; no new weakness or swallowing trouble.",
                    );
                    done.follow_ups_reached += 1;
                }
            }
            let response = course.response_in(outcome_rng, cycle);
            if let (Some(i), Some(peak)) = (indication, of(FollowUpKind::PeakAssessment))
                && peak.due_on <= today
                && outcome_rng.f64() < 0.8
            {
                let day = peak.due_on.to_string();
                let at_peak = Actor {
                    now: session_time(&day),
                    ..actor.clone()
                };
                for entry in assessments(outcome_rng, &course, i, &session, &day, "peak", response)
                {
                    done.assessments += store_assessment(
                        load,
                        &at_peak,
                        id,
                        &entry,
                        book,
                        catalog,
                        today,
                        &mut scores,
                    )?;
                }
                for (goal, baseline) in &goals {
                    let level = goal_level(outcome_rng, *baseline, response);
                    load.goal_score(&at_peak, *goal, peak.due_on, level, Some(session_id));
                }
            }
            if let Some(i) = indication
                && outcome_rng.f64() < 0.06
            {
                let event = adverse_event(outcome_rng, i, &session)
                    .check(book, &session)
                    .map_err(|e| anyhow::anyhow!("demo adverse event: {e}"))?;
                let reported = plan
                    .session
                    .date
                    .checked_add(i64::from(event.onset_day + 2).days())
                    .unwrap_or(today);
                if reported <= today {
                    let at = Actor {
                        now: session_time(&reported.to_string()),
                        ..actor.clone()
                    };
                    load.adverse_event(&at, id, session_id, &event, book);
                    done.adverse_events += 1;
                }
            }
            history.insert(
                0,
                GivenSession {
                    date: plan.session.date,
                    product: session.product.clone(),
                    indication: session.indication.clone(),
                    total_units: saved.total_units,
                },
            );
        }
    }
    Ok(())
}

/// A steady regimen: every session like the first, and no top-ups.
fn steady(sessions: &mut Vec<TreatmentInput>) {
    let Some(first) = sessions.first().cloned() else {
        return;
    };
    let mut last = None::<Date>;
    sessions.retain(|s| {
        let date: Option<Date> = s.date.parse().ok();
        let keep = match (last, date) {
            (Some(l), Some(d)) => (d - l).get_days() >= 84,
            _ => true,
        };
        if keep {
            last = date;
        }
        keep
    });
    for s in sessions.iter_mut().skip(1) {
        s.product = first.product.clone();
        s.vial_units = first.vial_units;
        s.diluent_ml = first.diluent_ml;
        s.injections = first.injections.clone();
    }
}

/// Checks an assessment as the form would and stores it; 1 when stored.
#[allow(clippy::too_many_arguments)]
fn store_assessment(
    load: &mut Load,
    actor: &Actor,
    patient: bont_core::PatientId,
    entry: &AssessmentInput,
    book: &OutcomeBook,
    catalog: &Catalog,
    today: Date,
    scores: &mut Vec<ScorePoint>,
) -> anyhow::Result<usize> {
    let Ok(date) = entry.date.parse::<Date>() else {
        return Ok(0);
    };
    if date > today {
        return Ok(0);
    }
    let checked = entry
        .check(book, catalog, today)
        .map_err(|e| anyhow::anyhow!("demo assessment {}: {e}", entry.scale))?;
    load.assessment(actor, patient, &checked);
    scores.push(ScorePoint {
        scale: checked.scale.clone(),
        date: checked.date,
        timepoint: checked.timepoint,
        score: checked.score,
    });
    Ok(1)
}

const TOP_UP_REASON: &str = "Insufficient response at the two-week check; a small top-up agreed with the patient after discussing the risk of neutralising antibodies.";
const OVERRIDE_REASON: &str =
    "Benefit judged to outweigh the risk after discussion with the patient; consent documented.";

fn session_time(date: &str) -> jiff::Timestamp {
    format!("{date}T10:00:00Z")
        .parse()
        .unwrap_or_else(|_| jiff::Timestamp::now())
}

/// A muscle, side, units on each side and sites on each side.
type Row = (&'static str, &'static str, f64, u32);

/// The PREEMPT rows of the built-in template, read once.
static PREEMPT: std::sync::LazyLock<Vec<Row>> = std::sync::LazyLock::new(|| {
    bont_core::templates::builtin()
        .into_iter()
        .find(|t| t.id == "preempt")
        .map(|t| {
            t.rows
                .iter()
                .map(|r| {
                    (
                        leak(&r.muscle),
                        leak(&r.side),
                        r.units.unwrap_or(5.0),
                        r.sites,
                    )
                })
                .collect()
        })
        .unwrap_or_default()
});

/// What a clinic typically gives for an indication: the product and the rows, scaled by
/// `dose` (0.6 to 1.2 of the usual dose; children by weight).
fn regimen(
    rng: &mut fastrand::Rng,
    indication: Indication,
    age: i16,
    weight: f64,
) -> (&'static str, Option<(f64, f64)>, Vec<Row>) {
    let child = age < 18;
    let scale = |rng: &mut fastrand::Rng, base: f64, step: f64| {
        (base * (0.8 + 0.4 * rng.f64()) / step).round() * step
    };
    match indication {
        Indication::ChronicMigraine => {
            let mut rows: Vec<Row> = PREEMPT.clone();
            if rng.f64() < 0.25 {
                rows.push(("temporalis", "right", 10.0, 2));
            }
            ("onabotulinumtoxinA", Some((200.0, 4.0)), rows)
        }
        Indication::CervicalDystonia => match rng.u8(0..3) {
            0 => (
                "abobotulinumtoxinA",
                Some((500.0, 2.5)),
                vec![
                    ("sternocleidomastoid", "right", scale(rng, 150.0, 10.0), 2),
                    ("splenius_capitis", "left", scale(rng, 250.0, 10.0), 2),
                    ("trapezius_upper", "left", scale(rng, 100.0, 10.0), 2),
                ],
            ),
            1 => (
                "incobotulinumtoxinA",
                Some((100.0, 4.0)),
                vec![
                    ("sternocleidomastoid", "right", scale(rng, 40.0, 5.0), 2),
                    ("splenius_capitis", "left", scale(rng, 60.0, 5.0), 2),
                    ("levator_scapulae", "left", scale(rng, 30.0, 5.0), 1),
                ],
            ),
            _ => (
                "onabotulinumtoxinA",
                Some((100.0, 2.0)),
                vec![
                    ("sternocleidomastoid", "left", scale(rng, 40.0, 5.0), 2),
                    ("splenius_capitis", "right", scale(rng, 60.0, 5.0), 2),
                    ("trapezius_upper", "right", scale(rng, 40.0, 5.0), 2),
                    ("levator_scapulae", "right", scale(rng, 30.0, 5.0), 1),
                ],
            ),
        },
        Indication::Blepharospasm => (
            "onabotulinumtoxinA",
            Some((100.0, 4.0)),
            vec![
                ("orbicularis_oculi_pretarsal_upper", "both", 5.0, 2),
                ("orbicularis_oculi_pretarsal_lower", "both", 2.5, 1),
                ("orbicularis_oculi_orbital", "both", scale(rng, 5.0, 2.5), 2),
            ],
        ),
        Indication::HemifacialSpasm => {
            let side = if rng.bool() { "left" } else { "right" };
            (
                "onabotulinumtoxinA",
                Some((100.0, 4.0)),
                vec![
                    ("orbicularis_oculi_pretarsal_upper", side, 5.0, 2),
                    ("orbicularis_oculi_pretarsal_lower", side, 2.5, 1),
                    ("zygomaticus_major", side, 2.5, 1),
                ],
            )
        }
        Indication::UpperLimbSpasticity if child => {
            // Within 3 to 6 U/kg for the upper limb (BOTOXONE-PEDS).
            let total = (weight * (3.0 + 2.5 * rng.f64())).floor().min(190.0);
            (
                "onabotulinumtoxinA",
                Some((100.0, 2.0)),
                vec![
                    ("biceps_brachii", "left", (total * 0.4).floor(), 4),
                    ("flexor_carpi_radialis", "left", (total * 0.3).floor(), 2),
                    ("flexor_carpi_ulnaris", "left", (total * 0.3).floor(), 2),
                ],
            )
        }
        Indication::UpperLimbSpasticity => (
            "onabotulinumtoxinA",
            Some((200.0, 4.0)),
            vec![
                ("biceps_brachii", "right", scale(rng, 100.0, 5.0), 3),
                ("brachioradialis", "right", scale(rng, 50.0, 5.0), 2),
                ("flexor_carpi_radialis", "right", scale(rng, 40.0, 5.0), 1),
                ("flexor_carpi_ulnaris", "right", scale(rng, 30.0, 5.0), 1),
                ("flexor_digitorum_superficialis", "right", 40.0, 1),
                ("flexor_digitorum_profundus", "right", 40.0, 1),
            ],
        ),
        Indication::LowerLimbSpasticity if child => {
            // Within 10 to 15 U/kg for one leg (DYSPORT-US-PEDS).
            let total = (weight * (10.0 + 4.0 * rng.f64())).floor().min(900.0);
            (
                "abobotulinumtoxinA",
                Some((500.0, 2.5)),
                vec![
                    (
                        "gastrocnemius_medial_head",
                        "left",
                        (total * 0.4).floor(),
                        2,
                    ),
                    (
                        "gastrocnemius_lateral_head",
                        "left",
                        (total * 0.3).floor(),
                        2,
                    ),
                    ("soleus", "left", (total * 0.3).floor(), 2),
                ],
            )
        }
        Indication::LowerLimbSpasticity => (
            "onabotulinumtoxinA",
            Some((200.0, 4.0)),
            vec![
                ("gastrocnemius_medial_head", "left", 75.0, 3),
                ("gastrocnemius_lateral_head", "left", 75.0, 3),
                ("soleus", "left", 75.0, 3),
                ("tibialis_posterior", "left", 75.0, 3),
            ],
        ),
        Indication::Sialorrhea if child => {
            let band = [
                (30.0, 22.5, 15.0),
                (27.0, 18.0, 12.0),
                (23.0, 15.0, 10.0),
                (19.0, 12.0, 8.0),
                (15.0, 9.0, 6.0),
                (12.0, 6.0, 4.0),
            ]
            .into_iter()
            .find(|(min, _, _)| weight >= *min)
            .unwrap_or((12.0, 6.0, 4.0));
            (
                "incobotulinumtoxinA",
                Some((100.0, 4.0)),
                vec![
                    ("parotid_gland", "both", band.1, 1),
                    ("submandibular_gland", "both", band.2, 1),
                ],
            )
        }
        Indication::Sialorrhea => (
            "incobotulinumtoxinA",
            Some((100.0, 4.0)),
            vec![
                ("parotid_gland", "both", 30.0, 1),
                ("submandibular_gland", "both", 20.0, 1),
            ],
        ),
        Indication::AxillaryHyperhidrosis => (
            "onabotulinumtoxinA",
            Some((100.0, 4.0)),
            vec![("axilla_skin", "both", 50.0, 12)],
        ),
        Indication::Bruxism => (
            "onabotulinumtoxinA",
            Some((100.0, 2.0)),
            vec![("masseter", "both", scale(rng, 25.0, 5.0), 3)],
        ),
        Indication::FacialSynkinesis => (
            "onabotulinumtoxinA",
            Some((100.0, 4.0)),
            vec![
                ("orbicularis_oculi_orbital", "left", 5.0, 2),
                ("platysma", "left", 10.0, 4),
                ("mentalis", "left", 2.5, 1),
            ],
        ),
        Indication::OromandibularDystonia => (
            "onabotulinumtoxinA",
            Some((100.0, 2.0)),
            vec![
                ("masseter", "both", 30.0, 2),
                ("lateral_pterygoid", "both", 15.0, 1),
            ],
        ),
        Indication::SpasmodicDysphonia => (
            "onabotulinumtoxinA",
            Some((100.0, 4.0)),
            vec![("thyroarytenoid", "both", 2.5, 1)],
        ),
        Indication::FocalHandDystonia => (
            "onabotulinumtoxinA",
            Some((100.0, 2.0)),
            vec![
                ("flexor_digitorum_superficialis", "right", 20.0, 1),
                ("flexor_carpi_radialis", "right", 15.0, 1),
            ],
        ),
        Indication::NeuropathicPain => (
            "onabotulinumtoxinA",
            Some((100.0, 4.0)),
            vec![("trapezius_upper", "both", 20.0, 4)],
        ),
        Indication::Tics => (
            "onabotulinumtoxinA",
            Some((100.0, 4.0)),
            vec![("orbicularis_oculi_orbital", "both", 5.0, 2)],
        ),
    }
}

fn leak(s: &str) -> &'static str {
    // Template ids are few and fixed; the demo runs once per process.
    Box::leak(s.to_owned().into_boxed_str())
}

/// Past sessions of a patient: from some time in the last four years up to now, every 12
/// to 16 weeks, with a lot number and its expiry.
fn treatment_history(
    rng: &mut fastrand::Rng,
    patient: &PatientRecord,
    today: Date,
) -> Vec<TreatmentInput> {
    let Some(indication) = patient.clinical.indications.iter().next().copied() else {
        return Vec::new();
    };
    let age = patient.birth_date.age_years(today);
    let weight = patient.weight.map(|w| w.kg.kg()).unwrap_or(70.0);
    let started_days_ago = rng.i64(0..1460);
    let mut day = today
        .checked_sub(started_days_ago.days())
        .unwrap_or(today)
        .max(
            patient
                .birth_date
                .date()
                .checked_add(2.years())
                .unwrap_or(today),
        );
    let mut sessions = Vec::new();
    while day <= today && sessions.len() < 16 {
        let (product, dilution, rows) =
            regimen(rng, indication, patient.birth_date.age_years(day), weight);
        let lot = format!(
            "{}{:04}{}",
            &product[..1].to_uppercase(),
            rng.u16(1000..9999),
            (b'A' + rng.u8(0..6)) as char
        );
        let expiry = day.checked_add(rng.i64(60..500).days()).unwrap_or(day);
        sessions.push(TreatmentInput {
            date: day.to_string(),
            time: Some(format!("{:02}:{:02}", rng.u8(8..16), rng.u8(0..4) * 15)),
            product: product.into(),
            indication: indication.id().into(),
            vial_units: dilution.map(|d| d.0),
            diluent_ml: dilution.map(|d| d.1),
            injections: rows
                .into_iter()
                .map(|(muscle, side, units, sites)| InjectionInput {
                    muscle: muscle.into(),
                    side: side.into(),
                    units,
                    sites: sites.min(units.floor().max(1.0) as u32),
                    guidance: Some(
                        if matches!(
                            indication,
                            Indication::UpperLimbSpasticity | Indication::LowerLimbSpasticity
                        ) {
                            "ultrasound"
                        } else {
                            "landmarks"
                        }
                        .into(),
                    ),
                })
                .collect(),
            vials: vec![bont_core::treatment::VialInput {
                lot,
                expiry: expiry.to_string(),
            }],
            anaesthesia: Some(if age < 10 { "topical" } else { "none" }.into()),
            duration_minutes: Some(rng.u32(10..35)),
            infection_at_site: false,
            notes: String::new(),
        });
        // Now and then a small top-up a few weeks later, after a poor response at the
        // two-week check: the check blocks it and the physician overrides with a reason.
        let top_up = day.checked_add(rng.i64(30..40).days()).unwrap_or(today);
        let can_top_up = matches!(
            indication,
            Indication::CervicalDystonia | Indication::UpperLimbSpasticity
        ) && age >= 18;
        if can_top_up && top_up <= today && rng.f64() < 0.04 {
            let mut extra = sessions.last().cloned().expect("a session was just added");
            extra.date = top_up.to_string();
            extra.injections.truncate(1);
            extra.injections[0].units = (extra.injections[0].units / 2.0).floor().max(5.0);
            extra.injections[0].sites = 1;
            extra.notes = "Top-up after a poor response at the two-week check.".into();
            sessions.push(extra);
            day = top_up;
        }
        // 13 to 18 weeks: past the minimum interval and outside the 90-day window.
        day = day
            .checked_add(rng.i64(91..130).days())
            .unwrap_or(today.checked_add(1.days()).unwrap_or(today));
    }
    sessions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_clinic_and_every_patient_is_valid() {
        let today = jiff::civil::date(2026, 11, 22);
        let a = patients(7, 300, today).collect::<Vec<_>>();
        let b = patients(7, 300, today).collect::<Vec<_>>();
        let json = |v: &[PatientInput]| format!("{v:?}");
        assert_eq!(json(&a), json(&b));
        assert_ne!(json(&a), json(&patients(8, 300, today).collect::<Vec<_>>()));
        for p in &a {
            PatientRecord::parse(p, today).unwrap_or_else(|e| panic!("{}: {e}", p.record_number));
        }
        for indication in PROFILES.iter().map(|p| p.indication.id()) {
            assert!(
                a.iter().any(|p| p.indications[0] == indication),
                "{indication} missing"
            );
        }
        for lang in ["pl", "ru", "ar", "en"] {
            assert!(
                a.iter().any(|p| p.preferred_language == lang),
                "{lang} missing"
            );
        }
        let children = a
            .iter()
            .filter(|p| {
                PatientRecord::parse(p, today)
                    .expect("valid")
                    .birth_date
                    .age_years(today)
                    < 18
            })
            .count();
        assert!(children > 5, "only {children} children");
        assert!(a.iter().any(|p| !p.conditions.is_empty()));
        assert!(a.iter().any(|p| !p.pseudonym.is_empty()));
    }
}
