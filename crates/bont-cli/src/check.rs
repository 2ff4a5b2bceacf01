//! `bont check`: reads a plan, runs the safety check and prints the verdict for people or
//! as JSON. Exit status: 0 ok or warn, 1 block, 2 a plan that cannot be checked.

use bont_core::Language;
use bont_core::safety::check::{Report, Severity, Verdict};
use bont_core::safety::plan::PlanErrors;
use bont_core::safety::{Catalog, Plan, PlanInput, check};
use bont_web::i18n::Tr;
use std::fmt::Write;

/// The outcome of one check, ready to print.
pub enum Outcome {
    Checked(Box<Report>),
    /// The plan could not be read or names unknown things; each line names the field.
    Unreadable(Vec<String>),
}

impl Outcome {
    pub fn exit_code(&self) -> u8 {
        match self {
            Outcome::Checked(r) if r.verdict == Verdict::Block => 1,
            Outcome::Checked(_) => 0,
            Outcome::Unreadable(_) => 2,
        }
    }
}

/// Reads the catalogue: the built-in facts plus a clinic's local file, if any.
pub fn catalog(local: Option<&str>) -> Result<Catalog, String> {
    let builtin = Catalog::builtin();
    match local {
        None => Ok(builtin),
        Some(text) => builtin.with_local(text).map_err(|e| e.to_string()),
    }
}

/// Parses and checks a plan given as JSON text, as of `today`.
pub fn run(catalog: &Catalog, json: &str, today: jiff::civil::Date) -> Outcome {
    let deserializer = &mut serde_json::Deserializer::from_str(json);
    let input: PlanInput = match serde_path_to_error::deserialize(deserializer) {
        Ok(input) => input,
        Err(e) => {
            let path = e.path().to_string();
            let field = if path == "." { "plan".to_owned() } else { path };
            return Outcome::Unreadable(vec![format!("{field}: {}", e.inner())]);
        }
    };
    match Plan::parse(&input, catalog, today) {
        Ok(plan) => Outcome::Checked(Box::new(check(catalog, &plan))),
        Err(PlanErrors(errors)) => {
            Outcome::Unreadable(errors.iter().map(ToString::to_string).collect())
        }
    }
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Block => "BLOCK",
        Severity::Warn => "WARN ",
        Severity::Info => "INFO ",
    }
}

/// The report as JSON: the check's report, each finding with its English sentence.
pub fn json(report: &Report, catalog: &Catalog) -> serde_json::Value {
    bont_web::i18n::report_json(report, catalog, Tr::new(Language::En))
}

/// The report for people.
pub fn text(report: &Report, catalog: &Catalog) -> String {
    let english = Tr::new(Language::En);
    let a = &report.arithmetic;
    let p = &a.product;
    let mut out = String::new();
    let verdict = match report.verdict {
        Verdict::Ok => "OK",
        Verdict::Warn => "WARN",
        Verdict::Block => "BLOCK",
    };
    let _ = writeln!(out, "Verdict: {verdict}");
    let _ = writeln!(
        out,
        "Total: {} U of {p} in {} sites (left {} U, right {} U, midline {} U)",
        a.total_units, a.total_sites, a.units_left, a.units_right, a.units_midline
    );
    if let (Some(per), Some(volume)) = (a.units_per_0_1_ml, a.total_volume_ml) {
        let _ = writeln!(
            out,
            "Dilution: {per} U of {p} per 0.1 mL; total volume {volume} mL"
        );
    }
    if let (Some(vials), Some(left)) = (a.vials_needed, a.units_left_in_last_vial) {
        let _ = writeln!(out, "Vials: {vials}; {left} U of {p} left in the last vial");
    }
    if let Some(days) = a.days_since_last_session {
        let _ = writeln!(out, "Days since the last toxin session: {days}");
    }
    for c in &a.cumulative {
        let _ = writeln!(
            out,
            "Within {} days, this session included: {} U of {p}; maximum {} U, {} U remaining ({})",
            c.window_days, c.units_in_window, c.maximum, c.remaining, c.limit
        );
    }
    if report.findings.is_empty() {
        let _ = writeln!(out, "\nNo findings.");
    } else {
        let _ = writeln!(out, "\nFindings:");
        for f in &report.findings {
            let _ = writeln!(
                out,
                "  {} {}: {}",
                severity_word(f.severity),
                f.code,
                english.finding_message(f, catalog)
            );
            if !f.source.is_empty() {
                let evidence = f
                    .evidence
                    .map(|e| {
                        format!(
                            ", {}",
                            serde_json::to_value(e)
                                .unwrap_or_default()
                                .as_str()
                                .unwrap_or("")
                        )
                    })
                    .unwrap_or_default();
                let titles: Vec<&str> = f
                    .source
                    .split(", ")
                    .filter_map(|id| catalog.source_title(id))
                    .collect();
                let _ = writeln!(out, "        source: {}{evidence}", f.source);
                if let Some(first) = titles.first() {
                    let _ = writeln!(out, "        ({first})");
                }
            }
        }
    }
    let _ = writeln!(out, "\nInjections:");
    for i in &a.injections {
        let volume = i
            .volume_per_site_ml
            .map(|v| format!(", {v} mL per site"))
            .unwrap_or_default();
        let each = if i.side == bont_core::safety::plan::Side::Both {
            " on each side"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {} {}: {} U of {p}{each} in {} sites ({} U per site{volume})",
            i.muscle,
            i.side.as_str(),
            i.units,
            i.sites,
            i.units_per_site
        );
    }
    out
}
