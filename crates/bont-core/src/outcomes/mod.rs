//! Closing the treatment loop: outcome scales and their entry, responder rules per
//! indication, possible secondary non-response, the effect-time model, the follow-up a
//! signed session schedules, Goal Attainment Scaling and adverse events. The facts are in
//! `data/outcomes.toml` ([`OutcomeBook`]); everything here is pure.

pub mod adverse;
pub mod assessment;
pub mod book;
pub mod effect;
pub mod goals;
pub mod response;
pub mod schedule;

pub use book::{FollowUpKind, OutcomeBook};

use crate::patient::{PatientRecord, parse_date};
use crate::safety::Catalog;
use crate::treatment::TreatmentInput;
use effect::EffectModel;
use response::{Cycle, Response, ScorePoint};
use schedule::PlannedFollowUp;

/// The catalogue's id for a product as written on a session (its own name when unknown).
pub fn product_id(catalog: &Catalog, product: &str) -> String {
    catalog
        .product(product)
        .map(|(id, _)| id.as_str().to_owned())
        .unwrap_or_else(|| product.to_owned())
}

/// The effect-time model for a patient's next cycle of `product` for `indication`: the
/// default, fitted to their reports of how long the benefit lasted and to their peak
/// responses on the indication's responder scales (`cycles` and `scores` are their
/// signed sessions and assessments).
pub fn patient_model(
    book: &OutcomeBook,
    product: &str,
    indication: &str,
    cycles: &[Cycle],
    scores: &[ScorePoint],
) -> EffectModel {
    let mut reports: Vec<&ScorePoint> = scores
        .iter()
        .filter(|p| p.scale == "benefit_weeks")
        .collect();
    reports.sort_by_key(|p| p.date);
    let weeks: Vec<f64> = reports.iter().map(|p| p.score).collect();
    let same: Vec<Cycle> = cycles
        .iter()
        .filter(|c| c.indication == indication)
        .cloned()
        .collect();
    let improvements: Vec<f64> = response::responses(book, &same, scores)
        .iter()
        .filter(|r| r.response != Response::NotAssessed)
        .filter_map(|r| {
            let (baseline, after) = (r.baseline?, r.after?);
            let scale = book.scale(r.scale.as_deref()?)?;
            (baseline > 0.0).then(|| {
                if scale.direction.lower_is_better() {
                    (baseline - after) / baseline
                } else {
                    (after - baseline) / baseline
                }
            })
        })
        .collect();
    EffectModel::default_for(book, product, indication).fitted(&weeks, &improvements)
}

/// The follow-ups signing `record` schedules for `patient`, with the model fitted to
/// their history; none when the session's date does not parse (it was checked before).
pub fn follow_ups_for(
    book: &OutcomeBook,
    catalog: &Catalog,
    patient: &PatientRecord,
    record: &TreatmentInput,
    cycles: &[Cycle],
    scores: &[ScorePoint],
) -> Vec<PlannedFollowUp> {
    let Ok(date) = parse_date(&record.date) else {
        return Vec::new();
    };
    let product = product_id(catalog, &record.product);
    let earlier: Vec<Cycle> = cycles.iter().filter(|c| c.date < date).cloned().collect();
    let model = patient_model(book, &product, &record.indication, &earlier, scores);
    schedule::schedule(
        book,
        catalog,
        date,
        &product,
        &record.indication,
        patient.birth_date.age_years(date) < 18,
        &model,
    )
}
