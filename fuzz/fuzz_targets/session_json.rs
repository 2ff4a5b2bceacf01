//! A treatment session as the JSON API and the session form send it, checked against a
//! patient with two earlier sessions.
#![no_main]

use bont_core::patient::{PatientInput, PatientRecord};
use bont_core::safety::catalog::Catalog;
use bont_core::treatment::{GivenSession, TreatmentInput};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

struct Fixture {
    catalog: Catalog,
    patient: PatientRecord,
    history: Vec<GivenSession>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let today = jiff::civil::date(2026, 11, 22);
        let patient = PatientRecord::parse(
            &PatientInput {
                record_number: "F-1".into(),
                family_name: "Fuzz".into(),
                birth_date: "1970-01-01".into(),
                sex: "female".into(),
                weight_kg: "70".into(),
                preferred_language: "en".into(),
                indications: vec!["cervical_dystonia".into()],
                ..Default::default()
            },
            today,
        )
        .expect("a valid patient");
        let history = [("2026-05-01", 200.0), ("2026-08-10", 180.0)]
            .into_iter()
            .map(|(date, units)| GivenSession {
                date: date.parse().expect("date"),
                product: "onabotulinumtoxinA".into(),
                indication: "cervical_dystonia".into(),
                total_units: units,
            })
            .collect();
        Fixture {
            catalog: Catalog::builtin(),
            patient,
            history,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = serde_json::from_slice::<TreatmentInput>(data) else {
        return;
    };
    let f = fixture();
    let today = jiff::civil::date(2026, 11, 22);
    if let Ok((_, plan)) = input.check(&f.patient, &f.history, &[], today, &f.catalog) {
        let _ = bont_core::safety::check(&f.catalog, &plan);
    }
});
