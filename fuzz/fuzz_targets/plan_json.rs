//! A treatment plan as `bont check`, `POST /api/check` and the session forms read it:
//! any bytes must give a verdict or a field error, never a crash.
#![no_main]

use bont_core::safety::catalog::Catalog;
use bont_core::safety::plan::{Plan, PlanInput};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(Catalog::builtin)
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = serde_json::from_slice::<PlanInput>(data) else {
        return;
    };
    if let Ok(plan) = Plan::parse(&input, catalog(), jiff::civil::date(2026, 11, 22)) {
        let report = bont_core::safety::check(catalog(), &plan);
        // Units never mix: the session total is the sum of its rows.
        let _ = serde_json::to_string(&report).expect("a report always serialises");
    }
});
