//! Documents for print as PDF, made by the server itself: a document is a list of blocks
//! (title, headings, paragraphs, bullet lists, tables, a boxed warning), laid out on A4
//! pages and written with krilla.
//!
//! One font, DejaVu Sans (shipped in `fonts/`, from Debian's fonts-dejavu-core), covers
//! Latin, Cyrillic and Arabic, so no fallback is needed. Text is shaped with rustybuzz
//! (Arabic letters join), each line is split into runs by the Unicode bidirectional
//! algorithm so that numbers and Latin words inside Arabic text read the right way, and a
//! right-to-left document is aligned to the right with its table columns mirrored.

use krilla::Document as Pdf;
use krilla::geom::{PathBuilder, Point};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use unicode_bidi::{BidiInfo, Level};

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// A4 in points, and the margin on every side.
const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 56.0;
const BODY: f32 = 10.5;
const SMALL: f32 = 8.0;
const HEADING: f32 = 13.0;
const TITLE: f32 = 18.0;
const LEADING: f32 = 1.4;

/// A part of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title(String),
    Heading(String),
    Text(String),
    /// Smaller grey text (sources, footnotes).
    Small(String),
    Bullets(Vec<String>),
    /// Column titles, rows, and each column's share of the width.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        widths: Vec<f32>,
    },
    /// Blocks in a box, for what must not be missed.
    Warning(Vec<Block>),
    /// The body map's views (without its list, which the document gives as a table).
    Figure(crate::body_map::Figure),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The document's title, for the PDF's metadata.
    pub title: String,
    /// Written right to left (Arabic).
    pub right_to_left: bool,
    pub blocks: Vec<Block>,
}

/// What is drawn, page by page, once the layout is done.
#[derive(Debug, Clone)]
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        grey: bool,
        text: String,
        rtl: bool,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// A closed outline, filled light grey and stroked.
    Outline(Vec<(f32, f32)>),
    /// A filled disc (the body map's marks): centre, radius, opacity.
    Disc {
        x: f32,
        y: f32,
        r: f32,
        opacity: f32,
    },
    /// White text on a mark.
    Label {
        x: f32,
        y: f32,
        size: f32,
        text: String,
    },
}

struct Measure<'a> {
    regular: rustybuzz::Face<'a>,
    bold: rustybuzz::Face<'a>,
}

impl Measure<'_> {
    fn new() -> Measure<'static> {
        Measure {
            regular: rustybuzz::Face::from_slice(REGULAR, 0).expect("the shipped font parses"),
            bold: rustybuzz::Face::from_slice(BOLD, 0).expect("the shipped font parses"),
        }
    }

    /// The advance width of `text` set in one line, in points.
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = if bold { &self.bold } else { &self.regular };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(face, &[], buffer);
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 * size / f32::from(face.units_per_em() as u16)
    }
}

struct Layout<'a> {
    measure: &'a Measure<'a>,
    rtl: bool,
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl Layout<'_> {
    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        self.pages.last_mut().expect("a page")
    }

    /// Makes room for `height` below the cursor, starting a page when it does not fit.
    fn room(&mut self, height: f32) {
        if self.pages.is_empty() || self.y + height > PAGE_H - MARGIN {
            self.pages.push(Vec::new());
            self.y = MARGIN;
        }
    }

    /// Lines of at most `width` points; words longer than a line stand alone.
    fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if !line.is_empty() && self.measure.width(&candidate, size, bold) > width {
                    lines.push(std::mem::take(&mut line));
                    line = word.to_owned();
                } else {
                    line = candidate;
                }
            }
            lines.push(line);
        }
        lines
    }

    /// `text` split into runs of one direction, in visual order (left to right), with
    /// their widths.
    fn runs(&self, text: &str, size: f32, bold: bool) -> Vec<(String, bool, f32)> {
        let base = if self.rtl { Level::rtl() } else { Level::ltr() };
        let info = BidiInfo::new(text, Some(base));
        let mut runs = Vec::new();
        if let Some(paragraph) = info.paragraphs.first() {
            let (levels, visual) = info.visual_runs(paragraph, paragraph.range.clone());
            for run in visual {
                let rtl = levels[run.start].is_rtl();
                let piece = text[run].to_owned();
                let width = self.measure.width(&piece, size, bold);
                runs.push((piece, rtl, width));
            }
        }
        runs
    }

    /// Draws `text` with its left edge at `x` and its baseline at `y`, run by run.
    fn text_at(&mut self, text: &str, x: f32, y: f32, size: f32, bold: bool, grey: bool) -> f32 {
        let mut x = x;
        for (piece, rtl, width) in self.runs(text, size, bold) {
            if !piece.trim().is_empty() {
                self.ops().push(Op::Text {
                    x,
                    y,
                    size,
                    bold,
                    grey,
                    text: piece,
                    rtl,
                });
            }
            x += width;
        }
        x
    }

    /// One line between `left` and `right`, aligned to the document's start side, each
    /// bidirectional run drawn in its own direction.
    fn line(&mut self, text: &str, left: f32, right: f32, size: f32, bold: bool, grey: bool) {
        let total: f32 = self.runs(text, size, bold).iter().map(|r| r.2).sum();
        let x = if self.rtl { right - total } else { left };
        let y = self.y + size;
        self.text_at(text, x, y, size, bold, grey);
    }

    fn paragraph(&mut self, text: &str, left: f32, right: f32, size: f32, bold: bool, grey: bool) {
        let height = size * LEADING;
        for line in self.wrap(text, size, bold, right - left) {
            self.room(height);
            self.line(&line, left, right, size, bold, grey);
            self.y += height;
        }
    }

    fn rule(&mut self, left: f32, right: f32, width: f32) {
        let y = self.y;
        self.ops().push(Op::Line {
            x1: left,
            y1: y,
            x2: right,
            y2: y,
            width,
        });
    }

    fn block(&mut self, block: &Block, left: f32, right: f32) {
        match block {
            Block::Title(t) => {
                self.paragraph(t, left, right, TITLE, true, false);
                self.y += 6.0;
            }
            Block::Heading(t) => {
                self.y += 8.0;
                self.room(HEADING * LEADING * 2.0);
                self.paragraph(t, left, right, HEADING, true, false);
                self.y += 2.0;
            }
            Block::Text(t) => {
                self.paragraph(t, left, right, BODY, false, false);
                self.y += 4.0;
            }
            Block::Small(t) => {
                self.paragraph(t, left, right, SMALL, false, true);
                self.y += 4.0;
            }
            Block::Bullets(items) => {
                let indent = 14.0;
                for item in items {
                    let (bullet_left, text_left, text_right) = if self.rtl {
                        (right - indent + 4.0, left, right - indent)
                    } else {
                        (left, left + indent, right)
                    };
                    self.room(BODY * LEADING);
                    self.line(
                        "•",
                        bullet_left,
                        bullet_left + indent - 4.0,
                        BODY,
                        false,
                        false,
                    );
                    self.paragraph(item, text_left, text_right, BODY, false, false);
                }
                self.y += 4.0;
            }
            Block::Table {
                header,
                rows,
                widths,
            } => {
                let total: f32 = widths.iter().sum::<f32>().max(f32::EPSILON);
                let span = right - left;
                // Column edges from the start side: mirrored when right to left.
                let mut edges = Vec::new();
                let mut at = 0.0;
                for w in widths {
                    let (a, b) = (at, at + w / total * span);
                    edges.push(if self.rtl {
                        (right - b + 4.0, right - a - 4.0)
                    } else {
                        (left + a + 4.0, left + b - 4.0)
                    });
                    at = b;
                }
                let row = |layout: &mut Layout, cells: &[String], bold: bool| {
                    let wrapped: Vec<Vec<String>> = cells
                        .iter()
                        .zip(&edges)
                        .map(|(c, (l, r))| layout.wrap(c, BODY, bold, r - l))
                        .collect();
                    let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
                    let height = lines as f32 * BODY * LEADING + 4.0;
                    layout.room(height);
                    let top = layout.y + 2.0;
                    for (cell, (l, r)) in wrapped.iter().zip(&edges) {
                        layout.y = top;
                        for line in cell {
                            layout.line(line, *l, *r, BODY, bold, false);
                            layout.y += BODY * LEADING;
                        }
                    }
                    layout.y = top - 2.0 + height;
                    layout.rule(left, right, 0.4);
                };
                row(self, header, true);
                for r in rows {
                    row(self, r, false);
                }
                self.y += 6.0;
            }
            Block::Figure(figure) => {
                let width = (right - left).min(300.0);
                let scale = width / figure.width as f32;
                let height = figure.height as f32 * scale;
                self.room(height + 8.0);
                let x0 = if self.rtl { right - width } else { left };
                let y0 = self.y;
                let at = |x: f64, y: f64| (x0 + x as f32 * scale, y0 + y as f32 * scale);
                for points in &figure.outlines {
                    let points = points.iter().map(|(x, y)| at(*x, *y)).collect();
                    self.ops().push(Op::Outline(points));
                }
                for c in &figure.captions {
                    let (x, y) = at(c.x, c.y);
                    let size = SMALL;
                    let w = self.measure.width(&c.text, size, c.bold);
                    let x = match c.anchor {
                        crate::body_map::Anchor::Start => x,
                        crate::body_map::Anchor::Middle => x - w / 2.0,
                        crate::body_map::Anchor::End => x - w,
                    };
                    self.text_at(&c.text, x, y, size, c.bold, !c.bold);
                }
                for d in &figure.dots {
                    let (x, y) = at(d.x, d.y);
                    let r = d.radius as f32 * scale;
                    self.ops().push(Op::Disc {
                        x,
                        y,
                        r,
                        opacity: d.strength as f32,
                    });
                    let text = d.number.to_string();
                    let size = (r * 1.1).clamp(4.0, 8.0);
                    let w = self.measure.width(&text, size, true);
                    self.ops().push(Op::Label {
                        x: x - w / 2.0,
                        y: y + size * 0.35,
                        size,
                        text,
                    });
                }
                self.y += height + 8.0;
            }
            Block::Warning(blocks) => {
                self.y += 6.0;
                self.room(BODY * LEADING * 4.0);
                let page = self.pages.len();
                let top = self.y;
                self.y += 6.0;
                for b in blocks {
                    self.block(b, left + 10.0, right - 10.0);
                }
                self.y += 2.0;
                // The box is drawn when its content stayed on one page.
                if self.pages.len() == page {
                    let bottom = self.y;
                    for (x1, y1, x2, y2) in [
                        (left, top, right, top),
                        (left, bottom, right, bottom),
                        (left, top, left, bottom),
                        (right, top, right, bottom),
                    ] {
                        self.ops().push(Op::Line {
                            x1,
                            y1,
                            x2,
                            y2,
                            width: 1.5,
                        });
                    }
                }
                self.y += 8.0;
            }
        }
    }
}

/// The document as a PDF file.
pub fn pdf(document: &Document) -> Vec<u8> {
    let measure = Measure::new();
    let mut layout = Layout {
        measure: &measure,
        rtl: document.right_to_left,
        pages: Vec::new(),
        y: MARGIN,
    };
    for block in &document.blocks {
        layout.block(block, MARGIN, PAGE_W - MARGIN);
    }
    let regular = Font::new(REGULAR.into(), 0).expect("the shipped font loads");
    let bold = Font::new(BOLD.into(), 0).expect("the shipped font loads");
    let mut pdf = Pdf::new();
    pdf.set_metadata(krilla::metadata::Metadata::new().title(document.title.clone()));
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).expect("A4 is a valid page size");
    for ops in layout.pages.iter().filter(|p| !p.is_empty()) {
        let mut page = pdf.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Text {
                    x,
                    y,
                    size,
                    bold: is_bold,
                    grey,
                    text,
                    rtl,
                } => {
                    let shade = if *grey { 90 } else { 20 };
                    surface.set_fill(Some(Fill {
                        paint: krilla::color::rgb::Color::new(shade, shade, shade).into(),
                        ..Fill::default()
                    }));
                    let font = if *is_bold {
                        bold.clone()
                    } else {
                        regular.clone()
                    };
                    let direction = if *rtl {
                        TextDirection::RightToLeft
                    } else {
                        TextDirection::LeftToRight
                    };
                    surface.draw_text(Point::from_xy(*x, *y), font, *size, text, false, direction);
                }
                Op::Outline(points) => {
                    let mut path = PathBuilder::new();
                    for (i, (x, y)) in points.iter().enumerate() {
                        if i == 0 {
                            path.move_to(*x, *y);
                        } else {
                            path.line_to(*x, *y);
                        }
                    }
                    path.close();
                    if let Some(path) = path.finish() {
                        surface.set_fill(Some(Fill {
                            paint: krilla::color::rgb::Color::new(0xf4, 0xf6, 0xf8).into(),
                            ..Fill::default()
                        }));
                        surface.set_stroke(Some(Stroke {
                            width: 0.8,
                            paint: krilla::color::rgb::Color::new(0x5c, 0x66, 0x70).into(),
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
                Op::Disc { x, y, r, opacity } => {
                    // A circle as four cubic curves.
                    let k = 0.552_284_8 * r;
                    let (x, y, r) = (*x, *y, *r);
                    let mut path = PathBuilder::new();
                    path.move_to(x + r, y);
                    path.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
                    path.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
                    path.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
                    path.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
                    path.close();
                    if let Some(path) = path.finish() {
                        surface.set_fill(Some(Fill {
                            paint: krilla::color::rgb::Color::new(0xb3, 0x26, 0x1e).into(),
                            opacity: krilla::num::NormalizedF32::new(opacity.clamp(0.0, 1.0))
                                .unwrap_or(krilla::num::NormalizedF32::ONE),
                            ..Fill::default()
                        }));
                        surface.set_stroke(None);
                        surface.draw_path(&path);
                    }
                }
                Op::Label { x, y, size, text } => {
                    surface.set_fill(Some(Fill {
                        paint: krilla::color::rgb::Color::new(255, 255, 255).into(),
                        ..Fill::default()
                    }));
                    surface.draw_text(
                        Point::from_xy(*x, *y),
                        bold.clone(),
                        *size,
                        text,
                        false,
                        TextDirection::LeftToRight,
                    );
                }
                Op::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                } => {
                    let mut path = PathBuilder::new();
                    path.move_to(*x1, *y1);
                    path.line_to(*x2, *y2);
                    if let Some(path) = path.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            width: *width,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    pdf.finish()
        .expect("a document of text and lines is valid PDF")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text a PDF reader takes out of `pdf` (poppler's pdftotext, which the test
    /// command installs).
    pub(crate) fn text_of(pdf: &[u8]) -> String {
        let dir = std::env::temp_dir().join(format!("bont-pdf-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(format!(
            "{:x}.pdf",
            pdf.len() ^ pdf.iter().map(|b| *b as usize).sum::<usize>()
        ));
        std::fs::write(&path, pdf).expect("write pdf");
        let out = std::process::Command::new("pdftotext")
            .arg("-enc")
            .arg("UTF-8")
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext runs (apt-get install poppler-utils)");
        assert!(out.status.success(), "pdftotext failed");
        String::from_utf8(out.stdout).expect("UTF-8 text")
    }

    fn sample(rtl: bool, words: [&str; 4]) -> Document {
        Document {
            title: words[0].into(),
            right_to_left: rtl,
            blocks: vec![
                Block::Title(words[0].into()),
                Block::Heading(words[1].into()),
                Block::Text(format!("{} 130 U Botox, 2026-11-22.", words[2])),
                Block::Table {
                    header: vec![words[1].into(), "U".into()],
                    rows: vec![vec![words[3].into(), "40".into()]],
                    widths: vec![3.0, 1.0],
                },
                Block::Warning(vec![Block::Bullets(vec![words[2].into()])]),
                Block::Small("[BOTOX-OPENFDA]".into()),
            ],
        }
    }

    #[test]
    fn text_in_latin_cyrillic_and_arabic_script_comes_back_out() {
        for (rtl, words) in [
            (
                false,
                [
                    "After your injection",
                    "What was injected",
                    "The effect begins",
                    "Sternocleidomastoid",
                ],
            ),
            (
                false,
                [
                    "Po wstrzyknięciu",
                    "Co wstrzyknięto",
                    "Działanie zaczyna się",
                    "mostkowo-obojczykowo-sutkowy",
                ],
            ),
            (
                false,
                [
                    "После инъекции",
                    "Что было введено",
                    "Действие начинается",
                    "грудино-ключично-сосцевидная",
                ],
            ),
            (
                true,
                [
                    "بعد الحقن",
                    "ما الذي حقن",
                    "يبدأ التأثير",
                    "العضلة القصية الترقوية الخشائية",
                ],
            ),
        ] {
            let pdf = pdf(&sample(rtl, words));
            assert!(pdf.starts_with(b"%PDF-"));
            // The reader marks right-to-left runs with directional controls; drop them.
            let text: String = text_of(&pdf)
                .chars()
                .filter(|c| !('\u{202a}'..='\u{202e}').contains(c))
                .collect();
            for word in words {
                // Arabic comes out joined and in reading order only when shaped right;
                // compare without the spaces a reader may add or drop between runs.
                let squeeze = |s: &str| s.split_whitespace().collect::<String>();
                assert!(
                    squeeze(&text).contains(&squeeze(word)),
                    "{word:?} not in {text:?}"
                );
            }
            // Inside Arabic, a number after Arabic letters belongs to the Arabic run (the
            // bidirectional algorithm's rule W2), as a browser shows it too.
            for part in ["130", "U Botox", "2026-11-22", "BOTOX-OPENFDA"] {
                assert!(text.contains(part), "{part:?} not in {text:?}");
            }
            if !rtl {
                assert!(text.contains("130 U Botox, 2026-11-22."), "{text}");
            }
        }
    }

    #[test]
    fn long_text_wraps_and_runs_onto_further_pages() {
        let long = "word ".repeat(3000);
        let doc = Document {
            title: "long".into(),
            right_to_left: false,
            blocks: vec![Block::Text(long)],
        };
        let pdf = pdf(&doc);
        let text = text_of(&pdf);
        assert_eq!(text.matches("word").count(), 3000);
        let pages = String::from_utf8_lossy(&pdf)
            .matches("/Type /Page\n")
            .count()
            + String::from_utf8_lossy(&pdf)
                .matches("/Type /Page ")
                .count()
            + String::from_utf8_lossy(&pdf).matches("/Type/Page/").count();
        assert!(
            text.matches('\u{c}').count() >= 2 || pages >= 3,
            "several pages"
        );
    }
}

/// The document as the body of an HTML page (escaped), for printing from the browser: the
/// same blocks as the PDF.
pub fn html(document: &Document) -> String {
    fn block(out: &mut String, b: &Block) {
        use crate::escape as e;
        match b {
            Block::Title(t) => out.push_str(&format!("<h1>{}</h1>\n", e(t))),
            Block::Heading(t) => out.push_str(&format!("<h2>{}</h2>\n", e(t))),
            Block::Text(t) => out.push_str(&format!("<p>{}</p>\n", e(t).replace('\n', "<br>"))),
            Block::Small(t) => out.push_str(&format!("<p class=\"sources\">{}</p>\n", e(t))),
            Block::Bullets(items) => {
                out.push_str("<ul>\n");
                for i in items {
                    out.push_str(&format!("<li>{}</li>\n", e(i)));
                }
                out.push_str("</ul>\n");
            }
            Block::Table { header, rows, .. } => {
                out.push_str("<table class=\"list\"><thead><tr>");
                for h in header {
                    out.push_str(&format!("<th scope=\"col\">{}</th>", e(h)));
                }
                out.push_str("</tr></thead><tbody>\n");
                for r in rows {
                    out.push_str("<tr>");
                    for c in r {
                        out.push_str(&format!("<td><bdi>{}</bdi></td>", e(c)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody></table>\n");
            }
            // The page shows the body map as its own picture.
            Block::Figure(_) => {}
            Block::Warning(blocks) => {
                out.push_str("<section class=\"warning\">\n");
                for b in blocks {
                    block(out, b);
                }
                out.push_str("</section>\n");
            }
        }
    }
    let mut out = String::new();
    for b in &document.blocks {
        block(&mut out, b);
    }
    out
}

#[cfg(test)]
mod html_tests {
    use super::*;

    #[test]
    fn the_html_body_escapes_every_text() {
        let doc = Document {
            title: "t".into(),
            right_to_left: false,
            blocks: vec![
                Block::Title("<script>".into()),
                Block::Table {
                    header: vec!["a&b".into()],
                    rows: vec![vec!["\"x\"".into()]],
                    widths: vec![1.0],
                },
                Block::Warning(vec![Block::Bullets(vec!["<b>".into()])]),
            ],
        };
        let html = html(&doc);
        assert!(html.contains("<h1>&lt;script&gt;</h1>"));
        assert!(html.contains("a&amp;b") && html.contains("&quot;x&quot;"));
        assert!(html.contains("<section class=\"warning\">\n<ul>\n<li>&lt;b&gt;</li>"));
        assert!(!html.contains("<script>"));
    }
}
