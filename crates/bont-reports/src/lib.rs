//! Pictures and documents built on the server: the patient timeline (plotters, SVG
//! backend only), the body map, and documents as PDF (krilla). A crate of its own because
//! drawing and PDF engines are slow to build; it reads domain types and writes text, and does no I/O.

pub mod body_map;
pub mod document;
pub mod timeline;

/// Text escaped for SVG (XML) content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
