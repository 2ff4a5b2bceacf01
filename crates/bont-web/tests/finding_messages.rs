//! Every sentence the safety check can say, in every language: plans that between them
//! produce every detail id, each finding written in en, pl, ru and ar with every argument
//! filled, numbers with the language's decimal sign, muscles and products in the
//! language's own names.

use bont_core::Language;
use bont_core::safety::check::Report;
use bont_core::safety::detail::DETAIL_IDS;
use bont_core::safety::{Arg, Catalog, Detail, Plan, PlanInput, check};
use bont_web::i18n::Tr;
use serde_json::{Value, json};
use std::collections::BTreeSet;

fn run(catalog: &Catalog, plan: &Value) -> Report {
    let input: PlanInput = serde_json::from_value(plan.clone()).expect("plan shape");
    let plan = Plan::parse(&input, catalog, jiff::civil::date(2026, 11, 25))
        .unwrap_or_else(|e| panic!("plan refused: {e}"));
    check(catalog, &plan)
}

fn plan(patient: Value, history: Value, session: Value) -> Value {
    let mut p = json!({
        "patient": {"birth_date": "1980-06-01", "weight_kg": 70.0},
        "history": history,
        "session": {"date": "2026-11-22", "product": "onabotulinumtoxinA",
                    "indication": "cervical_dystonia", "injections": []}
    });
    for (k, v) in patient.as_object().expect("object") {
        p["patient"][k] = v.clone();
    }
    for (k, v) in session.as_object().expect("object") {
        p["session"][k] = v.clone();
    }
    p
}

fn injection(muscle: &str, side: &str, units: f64, sites: u32) -> Value {
    json!({"muscle": muscle, "side": side, "units": units, "sites": sites})
}

/// Plans that between them say everything the check can say.
fn corpus() -> Vec<Value> {
    let none = json!({});
    let scm = |units| injection("sternocleidomastoid", "left", units, 2);
    vec![
        // A product outside neurology, off label.
        plan(
            none.clone(),
            json!([]),
            json!({"product": "letibotulinumtoxinA", "injections": [scm(20.0)]}),
        ),
        // A child: adult-only label, no weight.
        plan(
            json!({"birth_date": "2016-01-01", "weight_kg": null}),
            json!([]),
            json!({"injections": [scm(20.0)]}),
        ),
        // A one-year-old with spasticity: outside the label's ages; caps per kg and absolute.
        plan(
            json!({"birth_date": "2025-06-01", "weight_kg": 9.5}),
            json!([]),
            json!({"indication": "upper_limb_spasticity",
                   "injections": [injection("biceps_brachii", "left", 250.0, 4)]}),
        ),
        plan(
            json!({"birth_date": "2016-06-01", "weight_kg": 45.0}),
            json!([]),
            json!({"indication": "upper_limb_spasticity",
                   "injections": [injection("biceps_brachii", "left", 250.0, 4)]}),
        ),
        // A small child for incobotulinumtoxinA in sialorrhoea: weight below the label.
        plan(
            json!({"birth_date": "2020-06-01", "weight_kg": 10.5}),
            json!([]),
            json!({"product": "incobotulinumtoxinA", "indication": "sialorrhea",
                   "injections": [injection("parotid_gland", "both", 10.0, 1)]}),
        ),
        // Adult doses: above the session maximum and range, per muscle, per site; SCM cap.
        plan(
            none.clone(),
            json!([]),
            json!({"indication": "upper_limb_spasticity", "vial_units": 100.0, "diluent_ml": 1.0,
                   "injections": [injection("biceps_brachii", "left", 450.0, 1),
                                  injection("flexor_carpi_radialis", "left", 2.5, 1)]}),
        ),
        plan(
            none.clone(),
            json!([]),
            json!({"injections": [injection("sternocleidomastoid", "both", 60.0, 2),
                                  injection("splenius_capitis", "midline", 5.0, 1)]}),
        ),
        plan(
            none.clone(),
            json!([]),
            json!({"injections": [injection("splenius_capitis", "left", 10.0, 1)]}),
        ),
        plan(
            none.clone(),
            json!([]),
            json!({"indication": "chronic_migraine",
                   "injections": [injection("frontalis", "both", 100.0, 2)]}),
        ),
        // The eye: a structure to avoid, periocular, units per site above the advice.
        plan(
            none.clone(),
            json!([]),
            json!({"indication": "blepharospasm", "vial_units": 100.0, "diluent_ml": 3.0,
                   "injections": [injection("orbicularis_oculi_pretarsal_upper", "left", 12.0, 1),
                                  injection("levator_palpebrae_superioris", "left", 2.5, 1)]}),
        ),
        // Volume per site (abobotulinumtoxinA with much diluent), a muscle far from the
        // indication.
        plan(
            none.clone(),
            json!([]),
            json!({"product": "abobotulinumtoxinA", "indication": "upper_limb_spasticity",
                   "vial_units": 500.0, "diluent_ml": 5.0,
                   "injections": [injection("biceps_brachii", "left", 200.0, 1),
                                  injection("masseter", "left", 50.0, 1)]}),
        ),
        // History: too soon, the window full, another product (with and without a ratio).
        plan(
            none.clone(),
            json!([{"date": "2026-11-02", "product": "abobotulinumtoxinA", "total_units": 500},
                   {"date": "2026-10-12", "product": "daxibotulinumtoxinA", "total_units": 100},
                   {"date": "2026-09-23", "product": "onabotulinumtoxinA", "total_units": 300}]),
            json!({"injections": [injection("splenius_capitis", "both", 150.0, 2)]}),
        ),
        // Contraindications and warnings of the patient.
        plan(
            json!({"allergies": ["botulinum_toxin"], "conditions": ["myasthenia_gravis", "dysphagia", "cardiovascular_disease"],
                   "pregnant": true, "breastfeeding": true,
                   "medications": ["gentamicin 80 mg"]}),
            json!([]),
            json!({"infection_at_site": true, "injections": [scm(20.0)]}),
        ),
        plan(
            json!({"allergies": ["human_albumin"]}),
            json!([]),
            json!({"injections": [scm(20.0)]}),
        ),
        plan(
            json!({"allergies": ["cow_milk_protein"]}),
            json!([]),
            json!({"product": "abobotulinumtoxinA", "injections": [scm(100.0)]}),
        ),
        plan(
            json!({"conditions": ["cardiovascular_disease"]}),
            json!([]),
            json!({"product": "daxibotulinumtoxinA", "injections": [scm(50.0)]}),
        ),
        // Above a session maximum: incobotulinumtoxinA over 400 U.
        plan(
            none.clone(),
            json!([]),
            json!({"product": "incobotulinumtoxinA", "indication": "upper_limb_spasticity",
                   "injections": [injection("biceps_brachii", "left", 450.0, 4)]}),
        ),
        // Above an initial range (rimabotulinumtoxinB), a child above its weight band, a
        // session entered late with a later one too close.
        plan(
            none.clone(),
            json!([]),
            json!({"product": "rimabotulinumtoxinB", "injections": [scm(6000.0)]}),
        ),
        plan(
            json!({"birth_date": "2018-06-01", "weight_kg": 20.0}),
            json!([]),
            json!({"product": "incobotulinumtoxinA", "indication": "sialorrhea",
                   "injections": [injection("parotid_gland", "both", 22.5, 1)]}),
        ),
        plan(
            none.clone(),
            json!([{"date": "2026-11-24", "product": "onabotulinumtoxinA", "total_units": 100}]),
            json!({"injections": [scm(50.0)]}),
        ),
        // Earlier adverse events: one repeated (dysphagia after the sternocleidomastoid),
        // one shown.
        {
            let mut p = plan(none.clone(), json!([]), json!({"injections": [scm(40.0)]}));
            p["adverse_events"] = json!([
                {"kind": "dysphagia", "severity": "moderate", "session_date": "2026-08-20",
                 "product": "onabotulinumtoxinA", "muscles": ["sternocleidomastoid"]},
                {"kind": "injection_site_pain", "severity": "mild", "session_date": "2026-05-20",
                 "product": "abobotulinumtoxinA", "muscles": ["splenius_capitis", "trapezius_upper"]}
            ]);
            p
        },
        plan(
            json!({"conditions": ["lambert_eaton", "dysphagia"]}),
            json!([]),
            json!({"product": "rimabotulinumtoxinB", "injections": [scm(2000.0)]}),
        ),
    ]
}

fn details(detail: &Detail, out: &mut BTreeSet<&'static str>) {
    out.insert(detail.id);
    for (_, arg) in &detail.args {
        if let Arg::Parts(parts) = arg {
            for p in parts {
                details(p, out);
            }
        }
    }
}

#[test]
fn every_finding_is_written_in_every_language() {
    let catalog = Catalog::builtin();
    let reports: Vec<Report> = corpus().iter().map(|p| run(&catalog, p)).collect();
    let mut said = BTreeSet::new();
    for r in &reports {
        for f in &r.findings {
            details(&f.detail, &mut said);
        }
    }
    let missing: Vec<&&str> = DETAIL_IDS.iter().filter(|id| !said.contains(*id)).collect();
    assert!(missing.is_empty(), "no plan of the corpus says {missing:?}");

    for language in Language::ALL {
        let tr = Tr::new(language);
        for f in reports.iter().flat_map(|r| &r.findings) {
            let text = tr.finding_message(f, &catalog);
            if std::env::var("SHOW").is_ok() {
                eprintln!("{language:?} {}: {text}", f.detail.id);
            }
            assert!(
                !text.contains('{') && !text.contains('$') && !text.contains("finding-detail"),
                "{language:?} {}: {text}",
                f.detail.id
            );
            assert!(text.len() > 20, "{language:?} {}: {text}", f.detail.id);
            // Figures written with the language's decimal sign.
            let decimal_point = text
                .as_bytes()
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit());
            if matches!(language, Language::Pl | Language::Ru) {
                assert!(!decimal_point, "{language:?}: {text}");
            }
            // Muscles by their name in the language, never by their id.
            for (_, arg) in &f.detail.args {
                if let Arg::Muscle(m) = arg {
                    assert!(!text.contains(m.as_str()), "{language:?}: {text}");
                }
            }
        }
    }
}

#[test]
fn sentences_read_right_in_each_language() {
    let catalog = Catalog::builtin();
    let report = run(
        &catalog,
        &plan(
            json!({}),
            json!([{"date": "2026-11-02", "product": "abobotulinumtoxinA", "total_units": 500},
                   {"date": "2026-09-23", "product": "onabotulinumtoxinA", "total_units": 300}]),
            json!({"injections": [injection("splenius_capitis", "both", 150.0, 2)]}),
        ),
    );
    let say = |language, code: &str| {
        let f = report
            .findings
            .iter()
            .find(|f| f.code == code)
            .unwrap_or_else(|| panic!("{code}"));
        Tr::new(language).finding_message(f, &catalog)
    };
    assert_eq!(
        say(Language::En, "interval_too_short"),
        "20 days since the last session (500 U of abobotulinumtoxinA (Dysport) on 2 November 2026); \
         the label's minimum interval is 84 days (less than half: a booster raises the risk of \
         neutralising antibodies)."
    );
    let ru = say(Language::Ru, "interval_too_short");
    assert!(ru.contains("20 дней"), "{ru}");
    assert!(ru.contains("84 дня"), "{ru}");
    assert!(ru.contains("2 ноября 2026 г."), "{ru}");
    assert!(
        ru.contains("500 ЕД препарата abobotulinumtoxinA (Диспорт)"),
        "{ru}"
    );
    let pl = say(Language::Pl, "other_product_in_window");
    assert!(pl.contains("2 listopada 2026"), "{pl}");
    assert!(pl.contains("od 166,67 do 200 U"), "{pl}");
    let ar = say(Language::Ar, "other_product_in_window");
    assert!(ar.contains("ديسبورت"), "{ar}");
    assert!(ar.contains("نوفمبر"), "{ar}");
}
