//! The patient timeline: on one time axis, the dose given to each muscle at each session
//! (a mark sized by the units, within one product, with the number written beside it), the
//! expected effect of each session from the effect-time model, adverse events marked where
//! they began, and each outcome scale's scores in a band of its own. Drawn with plotters'
//! SVG backend on the server; the SVG prints as it shows.

use bont_core::outcomes::effect::EffectModel;
use jiff::civil::Date;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::collections::BTreeMap;

/// One signed session.
#[derive(Debug, Clone)]
pub struct TimelineSession {
    pub date: Date,
    pub product: String,
    /// Muscle name for people, and the total units given to it (both sides).
    pub doses: Vec<(String, f64)>,
    /// The expected effect of this session.
    pub model: EffectModel,
}

/// One scale's scores.
#[derive(Debug, Clone)]
pub struct ScoreSeries {
    pub name: String,
    pub min: f64,
    pub max: f64,
    /// "lower is better" and the like.
    pub direction: String,
    pub points: Vec<(Date, f64)>,
}

#[derive(Debug, Clone)]
pub struct EventMark {
    pub date: Date,
    pub label: String,
    pub alarming: bool,
}

/// Words of the figure, in the reader's language.
#[derive(Debug, Clone)]
pub struct TimelineLabels {
    pub doses: String,
    pub effect: String,
    pub today: String,
}

#[derive(Debug, Clone)]
pub struct Timeline {
    pub sessions: Vec<TimelineSession>,
    pub scores: Vec<ScoreSeries>,
    pub events: Vec<EventMark>,
    pub today: Date,
    pub labels: TimelineLabels,
}

/// Muscles shown as rows (the most often injected first).
pub const MAX_MUSCLES: usize = 12;
const WIDTH: u32 = 960;
const LABEL_WIDTH: u32 = 190;
const PRODUCT_COLOURS: [RGBColor; 5] = [
    RGBColor(11, 92, 173),
    RGBColor(154, 77, 0),
    RGBColor(26, 127, 55),
    RGBColor(120, 60, 160),
    RGBColor(90, 90, 90),
];

fn day_number(date: Date) -> f64 {
    (date - Date::constant(2000, 1, 1)).get_days() as f64
}

fn date_of(day: f64) -> Date {
    Date::constant(2000, 1, 1)
        .checked_add(jiff::Span::new().days(day.round() as i64))
        .unwrap_or(Date::constant(2000, 1, 1))
}

type DrawResult<T> = Result<T, String>;

fn fail<E: std::fmt::Debug>(e: E) -> String {
    format!("{e:?}")
}

impl Timeline {
    /// The SVG; an empty history draws an empty axis.
    pub fn render(&self) -> DrawResult<String> {
        let mut sessions = self.sessions.clone();
        sessions.sort_by_key(|s| s.date);
        // Rows: the muscles most often injected.
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for s in &sessions {
            for (m, _) in &s.doses {
                *counts.entry(m.as_str()).or_default() += 1;
            }
        }
        let mut muscles: Vec<(&str, usize)> = counts.into_iter().collect();
        muscles.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        muscles.truncate(MAX_MUSCLES);
        let muscles: Vec<String> = muscles.into_iter().map(|(m, _)| m.to_owned()).collect();
        let products: Vec<String> = {
            let mut p: Vec<String> = sessions.iter().map(|s| s.product.clone()).collect();
            p.sort();
            p.dedup();
            p
        };
        let colour = |product: &str| {
            PRODUCT_COLOURS
                [products.iter().position(|p| p == product).unwrap_or(0) % PRODUCT_COLOURS.len()]
        };
        // Largest units per product, so that marks compare only within one product.
        let mut largest: BTreeMap<&str, f64> = BTreeMap::new();
        for s in &sessions {
            for (_, u) in &s.doses {
                let e = largest.entry(s.product.as_str()).or_default();
                *e = e.max(*u);
            }
        }

        let first = sessions
            .first()
            .map(|s| s.date)
            .into_iter()
            .chain(
                self.scores
                    .iter()
                    .flat_map(|s| s.points.iter().map(|p| p.0)),
            )
            .min()
            .unwrap_or(self.today);
        let last_effect = sessions
            .last()
            .map(|s| day_number(s.date) + s.model.duration_day)
            .unwrap_or(day_number(self.today));
        let x0 = day_number(first) - 14.0;
        let x1 = (day_number(self.today) + 14.0).max(last_effect + 7.0);

        let dose_height = 80 + 26 * muscles.len().max(1) as u32;
        let effect_height = 120;
        let score_height = 130;
        let height = dose_height + effect_height + score_height * self.scores.len() as u32 + 10;
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
            root.fill(&WHITE).map_err(fail)?;
            let mut breaks = vec![dose_height, dose_height + effect_height];
            for i in 1..self.scores.len() {
                breaks.push(dose_height + effect_height + score_height * i as u32);
            }
            let panels = root.split_by_breakpoints::<u32, u32, _, _>([], breaks);
            let x_label = |x: &f64| {
                let d = date_of(*x);
                format!("{}-{:02}", d.year(), d.month())
            };
            let session_days: Vec<f64> = sessions.iter().map(|s| day_number(s.date)).collect();
            let today = day_number(self.today);

            // Doses per muscle.
            let rows = muscles.len().max(1) as f64;
            let mut chart = ChartBuilder::on(&panels[0])
                .caption(&self.labels.doses, ("sans-serif", 15))
                .margin(8)
                .margin_top(30)
                .x_label_area_size(26)
                .y_label_area_size(LABEL_WIDTH)
                .build_cartesian_2d(x0..x1, -0.5..rows - 0.5)
                .map_err(fail)?;
            chart
                .configure_mesh()
                .disable_x_mesh()
                .y_labels(muscles.len().max(1))
                .y_label_formatter(&|y| {
                    let i = y.round();
                    if (y - i).abs() < 0.01 && i >= 0.0 {
                        muscles
                            .get(rows as usize - 1 - i as usize)
                            .cloned()
                            .unwrap_or_default()
                    } else {
                        String::new()
                    }
                })
                .x_labels(10)
                .x_label_formatter(&x_label)
                .light_line_style(RGBColor(235, 238, 241))
                .label_style(("sans-serif", 12))
                .draw()
                .map_err(fail)?;
            for d in &session_days {
                chart
                    .draw_series(LineSeries::new(
                        [(*d, -0.5), (*d, rows - 0.5)],
                        RGBColor(208, 215, 222),
                    ))
                    .map_err(fail)?;
            }
            for s in &sessions {
                let x = day_number(s.date);
                let top = largest
                    .get(s.product.as_str())
                    .copied()
                    .unwrap_or(1.0)
                    .max(1e-9);
                for (m, u) in &s.doses {
                    let Some(row) = muscles.iter().position(|name| name == m) else {
                        continue;
                    };
                    let y = rows - 1.0 - row as f64;
                    let radius = (3.0 + 7.0 * (u / top).sqrt()).round() as i32;
                    let c = colour(&s.product);
                    chart
                        .draw_series([EmptyElement::at((x, y))
                            + Circle::new((0, 0), radius, c.mix(0.55).filled())
                            + Text::new(
                                units_text(*u),
                                (radius + 2, 0),
                                ("sans-serif", 11)
                                    .into_font()
                                    .color(&BLACK)
                                    .pos(Pos::new(HPos::Left, VPos::Center)),
                            )])
                        .map_err(fail)?;
                }
            }
            // Which colour is which product: units of different products are never compared.
            for (i, p) in products.iter().enumerate() {
                panels[0]
                    .draw(&Text::new(
                        format!("● {p} (U)"),
                        (LABEL_WIDTH as i32 + 10 + 220 * i as i32, 24),
                        ("sans-serif", 12).into_font().color(&colour(p)),
                    ))
                    .map_err(fail)?;
            }

            // Expected effect, and adverse events where they began.
            let mut chart = ChartBuilder::on(&panels[1])
                .caption(&self.labels.effect, ("sans-serif", 15))
                .margin(8)
                .x_label_area_size(26)
                .y_label_area_size(LABEL_WIDTH)
                .build_cartesian_2d(x0..x1, 0.0..1.15)
                .map_err(fail)?;
            chart
                .configure_mesh()
                .disable_x_mesh()
                .y_labels(3)
                .y_label_formatter(&|y| format!("{:.0}%", y * 100.0))
                .x_labels(10)
                .x_label_formatter(&x_label)
                .light_line_style(RGBColor(235, 238, 241))
                .label_style(("sans-serif", 12))
                .draw()
                .map_err(fail)?;
            for (i, s) in sessions.iter().enumerate() {
                let start = day_number(s.date);
                let end = session_days
                    .get(i + 1)
                    .copied()
                    .unwrap_or(f64::INFINITY)
                    .min(start + s.model.duration_day);
                let points: Vec<(f64, f64)> = (0..=((end - start).max(0.0) as i64))
                    .map(|d| (start + d as f64, s.model.effect(d as f64)))
                    .collect();
                let c = colour(&s.product);
                chart
                    .draw_series(AreaSeries::new(points, 0.0, c.mix(0.18)).border_style(c))
                    .map_err(fail)?;
            }
            chart
                .draw_series(LineSeries::new(
                    [(today, 0.0), (today, 1.15)],
                    BLACK.stroke_width(1),
                ))
                .map_err(fail)?;
            chart
                .draw_series([Text::new(
                    self.labels.today.clone(),
                    (today, 1.12),
                    ("sans-serif", 10)
                        .into_font()
                        .color(&BLACK)
                        .pos(Pos::new(HPos::Left, VPos::Top)),
                )])
                .map_err(fail)?;
            for e in &self.events {
                let x = day_number(e.date);
                let c = if e.alarming {
                    RGBColor(179, 38, 30)
                } else {
                    RGBColor(154, 77, 0)
                };
                chart
                    .draw_series([TriangleMarker::new(
                        (x, 1.0),
                        if e.alarming { 8 } else { 6 },
                        c.filled(),
                    )])
                    .map_err(fail)?;
                chart
                    .draw_series([Text::new(
                        e.label.clone(),
                        (x, 0.93),
                        ("sans-serif", 10)
                            .into_font()
                            .color(&c)
                            .pos(Pos::new(HPos::Left, VPos::Top)),
                    )])
                    .map_err(fail)?;
            }

            // Each scale in a band of its own.
            for (i, series) in self.scores.iter().enumerate() {
                // A wide scale whose scores use little of it (MIDAS days, weeks of benefit)
                // is drawn up to a little above the highest score.
                let highest = series.points.iter().map(|p| p.1).fold(series.min, f64::max);
                let top = if highest - series.min < 0.4 * (series.max - series.min) {
                    (series.min + (highest - series.min) * 1.3).max(series.min + 1.0)
                } else {
                    series.max
                };
                let series = ScoreSeries {
                    max: top,
                    ..series.clone()
                };
                let series = &series;
                let span = (series.max - series.min).max(1e-9);
                let mut chart = ChartBuilder::on(&panels[2 + i])
                    .caption(
                        format!("{} ({})", series.name, series.direction),
                        ("sans-serif", 13),
                    )
                    .margin(8)
                    .x_label_area_size(26)
                    .y_label_area_size(LABEL_WIDTH)
                    .build_cartesian_2d(x0..x1, series.min - 0.05 * span..series.max + 0.05 * span)
                    .map_err(fail)?;
                chart
                    .configure_mesh()
                    .disable_x_mesh()
                    .y_labels(5)
                    .y_label_formatter(&|y| units_text((y * 10.0).round() / 10.0))
                    .x_labels(10)
                    .x_label_formatter(&x_label)
                    .light_line_style(RGBColor(235, 238, 241))
                    .label_style(("sans-serif", 12))
                    .draw()
                    .map_err(fail)?;
                for d in &session_days {
                    chart
                        .draw_series(LineSeries::new(
                            [(*d, series.min), (*d, series.max)],
                            RGBColor(208, 215, 222),
                        ))
                        .map_err(fail)?;
                }
                let mut points: Vec<(f64, f64)> = series
                    .points
                    .iter()
                    .map(|(d, v)| (day_number(*d), *v))
                    .collect();
                points.sort_by(|a, b| a.0.total_cmp(&b.0));
                chart
                    .draw_series(LineSeries::new(points.clone(), BLACK.stroke_width(1)))
                    .map_err(fail)?;
                chart
                    .draw_series(points.iter().map(|p| Circle::new(*p, 3, BLACK.filled())))
                    .map_err(fail)?;
            }
            root.present().map_err(fail)?;
        }
        Ok(svg)
    }
}

fn units_text(units: f64) -> String {
    if units.fract() == 0.0 {
        format!("{units:.0}")
    } else {
        format!("{units}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bont_core::outcomes::OutcomeBook;
    use jiff::civil::date;

    fn model() -> EffectModel {
        EffectModel::default_for(
            &OutcomeBook::builtin(),
            "onabotulinumtoxinA",
            "cervical_dystonia",
        )
    }

    #[test]
    fn the_timeline_draws_doses_effect_events_and_scores_on_one_axis() {
        let timeline = Timeline {
            sessions: vec![
                TimelineSession {
                    date: date(2026, 3, 2),
                    product: "onabotulinumtoxinA".into(),
                    doses: vec![
                        ("Sternocleidomastoid".into(), 40.0),
                        ("Splenius capitis".into(), 60.0),
                    ],
                    model: model(),
                },
                TimelineSession {
                    date: date(2026, 6, 1),
                    product: "abobotulinumtoxinA".into(),
                    doses: vec![("Sternocleidomastoid".into(), 150.0)],
                    model: model(),
                },
            ],
            scores: vec![ScoreSeries {
                name: "TWSTRS".into(),
                min: 0.0,
                max: 85.0,
                direction: "lower is better".into(),
                points: vec![
                    (date(2026, 3, 2), 45.0),
                    (date(2026, 3, 30), 30.0),
                    (date(2026, 6, 1), 44.0),
                ],
            }],
            events: vec![EventMark {
                date: date(2026, 3, 8),
                label: "dysphagia".into(),
                alarming: true,
            }],
            today: date(2026, 7, 1),
            labels: TimelineLabels {
                doses: "Doses".into(),
                effect: "Expected effect".into(),
                today: "today".into(),
            },
        };
        let svg = timeline.render().expect("svg");
        assert!(svg.starts_with("<svg"));
        for text in [
            "Sternocleidomastoid",
            "Splenius capitis",
            "150",
            "dysphagia",
            "TWSTRS (lower is better)",
            "onabotulinumtoxinA (U)",
            "abobotulinumtoxinA (U)",
            "2026-03",
        ] {
            assert!(svg.contains(text), "{text} missing");
        }
        // The effect curves are filled areas; the scores have a mark per point.
        assert!(svg.matches("<polygon").count() >= 2 || svg.matches("<path").count() >= 2);
        assert_eq!(svg.matches("r=\"3\"").count(), 3);
    }

    #[test]
    fn an_empty_history_still_draws() {
        let svg = Timeline {
            sessions: vec![],
            scores: vec![],
            events: vec![],
            today: date(2026, 7, 1),
            labels: TimelineLabels {
                doses: "Doses".into(),
                effect: "Expected effect".into(),
                today: "today".into(),
            },
        }
        .render()
        .expect("svg");
        assert!(svg.contains("Doses"));
    }
}
