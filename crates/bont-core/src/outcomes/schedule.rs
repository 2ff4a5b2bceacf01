//! What signing a session schedules: an onset check (usually a telephone call), a peak
//! assessment, and the re-injection window. The first two follow `[[follow_up]]` in
//! `data/outcomes.toml`; the window opens at the longest minimum interval the labels set
//! for the product, indication and age group (the one the safety check warns below), and
//! is due when the patient's effect-time model says the effect has worn off (never before
//! it opens).

use super::book::{FollowUpKind, OutcomeBook};
use super::effect::EffectModel;
use crate::safety::Catalog;
use crate::safety::catalog::Evidence;
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

/// One follow-up as planned.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedFollowUp {
    pub kind: FollowUpKind,
    /// The first day it makes sense.
    pub opens: Date,
    pub due: Date,
    /// After this day it is overdue.
    pub late_after: Date,
    /// Why these days: the rule's sources, or the label limit and the model's.
    pub source: Vec<String>,
    pub evidence: Evidence,
}

/// The first day a missed follow-up of `kind` no longer shows on the worklist (the session
/// then counts as never followed up): an onset check once the peak assessment's last day
/// has passed, a peak assessment once the re-injection window has opened. None for the
/// re-injection, which stays until the next session closes it, and for a follow-up with a
/// visit booked (the caller shows those regardless).
pub fn leaves_worklist_on(planned: &[PlannedFollowUp], kind: FollowUpKind) -> Option<Date> {
    let of = |k: FollowUpKind| planned.iter().find(|p| p.kind == k);
    match kind {
        FollowUpKind::OnsetCheck => of(FollowUpKind::PeakAssessment).map(|p| plus(p.late_after, 1)),
        FollowUpKind::PeakAssessment => of(FollowUpKind::Reinjection).map(|p| p.opens),
        FollowUpKind::Reinjection => None,
    }
}

fn plus(date: Date, days: i64) -> Date {
    date.checked_add(days.days()).unwrap_or(Date::MAX)
}

/// The follow-ups of a session given on `date`. `product` is the catalogue's product id.
pub fn schedule(
    book: &OutcomeBook,
    catalog: &Catalog,
    date: Date,
    product: &str,
    indication: &str,
    pediatric: bool,
    model: &EffectModel,
) -> Vec<PlannedFollowUp> {
    let mut planned: Vec<PlannedFollowUp> =
        [FollowUpKind::OnsetCheck, FollowUpKind::PeakAssessment]
            .into_iter()
            .filter_map(|kind| book.follow_up_rule(kind, indication))
            .map(|rule| PlannedFollowUp {
                kind: rule.kind,
                opens: plus(date, rule.from_day.into()),
                due: plus(date, rule.due_day.into()),
                late_after: plus(date, rule.late_after_day.into()),
                source: rule.source.clone(),
                evidence: rule.evidence,
            })
            .collect();
    let minimum = catalog
        .product(product)
        .and_then(|(id, _)| {
            catalog
                .interval_minima(&id, indication, pediatric)
                .into_iter()
                .max_by_key(|m| m.days)
                .map(|m| (m.days, m.source.to_vec(), m.evidence))
        })
        .unwrap_or((
            catalog.default_min_interval_days,
            catalog.default_min_interval_source.clone(),
            catalog.default_min_interval_evidence,
        ));
    let opens = plus(date, minimum.0.into());
    let due = plus(date, model.wears_off_day()).max(opens);
    let mut source = minimum.1;
    source.extend(
        model
            .source
            .iter()
            .filter(|s| !source_has(&source, s))
            .cloned()
            .collect::<Vec<_>>(),
    );
    planned.push(PlannedFollowUp {
        kind: FollowUpKind::Reinjection,
        opens,
        due,
        late_after: due,
        source,
        evidence: minimum.2,
    });
    planned
}

fn source_has(list: &[String], id: &str) -> bool {
    list.iter().any(|s| s == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn plan(
        product: &str,
        indication: &str,
        pediatric: bool,
        model: Option<EffectModel>,
    ) -> Vec<PlannedFollowUp> {
        let book = OutcomeBook::builtin();
        let catalog = Catalog::builtin();
        let model = model.unwrap_or_else(|| EffectModel::default_for(&book, product, indication));
        schedule(
            &book,
            &catalog,
            date(2026, 3, 2),
            product,
            indication,
            pediatric,
            &model,
        )
    }

    fn days(p: &PlannedFollowUp) -> (i32, i32, i32) {
        let d0 = date(2026, 3, 2);
        (
            (p.opens - d0).get_days(),
            (p.due - d0).get_days(),
            (p.late_after - d0).get_days(),
        )
    }

    #[test]
    fn a_session_schedules_an_onset_call_a_peak_visit_and_the_reinjection_window() {
        let p = plan("onabotulinumtoxinA", "cervical_dystonia", false, None);
        let kinds: Vec<FollowUpKind> = p.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, FollowUpKind::ALL);
        assert_eq!(days(&p[0]), (3, 7, 10));
        // Cervical dystonia's maximum benefit is at about 6 weeks: assessed from week 4.
        assert_eq!(days(&p[1]), (28, 42, 49));
        // Window opens at the labels' 84 days; the default model wears off at 84 days.
        assert_eq!(days(&p[2]), (84, 84, 84));
        assert!(p[2].source.iter().any(|s| s == "ODERGREN-1998"));
    }

    /// The effect model's strongest day (the after-care sheet's "strongest around") is the
    /// day the peak assessment is due, for every indication.
    #[test]
    fn the_peak_assessment_is_due_when_the_effect_is_strongest() {
        let book = OutcomeBook::builtin();
        for indication in crate::vocabulary::Indication::ALL {
            for product in [
                "onabotulinumtoxinA",
                "abobotulinumtoxinA",
                "incobotulinumtoxinA",
            ] {
                let model = EffectModel::default_for(&book, product, indication.id());
                let p = plan(product, indication.id(), false, None);
                let peak = p
                    .iter()
                    .find(|f| f.kind == FollowUpKind::PeakAssessment)
                    .expect("peak");
                let due = days(peak).1;
                assert_eq!(
                    f64::from(due),
                    model.peak_day,
                    "{product} {}: assessment due day {due}, effect strongest day {}",
                    indication.id(),
                    model.peak_day
                );
            }
        }
    }

    #[test]
    fn spasticity_is_assessed_at_four_to_six_weeks() {
        let p = plan("abobotulinumtoxinA", "upper_limb_spasticity", false, None);
        assert_eq!(days(&p[1]), (28, 35, 42));
    }

    #[test]
    fn a_longer_labelled_minimum_opens_the_window_later() {
        // Xeomin for sialorrhoea in children: not sooner than 16 weeks.
        let p = plan("incobotulinumtoxinA", "sialorrhea", true, None);
        assert_eq!(days(&p[2]).0, 112);
        assert!(days(&p[2]).1 >= 112, "due before the window opens");
    }

    #[test]
    fn the_patients_own_duration_sets_the_due_day_but_never_before_the_window() {
        let book = OutcomeBook::builtin();
        let long = EffectModel::default_for(&book, "onabotulinumtoxinA", "cervical_dystonia")
            .fitted(&[16.0, 15.0, 16.0], &[]);
        let p = plan("onabotulinumtoxinA", "cervical_dystonia", false, Some(long));
        assert_eq!(days(&p[2]), (84, 112, 112));
        let short = EffectModel::default_for(&book, "onabotulinumtoxinA", "cervical_dystonia")
            .fitted(&[8.0, 8.0, 9.0], &[]);
        let p = plan(
            "onabotulinumtoxinA",
            "cervical_dystonia",
            false,
            Some(short),
        );
        assert_eq!(days(&p[2]), (84, 84, 84));
    }
}

/// Where an open follow-up stands on a day, for the worklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Past its last day (or its booked visit passed) with nobody reached.
    Overdue,
    /// Due (or booked) in the week of the day, Monday to Sunday, and not late yet.
    DueThisWeek,
    /// Open, due after this week.
    Upcoming,
}

impl Standing {
    pub const fn id(self) -> &'static str {
        match self {
            Standing::Overdue => "overdue",
            Standing::DueThisWeek => "due_this_week",
            Standing::Upcoming => "upcoming",
        }
    }
}

/// The last day (Sunday) of the week that holds `day`.
pub fn week_end(day: Date) -> Date {
    let to_sunday = 6 - i64::from(day.weekday().to_monday_zero_offset());
    plus(day, to_sunday)
}

/// Where a follow-up due on `due`, late after `late_after` and perhaps booked for a visit
/// stands on `today`.
pub fn standing(due: Date, late_after: Date, booked_on: Option<Date>, today: Date) -> Standing {
    let end = week_end(today);
    match booked_on {
        Some(b) if b < today => Standing::Overdue,
        Some(b) if b <= end => Standing::DueThisWeek,
        Some(_) => Standing::Upcoming,
        None if late_after < today => Standing::Overdue,
        None if due <= end => Standing::DueThisWeek,
        None => Standing::Upcoming,
    }
}

#[cfg(test)]
mod standing_tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_week_runs_monday_to_sunday_and_late_means_past_the_last_day() {
        // 2026-11-25 is a Wednesday.
        let today = date(2026, 11, 25);
        assert_eq!(week_end(today), date(2026, 11, 29));
        assert_eq!(week_end(date(2026, 11, 29)), date(2026, 11, 29));
        assert_eq!(week_end(date(2026, 11, 30)), date(2026, 12, 6));
        let s = |due, late, booked| standing(due, late, booked, today);
        assert_eq!(
            s(date(2026, 11, 20), date(2026, 11, 24), None),
            Standing::Overdue
        );
        assert_eq!(
            s(date(2026, 11, 20), date(2026, 11, 25), None),
            Standing::DueThisWeek
        );
        assert_eq!(
            s(date(2026, 11, 29), date(2026, 12, 2), None),
            Standing::DueThisWeek
        );
        assert_eq!(
            s(date(2026, 11, 30), date(2026, 12, 2), None),
            Standing::Upcoming
        );
        // A booked visit counts from its day.
        assert_eq!(
            s(
                date(2026, 11, 1),
                date(2026, 11, 2),
                Some(date(2026, 11, 27))
            ),
            Standing::DueThisWeek
        );
        assert_eq!(
            s(
                date(2026, 12, 1),
                date(2026, 12, 2),
                Some(date(2026, 11, 24))
            ),
            Standing::Overdue
        );
        assert_eq!(
            s(
                date(2026, 11, 1),
                date(2026, 11, 2),
                Some(date(2026, 12, 7))
            ),
            Standing::Upcoming
        );
    }
}
