//! The body map: front and back outlines with a session's injected muscles marked where
//! they lie, each mark shaded and sized by its dose, numbered, and listed beside the
//! figure with the muscle, the side and the units of the product.
//!
//! Positions are given per muscle as a distance from the midline towards the patient's
//! own side (`dx`) and a height (`y`) on a figure 200 wide and 470 tall; the front view
//! shows the patient's right on the viewer's left, the back view on the viewer's right.
//! A muscle without a position is listed but not drawn.

use crate::escape;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Front,
    Back,
}

/// Where a muscle is drawn: the view and its place for the patient's right side.
pub fn anchor(muscle: &str) -> Option<(View, f64, f64)> {
    use View::{Back as B, Front as F};
    let (view, dx, y) = match muscle {
        "frontalis" => (F, 12.0, 22.0),
        "corrugator_supercilii" => (F, 8.0, 30.0),
        "procerus" => (F, 0.0, 31.0),
        "depressor_supercilii" => (F, 6.0, 33.0),
        "nasalis" => (F, 4.0, 42.0),
        "levator_labii_superioris_alaeque_nasi" => (F, 6.0, 46.0),
        "levator_labii_superioris" => (F, 10.0, 48.0),
        "zygomaticus_major" => (F, 16.0, 52.0),
        "zygomaticus_minor" => (F, 14.0, 48.0),
        "risorius" => (F, 16.0, 58.0),
        "buccinator" => (F, 14.0, 55.0),
        "orbicularis_oris" => (F, 5.0, 60.0),
        "depressor_anguli_oris" => (F, 10.0, 64.0),
        "depressor_labii_inferioris" => (F, 6.0, 66.0),
        "mentalis" => (F, 2.0, 69.0),
        "orbicularis_oculi_pretarsal_upper" => (F, 12.0, 34.0),
        "orbicularis_oculi_pretarsal_lower" => (F, 12.0, 39.0),
        "orbicularis_oculi_preseptal" => (F, 14.0, 37.0),
        "orbicularis_oculi_orbital" => (F, 19.0, 36.0),
        "levator_palpebrae_superioris" => (F, 11.0, 33.0),
        "inferior_oblique" => (F, 14.0, 41.0),
        "temporalis" => (F, 24.0, 30.0),
        "occipitalis" => (B, 12.0, 30.0),
        "masseter" => (F, 20.0, 58.0),
        "medial_pterygoid" => (F, 18.0, 63.0),
        "lateral_pterygoid" => (F, 20.0, 52.0),
        "digastric_anterior_belly" => (F, 6.0, 73.0),
        "genioglossus" => (F, 0.0, 71.0),
        "thyroarytenoid" | "posterior_cricoarytenoid" => (F, 0.0, 84.0),
        "cricopharyngeus" => (F, 0.0, 88.0),
        "platysma" => (F, 12.0, 90.0),
        "sternocleidomastoid" => (F, 9.0, 80.0),
        "scalenus_anterior" => (F, 13.0, 84.0),
        "scalenus_medius" => (F, 15.0, 86.0),
        "scalenus_posterior" => (F, 17.0, 88.0),
        "longus_colli" => (F, 3.0, 86.0),
        "longus_capitis" => (F, 3.0, 78.0),
        "obliquus_capitis_inferior" => (B, 6.0, 74.0),
        "rectus_capitis_posterior_major" => (B, 4.0, 71.0),
        "splenius_capitis" => (B, 7.0, 78.0),
        "splenius_cervicis" => (B, 8.0, 86.0),
        "semispinalis_capitis" => (B, 3.0, 76.0),
        "semispinalis_cervicis" => (B, 3.0, 86.0),
        "longissimus_capitis" => (B, 10.0, 80.0),
        "cervical_paraspinal_group" => (B, 4.0, 90.0),
        "levator_scapulae" => (B, 16.0, 92.0),
        "trapezius_upper" => (B, 24.0, 98.0),
        "trapezius_middle" => (B, 14.0, 115.0),
        "trapezius_lower" => (B, 8.0, 140.0),
        "pectoralis_major" => (F, 22.0, 118.0),
        "pectoralis_minor" => (F, 26.0, 112.0),
        "latissimus_dorsi" => (B, 30.0, 160.0),
        "teres_major" => (B, 38.0, 130.0),
        "subscapularis" => (F, 34.0, 125.0),
        "infraspinatus" => (B, 28.0, 122.0),
        "supraspinatus" => (B, 26.0, 106.0),
        "deltoid_anterior" => (F, 44.0, 108.0),
        "deltoid_middle" => (F, 50.0, 110.0),
        "deltoid_posterior" => (B, 46.0, 110.0),
        "rhomboid_major" => (B, 10.0, 128.0),
        "rhomboid_minor" => (B, 10.0, 118.0),
        "serratus_anterior" => (F, 32.0, 150.0),
        "biceps_brachii" => (F, 50.0, 150.0),
        "brachialis" => (F, 50.0, 172.0),
        "coracobrachialis" => (F, 46.0, 135.0),
        "triceps_brachii" => (B, 50.0, 150.0),
        "brachioradialis" => (F, 58.0, 205.0),
        "pronator_teres" => (F, 52.0, 202.0),
        "pronator_quadratus" => (F, 64.0, 262.0),
        "flexor_carpi_radialis" => (F, 56.0, 225.0),
        "flexor_carpi_ulnaris" => (F, 66.0, 230.0),
        "palmaris_longus" => (F, 61.0, 228.0),
        "flexor_digitorum_superficialis" => (F, 60.0, 240.0),
        "flexor_digitorum_profundus" => (F, 64.0, 247.0),
        "flexor_pollicis_longus" => (F, 57.0, 252.0),
        "supinator" => (B, 58.0, 205.0),
        "extensor_carpi_radialis_longus" => (B, 58.0, 215.0),
        "extensor_carpi_radialis_brevis" => (B, 60.0, 226.0),
        "extensor_carpi_ulnaris" => (B, 67.0, 235.0),
        "extensor_digitorum" => (B, 63.0, 242.0),
        "extensor_indicis" => (B, 66.0, 256.0),
        "extensor_pollicis_longus" => (B, 62.0, 256.0),
        "abductor_pollicis_longus" => (B, 60.0, 260.0),
        "adductor_pollicis" => (F, 64.0, 290.0),
        "flexor_pollicis_brevis" => (F, 62.0, 286.0),
        "opponens_pollicis" => (F, 62.0, 291.0),
        "abductor_pollicis_brevis" => (F, 61.0, 283.0),
        "lumbricals_hand" => (F, 70.0, 296.0),
        "interossei_hand" => (B, 70.0, 293.0),
        "abductor_digiti_minimi_hand" => (F, 76.0, 292.0),
        "rectus_abdominis" => (F, 9.0, 200.0),
        "external_oblique" => (F, 27.0, 215.0),
        "erector_spinae_thoracolumbar" => (B, 9.0, 200.0),
        "quadratus_lumborum" => (B, 20.0, 235.0),
        "iliopsoas" => (F, 18.0, 266.0),
        "iliacus" => (F, 25.0, 260.0),
        "psoas_major" => (F, 14.0, 254.0),
        "gluteus_maximus" => (B, 22.0, 282.0),
        "gluteus_medius" => (B, 30.0, 262.0),
        "tensor_fasciae_latae" => (F, 34.0, 276.0),
        "piriformis" => (B, 18.0, 270.0),
        "quadriceps_group" => (F, 22.0, 322.0),
        "rectus_femoris" => (F, 22.0, 312.0),
        "vastus_lateralis" => (F, 33.0, 326.0),
        "vastus_medialis" => (F, 13.0, 348.0),
        "vastus_intermedius" => (F, 24.0, 333.0),
        "adductor_longus" => (F, 10.0, 300.0),
        "adductor_brevis" => (F, 12.0, 292.0),
        "adductor_magnus" => (F, 9.0, 316.0),
        "gracilis" => (F, 8.0, 336.0),
        "sartorius" => (F, 17.0, 308.0),
        "semitendinosus" => (B, 13.0, 330.0),
        "semimembranosus" => (B, 15.0, 346.0),
        "biceps_femoris_long_head" => (B, 29.0, 330.0),
        "biceps_femoris_short_head" => (B, 29.0, 350.0),
        "gastrocnemius_medial_head" => (B, 15.0, 392.0),
        "gastrocnemius_lateral_head" => (B, 28.0, 392.0),
        "soleus" => (B, 22.0, 414.0),
        "tibialis_posterior" => (B, 20.0, 424.0),
        "flexor_digitorum_longus" => (B, 16.0, 428.0),
        "flexor_hallucis_longus" => (B, 26.0, 430.0),
        "tibialis_anterior" => (F, 26.0, 400.0),
        "extensor_hallucis_longus" => (F, 22.0, 422.0),
        "extensor_digitorum_longus" => (F, 29.0, 418.0),
        "fibularis_longus" => (F, 32.0, 400.0),
        "fibularis_brevis" => (F, 32.0, 422.0),
        "flexor_digitorum_brevis" => (B, 22.0, 456.0),
        "flexor_hallucis_brevis" => (B, 16.0, 456.0),
        "abductor_hallucis" => (B, 12.0, 452.0),
        "parotid_gland" => (F, 24.0, 54.0),
        "submandibular_gland" => (F, 14.0, 70.0),
        "axilla_skin" => (F, 40.0, 130.0),
        "palm_skin" => (F, 68.0, 291.0),
        _ => return None,
    };
    Some((view, dx, y))
}

/// One injection to mark: the muscle, its name for people, the side (left, right, both,
/// midline) with its words for people, and the units given on each side.
#[derive(Debug, Clone)]
pub struct Mark {
    pub muscle: String,
    pub name: String,
    pub side: String,
    pub side_label: String,
    pub units: f64,
}

/// Words of the figure, in the reader's language.
#[derive(Debug, Clone)]
pub struct BodyMapLabels {
    pub title: String,
    pub front: String,
    pub back: String,
    pub right: String,
    pub left: String,
    /// "U of Botox" and the like: what the numbers count.
    pub units_of: String,
    /// The short word for units in the legend ("U", "ЕД").
    pub unit: String,
    /// The language writes a decimal comma (Polish, Russian).
    pub decimal_comma: bool,
}

/// Half of the outline, from the top of the head down the patient's right side, as
/// (dx, y) points; the other half is its mirror.
const OUTLINE: [(f64, f64); 31] = [
    (0.0, 6.0),
    (16.0, 9.0),
    (25.0, 24.0),
    (25.0, 50.0),
    (17.0, 68.0),
    (12.0, 74.0),
    (12.0, 90.0),
    (40.0, 98.0),
    (52.0, 108.0),
    (56.0, 150.0),
    (60.0, 196.0),
    (70.0, 264.0),
    (80.0, 282.0),
    (76.0, 304.0),
    (66.0, 296.0),
    (58.0, 270.0),
    (48.0, 200.0),
    (42.0, 150.0),
    (38.0, 200.0),
    (38.0, 250.0),
    (42.0, 285.0),
    (38.0, 340.0),
    (34.0, 372.0),
    (34.0, 410.0),
    (30.0, 440.0),
    (34.0, 458.0),
    (12.0, 462.0),
    (12.0, 440.0),
    (10.0, 380.0),
    (6.0, 300.0),
    (0.0, 296.0),
];

const VIEW_WIDTH: f64 = 200.0;
const TOP: f64 = 40.0;

/// The two views as shapes, in the SVG's coordinates: for the SVG and for a PDF alike.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub width: f64,
    pub height: f64,
    /// Closed outlines of the body, one per view.
    pub outlines: Vec<Vec<(f64, f64)>>,
    pub dots: Vec<Dot>,
    /// View titles and side names: where, the text, and which of its points is there.
    pub captions: Vec<Caption>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Caption {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub anchor: Anchor,
    pub bold: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One injected muscle on one side.
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    pub x: f64,
    pub y: f64,
    pub radius: f64,
    /// 0.35 to 1: the dose against the largest of the session.
    pub strength: f64,
    /// The mark's number in the list (from 1).
    pub number: usize,
}

fn outline(x0: f64) -> Vec<(f64, f64)> {
    OUTLINE
        .iter()
        .map(|(dx, y)| (x0 + 100.0 - dx, TOP + y))
        .chain(
            OUTLINE
                .iter()
                .rev()
                .map(|(dx, y)| (x0 + 100.0 + dx, TOP + y)),
        )
        .collect()
}

/// The front and back views with `marks` placed on the patient's sides.
pub fn figure(marks: &[Mark], labels: &BodyMapLabels) -> Figure {
    let max = marks
        .iter()
        .map(|m| m.units)
        .fold(0.0_f64, f64::max)
        .max(1e-9);
    let mut figure = Figure {
        width: 2.0 * VIEW_WIDTH + 20.0,
        height: TOP + 480.0,
        outlines: Vec::new(),
        dots: Vec::new(),
        captions: Vec::new(),
    };
    for (i, (view, name)) in [(View::Front, &labels.front), (View::Back, &labels.back)]
        .into_iter()
        .enumerate()
    {
        let x0 = i as f64 * (VIEW_WIDTH + 20.0);
        figure.outlines.push(outline(x0));
        let caption = |x: f64, y: f64, text: &String, anchor: Anchor, bold: bool| Caption {
            x,
            y,
            text: text.clone(),
            anchor,
            bold,
        };
        figure
            .captions
            .push(caption(x0 + 100.0, 20.0, name, Anchor::Middle, true));
        // Which side is which, for the reader.
        let (left_label, right_label) = match view {
            View::Front => (&labels.right, &labels.left),
            View::Back => (&labels.left, &labels.right),
        };
        figure.captions.push(caption(
            x0 + 4.0,
            TOP + 60.0,
            left_label,
            Anchor::Start,
            false,
        ));
        figure.captions.push(caption(
            x0 + VIEW_WIDTH - 4.0,
            TOP + 60.0,
            right_label,
            Anchor::End,
            false,
        ));
        for (n, mark) in marks.iter().enumerate() {
            let Some((muscle_view, dx, y)) = anchor(&mark.muscle) else {
                continue;
            };
            if muscle_view != view {
                continue;
            }
            let sides: &[f64] = match (mark.side.as_str(), view) {
                ("right", View::Front) | ("left", View::Back) => &[-1.0],
                ("left", View::Front) | ("right", View::Back) => &[1.0],
                ("both", _) => &[-1.0, 1.0],
                _ => &[0.0],
            };
            let share = mark.units / max;
            for sign in sides {
                figure.dots.push(Dot {
                    x: x0 + 100.0 + sign * if *sign == 0.0 { 0.0 } else { dx },
                    y: TOP + y,
                    radius: 4.0 + 6.0 * share.sqrt(),
                    strength: 0.35 + 0.65 * share,
                    number: n + 1,
                });
            }
        }
    }
    figure
}

/// The SVG of one session's body map.
pub fn render(marks: &[Mark], labels: &BodyMapLabels) -> String {
    let figure = figure(marks, labels);
    let legend_x = 2.0 * VIEW_WIDTH + 40.0;
    let height = figure.height.max(TOP + 40.0 + 18.0 * marks.len() as f64);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {height}\" width=\"{w}\" height=\"{height}\" \
         role=\"img\" aria-label=\"{title}\" font-family=\"sans-serif\" font-size=\"11\">\n<title>{title}</title>\n",
        w = legend_x + 330.0,
        title = escape(&labels.title),
    );
    for points in &figure.outlines {
        let d: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect();
        svg.push_str(&format!(
            "<g class=\"view\"><path d=\"M{} Z\" fill=\"#f4f6f8\" stroke=\"#5c6670\" stroke-width=\"1.2\"/></g>\n",
            d.join(" L")
        ));
    }
    for c in &figure.captions {
        let anchor = match c.anchor {
            Anchor::Start => "",
            Anchor::Middle => " text-anchor=\"middle\"",
            Anchor::End => " text-anchor=\"end\"",
        };
        let look = if c.bold {
            " font-weight=\"bold\""
        } else {
            " fill=\"#5c6670\""
        };
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\"{anchor}{look}>{}</text>\n",
            c.x,
            c.y,
            escape(&c.text)
        ));
    }
    for dot in &figure.dots {
        svg.push_str(&format!(
            "<g class=\"mark\"><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"#b3261e\" fill-opacity=\"{o:.2}\" stroke=\"#7a1a14\" stroke-width=\"0.8\"/>\
             <text x=\"{x:.1}\" y=\"{ty:.1}\" text-anchor=\"middle\" font-size=\"8\" fill=\"#fff\">{n}</text></g>\n",
            x = dot.x,
            y = dot.y,
            r = dot.radius,
            o = dot.strength,
            ty = dot.y + 3.0,
            n = dot.number
        ));
    }
    svg.push_str(&format!(
        "<g class=\"legend\"><text x=\"{legend_x}\" y=\"20\" font-weight=\"bold\">{}</text>\n",
        escape(&labels.units_of)
    ));
    for (n, mark) in marks.iter().enumerate() {
        let y = TOP + 18.0 * n as f64;
        let drawn = if anchor(&mark.muscle).is_some() {
            ""
        } else {
            " *"
        };
        svg.push_str(&format!(
            "<text x=\"{legend_x}\" y=\"{y:.1}\"><tspan font-weight=\"bold\">{}</tspan> {} ({}): <tspan class=\"num\">{} {}</tspan>{drawn}</text>\n",
            n + 1,
            escape(&mark.name),
            escape(&mark.side_label),
            units_text(mark.units, labels.decimal_comma),
            escape(&labels.unit),
        ));
    }
    svg.push_str("</g>\n</svg>\n");
    svg
}

fn units_text(units: f64, decimal_comma: bool) -> String {
    let text = if units.fract() == 0.0 {
        format!("{units:.0}")
    } else {
        format!("{units}")
    };
    if decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> BodyMapLabels {
        BodyMapLabels {
            title: "Body map".into(),
            front: "Front".into(),
            back: "Back".into(),
            right: "right".into(),
            left: "left".into(),
            units_of: "Units of onabotulinumtoxinA".into(),
            unit: "U".into(),
            decimal_comma: false,
        }
    }

    #[test]
    fn every_muscle_of_the_catalogue_has_a_place() {
        let catalog = bont_core::safety::Catalog::builtin();
        let missing: Vec<&str> = catalog
            .muscles()
            .iter()
            .map(|m| m.id.as_str())
            .filter(|id| anchor(id).is_none())
            .collect();
        assert!(missing.is_empty(), "no place for {missing:?}");
    }

    #[test]
    fn marks_fall_on_the_patients_side_in_each_view() {
        let marks = vec![
            Mark {
                muscle: "sternocleidomastoid".into(),
                name: "Sternocleidomastoid".into(),
                side: "right".into(),
                side_label: "right".into(),
                units: 40.0,
            },
            Mark {
                muscle: "splenius_capitis".into(),
                name: "Splenius capitis".into(),
                side: "left".into(),
                side_label: "left".into(),
                units: 60.0,
            },
            Mark {
                muscle: "procerus".into(),
                name: "Procerus <midline>".into(),
                side: "midline".into(),
                side_label: "midline".into(),
                units: 5.0,
            },
            Mark {
                muscle: "frontalis".into(),
                name: "Frontalis".into(),
                side: "both".into(),
                side_label: "both".into(),
                units: 10.0,
            },
        ];
        let svg = render(&marks, &labels());
        let circles: Vec<(f64, f64)> = svg
            .split("<circle cx=\"")
            .skip(1)
            .map(|c| {
                let x: f64 = c
                    .split('"')
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("cx");
                let r: f64 = c
                    .split("r=\"")
                    .nth(1)
                    .and_then(|v| v.split('"').next())
                    .and_then(|v| v.parse().ok())
                    .expect("r");
                (x, r)
            })
            .collect();
        // Front view: the right SCM on the viewer's left (x < 100); frontalis on both sides;
        // procerus on the midline. Back view (x from 220): the left splenius on the
        // viewer's left.
        assert_eq!(circles.len(), 5, "{svg}");
        assert!(circles[0].0 < 100.0);
        assert!((circles[1].0 - 100.0).abs() < 1e-9);
        assert!(circles[2].0 < 100.0 && circles[3].0 > 100.0);
        assert!(circles[4].0 > 220.0 && circles[4].0 < 320.0);
        // The biggest dose has the biggest mark.
        assert!(circles[4].1 > circles[0].1);
        assert!(svg.contains("Procerus &lt;midline&gt;"));
        assert!(svg.contains("60 U"));
    }
}
