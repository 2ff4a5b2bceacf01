//! Goal Attainment Scaling: goals set with the patient (symptom, function, participation)
//! that last across sessions, each scored from −2 to +2 (0 = the expected outcome) at any
//! time, with the sessions that targeted it. The T-score combines the goals:
//! T = 50 + 10 Σ(wᵢxᵢ) / √(0.7 Σwᵢ² + 0.3 (Σwᵢ)²) (GAS-TS2009, verified).

use super::assessment::Timepoint;
use super::response::ScorePoint;
use crate::field::Problem;
use crate::patient::parse_date;
use crate::safety::plan::{PlanError, PlanErrors};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub const GOAL_TEXT_MAX: usize = 500;
pub const GOAL_MIN: i8 = -2;
pub const GOAL_MAX: i8 = 2;
/// Importance weights a clinic gives goals (1 = ordinary).
pub const WEIGHT_MAX: u8 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalDomain {
    Symptom,
    Function,
    Participation,
}

impl GoalDomain {
    pub const ALL: [GoalDomain; 3] = [
        GoalDomain::Symptom,
        GoalDomain::Function,
        GoalDomain::Participation,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            GoalDomain::Symptom => "symptom",
            GoalDomain::Function => "function",
            GoalDomain::Participation => "participation",
        }
    }

    pub fn parse(raw: &str) -> Option<GoalDomain> {
        GoalDomain::ALL.into_iter().find(|d| d.id() == raw.trim())
    }
}

/// A goal as a front end submits it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GoalInput {
    pub domain: String,
    pub text: String,
    /// 1 to [`WEIGHT_MAX`]; 1 when absent.
    #[serde(default)]
    pub weight: Option<u8>,
    /// The level at which the goal starts (usually −1 or −2).
    pub baseline: i8,
    pub set_on: String,
}

/// A checked goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Goal {
    pub domain: GoalDomain,
    pub text: String,
    pub weight: u8,
    pub baseline: i8,
    pub set_on: Date,
}

fn error(field: &str, problem: Problem) -> PlanError {
    PlanError::new(field, problem)
}

fn level(field: &str, value: i8, errors: &mut Vec<PlanError>) {
    if !(GOAL_MIN..=GOAL_MAX).contains(&value) {
        errors.push(error(
            field,
            Problem::Outside {
                value: value.to_string(),
                min: GOAL_MIN.to_string(),
                max: format!("+{GOAL_MAX}"),
                unit: "",
            },
        ));
    }
}

fn date_not_after(
    field: &str,
    raw: &str,
    today: Date,
    errors: &mut Vec<PlanError>,
) -> Option<Date> {
    match parse_date(raw) {
        Ok(d) if d > today => {
            errors.push(error(field, Problem::DateInFuture));
            None
        }
        Ok(d) => Some(d),
        Err(p) => {
            errors.push(error(field, p));
            None
        }
    }
}

impl GoalInput {
    pub fn check(&self, today: Date) -> Result<Goal, PlanErrors> {
        let mut errors = Vec::new();
        let domain = GoalDomain::parse(&self.domain);
        if domain.is_none() {
            errors.push(error(
                "domain",
                Problem::NotOneOf {
                    value: self.domain.chars().take(30).collect(),
                    allowed: GoalDomain::ALL.iter().map(|d| d.id().to_owned()).collect(),
                },
            ));
        }
        let text = self.text.trim();
        if text.is_empty() {
            errors.push(error("text", Problem::Required));
        } else if text.chars().count() > GOAL_TEXT_MAX {
            errors.push(error("text", Problem::TooLong { max: GOAL_TEXT_MAX }));
        }
        let weight = self.weight.unwrap_or(1);
        if !(1..=WEIGHT_MAX).contains(&weight) {
            errors.push(error(
                "weight",
                Problem::Outside {
                    value: weight.to_string(),
                    min: "1".into(),
                    max: WEIGHT_MAX.to_string(),
                    unit: "",
                },
            ));
        }
        level("baseline", self.baseline, &mut errors);
        let set_on = date_not_after("set_on", &self.set_on, today, &mut errors);
        match (domain, set_on) {
            (Some(domain), Some(set_on)) if errors.is_empty() => Ok(Goal {
                domain,
                text: text.to_owned(),
                weight,
                baseline: self.baseline,
                set_on,
            }),
            _ => Err(PlanErrors(errors)),
        }
    }
}

/// A score of one goal, as submitted.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GoalScoreInput {
    pub date: String,
    pub level: i8,
}

/// Checks a goal's score: a level from −2 to +2, on a day from the goal's setting to today.
pub fn check_goal_score(
    input: &GoalScoreInput,
    goal: &Goal,
    today: Date,
) -> Result<(Date, i8), PlanErrors> {
    let mut errors = Vec::new();
    level("level", input.level, &mut errors);
    let date = date_not_after("date", &input.date, today, &mut errors);
    if let Some(d) = date
        && d < goal.set_on
    {
        errors.push(error(
            "date",
            Problem::DateTooEarly {
                earliest: goal.set_on.to_string(),
            },
        ));
    }
    match date {
        Some(d) if errors.is_empty() => Ok((d, input.level)),
        _ => Err(PlanErrors(errors)),
    }
}

/// The GAS T-score of goals at given levels: `(weight, level)` pairs.
pub fn t_score(goals: &[(u8, i8)]) -> Option<f64> {
    if goals.is_empty() {
        return None;
    }
    let w: Vec<f64> = goals.iter().map(|(w, _)| f64::from(*w)).collect();
    let sum_wx: f64 = goals
        .iter()
        .map(|(w, x)| f64::from(*w) * f64::from(*x))
        .sum();
    let sum_w2: f64 = w.iter().map(|w| w * w).sum();
    let sum_w: f64 = w.iter().sum();
    Some(50.0 + 10.0 * sum_wx / (0.7 * sum_w2 + 0.3 * sum_w * sum_w).sqrt())
}

/// A goal's weight, baseline level and scores by date.
pub type GoalHistory = (u8, i8, Vec<(Date, i8)>);

/// The T-score on each day any goal was scored, from each goal's newest score by then
/// (goals not yet scored count at their baseline level), as points of the "gas" scale.
/// `goals` are (weight, baseline, scores by date).
pub fn t_score_points(goals: &[GoalHistory]) -> Vec<ScorePoint> {
    let mut days: Vec<Date> = goals.iter().flat_map(|g| g.2.iter().map(|s| s.0)).collect();
    days.sort();
    days.dedup();
    days.into_iter()
        .filter_map(|day| {
            let levels: Vec<(u8, i8)> = goals
                .iter()
                .map(|(w, baseline, scores)| {
                    let newest = scores.iter().filter(|s| s.0 <= day).max_by_key(|s| s.0);
                    (*w, newest.map_or(*baseline, |s| s.1))
                })
                .collect();
            t_score(&levels).map(|score| ScorePoint {
                scale: "gas".into(),
                date: day,
                timepoint: Timepoint::Other,
                score,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_t_score_is_fifty_when_every_goal_is_met_as_expected() {
        assert_eq!(t_score(&[(1, 0), (1, 0), (2, 0)]), Some(50.0));
        // One goal: T = 50 + 10x.
        assert_eq!(t_score(&[(1, -2)]), Some(30.0));
        assert_eq!(t_score(&[(1, 1)]), Some(60.0));
        // Two equal goals at +1: 50 + 10*2/sqrt(0.7*2 + 0.3*4) = 62.40...
        let t = t_score(&[(1, 1), (1, 1)]).expect("score");
        assert!((t - 62.403).abs() < 0.001, "{t}");
        assert_eq!(t_score(&[]), None);
    }

    #[test]
    fn goals_and_scores_are_checked_at_their_fields() {
        let today = date(2026, 11, 22);
        let goal = GoalInput {
            domain: "function".into(),
            text: "Put on a shirt without help".into(),
            weight: None,
            baseline: -1,
            set_on: "2026-06-01".into(),
        }
        .check(today)
        .expect("valid");
        assert_eq!(goal.weight, 1);
        let bad = GoalInput {
            domain: "mood".into(),
            text: " ".into(),
            weight: Some(4),
            baseline: -3,
            set_on: "2026-12-01".into(),
        }
        .check(today)
        .expect_err("invalid");
        let fields: Vec<&str> = bad.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["domain", "text", "weight", "baseline", "set_on"]);
        assert!(
            check_goal_score(
                &GoalScoreInput {
                    date: "2026-07-01".into(),
                    level: 2
                },
                &goal,
                today
            )
            .is_ok()
        );
        let bad = check_goal_score(
            &GoalScoreInput {
                date: "2026-05-01".into(),
                level: 3,
            },
            &goal,
            today,
        )
        .expect_err("invalid");
        let fields: Vec<&str> = bad.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["level", "date"]);
    }

    #[test]
    fn t_score_points_use_each_goals_newest_level() {
        let d = |m, day| date(2026, m, day);
        let points = t_score_points(&[
            (1, -1, vec![(d(3, 1), 0), (d(6, 1), 1)]),
            (1, -1, vec![(d(6, 1), 0)]),
        ]);
        assert_eq!(points.len(), 2);
        // 1 March: the second goal is still at its baseline (-1).
        assert_eq!(points[0].score, t_score(&[(1, 0), (1, -1)]).expect("score"));
        assert_eq!(points[1].score, t_score(&[(1, 1), (1, 0)]).expect("score"));
    }
}
