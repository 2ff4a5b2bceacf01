//! Response per treatment cycle, and possible secondary non-response.
//!
//! A cycle runs from a session to the next one. Its response is judged by the first
//! responder rule of `data/outcomes.toml` for the session's indication whose scale was
//! recorded in the cycle: the score "after" is the cycle's peak assessment (or, without
//! one, its first assessment after the session day that is not a baseline); the baseline
//! is the newest assessment on the same scale on or before the session day.
//!
//! Possible secondary non-response ([`secondary_non_response`]) is flagged when, for one
//! indication:
//! 1. an earlier cycle was a responder (the treatment had worked), and
//! 2. the [`LOST_CYCLES`] newest judged cycles after it were all non-responders, and
//! 3. each of those cycles gave the same product as the responding cycle at a total at least
//!    as high as the responding cycle's (an adequate dose: units of different products
//!    are never compared, so a product switch does not count).
//!
//! Reviews name shorter intervals, boosters and higher doses per cycle as causes of
//! neutralising antibodies (BELLOWS-JANKOVIC-2019, NAUMANN-2013), and a documented loss of
//! response after earlier benefit as the sign to look for (bont-reference.md section 4.2).

use super::assessment::Timepoint;
use super::book::{OutcomeBook, ResponderRule, RuleKind};
use jiff::civil::Date;
use serde::Serialize;

/// Non-responding cycles in a row, after a response, that raise the flag.
pub const LOST_CYCLES: usize = 2;

/// A signed session as the response rules read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cycle {
    pub session: i64,
    pub date: Date,
    /// The catalogue's product id.
    pub product: String,
    pub indication: String,
    pub total_units: f64,
}

/// One score at one date.
#[derive(Debug, Clone, PartialEq)]
pub struct ScorePoint {
    pub scale: String,
    pub date: Date,
    pub timepoint: Timepoint,
    pub score: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    Responder,
    NonResponder,
    /// No score after the session on a scale with a rule (or no baseline where the rule
    /// needs one).
    NotAssessed,
    /// Scored, but before the cycle the rule judges from (chronic migraine: the second).
    TooEarly,
}

/// The judgement of one cycle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CycleResponse {
    pub session: i64,
    pub response: Response,
    pub scale: Option<String>,
    pub baseline: Option<f64>,
    pub after: Option<f64>,
    /// The rule in the clinic's words, with its sources.
    pub rule: Option<String>,
    pub source: Vec<String>,
}

fn meets(rule: &ResponderRule, baseline: Option<f64>, after: f64) -> Option<bool> {
    match rule.rule {
        RuleKind::AtMost => Some(after <= rule.threshold),
        RuleKind::AtLeast => Some(after >= rule.threshold),
        RuleKind::PointsFall => baseline.map(|b| b - after >= rule.threshold),
        RuleKind::Below => baseline.map(|b| b >= rule.threshold && after < rule.threshold),
        // Percent of a baseline of zero is undefined: nothing to fall from.
        RuleKind::PercentFall => baseline
            .filter(|b| *b > 0.0)
            .map(|b| (b - after) / b * 100.0 >= rule.threshold),
    }
}

/// The response of every cycle; `cycles` in any order, the answer oldest first.
pub fn responses(
    book: &OutcomeBook,
    cycles: &[Cycle],
    scores: &[ScorePoint],
) -> Vec<CycleResponse> {
    let mut cycles: Vec<&Cycle> = cycles.iter().collect();
    cycles.sort_by_key(|c| (c.date, c.session));
    cycles
        .iter()
        .enumerate()
        .map(|(i, cycle)| {
            // This cycle's number among the cycles of its indication, from 1.
            let number = cycles[..=i]
                .iter()
                .filter(|c| c.indication == cycle.indication)
                .count();
            let end = cycles.get(i + 1).map(|n| n.date);
            let in_cycle = |p: &ScorePoint| p.date > cycle.date && end.is_none_or(|e| p.date <= e);
            for rule in book.responder_rules(&cycle.indication) {
                let on_scale: Vec<&ScorePoint> =
                    scores.iter().filter(|p| p.scale == rule.scale).collect();
                let after = on_scale
                    .iter()
                    .filter(|p| in_cycle(p) && p.timepoint == Timepoint::Peak)
                    .min_by_key(|p| p.date)
                    .or_else(|| {
                        on_scale
                            .iter()
                            .filter(|p| {
                                in_cycle(p)
                                    && p.timepoint != Timepoint::Baseline
                                    && end.is_none_or(|e| p.date < e)
                            })
                            .min_by_key(|p| p.date)
                    });
                let Some(after) = after else { continue };
                let baseline = on_scale
                    .iter()
                    .filter(|p| p.date <= cycle.date)
                    .max_by_key(|p| p.date)
                    .map(|p| p.score);
                let Some(met) = meets(rule, baseline, after.score) else {
                    continue;
                };
                return CycleResponse {
                    session: cycle.session,
                    response: if number < rule.judged_from_cycle {
                        Response::TooEarly
                    } else if met {
                        Response::Responder
                    } else {
                        Response::NonResponder
                    },
                    scale: Some(rule.scale.clone()),
                    baseline: baseline.filter(|_| rule.needs_baseline()),
                    after: Some(after.score),
                    rule: Some(rule.wording.clone()),
                    source: rule.source.clone(),
                };
            }
            CycleResponse {
                session: cycle.session,
                response: Response::NotAssessed,
                scale: None,
                baseline: None,
                after: None,
                rule: None,
                source: Vec::new(),
            }
        })
        .collect()
}

/// Fewer than this many headache days in 28 days is episodic migraine again.
pub const EPISODIC_BELOW_DAYS: f64 = 15.0;
/// Consecutive months (28-day counts, at least three weeks apart) of episodic migraine
/// after which the stopping rule asks to consider stopping.
pub const EPISODIC_MONTHS: usize = 3;

/// The second stopping rule for chronic migraine (NICE TA260): the patient's newest
/// [`EPISODIC_MONTHS`] monthly headache-day counts, each at least 21 days after the one
/// before, were all below [`EPISODIC_BELOW_DAYS`]: the migraine is episodic again, and
/// stopping treatment is to be considered. The dates of those counts, oldest first.
pub fn episodic_again(scores: &[ScorePoint]) -> Option<Vec<Date>> {
    let mut counts: Vec<&ScorePoint> = scores
        .iter()
        .filter(|p| p.scale == "monthly_headache_days")
        .collect();
    counts.sort_by_key(|p| p.date);
    // One count a month: the newest of counts less than three weeks apart stands.
    let mut months: Vec<&ScorePoint> = Vec::new();
    for p in counts {
        match months.last() {
            Some(last) if (p.date - last.date).get_days() < 21 => {
                *months.last_mut().expect("one") = p;
            }
            _ => months.push(p),
        }
    }
    let newest = months.get(months.len().checked_sub(EPISODIC_MONTHS)?..)?;
    newest
        .iter()
        .all(|p| p.score < EPISODIC_BELOW_DAYS)
        .then(|| newest.iter().map(|p| p.date).collect())
}

/// What to consider when response is lost (codes; the words are in the message files).
pub const NEXT_STEPS: [&str; 4] = [
    // Dose and muscle selection first: most loss of effect is not immune.
    "check_dose_and_muscles",
    // Antibody tests: a positive result does not reliably predict failure (NAUMANN-2013).
    "consider_antibody_test",
    // Another serotype or a complex-free product (BELLOWS-JANKOVIC-2019, FREVERT-2015).
    "consider_other_product",
    // Intervals of 12 weeks or more, no boosters (BELLOWS-JANKOVIC-2019).
    "avoid_boosters",
];

/// A possible secondary non-response.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NonResponse {
    pub indication: String,
    /// The cycle that last responded.
    pub responded_in: i64,
    pub responding_units: f64,
    pub product: String,
    /// The non-responding cycles that followed, oldest first.
    pub lost_in: Vec<i64>,
    pub next_steps: &'static [&'static str],
    pub source: Vec<String>,
}

/// The flag for the patient, if their history shows it (see the module's definition).
pub fn secondary_non_response(cycles: &[Cycle], judged: &[CycleResponse]) -> Option<NonResponse> {
    let mut by_date: Vec<&Cycle> = cycles.iter().collect();
    by_date.sort_by_key(|c| (c.date, c.session));
    let indication = &by_date.last()?.indication;
    let response_of = |session: i64| {
        judged
            .iter()
            .find(|r| r.session == session)
            .map(|r| r.response)
    };
    let assessed: Vec<(&Cycle, Response)> = by_date
        .iter()
        .filter(|c| &c.indication == indication)
        .filter_map(|c| match response_of(c.session) {
            Some(r @ (Response::Responder | Response::NonResponder)) => Some((*c, r)),
            _ => None,
        })
        .collect();
    let last_response = assessed
        .iter()
        .rposition(|(_, r)| *r == Response::Responder)?;
    let (responded, _) = assessed[last_response];
    let lost: Vec<&Cycle> = assessed[last_response + 1..]
        .iter()
        .map(|(c, _)| *c)
        .collect();
    if lost.len() < LOST_CYCLES {
        return None;
    }
    let lost = &lost[lost.len() - LOST_CYCLES..];
    let adequate = lost
        .iter()
        .all(|c| c.product == responded.product && c.total_units + 1e-9 >= responded.total_units);
    adequate.then(|| NonResponse {
        indication: indication.clone(),
        responded_in: responded.session,
        responding_units: responded.total_units,
        product: responded.product.clone(),
        lost_in: lost.iter().map(|c| c.session).collect(),
        next_steps: &NEXT_STEPS,
        source: vec![
            "BELLOWS-JANKOVIC-2019".into(),
            "NAUMANN-2013".into(),
            "FREVERT-2015".into(),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::ToSpan;
    use jiff::civil::date;

    const PRODUCT: &str = "onabotulinumtoxinA";

    /// Sessions every 90 days from 2024-01-01.
    fn cycles(indication: &str, units: &[f64]) -> Vec<Cycle> {
        units
            .iter()
            .enumerate()
            .map(|(i, u)| Cycle {
                session: i as i64 + 1,
                date: date(2024, 1, 1)
                    .checked_add((90 * i as i64).days())
                    .expect("date"),
                product: PRODUCT.into(),
                indication: indication.into(),
                total_units: *u,
            })
            .collect()
    }

    fn point(scale: &str, cycle: &Cycle, day: i64, timepoint: Timepoint, score: f64) -> ScorePoint {
        ScorePoint {
            scale: scale.into(),
            date: cycle.date.checked_add(day.days()).expect("date"),
            timepoint,
            score,
        }
    }

    /// A baseline on each session day and a peak 28 days later.
    fn migraine_history(units: &[f64], peaks: &[f64]) -> (Vec<Cycle>, Vec<ScorePoint>) {
        let cycles = cycles("chronic_migraine", units);
        let mut scores = Vec::new();
        for (c, peak) in cycles.iter().zip(peaks) {
            scores.push(point(
                "monthly_headache_days",
                c,
                0,
                Timepoint::Baseline,
                20.0,
            ));
            scores.push(point(
                "monthly_headache_days",
                c,
                28,
                Timepoint::Peak,
                *peak,
            ));
        }
        (cycles, scores)
    }

    #[test]
    fn migraine_responds_with_at_least_thirty_percent_fewer_headache_days() {
        let (cycles, scores) = migraine_history(&[155.0; 4], &[14.0, 14.0, 15.0, 13.9]);
        let r = responses(&OutcomeBook::builtin(), &cycles, &scores);
        // The first cycle is too early to judge (NICE TA260 judges after two cycles);
        // 20 -> 14 is 30% fewer; 20 -> 15 is 25%.
        let got: Vec<Response> = r.iter().map(|c| c.response).collect();
        assert_eq!(
            got,
            [
                Response::TooEarly,
                Response::Responder,
                Response::NonResponder,
                Response::Responder
            ]
        );
        assert_eq!(r[0].baseline, Some(20.0));
        assert_eq!(r[0].source, ["NICE-TA260", "DRORACLE-PREEMPT"]);
    }

    #[test]
    fn blepharospasm_needs_two_points_on_the_jankovic_scale() {
        let cycles = cycles("blepharospasm", &[50.0, 50.0]);
        let scores = vec![
            point("jrs", &cycles[0], 0, Timepoint::Baseline, 7.0),
            point("jrs", &cycles[0], 14, Timepoint::Peak, 5.0),
            point("jrs", &cycles[1], -1, Timepoint::BeforeReinjection, 7.0),
            point("jrs", &cycles[1], 14, Timepoint::Peak, 6.0),
        ];
        let r = responses(&OutcomeBook::builtin(), &cycles, &scores);
        assert_eq!(r[0].response, Response::Responder);
        // The before-reinjection score is the second cycle's baseline.
        assert_eq!(r[1].baseline, Some(7.0));
        assert_eq!(r[1].response, Response::NonResponder);
    }

    #[test]
    fn hyperhidrosis_responds_when_severe_becomes_mild() {
        let cycles = cycles("axillary_hyperhidrosis", &[100.0, 100.0, 100.0]);
        let scores = vec![
            point("hdss", &cycles[0], 0, Timepoint::Baseline, 4.0),
            point("hdss", &cycles[0], 14, Timepoint::Peak, 2.0),
            point("hdss", &cycles[1], 0, Timepoint::Baseline, 4.0),
            point("hdss", &cycles[1], 14, Timepoint::Peak, 3.0),
            // Baseline not severe: the rule cannot say; no other rule has a score.
            point("hdss", &cycles[2], 0, Timepoint::Baseline, 2.0),
            point("hdss", &cycles[2], 14, Timepoint::Peak, 1.0),
        ];
        let got: Vec<Response> = responses(&OutcomeBook::builtin(), &cycles, &scores)
            .iter()
            .map(|c| c.response)
            .collect();
        assert_eq!(
            got,
            [
                Response::Responder,
                Response::NonResponder,
                Response::NonResponder
            ]
        );
    }

    #[test]
    fn cervical_dystonia_falls_back_to_the_global_impression_and_unscored_cycles_are_not_assessed()
    {
        let cycles = cycles("cervical_dystonia", &[200.0, 200.0]);
        let scores = vec![point("cgi_i", &cycles[0], 30, Timepoint::Other, 2.0)];
        let r = responses(&OutcomeBook::builtin(), &cycles, &scores);
        assert_eq!(r[0].response, Response::Responder);
        assert_eq!(r[0].scale.as_deref(), Some("cgi_i"));
        assert_eq!(r[1].response, Response::NotAssessed);
    }

    #[test]
    fn spasticity_responds_at_a_gas_t_score_of_fifty() {
        let cycles = cycles("upper_limb_spasticity", &[300.0, 300.0]);
        let scores = vec![
            point("gas", &cycles[0], 35, Timepoint::Other, 50.0),
            point("gas", &cycles[1], 35, Timepoint::Other, 43.7),
        ];
        let got: Vec<Response> = responses(&OutcomeBook::builtin(), &cycles, &scores)
            .iter()
            .map(|c| c.response)
            .collect();
        assert_eq!(got, [Response::Responder, Response::NonResponder]);
    }

    #[test]
    fn response_lost_over_two_cycles_at_an_adequate_dose_is_flagged() {
        let (cycles, scores) =
            migraine_history(&[155.0, 155.0, 155.0, 195.0], &[8.0, 9.0, 19.0, 18.0]);
        let r = responses(&OutcomeBook::builtin(), &cycles, &scores);
        let flag = secondary_non_response(&cycles, &r).expect("flagged");
        assert_eq!(flag.responded_in, 2);
        assert_eq!(flag.lost_in, [3, 4]);
        assert_eq!(flag.next_steps.len(), 4);
    }

    #[test]
    fn one_poor_cycle_a_lower_dose_a_product_switch_or_never_responding_is_not_flagged() {
        let book = OutcomeBook::builtin();
        let flagged = |cycles: &[Cycle], scores: &[ScorePoint]| {
            secondary_non_response(cycles, &responses(&book, cycles, scores)).is_some()
        };
        // One poor cycle.
        let (c, s) = migraine_history(&[155.0, 155.0, 155.0], &[8.0, 8.0, 19.0]);
        assert!(!flagged(&c, &s));
        // The dose was lowered: the loss may be the dose's.
        let (c, s) = migraine_history(&[155.0, 155.0, 100.0, 155.0], &[8.0, 8.0, 19.0, 19.0]);
        assert!(!flagged(&c, &s));
        // A product switch: units cannot be compared.
        let (mut c, s) = migraine_history(&[155.0, 155.0, 155.0, 155.0], &[8.0, 8.0, 19.0, 19.0]);
        c[3].product = "incobotulinumtoxinA".into();
        assert!(!flagged(&c, &s));
        // Never responded: primary non-response, not secondary.
        let (c, s) = migraine_history(&[155.0, 155.0, 155.0], &[19.0, 19.0, 19.0]);
        assert!(!flagged(&c, &s));
        // Response came back.
        let (c, s) = migraine_history(&[155.0, 155.0, 155.0, 155.0], &[8.0, 19.0, 19.0, 8.0]);
        assert!(!flagged(&c, &s));
        // Unassessed cycles between do not break the run of losses (the first migraine
        // cycle is too early to judge, the second responds).
        let (mut c, s) = migraine_history(&[155.0, 155.0, 155.0, 155.0], &[8.0, 8.0, 19.0, 19.0]);
        c.push(Cycle {
            session: 9,
            date: date(2024, 5, 15),
            ..c[1].clone()
        });
        assert!(flagged(&c, &s));
    }

    #[test]
    fn three_episodic_months_in_a_row_meet_the_second_stopping_rule() {
        let at = |days: i64, score: f64| ScorePoint {
            scale: "monthly_headache_days".into(),
            date: date(2026, 1, 5)
                .checked_add(jiff::Span::new().days(days))
                .expect("date"),
            timepoint: Timepoint::Peak,
            score,
        };
        // 18, then 12, 10 and 14 a month apart: episodic for three months.
        let s = [at(0, 18.0), at(28, 12.0), at(56, 10.0), at(84, 14.0)];
        assert_eq!(
            episodic_again(&s).map(|d| d.len()),
            Some(3),
            "three counts below 15"
        );
        // One of them at 15: still chronic.
        let s = [at(0, 12.0), at(28, 15.0), at(56, 10.0)];
        assert_eq!(episodic_again(&s), None);
        // Two counts a week apart are one month, not two.
        let s = [at(0, 12.0), at(7, 11.0), at(35, 10.0)];
        assert_eq!(episodic_again(&s), None);
        // Only two months so far.
        assert_eq!(episodic_again(&[at(0, 9.0), at(28, 9.0)]), None);
    }
}
