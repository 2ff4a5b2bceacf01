//! The safety check on a 31-site PREEMPT plan for a patient with 20 earlier sessions.

use bont_core::safety::{Catalog, Plan, PlanInput, check};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;
use std::hint::black_box;

fn plan() -> PlanInput {
    let row = |muscle: &str, side: &str, units: f64, sites: u32| json!({"muscle": muscle, "side": side, "units": units, "sites": sites});
    // 31 sites as 31 rows, the way a site-by-site entry would arrive.
    let mut injections = vec![row("procerus", "midline", 5.0, 1)];
    for (muscle, per_side) in [
        ("corrugator_supercilii", 1),
        ("frontalis", 2),
        ("temporalis", 4),
        ("occipitalis", 3),
        ("cervical_paraspinal_group", 2),
        ("trapezius_upper", 3),
    ] {
        for side in ["left", "right"] {
            for _ in 0..per_side {
                injections.push(row(muscle, side, 5.0, 1));
            }
        }
    }
    assert_eq!(injections.len(), 31);
    let session = jiff::civil::date(2026, 11, 22);
    let history: Vec<_> = (1..=20)
        .map(|i| {
            let date = session.checked_sub(jiff::Span::new().days(84 * i)).expect("date");
            let product = if i % 5 == 0 { "Xeomin" } else { "Botox" };
            json!({"date": date.to_string(), "product": product, "indication": "chronic_migraine", "total_units": 155})
        })
        .collect();
    serde_json::from_value(json!({
        "patient": {"birth_date": "1979-02-11", "sex": "female", "weight_kg": 61.0, "medications": ["topiramate", "amitriptyline"]},
        "history": history,
        "session": {"date": "2026-11-22", "product": "onabotulinumtoxinA", "indication": "chronic_migraine",
                    "vial_units": 200, "diluent_ml": 4.0, "injections": injections}
    }))
    .expect("plan")
}

fn bench(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    let input = plan();
    let parsed =
        Plan::parse(&input, &catalog, jiff::civil::date(2026, 11, 22)).expect("valid plan");
    c.bench_function("check: 31 sites, 20 past sessions", |b| {
        b.iter(|| check(black_box(&catalog), black_box(&parsed)))
    });
    c.bench_function("parse and check: 31 sites, 20 past sessions", |b| {
        b.iter(|| {
            let plan = Plan::parse(black_box(&input), &catalog, jiff::civil::date(2026, 11, 22))
                .expect("valid");
            check(&catalog, &plan)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
