//! The pictures drawn by the server: the patient timeline and the body map.

#[allow(unused_imports)]
use super::*;

/// A session's injections as marks of the body map, named in `tr`'s language.
pub fn body_marks(
    state: &AppState,
    tr: &Tr,
    record: &bont_core::treatment::TreatmentInput,
) -> Vec<bont_reports::body_map::Mark> {
    record
        .injections
        .iter()
        .map(|i| bont_reports::body_map::Mark {
            muscle: i.muscle.clone(),
            name: muscle_name(state, tr.language, &i.muscle),
            side: i.side.clone(),
            side_label: tr.t(&format!("side-{}", i.side)),
            units: i.units,
        })
        .collect()
}

/// The body map's words in `tr`'s language.
pub fn body_labels(
    state: &AppState,
    tr: &Tr,
    product: &str,
) -> bont_reports::body_map::BodyMapLabels {
    bont_reports::body_map::BodyMapLabels {
        title: tr.t("body-map-title"),
        front: tr.t("body-map-front"),
        back: tr.t("body-map-back"),
        right: tr.t("side-right"),
        left: tr.t("side-left"),
        units_of: tr.t_with(
            "body-map-units-of",
            &[(
                "product",
                crate::pages::sessions::product_name(state, tr.language, product).into(),
            )],
        ),
        unit: tr.t("unit-u"),
        decimal_comma: tr.number(0.5) == "0,5",
    }
}

pub(super) fn svg_response(svg: String) -> Response {
    (
        [
            (
                axum::http::header::CONTENT_TYPE,
                "image/svg+xml; charset=utf-8",
            ),
            (axum::http::header::CACHE_CONTROL, "no-store"),
        ],
        svg,
    )
        .into_response()
}

/// The patient timeline as SVG: doses per muscle, the expected effect of each session,
/// adverse events, and the scores of each scale on one time axis.
pub async fn timeline(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let patient = parse_patient_id(&id)?;
    let actor = me.actor(&state);
    let tr = me.tr();
    // The read of the record is the audit event.
    state.db.read_patient(&actor, patient).await?;
    let stored = state.db.sessions_of_patient(&actor, patient).await?;
    let (cycles, scores) = state.history(&actor, patient).await?;
    let summary = state.summary(&actor, patient).await?;
    let sessions: Vec<bont_reports::timeline::TimelineSession> = stored
        .iter()
        .filter(|s| s.status == SessionStatus::Signed)
        .filter_map(|s| {
            let date: jiff::civil::Date = s.record.date.parse().ok()?;
            let product = bont_core::outcomes::product_id(&state.catalog, &s.record.product);
            let earlier: Vec<_> = cycles.iter().filter(|c| c.date < date).cloned().collect();
            let mut doses: Vec<(String, f64)> = Vec::new();
            for i in &s.record.injections {
                let name = muscle_name(&state, tr.language, &i.muscle);
                let units = if i.side == "both" {
                    2.0 * i.units
                } else {
                    i.units
                };
                match doses.iter_mut().find(|(m, _)| *m == name) {
                    Some(d) => d.1 += units,
                    None => doses.push((name, units)),
                }
            }
            Some(bont_reports::timeline::TimelineSession {
                date,
                model: bont_core::outcomes::patient_model(
                    &state.outcomes,
                    &product,
                    &s.record.indication,
                    &earlier,
                    &scores,
                ),
                product,
                doses,
            })
        })
        .collect();
    let mut by_scale: BTreeMap<String, Vec<(jiff::civil::Date, f64)>> = BTreeMap::new();
    for p in &scores {
        by_scale
            .entry(p.scale.clone())
            .or_default()
            .push((p.date, p.score));
    }
    let mut series: Vec<bont_reports::timeline::ScoreSeries> = by_scale
        .into_iter()
        .filter_map(|(id, points)| {
            let scale = state.outcomes.scale(&id)?;
            Some(bont_reports::timeline::ScoreSeries {
                name: scale_name(scale, tr.language),
                min: scale.min,
                max: scale.max,
                direction: tr.t(if scale.direction.lower_is_better() {
                    "direction-lower-better"
                } else {
                    "direction-higher-better"
                }),
                points,
            })
        })
        .collect();
    series.sort_by_key(|s| std::cmp::Reverse(s.points.len()));
    series.truncate(4);
    let events = summary
        .adverse_events
        .iter()
        .filter(|e| !e.void)
        .filter_map(|e| {
            let session = stored.iter().find(|s| s.id == e.session)?;
            let date: jiff::civil::Date = session.record.date.parse().ok()?;
            Some(bont_reports::timeline::EventMark {
                date: date
                    .checked_add(i64::from(e.record.onset_day).days())
                    .ok()?,
                label: tr.t(&format!("adverse-{}", e.record.kind)),
                alarming: e.alarming,
            })
        })
        .collect();
    let svg = bont_reports::timeline::Timeline {
        sessions,
        scores: series,
        events,
        today: state.clock.today(),
        labels: bont_reports::timeline::TimelineLabels {
            doses: tr.t("timeline-doses"),
            effect: tr.t("timeline-effect"),
            today: tr.t("timeline-today"),
        },
    }
    .render()
    .map_err(AppError::internal)?;
    Ok(svg_response(svg))
}

/// A session's body map as SVG.
pub async fn body_map(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    Query(query): Query<crate::pages::documents::DocumentQuery>,
) -> Result<Response, AppError> {
    let session = parse_session(&id)?;
    // In another language than the reader's when a document for the patient asks.
    let tr = match query.language() {
        Some(language) => Tr::new(language),
        None => me.tr(),
    };
    let s = state.db.read_session(&me.actor(&state), session).await?;
    let svg = bont_reports::body_map::render(
        &body_marks(&state, &tr, &s.record),
        &body_labels(&state, &tr, &s.record.product),
    );
    Ok(svg_response(svg))
}
