//! Assessments on every scale, adverse events and goals as the API and forms send them.
#![no_main]

use bont_core::outcomes::OutcomeBook;
use bont_core::outcomes::adverse::AdverseEventInput;
use bont_core::outcomes::assessment::AssessmentInput;
use bont_core::outcomes::goals::GoalInput;
use bont_core::safety::catalog::Catalog;
use bont_core::treatment::TreatmentInput;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

struct Fixture {
    book: OutcomeBook,
    catalog: Catalog,
    session: TreatmentInput,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| Fixture {
        book: OutcomeBook::builtin(),
        catalog: Catalog::builtin(),
        session: serde_json::from_str(
            r#"{"date": "2026-11-01", "product": "Botox", "indication": "cervical_dystonia",
                "vial_units": 100, "diluent_ml": 2.0,
                "injections": [{"muscle": "sternocleidomastoid", "side": "left", "units": 40, "sites": 2}],
                "vials": [{"lot": "C1234A", "expiry": "2027-06-30"}]}"#,
        )
        .expect("a valid session"),
    })
}

fuzz_target!(|data: &[u8]| {
    let f = fixture();
    let today = jiff::civil::date(2026, 11, 22);
    let Some((which, rest)) = data.split_first() else {
        return;
    };
    match which % 3 {
        0 => {
            if let Ok(input) = serde_json::from_slice::<AssessmentInput>(rest) {
                let _ = input.check(&f.book, &f.catalog, today);
            }
        }
        1 => {
            if let Ok(input) = serde_json::from_slice::<AdverseEventInput>(rest) {
                let _ = input.check(&f.book, &f.session);
            }
        }
        _ => {
            if let Ok(input) = serde_json::from_slice::<GoalInput>(rest) {
                let _ = input.check(today);
            }
        }
    }
});
