//! The effect-time model: how much of its greatest effect a session has on each day after
//! it. It sets the re-injection due date and draws the expected-effect curve.
//!
//! Shape (a model choice, documented here; the day numbers come from data):
//! - nothing before the onset day;
//! - a smooth rise (smoothstep, 3x² − 2x³) from the onset day to the peak day;
//! - the full effect held through the first half of the time from peak to the end;
//! - a smooth fall to nothing by the end of the duration.
//!
//! Parameters start from the defaults of `data/outcomes.toml` (`[[effect_time]]`, each with
//! its source: onset in 3 to 7 days, peak at about 2 to 4 weeks, 12-week cycles, longer for
//! hyperhidrosis). Once a patient has reported how long the benefit lasted after at least
//! [`MIN_CYCLES_TO_FIT`] sessions, the duration is theirs: the median of their last
//! [`FIT_WINDOW`] reports, which one odd cycle cannot move far. The size of the effect at
//! peak (as a fraction of the baseline score) is fitted the same way from their peak
//! assessments.

use super::book::OutcomeBook;
use serde::Serialize;

/// Reports of benefit duration needed before the model is the patient's own.
pub const MIN_CYCLES_TO_FIT: usize = 3;
/// How many of the newest reports the fit reads.
pub const FIT_WINDOW: usize = 6;

/// The model's parameters, in days after the session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EffectModel {
    pub onset_day: f64,
    pub peak_day: f64,
    pub duration_day: f64,
    /// Fraction of the baseline score gone at peak (0.4 = 40% better), when known.
    pub peak_improvement: Option<f64>,
    /// Whether the duration comes from the patient's own reports.
    pub fitted: bool,
    /// The reports the fit used.
    pub cycles_used: usize,
    /// Sources of the defaults.
    pub source: Vec<String>,
}

fn smoothstep(x: f64) -> f64 {
    let x = x.clamp(0.0, 1.0);
    x * x * (3.0 - 2.0 * x)
}

fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len().is_multiple_of(2) {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    })
}

impl EffectModel {
    /// The default for a product and indication.
    pub fn default_for(book: &OutcomeBook, product: &str, indication: &str) -> EffectModel {
        let d = book.effect_time(product, indication);
        EffectModel {
            onset_day: d.onset_day,
            peak_day: d.peak_day,
            duration_day: d.duration_day,
            peak_improvement: None,
            fitted: false,
            cycles_used: 0,
            source: d.source.clone(),
        }
    }

    /// Fitted to a patient: `benefit_weeks` are their reports of how long the benefit
    /// lasted, oldest first; `peak_improvements` the fraction of the baseline score gone
    /// at each peak assessment, oldest first.
    pub fn fitted(mut self, benefit_weeks: &[f64], peak_improvements: &[f64]) -> EffectModel {
        let newest = |v: &[f64]| v[v.len().saturating_sub(FIT_WINDOW)..].to_vec();
        if benefit_weeks.len() >= MIN_CYCLES_TO_FIT
            && let Some(weeks) = median(&newest(benefit_weeks))
        {
            // The effect cannot end before it has peaked: keep a week after the peak.
            self.duration_day = (weeks * 7.0).max(self.peak_day + 7.0);
            self.fitted = true;
            self.cycles_used = benefit_weeks.len().min(FIT_WINDOW);
        }
        if peak_improvements.len() >= MIN_CYCLES_TO_FIT {
            self.peak_improvement = median(&newest(peak_improvements)).map(|f| f.clamp(-1.0, 1.0));
        }
        self
    }

    /// The effect on `day` after the session, as a fraction of its greatest (0 to 1).
    pub fn effect(&self, day: f64) -> f64 {
        let wane_start = self.peak_day + (self.duration_day - self.peak_day) / 2.0;
        if day < self.onset_day || day >= self.duration_day {
            0.0
        } else if day < self.peak_day {
            smoothstep((day - self.onset_day) / (self.peak_day - self.onset_day).max(1e-9))
        } else if day < wane_start {
            1.0
        } else {
            1.0 - smoothstep((day - wane_start) / (self.duration_day - wane_start).max(1e-9))
        }
    }

    /// The day the effect is expected to have worn off.
    pub fn wears_off_day(&self) -> i64 {
        self.duration_day.round() as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn book() -> OutcomeBook {
        OutcomeBook::builtin()
    }

    #[test]
    fn defaults_come_from_the_most_specific_entry() {
        let b = book();
        let bleph = EffectModel::default_for(&b, "onabotulinumtoxinA", "blepharospasm");
        assert_eq!(
            (bleph.onset_day, bleph.peak_day, bleph.duration_day),
            (3.0, 14.0, 90.0)
        );
        assert_eq!(bleph.source, ["BOTOXONE-BLEPH"]);
        let hh = EffectModel::default_for(&b, "abobotulinumtoxinA", "axillary_hyperhidrosis");
        assert_eq!(hh.duration_day, 365.0);
        // OnabotulinumtoxinA for hyperhidrosis: a median of about 200 days in its pivotal
        // trial; another product without a sourced duration takes the general default.
        let hh_botox = EffectModel::default_for(&b, "onabotulinumtoxinA", "axillary_hyperhidrosis");
        assert_eq!(hh_botox.duration_day, 200.0);
        let hh_xeomin =
            EffectModel::default_for(&b, "incobotulinumtoxinA", "axillary_hyperhidrosis");
        assert_eq!(hh_xeomin.duration_day, 84.0);
        // Cervical dystonia: maximum benefit at about 6 weeks.
        let cd = EffectModel::default_for(&b, "incobotulinumtoxinA", "cervical_dystonia");
        assert_eq!(cd.peak_day, 42.0);
        // Sialorrhoea lasts about 16 weeks.
        let sial = EffectModel::default_for(&b, "incobotulinumtoxinA", "sialorrhea");
        assert_eq!(sial.duration_day, 112.0);
        assert!(!cd.fitted);
    }

    #[test]
    fn the_curve_rises_peaks_holds_and_fades() {
        let m = EffectModel::default_for(&book(), "onabotulinumtoxinA", "blepharospasm");
        assert_eq!(m.effect(0.0), 0.0);
        assert_eq!(m.effect(2.9), 0.0);
        assert!(m.effect(8.0) > 0.2 && m.effect(8.0) < 0.8);
        assert_eq!(m.effect(14.0), 1.0);
        assert_eq!(m.effect(50.0), 1.0);
        assert!(m.effect(80.0) > 0.0 && m.effect(80.0) < 0.5);
        assert_eq!(m.effect(90.0), 0.0);
        assert_eq!(m.effect(200.0), 0.0);
    }

    #[test]
    fn a_patient_with_three_reports_gets_their_own_duration() {
        let m = EffectModel::default_for(&book(), "onabotulinumtoxinA", "cervical_dystonia");
        // Two reports are not enough.
        assert!(!m.clone().fitted(&[10.0, 10.0], &[]).fitted);
        let f = m.clone().fitted(&[10.0, 11.0, 10.0], &[]);
        assert!(f.fitted);
        assert_eq!(f.duration_day, 70.0);
        assert_eq!(f.cycles_used, 3);
        // One odd cycle does not move the median far; only the newest six count.
        let f = m
            .clone()
            .fitted(&[30.0, 30.0, 16.0, 16.0, 16.0, 40.0, 16.0, 16.0], &[]);
        assert_eq!(f.duration_day, 16.0 * 7.0);
        assert_eq!(f.cycles_used, 6);
        // A report shorter than the peak (day 42) is held a week past it.
        let f = m.fitted(&[1.0, 1.0, 1.0], &[0.5, 0.4, 0.6]);
        assert_eq!(f.duration_day, 49.0);
        assert_eq!(f.peak_improvement, Some(0.5));
    }

    proptest! {
        #[test]
        fn the_effect_stays_between_none_and_full_and_never_falls_before_the_peak(
            onset in 0.0f64..10.0, rise in 1.0f64..40.0, tail in 8.0f64..300.0, day in -10.0f64..400.0
        ) {
            let m = EffectModel { onset_day: onset, peak_day: onset + rise, duration_day: onset + rise + tail,
                peak_improvement: None, fitted: false, cycles_used: 0, source: vec![] };
            let e = m.effect(day);
            prop_assert!((0.0..=1.0).contains(&e));
            if day < m.peak_day {
                prop_assert!(m.effect(day + 0.5) >= e - 1e-12 || day + 0.5 > m.peak_day);
            } else {
                prop_assert!(m.effect(day + 0.5) <= e + 1e-12);
            }
        }
    }
}
