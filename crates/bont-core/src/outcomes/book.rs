//! The outcome facts from `data/outcomes.toml`: scale definitions, responder rules, the
//! follow-up schedule, the effect-time defaults and the coded adverse events. Every entry
//! keeps its source ids (those of the label file's `[sources]`) and evidence mark; the
//! loader refuses an entry naming an unknown scale, rule or kind.

use crate::safety::catalog::Evidence;
use serde::{Deserialize, Serialize};

const BUILTIN: &str = include_str!("../../data/outcomes.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherWorse,
    LowerBetter,
    HigherBetter,
}

impl Direction {
    /// Whether a fall of the score is an improvement.
    pub fn lower_is_better(self) -> bool {
        matches!(self, Direction::HigherWorse | Direction::LowerBetter)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScaleKind {
    Score,
    Parts,
    Items,
    Levels,
    PerMuscle,
    Tardieu,
    Gas,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Part {
    pub id: String,
    pub name: String,
    pub min: f64,
    pub max: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Band {
    pub label: String,
    pub min: f64,
    pub max: f64,
}

/// One outcome scale.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub id: String,
    pub name: String,
    pub indications: Vec<String>,
    pub kind: ScaleKind,
    /// Range of the score (for levels, positions from 0).
    pub min: f64,
    pub max: f64,
    #[serde(default = "one")]
    pub step: f64,
    pub direction: Direction,
    #[serde(default)]
    pub parts: Vec<Part>,
    pub items: Option<u32>,
    pub item_min: Option<f64>,
    pub item_max: Option<f64>,
    #[serde(default)]
    pub levels: Vec<String>,
    #[serde(default)]
    pub analysis_coding: Vec<f64>,
    pub quality_min: Option<f64>,
    pub quality_max: Option<f64>,
    pub angle_min: Option<f64>,
    pub angle_max: Option<f64>,
    pub goal_min: Option<i8>,
    pub goal_max: Option<i8>,
    pub minimal_important_change: Option<f64>,
    pub severe_from: Option<f64>,
    #[serde(default)]
    pub bands: Vec<Band>,
    pub note: Option<String>,
    pub source: Vec<String>,
    pub evidence: Evidence,
}

fn one() -> f64 {
    1.0
}

impl Scale {
    /// Whether the scale is used for `indication` (directly or as "all").
    pub fn for_indication(&self, indication: &str) -> bool {
        covers(&self.indications, indication)
    }

    /// The band a score falls in (HIT-6 impact, MIDAS grade).
    pub fn band(&self, score: f64) -> Option<&str> {
        self.bands
            .iter()
            .find(|b| score >= b.min && score <= b.max)
            .map(|b| b.label.as_str())
    }
}

fn covers(list: &[String], indication: &str) -> bool {
    list.iter().any(|i| i == indication || i == "all")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    PercentFall,
    PointsFall,
    Below,
    AtMost,
    AtLeast,
}

/// How response to one cycle is judged for some indications.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ResponderRule {
    pub indications: Vec<String>,
    pub scale: String,
    pub rule: RuleKind,
    pub threshold: f64,
    pub wording: String,
    /// The first cycle of the indication the rule judges (chronic migraine: the second;
    /// NICE TA260 judges response after two cycles); earlier ones are too early to judge.
    #[serde(default = "first_cycle")]
    pub judged_from_cycle: usize,
    pub note: Option<String>,
    pub source: Vec<String>,
    pub evidence: Evidence,
}

fn first_cycle() -> usize {
    1
}

impl ResponderRule {
    /// Whether the rule needs a baseline score to compare with.
    pub fn needs_baseline(&self) -> bool {
        matches!(
            self.rule,
            RuleKind::PercentFall | RuleKind::PointsFall | RuleKind::Below
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpKind {
    OnsetCheck,
    PeakAssessment,
    Reinjection,
}

impl FollowUpKind {
    pub const ALL: [FollowUpKind; 3] = [
        FollowUpKind::OnsetCheck,
        FollowUpKind::PeakAssessment,
        FollowUpKind::Reinjection,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            FollowUpKind::OnsetCheck => "onset_check",
            FollowUpKind::PeakAssessment => "peak_assessment",
            FollowUpKind::Reinjection => "reinjection",
        }
    }

    pub fn parse(raw: &str) -> Option<FollowUpKind> {
        FollowUpKind::ALL.into_iter().find(|k| k.id() == raw)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpRule {
    pub kind: FollowUpKind,
    pub indications: Vec<String>,
    pub from_day: i32,
    pub due_day: i32,
    pub late_after_day: i32,
    pub note: Option<String>,
    pub source: Vec<String>,
    pub evidence: Evidence,
}

/// Default time course of the effect for some indications (and a product).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EffectTime {
    pub indications: Vec<String>,
    pub product: Option<String>,
    pub onset_day: f64,
    pub peak_day: f64,
    pub duration_day: f64,
    pub note: Option<String>,
    pub source: Vec<String>,
    pub evidence: Evidence,
}

/// A coded adverse event.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AdverseEventType {
    pub id: String,
    /// Indications whose sources name the event (to ask about it at follow-up).
    pub indications: Vec<String>,
    /// A sign of distant spread named by the boxed warning: always shown prominently.
    #[serde(default)]
    pub boxed_warning: bool,
    pub source: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)]
    schema: u32,
    scales: Vec<Scale>,
    responders: Vec<ResponderRule>,
    follow_up: Vec<FollowUpRule>,
    effect_time: Vec<EffectTime>,
    adverse_events: Vec<AdverseEventType>,
}

/// The outcome facts, checked for consistency when loaded.
#[derive(Debug, Clone)]
pub struct OutcomeBook {
    pub scales: Vec<Scale>,
    pub responders: Vec<ResponderRule>,
    pub follow_up: Vec<FollowUpRule>,
    pub effect_time: Vec<EffectTime>,
    pub adverse_events: Vec<AdverseEventType>,
}

impl OutcomeBook {
    /// The built-in facts.
    pub fn builtin() -> OutcomeBook {
        OutcomeBook::from_toml(BUILTIN).expect("the built-in outcomes file is valid (tested)")
    }

    pub fn from_toml(text: &str) -> Result<OutcomeBook, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let book = OutcomeBook {
            scales: file.scales,
            responders: file.responders,
            follow_up: file.follow_up,
            effect_time: file.effect_time,
            adverse_events: file.adverse_events,
        };
        book.consistent()?;
        Ok(book)
    }

    fn consistent(&self) -> Result<(), String> {
        for s in &self.scales {
            if s.min > s.max || s.step <= 0.0 {
                return Err(format!("scale {}: empty range or step", s.id));
            }
            let needs = match s.kind {
                ScaleKind::Parts => !s.parts.is_empty(),
                ScaleKind::Items => {
                    s.items.is_some() && s.item_min.is_some() && s.item_max.is_some()
                }
                ScaleKind::Levels => !s.levels.is_empty(),
                ScaleKind::PerMuscle => {
                    !s.levels.is_empty() && s.levels.len() == s.analysis_coding.len()
                }
                ScaleKind::Tardieu => {
                    s.quality_min.is_some()
                        && s.quality_max.is_some()
                        && s.angle_min.is_some()
                        && s.angle_max.is_some()
                }
                ScaleKind::Gas => s.goal_min.is_some() && s.goal_max.is_some(),
                ScaleKind::Score => true,
            };
            if !needs {
                return Err(format!("scale {}: fields of its kind are missing", s.id));
            }
            if s.kind == ScaleKind::Parts {
                let sum: f64 = s.parts.iter().map(|p| p.max).sum();
                if (sum - s.max).abs() > 1e-9 {
                    return Err(format!(
                        "scale {}: parts add up to {sum}, not {}",
                        s.id, s.max
                    ));
                }
            }
        }
        for r in &self.responders {
            if self.scale(&r.scale).is_none() {
                return Err(format!("responder rule names unknown scale {}", r.scale));
            }
        }
        for e in &self.effect_time {
            if !(0.0 <= e.onset_day && e.onset_day <= e.peak_day && e.peak_day < e.duration_day) {
                return Err(format!(
                    "effect time for {:?}: onset, peak and duration out of order",
                    e.indications
                ));
            }
        }
        if !self
            .effect_time
            .iter()
            .any(|e| covers(&e.indications, "all") && e.product.is_none())
        {
            return Err("no general effect-time default".into());
        }
        for f in &self.follow_up {
            if !(f.from_day <= f.due_day && f.due_day <= f.late_after_day) {
                return Err(format!("follow-up {:?}: days out of order", f.kind));
            }
        }
        Ok(())
    }

    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.scales.iter().find(|s| s.id == id)
    }

    /// Scales used for an indication, the indication's own first.
    pub fn scales_for(&self, indication: &str) -> Vec<&Scale> {
        let mut own: Vec<&Scale> = self
            .scales
            .iter()
            .filter(|s| s.indications.iter().any(|i| i == indication))
            .collect();
        own.extend(
            self.scales
                .iter()
                .filter(|s| s.indications.iter().any(|i| i == "all")),
        );
        own
    }

    /// The responder rules for an indication, most specific first.
    pub fn responder_rules(&self, indication: &str) -> Vec<&ResponderRule> {
        let mut own: Vec<&ResponderRule> = self
            .responders
            .iter()
            .filter(|r| r.indications.iter().any(|i| i == indication))
            .collect();
        own.extend(
            self.responders
                .iter()
                .filter(|r| r.indications.iter().any(|i| i == "all")),
        );
        own
    }

    /// The follow-up rule of a kind for an indication (its own before "all").
    pub fn follow_up_rule(&self, kind: FollowUpKind, indication: &str) -> Option<&FollowUpRule> {
        let of_kind = || self.follow_up.iter().filter(move |f| f.kind == kind);
        of_kind()
            .find(|f| f.indications.iter().any(|i| i == indication))
            .or_else(|| of_kind().find(|f| covers(&f.indications, indication)))
    }

    /// The effect-time default for a product and indication: product and indication, then
    /// indication, then the general default.
    pub fn effect_time(&self, product: &str, indication: &str) -> &EffectTime {
        let named = |e: &&EffectTime| e.indications.iter().any(|i| i == indication);
        self.effect_time
            .iter()
            .find(|e| named(e) && e.product.as_deref() == Some(product))
            .or_else(|| {
                self.effect_time
                    .iter()
                    .find(|e| named(e) && e.product.is_none())
            })
            .or_else(|| {
                self.effect_time
                    .iter()
                    .find(|e| covers(&e.indications, "all") && e.product.is_none())
            })
            .expect("a general default exists (checked when loaded)")
    }

    pub fn adverse_event(&self, id: &str) -> Option<&AdverseEventType> {
        self.adverse_events.iter().find(|a| a.id == id)
    }

    /// Every source id the file cites, for the consistency test against the label file.
    pub fn cited_sources(&self) -> impl Iterator<Item = &str> {
        self.scales
            .iter()
            .flat_map(|s| s.source.iter())
            .chain(self.responders.iter().flat_map(|r| r.source.iter()))
            .chain(self.follow_up.iter().flat_map(|f| f.source.iter()))
            .chain(self.effect_time.iter().flat_map(|e| e.source.iter()))
            .chain(self.adverse_events.iter().flat_map(|a| a.source.iter()))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::safety::Catalog;

    #[test]
    fn the_builtin_file_loads_and_cites_only_known_sources() {
        let book = OutcomeBook::builtin();
        let catalog = Catalog::builtin();
        for id in book.cited_sources() {
            assert!(catalog.sources.contains_key(id), "unknown source {id}");
        }
        for scale in [
            "monthly_headache_days",
            "hit6",
            "midas",
            "twstrs",
            "tsui",
            "jrs",
            "bsdi",
            "mas",
            "tardieu",
            "gas",
            "hdss",
            "cgi_s",
            "cgi_i",
            "pgi_i",
            "benefit_weeks",
        ] {
            assert!(book.scale(scale).is_some(), "{scale} missing");
        }
        for kind in [
            "injection_site_pain",
            "bruising",
            "local_weakness",
            "ptosis",
            "dysphagia",
            "neck_weakness",
            "dry_mouth",
            "flu_like_symptoms",
            "headache",
            "blurred_vision",
            "breathing_difficulty",
            "distant_spread",
            "allergic_reaction",
            "other",
        ] {
            assert!(book.adverse_event(kind).is_some(), "{kind} missing");
        }
        // Every indication has a responder rule (its own or the general one).
        for indication in crate::vocabulary::Indication::ALL {
            assert!(!book.responder_rules(indication.id()).is_empty());
            for kind in [FollowUpKind::OnsetCheck, FollowUpKind::PeakAssessment] {
                assert!(book.follow_up_rule(kind, indication.id()).is_some());
            }
        }
        assert_eq!(
            book.scale("hit6").and_then(|s| s.band(62.0)),
            Some("severe impact")
        );
    }

    #[test]
    fn an_inconsistent_file_is_refused() {
        let good = BUILTIN;
        let broken = good.replace("scale = \"jrs\"", "scale = \"jrs2\"");
        assert!(
            OutcomeBook::from_toml(&broken)
                .expect_err("refused")
                .contains("jrs2")
        );
        let broken = good.replacen("max = 85", "max = 87", 1);
        assert!(
            OutcomeBook::from_toml(&broken)
                .expect_err("refused")
                .contains("twstrs")
        );
    }
}
