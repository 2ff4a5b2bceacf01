//! Who the demo's patients are: names in four languages, profiles by indication (ages,
//! weights, conditions and medications in plausible proportions), contact details from
//! ranges reserved for fiction.

use super::{chance, pick};
use bont_core::patient::PatientInput;
use bont_core::vocabulary::Indication;
use jiff::ToSpan;
use jiff::civil::Date;

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Lang {
    Pl,
    Ru,
    Ar,
    En,
}

pub(super) struct Names {
    female: &'static [&'static str],
    male: &'static [&'static str],
    family_female: &'static [&'static str],
    family_male: &'static [&'static str],
}

pub(super) fn names(lang: Lang) -> Names {
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
pub(super) struct Profile {
    indication: Indication,
    weight: u32,
    adult_ages: (i16, i16),
    child_share: f64,
    female_share: f64,
}

pub(super) const PROFILES: &[Profile] = &[
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

pub(super) const NEUTRAL_MEDICATIONS: &[&str] = &[
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

pub(super) const NOTES: &[&str] = &[
    "Prefers morning appointments.",
    "Needle-averse; topical anaesthetic cream helps.",
    "Comes with a carer; carer is the contact for reminders.",
    "Travels far; book re-injection visits early.",
    "Interpreter needed for consultations.",
];

/// A child's weight for age, in kg, with ±15 % spread (a growth-chart-like shape for
/// synthetic data only).
pub(super) fn child_weight(rng: &mut fastrand::Rng, age: i16) -> f64 {
    let typical = 2.0 * f64::from(age) + 8.0;
    (typical * (0.85 + 0.3 * rng.f64()) * 10.0).round() / 10.0
}

pub(super) fn adult_weight(rng: &mut fastrand::Rng, female: bool) -> f64 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use bont_core::patient::PatientRecord;

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
