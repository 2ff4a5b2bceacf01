//! The label facts of the second safety pass, each just under and just over its limit,
//! with the source the finding cites: the plausibility ceiling, dates after today, windows
//! and intervals that look both ways, kinds of labelled range, children's caps per limb and
//! by weight band, labelled reconstitutions, and the label first among a finding's sources.

use bont_core::field::Problem;
use bont_core::safety::check::{Report, Severity, Verdict};
use bont_core::safety::{Arg, Catalog, Plan, PlanInput, check};
use serde_json::{Value, json};
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(Catalog::builtin)
}

/// The clinic's day: the plans are dated a few days before it.
fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 25)
}

fn parse(plan: &Value) -> Result<Plan, bont_core::safety::plan::PlanErrors> {
    let input: PlanInput = serde_json::from_value(plan.clone()).expect("plan shape");
    Plan::parse(&input, catalog(), today())
}

fn run(plan: &Value) -> Report {
    let plan = parse(plan).unwrap_or_else(|e| panic!("plan refused: {e}"));
    check(catalog(), &plan)
}

fn refused_at(plan: &Value) -> Vec<(String, Problem)> {
    match parse(plan) {
        Ok(_) => Vec::new(),
        Err(e) => e.0.into_iter().map(|e| (e.field, e.problem)).collect(),
    }
}

fn plan(product: &str, indication: &str, rows: Value) -> Value {
    json!({
        "patient": {"birth_date": "1980-06-01", "weight_kg": 70.0},
        "history": [],
        "session": {"date": "2026-11-22", "product": product, "indication": indication,
                    "injections": rows}
    })
}

fn row(muscle: &str, side: &str, units: f64) -> Value {
    json!({"muscle": muscle, "side": side, "units": units, "sites": 1})
}

fn child(p: &mut Value, birth: &str, kg: f64) {
    p["patient"]["birth_date"] = json!(birth);
    p["patient"]["weight_kg"] = json!(kg);
}

fn with<'r>(r: &'r Report, code: &str) -> Vec<&'r bont_core::safety::Finding> {
    r.findings.iter().filter(|f| f.code == code).collect()
}

#[test]
fn the_ceiling_of_each_product_is_twice_its_largest_verified_session_figure() {
    // (product, the largest verified per-session figure of its labels, where it comes from)
    let expected = [
        ("onabotulinumtoxinA", 400.0), // 400 U in 3 months (PI 2.1); 300-400 U lower limb
        ("abobotulinumtoxinA", 1500.0), // 1,500 U adult spasticity (US PI)
        ("incobotulinumtoxinA", 400.0), // 400 U a session, any indication (US PI)
        ("rimabotulinumtoxinB", 10000.0), // NeuroBloc initial dose 10,000 U (EU SmPC)
        ("daxibotulinumtoxinA", 250.0), // 125-250 U cervical dystonia (US PI)
    ];
    for (product, largest) in expected {
        let id = catalog().product(product).expect("product").0;
        let (l, ceiling) = catalog().plausible_ceiling(&id).expect("a ceiling");
        assert_eq!(l.as_f64(), largest, "{product}");
        assert_eq!(ceiling.as_f64(), 2.0 * largest, "{product}");
        // At the ceiling the plan is read; a unit above it, it is refused at the row.
        let at = plan(
            product,
            "cervical_dystonia",
            json!([row("trapezius_upper", "left", 2.0 * largest)]),
        );
        assert!(
            refused_at(&at).is_empty(),
            "{product} at {}: {:?}",
            2.0 * largest,
            refused_at(&at)
        );
        let over = plan(
            product,
            "cervical_dystonia",
            json!([row("trapezius_upper", "left", 2.0 * largest + 1.0)]),
        );
        let refused = refused_at(&over);
        assert!(
            refused
                .iter()
                .any(|(field, p)| field == "session.injections[0].units"
                    && matches!(p, Problem::ImplausibleDose { whole: false, .. })),
            "{product}: {refused:?}"
        );
    }
    // Products without a verified figure (cosmetic-only labels) have none: only the
    // general 100,000 U bound holds for them.
    let letybo = catalog().product("Letybo").expect("product").0;
    assert_eq!(catalog().plausible_ceiling(&letybo), None);
}

#[test]
fn an_implausible_plan_is_refused_with_no_way_to_override_it() {
    // The plan of 200,113 U that was once signed with the reason "xxxxxxxxxx".
    let p = plan(
        "Botox",
        "cervical_dystonia",
        json!([row("sternocleidomastoid", "left", 200113.0)]),
    );
    assert!(
        refused_at(&p)
            .iter()
            .any(|(f, _)| f == "session.injections[0].units"),
        "{:?}",
        refused_at(&p)
    );
    // Rows each plausible, the sum not: refused at the rows as a whole.
    let p = plan(
        "Botox",
        "upper_limb_spasticity",
        json!([
            row("biceps_brachii", "left", 450.0),
            row("brachialis", "left", 400.0)
        ]),
    );
    let refused = refused_at(&p);
    assert!(
        refused.iter().any(|(f, p)| f == "session.injections"
            && matches!(p, Problem::ImplausibleDose { whole: true, units, .. } if units == "850")),
        "{refused:?}"
    );
    // "both" gives the row's units on each side: 401 a side is 802 in all.
    let p = plan(
        "Botox",
        "upper_limb_spasticity",
        json!([row("biceps_brachii", "both", 401.0)]),
    );
    assert!(!refused_at(&p).is_empty());
    let p = plan(
        "Botox",
        "upper_limb_spasticity",
        json!([row("biceps_brachii", "both", 400.0)]),
    );
    assert!(refused_at(&p).is_empty());
    // The message says what to do, in the reader's words.
    let text = Problem::ImplausibleDose {
        units: "200113".into(),
        product: "onabotulinumtoxinA".into(),
        largest: "400".into(),
        ceiling: "800".into(),
        whole: false,
    }
    .to_string();
    assert!(
        text.contains("typing error") && text.contains("800 U"),
        "{text}"
    );
}

#[test]
fn dates_after_today_are_refused_and_later_sessions_count() {
    let mut p = plan(
        "Botox",
        "cervical_dystonia",
        json!([row("splenius_capitis", "left", 50.0)]),
    );
    p["session"]["date"] = json!("2126-11-22");
    assert!(
        refused_at(&p)
            .iter()
            .any(|(f, pr)| f == "session.date" && matches!(pr, Problem::SessionInFuture { .. }))
    );
    p["session"]["date"] = json!("2026-11-25");
    assert!(refused_at(&p).is_empty(), "today itself is fine");
    p["session"]["date"] = json!("2026-11-22");
    p["history"] = json!([{"date": "2026-11-26", "product": "Botox", "total_units": 100}]);
    assert!(
        refused_at(&p)
            .iter()
            .any(|(f, pr)| f == "history[0].date" && matches!(pr, Problem::SessionInFuture { .. }))
    );
    // Between the session's date and today: a later session, and it counts.
    p["history"] = json!([{"date": "2026-11-24", "product": "Botox", "total_units": 100}]);
    let r = run(&p);
    let later = with(&r, "interval_too_short");
    assert_eq!(later.len(), 1, "{:?}", r.findings);
    assert_eq!(later[0].detail.id, "interval-too-short-later");
    assert_eq!(later[0].detail.arg("days"), Some(&Arg::Count(2)));
}

#[test]
fn the_windows_look_both_ways() {
    // 250 U entered for a day before a signed session of 250 U: 500 U in 3 months.
    let mut p = plan(
        "Botox",
        "cervical_dystonia",
        json!([row("splenius_capitis", "both", 125.0)]),
    );
    p["session"]["date"] = json!("2026-09-01");
    p["history"] = json!([{"date": "2026-11-20", "product": "Botox", "total_units": 250}]);
    let r = run(&p);
    let window = with(&r, "cumulative_max_exceeded");
    assert_eq!(window.len(), 1, "{:?}", r.findings);
    assert_eq!(window[0].severity, Severity::Block);
    assert_eq!(
        window[0].limit.as_deref(),
        Some("botox_all_adult_cumulative")
    );
    assert!(
        window[0].source.starts_with("BOTOX-PI"),
        "{}",
        window[0].source
    );
    assert_eq!(r.verdict, Verdict::Block);
    // 80 days apart: inside the 92 days of "3 months"; 92 days apart, outside.
    p["history"] = json!([{"date": "2026-12-02", "product": "Botox", "total_units": 250}]);
    p["session"]["date"] = json!("2026-08-20");
    assert!(refused_at(&p).iter().any(|(f, _)| f == "history[0].date"));
    p["session"]["date"] = json!("2026-08-20");
    p["history"] = json!([{"date": "2026-11-20", "product": "Botox", "total_units": 250}]);
    assert!(
        with(&run(&p), "cumulative_max_exceeded").is_empty(),
        "92 days apart: no 92-day window holds both"
    );
    p["session"]["date"] = json!("2026-08-21");
    assert_eq!(
        with(&run(&p), "cumulative_max_exceeded").len(),
        1,
        "91 days apart: one window holds both"
    );

    // An amendment raising a session 58 days before another: the interval to the later
    // one is too short, and the two together fill the window exactly.
    let mut p = plan(
        "Botox",
        "cervical_dystonia",
        json!([row("splenius_capitis", "both", 100.0)]),
    );
    p["session"]["date"] = json!("2026-09-20");
    p["history"] = json!([{"date": "2026-11-17", "product": "Botox", "total_units": 200}]);
    let r = run(&p);
    let later = with(&r, "interval_too_short");
    assert_eq!(later.len(), 1, "{:?}", r.findings);
    assert_eq!(later[0].detail.id, "interval-too-short-later");
    assert_eq!(later[0].detail.arg("days"), Some(&Arg::Count(58)));
    assert!(
        with(&r, "cumulative_max_exceeded").is_empty(),
        "400 U is the maximum itself"
    );
    p["session"]["injections"][0]["units"] = json!(100.5);
    assert_eq!(with(&run(&p), "cumulative_max_exceeded").len(), 1);

    // Another product given after the planned session is named too.
    let mut p = plan(
        "Botox",
        "cervical_dystonia",
        json!([row("splenius_capitis", "left", 50.0)]),
    );
    p["session"]["date"] = json!("2026-10-01");
    p["history"] = json!([{"date": "2026-11-20", "product": "Dysport", "total_units": 500}]);
    let r = run(&p);
    let other = with(&r, "other_product_in_window");
    let Some(Arg::Parts(parts)) = other[0].detail.arg("parts") else {
        panic!("{:?}", r.findings)
    };
    assert_eq!(parts[0].arg("later"), Some(&Arg::Choice("yes")));
    assert_eq!(parts[0].arg("days"), Some(&Arg::Count(50)));
}

#[test]
fn a_labelled_range_is_read_as_its_kind_says() {
    // RimabotulinumtoxinB in cervical dystonia: 2,500-5,000 U is the US initial dose for
    // patients who tolerated toxin before, not a maximum; above it is information.
    let rima = |units: f64| {
        plan(
            "Myobloc",
            "cervical_dystonia",
            json!([row("splenius_capitis", "left", units)]),
        )
    };
    let r = run(&rima(5000.0));
    assert!(with(&r, "above_labelled_dose").is_empty());
    let r = run(&rima(5001.0));
    let above = with(&r, "above_labelled_dose");
    assert_eq!(above.len(), 1, "{:?}", r.findings);
    assert_eq!(above[0].severity, Severity::Info);
    assert_eq!(above[0].detail.arg("kind"), Some(&Arg::Choice("initial")));
    assert!(with(&r, "session_max_exceeded").is_empty());
    assert_eq!(r.verdict, Verdict::Ok);
    // The EU initial dose of 10,000 U is plausible; 20,001 U is not.
    assert!(refused_at(&rima(10000.0)).is_empty());
    assert!(refused_at(&rima(20000.0)).is_empty());
    assert!(!refused_at(&rima(20001.0)).is_empty());
    // Its sialorrhoea range is the recommended dose: above it warns.
    let r = run(&plan(
        "Myobloc",
        "sialorrhea",
        json!([row("parotid_gland", "left", 3501.0)]),
    ));
    let above = with(&r, "above_labelled_dose");
    assert_eq!(above[0].severity, Severity::Warn);
    assert_eq!(
        above[0].detail.arg("kind"),
        Some(&Arg::Choice("recommended"))
    );
    // A range that is a maximum still blocks above its upper end (Dysport lower limb).
    let r = run(&plan(
        "Dysport",
        "lower_limb_spasticity",
        json!([row("soleus", "left", 1501.0)]),
    ));
    assert!(
        with(&r, "session_max_exceeded")
            .iter()
            .any(|f| f.severity == Severity::Block)
    );
}

#[test]
fn childrens_onabotulinumtoxina_caps_apply_per_limb() {
    // A 10-year-old of 40 kg: upper limb 6 U/kg or 200 U, whichever is lower, per limb.
    let mut p = plan(
        "Botox",
        "upper_limb_spasticity",
        json!([
            row("biceps_brachii", "left", 100.0),
            row("biceps_brachii", "right", 100.0),
            row("brachialis", "left", 100.0),
            row("brachialis", "right", 100.0)
        ]),
    );
    child(&mut p, "2016-06-01", 40.0);
    let r = run(&p);
    assert!(
        r.findings
            .iter()
            .all(|f| f.limit.as_deref() != Some("botox_ul_spasticity_pediatric")),
        "200 U on each arm is each limb's cap, not the session's: {:?}",
        r.findings
    );
    p["session"]["injections"][2]["units"] = json!(100.5);
    let r = run(&p);
    let over = with(&r, "pediatric_absolute_exceeded");
    assert!(
        over.iter().any(
            |f| f.limit.as_deref() == Some("botox_ul_spasticity_pediatric")
                && f.severity == Severity::Block
                && f.detail.arg("whose") == Some(&Arg::Choice("side"))
        ),
        "{:?}",
        r.findings
    );
    // Both arms together: 400 U is above 10 U/kg (400) or 340 U in 3 months, whichever is
    // lower (a secondary source: it warns).
    let window = with(&r, "cumulative_max_exceeded");
    assert!(
        window.iter().any(
            |f| f.limit.as_deref() == Some("botox_all_pediatric_cumulative")
                && f.severity == Severity::Warn
        ),
        "{:?}",
        r.findings
    );
}

#[test]
fn blepharospasm_with_onabotulinumtoxina_is_labelled_from_twelve() {
    let mut p = plan(
        "Botox",
        "blepharospasm",
        json!([row("orbicularis_oculi_pretarsal_upper", "both", 12.5)]),
    );
    child(&mut p, "2012-01-01", 50.0);
    let r = run(&p);
    assert!(
        with(&r, "age_outside_label").is_empty(),
        "14 years: {:?}",
        r.findings
    );
    // Its 200 U in 30 days holds for a 14-year-old too.
    p["history"] = json!([{"date": "2026-11-01", "product": "Botox", "total_units": 180}]);
    let r = run(&p);
    assert!(
        with(&r, "cumulative_max_exceeded")
            .iter()
            .any(|f| f.limit.as_deref() == Some("botox_blepharospasm")
                && f.severity == Severity::Block),
        "{:?}",
        r.findings
    );
    // Below 12: outside the label's ages.
    child(&mut p, "2016-01-01", 30.0);
    p["history"] = json!([]);
    let r = run(&p);
    assert!(
        with(&r, "age_outside_label")
            .iter()
            .any(|f| f.limit.as_deref() == Some("botox_blepharospasm")),
        "{:?}",
        r.findings
    );
}

#[test]
fn intervals_say_what_the_label_says() {
    // Blepharospasm: the US label cautions against treating more often than every 3 months
    // (read as 92 days); it gives no minimum, so the caution warns and never blocks.
    let mut p = plan(
        "Botox",
        "blepharospasm",
        json!([row("orbicularis_oculi_pretarsal_upper", "both", 12.5)]),
    );
    for (days_before, finding) in [
        ("2026-08-22", false),
        ("2026-08-23", true),
        ("2026-09-23", true),
    ] {
        p["history"] = json!([{"date": days_before, "product": "Botox", "indication": "blepharospasm", "total_units": 25}]);
        let r = run(&p);
        let interval = with(&r, "interval_too_short");
        assert_eq!(
            !interval.is_empty(),
            finding,
            "{days_before}: {:?}",
            r.findings
        );
        if let Some(f) = interval.first() {
            assert_eq!(f.severity, Severity::Warn);
            assert_eq!(f.detail.arg("basis"), Some(&Arg::Choice("caution")));
            assert_eq!(f.detail.arg("minimum"), Some(&Arg::Count(92)));
            assert!(f.source.starts_with("BOTOX-PI"), "{}", f.source);
        }
    }
    // The UK SmPC's 12 weeks for blepharospasm is a minimum: below half of it blocks.
    p["history"] = json!([{"date": "2026-10-23", "product": "Botox", "indication": "blepharospasm", "total_units": 25}]);
    let r = run(&p);
    let f = with(&r, "interval_too_short");
    assert_eq!(f[0].severity, Severity::Block, "{:?}", r.findings);
    assert_eq!(f[0].limit.as_deref(), Some("botox_blepharospasm_hfs_uk"));
    // Where no label gives a minimum (daxibotulinumtoxinA in cervical dystonia), bont's
    // general 84 days warns, in those words, citing no other indication's label.
    let mut p = plan(
        "Daxxify",
        "cervical_dystonia",
        json!([row("splenius_capitis", "left", 100.0)]),
    );
    p["history"] = json!([{"date": "2026-10-23", "product": "Daxxify", "total_units": 100}]);
    let r = run(&p);
    let f = with(&r, "interval_too_short");
    assert_eq!(f[0].detail.arg("basis"), Some(&Arg::Choice("general")));
    assert_eq!(f[0].severity, Severity::Warn);
    assert!(f[0].source.is_empty(), "{}", f[0].source);
    // A verified label minimum blocks below half of it (onabotulinumtoxinA, chronic
    // migraine, every 12 weeks): 41 days blocks, 42 warns.
    let mut p = plan(
        "Botox",
        "chronic_migraine",
        json!([row("frontalis", "both", 10.0)]),
    );
    for (date, severity) in [
        ("2026-10-12", Severity::Block),
        ("2026-10-11", Severity::Warn),
    ] {
        p["history"] = json!([{"date": date, "product": "Botox", "total_units": 155}]);
        let r = run(&p);
        let f = with(&r, "interval_too_short");
        assert_eq!(f[0].severity, severity, "{date}");
        assert_eq!(f[0].detail.arg("basis"), Some(&Arg::Choice("label")));
    }
}

#[test]
fn incobotulinumtoxina_in_childrens_sialorrhoea_goes_by_weight_band() {
    // (weight, the band's dose)
    for (kg, band) in [
        (12.0, 20.0),
        (14.9, 20.0),
        (15.0, 30.0),
        (19.0, 40.0),
        (23.0, 50.0),
        (27.0, 60.0),
        (30.0, 75.0),
        (45.0, 75.0),
    ] {
        let mut p = plan(
            "Xeomin",
            "sialorrhea",
            json!([row("parotid_gland", "left", band)]),
        );
        child(&mut p, "2016-06-01", kg);
        let r = run(&p);
        assert!(
            with(&r, "pediatric_absolute_exceeded").is_empty(),
            "{kg} kg at {band} U: {:?}",
            r.findings
        );
        p["session"]["injections"][0]["units"] = json!(band + 0.5);
        let r = run(&p);
        let over = with(&r, "pediatric_absolute_exceeded");
        assert!(!over.is_empty(), "{kg} kg above {band} U");
        // The bands come from a secondary reproduction of the label's table: a warning.
        assert!(
            over.iter().all(|f| f.severity == Severity::Warn),
            "{over:?}"
        );
    }
}

#[test]
fn labelled_reconstitutions_are_accepted_and_not_called_unusual() {
    for (vial, ml) in [(100.0, 0.5), (50.0, 0.25), (50.0, 4.0), (100.0, 8.0)] {
        let mut p = plan(
            "Botox",
            "cervical_dystonia",
            json!([row("splenius_capitis", "left", 40.0)]),
        );
        p["session"]["vial_units"] = json!(vial);
        p["session"]["diluent_ml"] = json!(ml);
        let r = run(&p);
        assert!(
            with(&r, "dilution_unusual").is_empty(),
            "{vial} U in {ml} mL: {:?}",
            r.findings
        );
    }
    // Below the smallest labelled volume: refused at the field.
    let mut p = plan(
        "Botox",
        "cervical_dystonia",
        json!([row("splenius_capitis", "left", 40.0)]),
    );
    p["session"]["vial_units"] = json!(50);
    p["session"]["diluent_ml"] = json!(0.2);
    assert!(
        refused_at(&p)
            .iter()
            .any(|(f, _)| f == "session.diluent_ml")
    );
    // A 100 U vial in 3 mL is not in the table: a warning, not a refusal.
    p["session"]["vial_units"] = json!(100);
    p["session"]["diluent_ml"] = json!(3.0);
    assert_eq!(with(&run(&p), "dilution_unusual").len(), 1);
    // RimabotulinumtoxinB may be diluted with saline (its label): no "unusual dilution".
    let mut p = plan(
        "Myobloc",
        "cervical_dystonia",
        json!([row("splenius_capitis", "left", 2500.0)]),
    );
    p["session"]["vial_units"] = json!(5000);
    p["session"]["diluent_ml"] = json!(1.0);
    assert!(with(&run(&p), "dilution_unusual").is_empty());
}

#[test]
fn every_blocking_fact_cites_the_products_label_first() {
    let c = catalog();
    for limit in c
        .limits()
        .iter()
        .filter(|l| l.evidence == bont_core::safety::catalog::Evidence::Verified)
    {
        assert!(
            c.cites_label(&limit.source),
            "limit {} cites no label: {:?}",
            limit.id,
            limit.source
        );
    }
    for rule in c.contraindications.iter().filter(|r| {
        r.severity == "contraindication"
            && r.evidence == bont_core::safety::catalog::Evidence::Verified
    }) {
        assert!(
            c.cites_label(&rule.source),
            "{} cites no label",
            rule.condition
        );
    }
    // And a finding lists the label before the summaries beside it.
    let r = run(&plan(
        "Botox",
        "upper_limb_spasticity",
        json!([row("biceps_brachii", "left", 401.0)]),
    ));
    for f in r.findings.iter().filter(|f| f.severity == Severity::Block) {
        let first = f.source.split(", ").next().unwrap_or_default();
        assert!(
            c.sources.get(first).is_some_and(|s| s.label),
            "{}: {}",
            f.code,
            f.source
        );
    }
}

#[test]
fn earlier_adverse_events_are_shown_and_repeating_their_session_warns() {
    let mut p = plan(
        "Botox",
        "cervical_dystonia",
        json!([
            row("sternocleidomastoid", "left", 40.0),
            row("splenius_capitis", "right", 50.0)
        ]),
    );
    let event = |kind: &str, severity: &str, product: &str, muscles: Value| {
        json!({"kind": kind, "severity": severity, "session_date": "2026-08-20",
               "product": product, "muscles": muscles})
    };
    // Dysphagia after neck muscles, the same product into them again: a warning naming it.
    p["adverse_events"] = json!([event(
        "dysphagia",
        "moderate",
        "Botox",
        json!(["sternocleidomastoid"])
    )]);
    let r = run(&p);
    let f = with(&r, "earlier_adverse_event");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Warn);
    assert_eq!(f[0].detail.id, "adverse-event-repeated");
    assert_eq!(
        f[0].detail.arg("event"),
        Some(&Arg::AdverseEvent("dysphagia".into()))
    );
    assert_eq!(
        f[0].detail.arg("repeated"),
        Some(&Arg::Muscles(vec!["sternocleidomastoid".into()]))
    );
    // Another product: shown, for information.
    p["adverse_events"] = json!([event(
        "dysphagia",
        "moderate",
        "Dysport",
        json!(["sternocleidomastoid"])
    )]);
    let f = run(&p);
    let f = with(&f, "earlier_adverse_event");
    assert_eq!(
        (f[0].severity, f[0].detail.id),
        (Severity::Info, "adverse-event-earlier")
    );
    // A serious event, or a sign of distant spread, after the same muscles: a warning.
    for (kind, severity) in [("headache", "serious"), ("distant_spread", "mild")] {
        p["adverse_events"] = json!([event(kind, severity, "Botox", json!(["splenius_capitis"]))]);
        let r = run(&p);
        assert_eq!(
            with(&r, "earlier_adverse_event")[0].severity,
            Severity::Warn,
            "{kind}"
        );
    }
    // A mild event, or other muscles: shown, for information.
    p["adverse_events"] = json!([
        event(
            "injection_site_pain",
            "mild",
            "Botox",
            json!(["splenius_capitis"])
        ),
        event(
            "distant_spread",
            "severe",
            "Botox",
            json!(["biceps_brachii"])
        )
    ]);
    let r = run(&p);
    let f = with(&r, "earlier_adverse_event");
    assert_eq!(f.len(), 2);
    assert!(f.iter().all(|f| f.severity == Severity::Info), "{f:?}");
    assert_eq!(r.verdict, Verdict::Ok);
    // An event after a session dated after the planned one is not an earlier event.
    p["adverse_events"] = json!([{"kind": "dysphagia", "severity": "serious", "session_date": "2026-11-24",
                                   "product": "Botox", "muscles": ["sternocleidomastoid"]}]);
    assert!(with(&run(&p), "earlier_adverse_event").is_empty());
    // Bad input is named at its field.
    p["adverse_events"] = json!([event("dysphagia", "awful", "Botox", json!([]))]);
    assert!(
        refused_at(&p)
            .iter()
            .any(|(f, _)| f == "adverse_events[0].severity")
    );
}
