//! What the demo's patients received: each indication's usual regimen (products, muscles,
//! units and sites, children by weight) and a patient's past sessions every 12 to 16 weeks.

use bont_core::patient::PatientRecord;
use bont_core::safety::plan::InjectionInput;
use bont_core::treatment::TreatmentInput;
use bont_core::vocabulary::Indication;
use jiff::ToSpan;
use jiff::civil::Date;

/// A muscle, side, units on each side and sites on each side.
pub(super) type Row = (&'static str, &'static str, f64, u32);

/// The PREEMPT rows of the built-in template, read once.
pub(super) static PREEMPT: std::sync::LazyLock<Vec<Row>> = std::sync::LazyLock::new(|| {
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
pub(super) fn regimen(
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

pub(super) fn leak(s: &str) -> &'static str {
    // Template ids are few and fixed; the demo runs once per process.
    Box::leak(s.to_owned().into_boxed_str())
}

/// Past sessions of a patient: from some time in the last four years up to now, every 12
/// to 16 weeks, with a lot number and its expiry.
pub(super) fn treatment_history(
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
