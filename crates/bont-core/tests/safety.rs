//! The dose-safety check against the label facts: table tests generated from the data,
//! the PREEMPT scheme, children, intervals and product switches, and properties.

use bont_core::safety::catalog::{AppliesTo, Evidence, Limit, Population, RangeKind};
use bont_core::safety::check::{Report, Severity, Verdict};
use bont_core::safety::{Arg, Catalog, Dose, Plan, PlanInput, Units, check};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(Catalog::builtin)
}

/// The clinic's day of these tests: the plans are dated a few days before it.
fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 25)
}

fn run(plan: &Value) -> Report {
    let input: PlanInput = serde_json::from_value(plan.clone()).expect("plan shape");
    let plan =
        Plan::parse(&input, catalog(), today()).unwrap_or_else(|e| panic!("plan refused: {e}"));
    check(catalog(), &plan)
}

fn codes(report: &Report) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.code).collect()
}

fn finding<'r>(
    report: &'r Report,
    code: &str,
    limit: &str,
) -> Option<&'r bont_core::safety::Finding> {
    report
        .findings
        .iter()
        .find(|f| f.code == code && f.limit.as_deref() == Some(limit))
}

/// The dose argument `name` of a finding, as "450 U of onabotulinumtoxinA".
fn dose(f: &bont_core::safety::Finding, name: &str) -> String {
    match f.detail.arg(name) {
        Some(Arg::Dose(d)) => format!("{} U of {}", d.units, d.product.as_str()),
        other => panic!("{name} is not a dose: {other:?}"),
    }
}

/// A plain plan: an adult, no history, one injection.
fn plan(product: &str, indication: &str, units: f64) -> Value {
    json!({
        "patient": {"birth_date": "1980-06-01", "weight_kg": 70.0},
        "history": [],
        "session": {"date": "2026-11-22", "product": product, "indication": indication,
                    "injections": [{"muscle": "biceps_brachii", "side": "left", "units": units, "sites": 1}]}
    })
}

fn set_child(plan: &mut Value, age: i32, weight: Option<f64>) {
    plan["patient"]["birth_date"] = json!(format!("{}-06-01", 2026 - age));
    plan["patient"]["weight_kg"] = json!(weight);
}

/// An indication the limit speaks of, as a plan would name it.
fn indication_of(limit: &Limit) -> &'static str {
    let first = limit
        .indications
        .first()
        .map(String::as_str)
        .unwrap_or("all");
    match first {
        "all" => "cervical_dystonia",
        "spasticity_any" => "upper_limb_spasticity",
        other => bont_core::vocabulary::Indication::parse(other)
            .expect("limit indications are known")
            .id(),
    }
}

fn set_units(plan: &mut Value, units: f64, applies_to: AppliesTo) {
    let injection = match applies_to {
        AppliesTo::Bilateral => {
            json!({"muscle": "biceps_brachii", "side": "both", "units": units / 2.0, "sites": 1})
        }
        _ => json!({"muscle": "biceps_brachii", "side": "left", "units": units, "sites": 1}),
    };
    plan["session"]["injections"] = json!([injection]);
}

fn expected(limit: &Limit) -> Severity {
    if limit.evidence == Evidence::Verified {
        Severity::Block
    } else {
        Severity::Warn
    }
}

/// For every limit with a ceiling on the session: at the ceiling no finding from that
/// limit, a unit above it the finding, blocking only when the limit is verified.
#[test]
fn every_ceiling_in_the_data_holds_at_the_limit_and_fires_just_above_it() {
    let mut tested = 0;
    for limit in catalog().limits() {
        let ceilings: Vec<(&str, f64, Option<f64>)> = [
            limit
                .session_max_units
                .map(|m| ("session_max_exceeded", m, None)),
            limit
                .dose_range_units
                .filter(|_| limit.range_kind == RangeKind::Maximum)
                .map(|[_, high]| ("session_max_exceeded", high, None)),
            limit
                .max_units_abs
                .filter(|_| limit.cumulative_window_days.is_none())
                .map(|a| ("pediatric_absolute_exceeded", a, Some(399.0))),
            limit
                .max_units_per_kg
                .filter(|_| limit.cumulative_window_days.is_none())
                .map(|k| ("pediatric_per_kg_exceeded", k * 12.0, Some(12.0))),
        ]
        .into_iter()
        .flatten()
        .collect();
        for (code, ceiling, weight) in ceilings {
            let mut p = plan(&limit.product, indication_of(limit), ceiling);
            let pediatric = limit.population == Population::Pediatric || weight.is_some();
            if pediatric {
                let age = limit
                    .age_min_years
                    .unwrap_or(2)
                    .max(limit.age_min_years.unwrap_or(0))
                    .max(10);
                set_child(
                    &mut p,
                    age.min(limit.age_max_years.unwrap_or(17)).into(),
                    weight.or(Some(30.0)),
                );
            }
            set_units(&mut p, ceiling, limit.applies_to);
            let at = run(&p);
            assert!(
                finding(&at, code, &limit.id).is_none(),
                "{} at {ceiling}: {:?}",
                limit.id,
                codes(&at)
            );
            set_units(&mut p, ceiling + 1.0, limit.applies_to);
            let over = run(&p);
            let f = finding(&over, code, &limit.id).unwrap_or_else(|| {
                panic!("{} {code} above {ceiling}: {:?}", limit.id, codes(&over))
            });
            assert_eq!(f.severity, expected(limit), "{} {code}", limit.id);
            assert!(!f.source.is_empty(), "{} cites no source", limit.id);
            // The finding names the dose with its product.
            assert!(
                f.detail.args.iter().any(|(_, a)| matches!(
                    a,
                    Arg::Dose(d) if d.product.as_str() == limit.product
                ) || matches!(a, Arg::Product(p) if p.as_str() == limit.product)),
                "{}: {:?}",
                limit.id,
                f.detail
            );
            if f.severity == Severity::Block {
                assert_eq!(over.verdict, Verdict::Block);
            }
            tested += 1;
        }
    }
    eprintln!("{tested} ceilings tested");
    assert!(tested >= 25, "only {tested} ceilings tested");
}

/// Rolling windows: the window's earlier doses of the same product plus this session.
#[test]
fn every_cumulative_limit_counts_the_window_and_fires_just_above_it() {
    let mut tested = 0;
    for limit in catalog()
        .limits()
        .iter()
        .filter(|l| l.cumulative_window_days.is_some())
    {
        let window = limit.cumulative_window_days.expect("filtered");
        let (cap, weight) = match (limit.cumulative_max_units, limit.max_units_per_kg) {
            (Some(max), _) => (max, None),
            (None, Some(per_kg)) => (per_kg * 20.0, Some(20.0)),
            _ => continue,
        };
        let earlier = (cap / 2.0).floor();
        let mut p = plan(&limit.product, indication_of(limit), cap - earlier);
        if limit.population == Population::Pediatric {
            set_child(&mut p, 10, weight);
        }
        let inside = format!("2026-11-{:02}", 22 - (window.min(21) - 1));
        p["history"] = json!([{"date": inside, "product": limit.product, "total_units": earlier}]);
        assert!(
            finding(&run(&p), "cumulative_max_exceeded", &limit.id).is_none(),
            "{} at the cap",
            limit.id
        );
        set_units(&mut p, cap - earlier + 1.0, AppliesTo::Session);
        let over = run(&p);
        let f = finding(&over, "cumulative_max_exceeded", &limit.id)
            .unwrap_or_else(|| panic!("{}: {:?}", limit.id, codes(&over)));
        assert_eq!(f.severity, expected(limit));
        // The same earlier dose just outside the window does not count.
        let outside = jiff::civil::date(2026, 11, 22)
            .checked_sub(jiff::Span::new().days(i64::from(window)))
            .expect("date");
        p["history"] = json!([{"date": outside.to_string(), "product": limit.product, "total_units": earlier}]);
        assert!(
            finding(&run(&p), "cumulative_max_exceeded", &limit.id).is_none(),
            "{} outside its window",
            limit.id
        );
        tested += 1;
    }
    assert!(tested >= 3);
}

/// The PREEMPT fixed-site scheme: 31 sites, 5 U each, in seven muscle areas.
fn preempt(extra_temporalis: f64, extra_occipitalis: f64, extra_trapezius: f64) -> Value {
    let row = |muscle: &str, side: &str, units: f64, sites: u32| json!({"muscle": muscle, "side": side, "units": units, "sites": sites});
    let mut injections = vec![
        row("corrugator_supercilii", "both", 5.0, 1),
        row("procerus", "midline", 5.0, 1),
        row("frontalis", "both", 10.0, 2),
        row("temporalis", "both", 20.0, 4),
        row("occipitalis", "both", 15.0, 3),
        row("cervical_paraspinal_group", "both", 10.0, 2),
        row("trapezius_upper", "both", 15.0, 3),
    ];
    for (muscle, extra) in [
        ("temporalis", extra_temporalis),
        ("occipitalis", extra_occipitalis),
        ("trapezius_upper", extra_trapezius),
    ] {
        if extra > 0.0 {
            injections.push(row(muscle, "right", extra, (extra / 5.0) as u32));
        }
    }
    json!({
        "patient": {"birth_date": "1979-02-11", "sex": "female", "weight_kg": 61.0},
        "history": [{"date": "2026-08-28", "product": "Botox", "indication": "chronic_migraine", "total_units": 155}],
        "session": {"date": "2026-11-22", "product": "onabotulinumtoxinA", "indication": "chronic_migraine",
                    "vial_units": 200, "diluent_ml": 4.0, "injections": injections}
    })
}

#[test]
fn the_preempt_scheme_and_its_follow_the_pain_variant_pass() {
    let standard = run(&preempt(0.0, 0.0, 0.0));
    assert_eq!(standard.arithmetic.total_units.to_string(), "155");
    assert_eq!(standard.arithmetic.total_sites, 31);
    assert_eq!(standard.arithmetic.units_per_0_1_ml, Some(5.0));
    assert_eq!(standard.arithmetic.total_volume_ml, Some(3.1));
    assert_eq!(standard.arithmetic.vials_needed, Some(1));
    assert_eq!(
        standard
            .arithmetic
            .units_left_in_last_vial
            .map(|u| u.to_string()),
        Some("45".into())
    );
    assert_eq!(standard.verdict, Verdict::Ok, "{:?}", codes(&standard));
    assert!(
        standard
            .arithmetic
            .injections
            .iter()
            .all(|i| i.units_per_site == 5.0 && i.volume_per_site_ml == Some(0.1))
    );

    let follow_the_pain = run(&preempt(10.0, 10.0, 20.0));
    assert_eq!(follow_the_pain.arithmetic.total_units.to_string(), "195");
    assert_eq!(follow_the_pain.arithmetic.total_sites, 39);
    assert_ne!(
        follow_the_pain.verdict,
        Verdict::Block,
        "{:?}",
        codes(&follow_the_pain)
    );
    assert!(codes(&follow_the_pain).contains(&"above_labelled_dose"));

    let beyond = run(&preempt(10.0, 10.0, 25.0));
    let f = finding(
        &beyond,
        "session_max_exceeded",
        "botox_chronic_migraine_preempt_ftp",
    )
    .expect("above 195");
    assert_eq!(
        f.severity,
        Severity::Warn,
        "the 195 U protocol figure is secondary: it warns"
    );
}

#[test]
fn children_are_dosed_by_weight_and_blocked_without_one() {
    let child = |units: f64, weight: Option<f64>| {
        let mut p = plan("Botox", "upper_limb_spasticity", units);
        set_child(&mut p, 8, weight);
        run(&p)
    };
    // 6 U/kg x 20 kg = 120 U (BOTOXONE-PEDS, verified).
    assert!(
        finding(
            &child(120.0, Some(20.0)),
            "pediatric_per_kg_exceeded",
            "botox_ul_spasticity_pediatric"
        )
        .is_none()
    );
    let over = child(121.0, Some(20.0));
    assert_eq!(
        finding(
            &over,
            "pediatric_per_kg_exceeded",
            "botox_ul_spasticity_pediatric"
        )
        .map(|f| f.severity),
        Some(Severity::Block)
    );
    let per_kg = finding(
        &over,
        "pediatric_per_kg_exceeded",
        "botox_ul_spasticity_pediatric",
    )
    .expect("per kg");
    assert_eq!(per_kg.detail.arg("per_kg"), Some(&Arg::Number(6.0)));
    assert_eq!(per_kg.detail.arg("kg"), Some(&Arg::Number(20.0)));
    assert_eq!(dose(per_kg, "cap"), "120 U of onabotulinumtoxinA");
    // Heavier child: the absolute 200 U cap binds before 6 U/kg x 40 kg = 240 U.
    assert!(
        finding(
            &child(200.0, Some(40.0)),
            "pediatric_absolute_exceeded",
            "botox_ul_spasticity_pediatric"
        )
        .is_none()
    );
    assert!(
        finding(
            &child(201.0, Some(40.0)),
            "pediatric_absolute_exceeded",
            "botox_ul_spasticity_pediatric"
        )
        .is_some()
    );
    // No weight: block.
    let unweighed = child(50.0, None);
    assert_eq!(unweighed.verdict, Verdict::Block);
    assert!(codes(&unweighed).contains(&"weight_missing"));
    // An indication labelled for adults only.
    let mut p = plan("Botox", "chronic_migraine", 155.0);
    set_child(&mut p, 12, Some(40.0));
    assert!(codes(&run(&p)).contains(&"age_outside_label"));
    // Dysport, one leg 15 U/kg; both legs 30 U/kg in all (DYSPORT-US-PEDS, verified).
    let mut leg = plan("Dysport", "lower_limb_spasticity", 300.0);
    set_child(&mut leg, 6, Some(20.0));
    leg["session"]["injections"] =
        json!([{"muscle": "gastrocnemius_medial_head", "side": "left", "units": 300, "sites": 2}]);
    assert!(
        finding(
            &run(&leg),
            "pediatric_per_kg_exceeded",
            "dysport_ll_spasticity_pediatric_unilateral"
        )
        .is_none()
    );
    leg["session"]["injections"][0]["units"] = json!(310);
    assert!(
        finding(
            &run(&leg),
            "pediatric_per_kg_exceeded",
            "dysport_ll_spasticity_pediatric_unilateral"
        )
        .is_some()
    );
    leg["session"]["injections"] =
        json!([{"muscle": "gastrocnemius_medial_head", "side": "both", "units": 300, "sites": 2}]);
    let both = run(&leg);
    assert!(
        finding(
            &both,
            "pediatric_per_kg_exceeded",
            "dysport_ll_spasticity_pediatric_unilateral"
        )
        .is_none()
    );
    assert!(
        finding(
            &both,
            "pediatric_per_kg_exceeded",
            "dysport_ll_spasticity_pediatric_bilateral"
        )
        .is_none()
    );
    leg["session"]["injections"][0]["units"] = json!(301);
    assert!(
        finding(
            &run(&leg),
            "pediatric_per_kg_exceeded",
            "dysport_ll_spasticity_pediatric_bilateral"
        )
        .is_some()
    );
    // Xeomin for children's sialorrhoea gives no dose below 12 kg.
    let mut small = plan("Xeomin", "sialorrhea", 20.0);
    set_child(&mut small, 3, Some(11.0));
    small["session"]["injections"] =
        json!([{"muscle": "parotid_gland", "side": "both", "units": 6, "sites": 1}]);
    assert!(
        finding(
            &run(&small),
            "weight_below_label",
            "xeomin_sialorrhea_pediatric"
        )
        .is_some()
    );
    small["patient"]["weight_kg"] = json!(13.0);
    assert!(
        finding(
            &run(&small),
            "weight_below_label",
            "xeomin_sialorrhea_pediatric"
        )
        .is_none()
    );
    // A one-year-old is below the labelled ages.
    let mut baby = plan("Botox", "upper_limb_spasticity", 10.0);
    set_child(&mut baby, 1, Some(9.0));
    assert!(
        finding(
            &run(&baby),
            "age_outside_label",
            "botox_ul_spasticity_pediatric"
        )
        .is_some()
    );
}

#[test]
fn intervals_and_windows_follow_the_patient_across_product_switches() {
    let mut p = plan("Botox", "cervical_dystonia", 150.0);
    p["history"] = json!([{"date": "2026-10-03", "product": "Dysport", "indication": "cervical_dystonia", "total_units": 500}]);
    let switched = run(&p);
    assert_eq!(switched.arithmetic.days_since_last_session, Some(50));
    let interval = switched
        .findings
        .iter()
        .find(|f| f.code == "interval_too_short")
        .expect("interval");
    assert_eq!(
        interval.severity,
        Severity::Warn,
        "50 of 84 days is more than half"
    );
    let other = switched
        .findings
        .iter()
        .find(|f| f.code == "other_product_in_window")
        .expect("other product");
    let Some(Arg::Parts(parts)) = other.detail.arg("parts") else {
        panic!("{:?}", other.detail)
    };
    let [part] = parts.as_slice() else {
        panic!("{parts:?}")
    };
    assert_eq!(part.id, "other-product-part-equivalent");
    assert_eq!(
        part.arg("dose"),
        Some(&Arg::Dose(Dose {
            product: catalog().product("abobotulinumtoxinA").expect("Dysport").0,
            units: Units::from_f64(500.0).expect("units")
        }))
    );
    assert_eq!(part.arg("low"), Some(&Arg::Number(166.67)));
    assert_eq!(part.arg("high"), Some(&Arg::Number(200.0)));
    // The other product's units never enter this product's window.
    let window = switched
        .arithmetic
        .cumulative
        .iter()
        .find(|c| c.limit == "botox_all_adult_cumulative")
        .expect("window");
    assert_eq!(window.units_in_window.to_string(), "150");

    p["history"] = json!([
        {"date": "2026-11-02", "product": "Dysport", "total_units": 300},
        {"date": "2026-09-23", "product": "onabotulinumtoxinA", "total_units": 300}
    ]);
    let crowded = run(&p);
    assert_eq!(crowded.verdict, Verdict::Block);
    let interval = crowded
        .findings
        .iter()
        .find(|f| f.code == "interval_too_short")
        .expect("interval");
    assert_eq!(
        interval.severity,
        Severity::Warn,
        "the 84 days of onabotulinumtoxinA in cervical dystonia are from a secondary source, \
         and bont's general 84 days warns only: 20 days warns"
    );
    assert_eq!(
        interval.limit.as_deref(),
        Some("botox_cervical_dystonia_typical")
    );
    let cumulative = finding(
        &crowded,
        "cumulative_max_exceeded",
        "botox_all_adult_cumulative",
    )
    .expect("450 U in 90 days");
    assert_eq!(dose(cumulative, "in_window"), "450 U of onabotulinumtoxinA");
}

#[test]
fn patient_facts_raise_their_findings() {
    let mut p = plan("Xeomin", "cervical_dystonia", 120.0);
    p["patient"]["conditions"] = json!(["myasthenia_gravis", "dysphagia"]);
    p["patient"]["medications"] = json!(["Gentamicin 80 mg", "baclofen", "paracetamol"]);
    p["patient"]["pregnant"] = json!(true);
    let r = run(&p);
    for code in [
        "neuromuscular_disorder",
        "dysphagia_or_breathing_difficulty",
        "interacting_medication",
        "pregnancy_or_breastfeeding",
    ] {
        assert!(codes(&r).contains(&code), "{code} missing: {:?}", codes(&r));
    }
    assert_eq!(r.verdict, Verdict::Warn);
    assert_eq!(
        r.findings
            .iter()
            .filter(|f| f.code == "interacting_medication")
            .count(),
        2
    );

    p["patient"]["allergies"] = json!(["human_albumin"]);
    assert_eq!(
        run(&p).verdict,
        Verdict::Block,
        "Xeomin contains human albumin"
    );
    let mut dax = plan("Daxxify", "cervical_dystonia", 150.0);
    dax["patient"]["allergies"] = json!(["human_albumin"]);
    assert!(
        !codes(&run(&dax)).contains(&"contraindicated"),
        "Daxxify has no albumin"
    );

    let mut infected = plan("Botox", "cervical_dystonia", 100.0);
    infected["session"]["infection_at_site"] = json!(true);
    assert!(codes(&run(&infected)).contains(&"contraindicated"));

    // NeuroBloc's EU leaflet: neuromuscular disease is a contraindication (verified).
    let mut rima = plan("NeuroBloc", "cervical_dystonia", 5000.0);
    rima["patient"]["conditions"] = json!(["lambert_eaton"]);
    let r = run(&rima);
    assert!(
        r.findings
            .iter()
            .any(|f| f.code == "contraindicated" && f.severity == Severity::Block)
    );

    // Dysport and cow's milk protein: a contraindication of the US PI (section 4), read in
    // the label's text, blocks and cites the label.
    let mut abo = plan("Dysport", "cervical_dystonia", 500.0);
    abo["patient"]["allergies"] = json!(["cow_milk_protein"]);
    let r = run(&abo);
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "contraindicated")
        .expect("milk");
    assert_eq!(f.severity, Severity::Block);
    assert!(f.source.starts_with("DYSPORT-US-PI"), "{}", f.source);
    // Dysport contains human albumin (US PI section 11).
    abo["patient"]["allergies"] = json!(["human_albumin"]);
    let r = run(&abo);
    assert!(
        r.findings
            .iter()
            .any(|f| f.code == "contraindicated" && f.severity == Severity::Block),
        "{:?}",
        codes(&r)
    );
}

#[test]
fn muscles_sites_and_dilution_are_checked() {
    let mut p = plan("Botox", "cervical_dystonia", 60.0);
    p["session"]["vial_units"] = json!(100);
    p["session"]["diluent_ml"] = json!(3.0);
    p["session"]["injections"] = json!([
        {"muscle": "sternocleidomastoid", "side": "both", "units": 60, "sites": 1},
        {"muscle": "levator_palpebrae_superioris", "side": "left", "units": 2.5, "sites": 1},
        {"muscle": "frontalis", "side": "left", "units": 5, "sites": 1}
    ]);
    let r = run(&p);
    let c = codes(&r);
    for code in [
        "muscle_max_exceeded",
        "site_max_exceeded",
        "bilateral_sternocleidomastoid",
        "structure_to_avoid",
        "periocular_injection",
        "dilution_unusual",
        "muscle_unusual_for_indication",
    ] {
        assert!(c.contains(&code), "{code} missing: {c:?}");
    }
    assert_eq!(
        r.verdict,
        Verdict::Block,
        "SCM 120 U over both sides is above 100 U (verified)"
    );
    assert_eq!(
        r.arithmetic.units_per_muscle["sternocleidomastoid"].to_string(),
        "120"
    );
    assert_eq!(r.arithmetic.vials_needed, Some(2));
    assert_eq!(
        r.arithmetic.units_left_in_last_vial.map(|u| u.to_string()),
        Some("72.5".into())
    );

    // Per-muscle labelled range (Xeomin upper limb, verified table): above warns, below informs.
    let mut x = plan("Xeomin", "upper_limb_spasticity", 250.0);
    assert!(codes(&run(&x)).contains(&"muscle_dose_out_of_range"));
    x["session"]["injections"][0]["units"] = json!(20);
    let low = run(&x);
    assert!(codes(&low).contains(&"muscle_dose_below_range"));
    assert_eq!(low.verdict, Verdict::Ok);
}

#[test]
fn an_unlabelled_indication_is_off_label_but_still_checked() {
    let r = run(&plan("Daxxify", "upper_limb_spasticity", 100.0));
    assert!(codes(&r).contains(&"off_label"));
    let r = run(&plan("Xeomin", "bruxism", 401.0));
    assert!(codes(&r).contains(&"off_label"));
    assert!(
        finding(&r, "session_max_exceeded", "xeomin_all_session").is_some(),
        "the all-indication ceiling still applies"
    );
    let r = run(&plan("Letybo", "cervical_dystonia", 20.0));
    assert!(codes(&r).contains(&"product_outside_neurology"));
}

#[test]
fn plans_that_cannot_be_checked_name_the_field() {
    let bad = |edit: &dyn Fn(&mut Value), field: &str| {
        let mut p = plan("Botox", "cervical_dystonia", 50.0);
        edit(&mut p);
        let input: PlanInput = serde_json::from_value(p).expect("shape");
        let errors = Plan::parse(&input, catalog(), today()).expect_err("refused");
        assert!(
            errors.0.iter().any(|e| e.field == field),
            "{field}: {errors}"
        );
    };
    bad(
        &|p| p["session"]["product"] = json!("Botax"),
        "session.product",
    );
    bad(
        &|p| p["session"]["indication"] = json!("migraine"),
        "session.indication",
    );
    bad(
        &|p| p["session"]["injections"][0]["muscle"] = json!("bicep"),
        "session.injections[0].muscle",
    );
    bad(
        &|p| p["session"]["injections"][0]["units"] = json!(-5),
        "session.injections[0].units",
    );
    bad(
        &|p| p["session"]["injections"][0]["units"] = json!(250000),
        "session.injections[0].units",
    );
    bad(
        &|p| p["session"]["injections"][0]["side"] = json!("up"),
        "session.injections[0].side",
    );
    bad(
        &|p| p["session"]["injections"][0]["sites"] = json!(60),
        "session.injections[0].sites",
    );
    bad(
        &|p| p["session"]["date"] = json!("22/11/2026"),
        "session.date",
    );
    bad(
        &|p| p["patient"]["birth_date"] = json!("1980-02-30"),
        "patient.birth_date",
    );
    bad(
        &|p| p["patient"]["conditions"] = json!(["flu"]),
        "patient.conditions[0]",
    );
    bad(
        &|p| p["history"] = json!([{"date": "2026-12-01", "product": "Botox", "total_units": 100}]),
        "history[0].date",
    );
    bad(
        &|p| {
            p["session"]["vial_units"] = json!(100);
            p["session"]["diluent_ml"] = json!(12);
        },
        "session.diluent_ml",
    );
}

/// A random plan for the properties below.
fn arbitrary_plan() -> impl Strategy<Value = Value> {
    let products = prop::sample::select(vec!["Botox", "Dysport", "Xeomin", "NeuroBloc", "Daxxify"]);
    let indications = prop::sample::select(vec![
        "cervical_dystonia",
        "upper_limb_spasticity",
        "lower_limb_spasticity",
        "chronic_migraine",
        "blepharospasm",
        "sialorrhea",
    ]);
    let muscles = prop::sample::select(vec![
        "sternocleidomastoid",
        "biceps_brachii",
        "soleus",
        "temporalis",
        "orbicularis_oculi_pretarsal_upper",
        "parotid_gland",
        "trapezius_upper",
    ]);
    let sides = prop::sample::select(vec!["left", "right", "both", "midline"]);
    let injection = (muscles, sides, 1u32..400, 1u32..4).prop_map(
        |(m, s, u, sites)| json!({"muscle": m, "side": s, "units": u, "sites": sites.min(u)}),
    );
    let past = (
        prop::sample::select(vec!["Botox", "Dysport", "Xeomin"]),
        1i64..200,
        10u32..600,
    );
    (products, indications, prop::collection::vec(injection, 1..5), prop::collection::vec(past, 0..4), 1i32..90, prop::option::of(5u32..120))
        .prop_map(|(product, indication, injections, history, age, weight)| {
            let session = jiff::civil::date(2026, 11, 22);
            let history: Vec<Value> = history
                .into_iter()
                .map(|(p, days, units)| json!({"date": session.checked_sub(jiff::Span::new().days(days)).expect("date").to_string(), "product": p, "total_units": units}))
                .collect();
            json!({
                "patient": {"birth_date": format!("{}-03-15", 2026 - age), "weight_kg": weight.map(f64::from)},
                "history": history,
                "session": {"date": "2026-11-22", "product": product, "indication": indication, "injections": injections}
            })
        })
}

/// How bad a plan's answer is: its verdict, or worse than any verdict when the plan is
/// refused (an implausible dose).
fn standing(plan: &Value) -> (u8, String) {
    let input: PlanInput = serde_json::from_value(plan.clone()).expect("plan shape");
    match Plan::parse(&input, catalog(), today()) {
        Ok(parsed) => {
            let r = check(catalog(), &parsed);
            (r.verdict as u8, format!("{:?} {:?}", r.verdict, codes(&r)))
        }
        Err(e) => (Verdict::Block as u8 + 1, format!("refused: {e}")),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_verdict_never_improves_when_a_dose_goes_up(p in arbitrary_plan(), which in 0usize..5, more in 1u32..300) {
        let before = standing(&p);
        let mut raised = p.clone();
        let rows = raised["session"]["injections"].as_array_mut().expect("rows");
        let i = which % rows.len();
        let units = rows[i]["units"].as_u64().expect("units") + u64::from(more);
        rows[i]["units"] = json!(units);
        let after = standing(&raised);
        prop_assert!(after.0 >= before.0, "{} -> {}", before.1, after.1);
    }

    #[test]
    fn the_verdict_never_improves_when_the_interval_gets_shorter(p in arbitrary_plan(), closer in 1i64..100) {
        let before = standing(&p);
        let mut sooner = p.clone();
        let session = jiff::civil::date(2026, 11, 22);
        for h in sooner["history"].as_array_mut().expect("history") {
            let date: jiff::civil::Date = h["date"].as_str().expect("date").parse().expect("date");
            let moved = date.checked_add(jiff::Span::new().days(closer)).expect("date").min(session);
            h["date"] = json!(moved.to_string());
        }
        let after = standing(&sooner);
        prop_assert!(after.0 >= before.0, "{} -> {}", before.1, after.1);
    }
}
