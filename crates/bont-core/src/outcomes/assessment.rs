//! One assessment on an outcome scale, as entered: [`AssessmentInput`] comes from the form,
//! the JSON API and the demo alike, and [`AssessmentInput::check`] is the one place its
//! shape and range are checked (MAS accepts "1+", nothing accepts a value outside its
//! scale). The checked [`Assessment`] carries the score the rules compare.

use super::book::{OutcomeBook, Scale, ScaleKind};
use crate::field::Problem;
use crate::patient::parse_date;
use crate::safety::Catalog;
use crate::safety::plan::{PlanError, PlanErrors, Side};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const NOTES_MAX: usize = 2000;
/// Rows of a per-muscle scale in one assessment.
pub const ROWS_MAX: usize = 60;

/// When in the cycle the assessment was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Timepoint {
    /// Before a course of treatment (or before this session).
    Baseline,
    /// At the expected peak of the effect.
    Peak,
    /// When the effect has worn off, before the next session.
    BeforeReinjection,
    Other,
}

impl Timepoint {
    pub const ALL: [Timepoint; 4] = [
        Timepoint::Baseline,
        Timepoint::Peak,
        Timepoint::BeforeReinjection,
        Timepoint::Other,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            Timepoint::Baseline => "baseline",
            Timepoint::Peak => "peak",
            Timepoint::BeforeReinjection => "before_reinjection",
            Timepoint::Other => "other",
        }
    }

    pub fn parse(raw: &str) -> Option<Timepoint> {
        Timepoint::ALL.into_iter().find(|t| t.id() == raw.trim())
    }
}

/// One muscle group and side of a per-muscle scale (MAS, Tardieu).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MuscleRow {
    pub muscle: String,
    pub side: String,
    /// MAS level ("0", "1", "1+", "2", "3", "4").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Tardieu quality of reaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<f64>,
    /// Tardieu angles in degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r1: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r2: Option<f64>,
}

/// What a front end submits for an assessment. Which fields are used depends on the
/// scale's kind: `score`, `parts`, `items` (null = not applicable), `level`, or `rows`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AssessmentInput {
    pub scale: String,
    pub date: String,
    pub timepoint: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub parts: BTreeMap<String, f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Option<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<MuscleRow>,
    #[serde(default)]
    pub notes: String,
}

/// A checked assessment: the values as they will be stored, and the score.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub scale: String,
    pub date: Date,
    pub timepoint: Timepoint,
    /// The input with only the fields of its kind, trimmed.
    pub values: AssessmentInput,
    /// The score the responder rules compare (sum of parts, mean of items, ...).
    pub score: f64,
}

fn error(field: impl Into<String>, problem: Problem) -> PlanError {
    PlanError::new(field, problem)
}

fn shown(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// A number within `min..=max` and on the scale's step.
fn in_range(field: &str, value: f64, min: f64, max: f64, step: f64, errors: &mut Vec<PlanError>) {
    if !value.is_finite() || value < min || value > max {
        errors.push(error(
            field,
            Problem::Outside {
                value: shown(value),
                min: shown(min),
                max: shown(max),
                unit: "",
            },
        ));
    } else if ((value - min) / step - ((value - min) / step).round()).abs() > 1e-9 {
        errors.push(error(
            field,
            Problem::NotAStep {
                value: shown(value),
                step: shown(step),
            },
        ));
    }
}

impl AssessmentInput {
    /// Checks the assessment against its scale; `today` is the clinic's date.
    pub fn check(
        &self,
        book: &OutcomeBook,
        catalog: &Catalog,
        today: Date,
    ) -> Result<Assessment, PlanErrors> {
        let mut errors = Vec::new();
        let scale = book.scale(self.scale.trim());
        if scale.is_none() {
            errors.push(if self.scale.trim().is_empty() {
                error("scale", Problem::Required)
            } else {
                error(
                    "scale",
                    Problem::NotKnown {
                        value: self.scale.chars().take(40).collect(),
                        kind: "scale",
                    },
                )
            });
        }
        let date = match parse_date(&self.date) {
            Ok(d) if d > today => {
                errors.push(error("date", Problem::DateInFuture));
                None
            }
            Ok(d) => Some(d),
            Err(p) => {
                errors.push(error("date", p));
                None
            }
        };
        let timepoint = Timepoint::parse(&self.timepoint);
        if timepoint.is_none() {
            errors.push(error(
                "timepoint",
                Problem::NotOneOf {
                    value: self.timepoint.chars().take(30).collect(),
                    allowed: Timepoint::ALL.iter().map(|t| t.id().to_owned()).collect(),
                },
            ));
        }
        if self.notes.chars().count() > NOTES_MAX {
            errors.push(error("notes", Problem::TooLong { max: NOTES_MAX }));
        }
        let score = scale.and_then(|s| self.score_on(s, catalog, &mut errors));
        match (scale, date, timepoint, score) {
            (Some(scale), Some(date), Some(timepoint), Some(score)) if errors.is_empty() => {
                Ok(Assessment {
                    scale: scale.id.clone(),
                    date,
                    timepoint,
                    values: self.kept(scale),
                    score,
                })
            }
            _ => Err(PlanErrors(errors)),
        }
    }

    /// Only the fields of the scale's kind, trimmed.
    fn kept(&self, scale: &Scale) -> AssessmentInput {
        let mut kept = AssessmentInput {
            scale: scale.id.clone(),
            date: self.date.trim().to_owned(),
            timepoint: self.timepoint.trim().to_owned(),
            notes: self.notes.trim().to_owned(),
            ..AssessmentInput::default()
        };
        match scale.kind {
            ScaleKind::Score => kept.score = self.score,
            ScaleKind::Parts => kept.parts = self.parts.clone(),
            ScaleKind::Items => kept.items = self.items.clone(),
            ScaleKind::Levels => kept.level = self.level.as_ref().map(|l| l.trim().to_owned()),
            ScaleKind::PerMuscle | ScaleKind::Tardieu => {
                kept.rows = self
                    .rows
                    .iter()
                    .map(|r| MuscleRow {
                        muscle: r.muscle.trim().to_owned(),
                        side: r.side.trim().to_ascii_lowercase(),
                        level: r.level.as_ref().map(|l| l.trim().to_owned()),
                        ..r.clone()
                    })
                    .collect()
            }
            ScaleKind::Gas => {}
        }
        kept
    }

    fn score_on(
        &self,
        scale: &Scale,
        catalog: &Catalog,
        errors: &mut Vec<PlanError>,
    ) -> Option<f64> {
        let before = errors.len();
        let score = match scale.kind {
            ScaleKind::Score => match self.score {
                None => {
                    errors.push(error("score", Problem::Required));
                    None
                }
                Some(v) => {
                    in_range("score", v, scale.min, scale.max, scale.step, errors);
                    Some(v)
                }
            },
            ScaleKind::Parts => {
                for name in self.parts.keys() {
                    if !scale.parts.iter().any(|p| &p.id == name) {
                        errors.push(error(
                            format!("parts.{}", name.chars().take(30).collect::<String>()),
                            Problem::NotKnown {
                                value: name.chars().take(30).collect(),
                                kind: "part",
                            },
                        ));
                    }
                }
                let mut sum = 0.0;
                for part in &scale.parts {
                    let field = format!("parts.{}", part.id);
                    match self.parts.get(&part.id) {
                        None => errors.push(error(field, Problem::Required)),
                        Some(v) => {
                            in_range(&field, *v, part.min, part.max, scale.step, errors);
                            sum += v;
                        }
                    }
                }
                Some(sum)
            }
            ScaleKind::Items => {
                let count = scale.items.unwrap_or_default() as usize;
                let (lo, hi) = (
                    scale.item_min.unwrap_or_default(),
                    scale.item_max.unwrap_or_default(),
                );
                if self.items.len() != count {
                    errors.push(error(
                        "items",
                        Problem::ItemCount {
                            needed: count,
                            given: self.items.len(),
                            min: shown(lo),
                            max: shown(hi),
                        },
                    ));
                    None
                } else {
                    let mut given = Vec::new();
                    for (i, item) in self.items.iter().enumerate() {
                        if let Some(v) = item {
                            in_range(&format!("items[{i}]"), *v, lo, hi, scale.step, errors);
                            given.push(*v);
                        }
                    }
                    if given.is_empty() {
                        errors.push(error("items", Problem::AtLeastOneItem));
                        None
                    } else {
                        Some(given.iter().sum::<f64>() / given.len() as f64)
                    }
                }
            }
            ScaleKind::Levels => {
                let level = self.level.as_deref().map(str::trim).unwrap_or_default();
                match scale.levels.iter().position(|l| l == level) {
                    Some(i) => Some(i as f64),
                    None => {
                        errors.push(error(
                            "level",
                            if level.is_empty() {
                                Problem::Required
                            } else {
                                Problem::NotOneOf {
                                    value: level.chars().take(10).collect(),
                                    allowed: scale.levels.clone(),
                                }
                            },
                        ));
                        None
                    }
                }
            }
            ScaleKind::PerMuscle | ScaleKind::Tardieu => self.rows_score(scale, catalog, errors),
            ScaleKind::Gas => {
                errors.push(error("scale", Problem::ScoredOnGoals));
                None
            }
        };
        if errors.len() > before { None } else { score }
    }

    fn rows_score(
        &self,
        scale: &Scale,
        catalog: &Catalog,
        errors: &mut Vec<PlanError>,
    ) -> Option<f64> {
        if self.rows.is_empty() {
            errors.push(error("rows", Problem::Required));
            return None;
        }
        if self.rows.len() > ROWS_MAX {
            errors.push(error("rows", Problem::TooMany { max: ROWS_MAX }));
            return None;
        }
        let mut total = 0.0;
        let mut seen = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            let field = |name: &str| format!("rows[{i}].{name}");
            let muscle = row.muscle.trim();
            if muscle.is_empty() {
                errors.push(error(field("muscle"), Problem::Required));
            } else if catalog.muscle(muscle).is_none() {
                errors.push(error(
                    field("muscle"),
                    Problem::UnknownMuscle {
                        value: muscle.chars().take(40).collect(),
                        candidates: Vec::new(),
                    },
                ));
            }
            let side = Side::parse(&row.side);
            if !matches!(side, Some(Side::Left | Side::Right)) {
                errors.push(error(
                    field("side"),
                    Problem::NotOneOf {
                        value: row.side.chars().take(10).collect(),
                        allowed: vec!["left".into(), "right".into()],
                    },
                ));
            }
            if seen.contains(&(muscle, side)) {
                errors.push(error(field("muscle"), Problem::GivenTwice));
            }
            seen.push((muscle, side));
            if scale.kind == ScaleKind::PerMuscle {
                let level = row.level.as_deref().map(str::trim).unwrap_or_default();
                match scale.levels.iter().position(|l| l == level) {
                    Some(p) => total += scale.analysis_coding[p],
                    None => errors.push(error(
                        field("level"),
                        if level.is_empty() {
                            Problem::Required
                        } else {
                            Problem::NotOneOf {
                                value: level.chars().take(10).collect(),
                                allowed: scale.levels.clone(),
                            }
                        },
                    )),
                }
            } else {
                let (qmin, qmax) = (
                    scale.quality_min.unwrap_or_default(),
                    scale.quality_max.unwrap_or_default(),
                );
                let (amin, amax) = (
                    scale.angle_min.unwrap_or_default(),
                    scale.angle_max.unwrap_or_default(),
                );
                match row.quality {
                    None => errors.push(error(field("quality"), Problem::Required)),
                    Some(q) => {
                        in_range(&field("quality"), q, qmin, qmax, 1.0, errors);
                        total += q;
                    }
                }
                for (name, angle) in [("r1", row.r1), ("r2", row.r2)] {
                    if let Some(a) = angle {
                        in_range(&field(name), a, amin, amax, 1.0, errors);
                    }
                }
            }
        }
        Some(total / self.rows.len() as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn check(input: serde_json::Value) -> Result<Assessment, PlanErrors> {
        let input: AssessmentInput = serde_json::from_value(input).expect("shape");
        input.check(
            &OutcomeBook::builtin(),
            &Catalog::builtin(),
            date(2026, 11, 22),
        )
    }

    fn fields(result: Result<Assessment, PlanErrors>) -> Vec<String> {
        match result {
            Ok(a) => panic!("accepted: {a:?}"),
            Err(e) => e.0.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn single_scores_are_held_to_their_range_and_step() {
        let base = |scale: &str, score: f64| serde_json::json!({"scale": scale, "date": "2026-11-01", "timepoint": "baseline", "score": score});
        for (scale, good, bad) in [
            ("monthly_headache_days", [0.0, 31.0], [-1.0, 32.0]),
            ("hit6", [36.0, 78.0], [35.0, 79.0]),
            ("midas", [0.0, 270.0], [-1.0, 451.0]),
            ("tsui", [0.0, 25.0], [-1.0, 26.0]),
            ("hdss", [1.0, 4.0], [0.0, 5.0]),
            ("cgi_s", [1.0, 7.0], [0.0, 8.0]),
            ("cgi_i", [1.0, 7.0], [0.0, 8.0]),
            ("pgi_i", [1.0, 7.0], [0.0, 8.0]),
            ("benefit_weeks", [0.0, 12.5], [-0.5, 105.0]),
        ] {
            for v in good {
                let a = check(base(scale, v)).unwrap_or_else(|e| panic!("{scale} {v}: {e}"));
                assert_eq!(a.score, v);
            }
            for v in bad {
                assert_eq!(fields(check(base(scale, v))), ["score"], "{scale} {v}");
            }
        }
        assert_eq!(fields(check(base("hit6", 50.5))), ["score"]);
        assert_eq!(
            fields(check(
                serde_json::json!({"scale": "hit6", "date": "2026-11-01", "timepoint": "peak"})
            )),
            ["score"]
        );
    }

    #[test]
    fn twstrs_keeps_its_subscales_and_sums_them() {
        let a = check(
            serde_json::json!({"scale": "twstrs", "date": "2026-11-01", "timepoint": "baseline",
            "parts": {"severity": 20, "disability": 15, "pain": 10}}),
        )
        .expect("valid");
        assert_eq!(a.score, 45.0);
        assert_eq!(a.values.parts.len(), 3);
        let bad = check(
            serde_json::json!({"scale": "twstrs", "date": "2026-11-01", "timepoint": "baseline",
            "parts": {"severity": 36, "disability": 15, "tremor": 1}}),
        );
        assert_eq!(
            fields(bad),
            ["parts.tremor", "parts.severity", "parts.pain"]
        );
        let jrs = check(
            serde_json::json!({"scale": "jrs", "date": "2026-11-01", "timepoint": "peak",
            "parts": {"severity": 4, "frequency": 5}}),
        );
        assert_eq!(fields(jrs), ["parts.frequency"]);
    }

    #[test]
    fn bsdi_is_the_mean_of_the_items_that_apply() {
        let a = check(
            serde_json::json!({"scale": "bsdi", "date": "2026-11-01", "timepoint": "baseline",
            "items": [2, 3, null, 1, null, 4]}),
        )
        .expect("valid");
        assert_eq!(a.score, 2.5);
        assert_eq!(
            fields(check(
                serde_json::json!({"scale": "bsdi", "date": "2026-11-01", "timepoint": "baseline",
                "items": [2, 3, 1]})
            )),
            ["items"]
        );
        assert_eq!(
            fields(check(
                serde_json::json!({"scale": "bsdi", "date": "2026-11-01", "timepoint": "baseline",
                "items": [null, null, null, null, null, null]})
            )),
            ["items"]
        );
        assert_eq!(
            fields(check(
                serde_json::json!({"scale": "bsdi", "date": "2026-11-01", "timepoint": "baseline",
                "items": [5, 0, 0, 0, 0, 0]})
            )),
            ["items[0]"]
        );
    }

    #[test]
    fn mas_accepts_one_plus_per_muscle_and_side_and_nothing_off_the_scale() {
        let a = check(
            serde_json::json!({"scale": "mas", "date": "2026-11-01", "timepoint": "baseline",
            "rows": [
                {"muscle": "biceps_brachii", "side": "left", "level": "1+"},
                {"muscle": "flexor_carpi_radialis", "side": "left", "level": "3"}
            ]}),
        )
        .expect("valid");
        // 1+ is coded 2 and 3 is coded 4 for analysis.
        assert_eq!(a.score, 3.0);
        for level in ["5", "2+", "-1", "", "1.5"] {
            let bad = check(
                serde_json::json!({"scale": "mas", "date": "2026-11-01", "timepoint": "baseline",
                "rows": [{"muscle": "biceps_brachii", "side": "left", "level": level}]}),
            );
            assert_eq!(fields(bad), ["rows[0].level"], "{level}");
        }
        let bad = check(
            serde_json::json!({"scale": "mas", "date": "2026-11-01", "timepoint": "baseline",
            "rows": [{"muscle": "bicep", "side": "both", "level": "1"},
                     {"muscle": "biceps_brachii", "side": "left", "level": "1"},
                     {"muscle": "biceps_brachii", "side": "left", "level": "2"}]}),
        );
        assert_eq!(
            fields(bad),
            ["rows[0].muscle", "rows[0].side", "rows[2].muscle"]
        );
    }

    #[test]
    fn tardieu_needs_a_quality_and_plausible_angles() {
        let a = check(serde_json::json!({"scale": "tardieu", "date": "2026-11-01", "timepoint": "peak",
            "rows": [{"muscle": "gastrocnemius_medial_head", "side": "right", "quality": 2, "r1": -10, "r2": 15}]}))
        .expect("valid");
        assert_eq!(a.score, 2.0);
        let bad = check(
            serde_json::json!({"scale": "tardieu", "date": "2026-11-01", "timepoint": "peak",
            "rows": [{"muscle": "gastrocnemius_medial_head", "side": "right", "quality": 6, "r1": 200}]}),
        );
        assert_eq!(fields(bad), ["rows[0].quality", "rows[0].r1"]);
    }

    #[test]
    fn gmfcs_takes_a_level_and_gas_is_not_entered_here() {
        let a = check(serde_json::json!({"scale": "gmfcs_er", "date": "2026-11-01", "timepoint": "baseline", "level": "III"}))
            .expect("valid");
        assert_eq!(a.score, 2.0);
        assert_eq!(
            fields(check(
                serde_json::json!({"scale": "gmfcs_er", "date": "2026-11-01", "timepoint": "baseline", "level": "VI"})
            )),
            ["level"]
        );
        assert_eq!(
            fields(check(
                serde_json::json!({"scale": "gas", "date": "2026-11-01", "timepoint": "peak", "score": 50})
            )),
            ["scale"]
        );
    }

    #[test]
    fn scale_date_and_timepoint_are_named_when_wrong() {
        assert_eq!(
            fields(check(
                serde_json::json!({"scale": "nope", "date": "2026-13-01", "timepoint": "later", "score": 1})
            )),
            ["scale", "date", "timepoint"]
        );
        assert_eq!(
            fields(check(
                serde_json::json!({"scale": "hit6", "date": "2026-11-23", "timepoint": "peak", "score": 50})
            )),
            ["date"]
        );
    }
}
