//! `bont audit verify` and `bont audit export`: the audit trail checked link by link, and
//! written out for an inspector or another system.

use bont_db::audit::{AuditRow, ChainReport};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Format {
    Text,
    Csv,
    Json,
}

const COLUMNS: [&str; 12] = [
    "id",
    "at",
    "clinic_id",
    "user_id",
    "username",
    "action",
    "entity",
    "entity_id",
    "detail",
    "client",
    "prev_hash",
    "hash",
];

fn cells(row: &AuditRow) -> [String; 12] {
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    [
        row.id.to_string(),
        row.at.clone(),
        number(row.clinic_id),
        number(row.user_id),
        row.username.clone().unwrap_or_default(),
        row.action.clone(),
        row.entity.clone().unwrap_or_default(),
        number(row.entity_id),
        row.detail.clone(),
        row.client.clone(),
        row.prev_hash.clone().unwrap_or_default(),
        row.hash.clone().unwrap_or_default(),
    ]
}

/// The events, oldest first, as CSV (RFC 4180), JSON or aligned text.
pub fn render_events(format: Format, rows: &[AuditRow]) -> anyhow::Result<String> {
    let mut out = String::new();
    match format {
        Format::Json => {
            out = serde_json::to_string_pretty(rows)?;
            out.push('\n');
        }
        Format::Csv => {
            out.push_str(&COLUMNS.join(","));
            out.push('\n');
            for row in rows {
                let line: Vec<String> = cells(row).iter().map(|c| csv_field(c)).collect();
                out.push_str(&line.join(","));
                out.push('\n');
            }
        }
        Format::Text => {
            for row in rows {
                let c = cells(row);
                let what = if c[6].is_empty() {
                    String::new()
                } else {
                    format!("{} {}", c[6], c[7])
                };
                out.push_str(&format!(
                    "{:>7} {} {:<14} {:<22} {:<14} {} {}\n",
                    c[0], c[1], c[4], c[5], what, c[9], c[8]
                ));
            }
        }
    }
    Ok(out)
}

/// What `bont audit verify` prints.
pub fn render_report(format: Format, report: &ChainReport) -> anyhow::Result<String> {
    if format == Format::Json {
        return Ok(format!("{}\n", serde_json::to_string_pretty(report)?));
    }
    let mut out = String::new();
    if report.breaks.is_empty() {
        out.push_str(&format!(
            "The audit trail is intact: {} events, each linked to the one before.\n",
            report.events
        ));
    } else {
        out.push_str(&format!(
            "The audit trail is BROKEN: {} problem(s) in {} events.\n",
            report.breaks.len(),
            report.events
        ));
        for b in &report.breaks {
            out.push_str(&format!("  event {}: {}\n", b.id, b.problem));
        }
    }
    match report.keyed_from {
        Some(1) => out.push_str("Every event is sealed with the audit key.\n"),
        Some(from) => out.push_str(&format!(
            "Events from {from} on are sealed with the audit key (those before have plain hashes).\n"
        )),
        None => out.push_str("Checked without an audit key: plain hashes only.\n"),
    }
    match &report.last_checkpoint {
        Some(last) => out.push_str(&format!(
            "{} checkpoint(s) matched; the last at event {} ({}).\n",
            report.checkpoints_matched, last.event, last.at
        )),
        None if report.keyed_from.is_some() => out
            .push_str("No checkpoint on file yet: removal of the newest events would not show.\n"),
        None => {}
    }
    match report.expected_head_found {
        Some(true) => out.push_str("The expected head is in the chain.\n"),
        Some(false) => out.push_str(
            "The expected head is NOT in the chain: events up to it were removed or changed.\n",
        ),
        None => {}
    }
    out.push_str(&format!(
        "Head: {}\n(Note it down elsewhere; `bont audit verify --expect-head` proves later that nothing up to it was removed.)\n",
        report.head
    ));
    Ok(out)
}

/// A CSV field, quoted when it needs to be (RFC 4180). A cell a spreadsheet would run as
/// a formula (starting with =, +, -, @, a tab or a carriage return, and not a plain number)
/// is written with a leading apostrophe, so that it stays text (OWASP, CSV injection).
pub fn csv_field(text: &str) -> String {
    let formula =
        text.starts_with(['=', '+', '-', '@', '\t', '\r']) && text.trim().parse::<f64>().is_err();
    let text = if formula {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod csv_tests {
    use super::csv_field;

    #[test]
    fn a_cell_that_would_run_as_a_formula_stays_text() {
        assert_eq!(
            csv_field("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(csv_field("+48 600 100 200"), "'+48 600 100 200");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-2+3"), "'-2+3");
        assert_eq!(csv_field("\tcmd"), "'\tcmd");
        assert_eq!(csv_field("-2.5"), "-2.5", "a plain number stays a number");
        assert_eq!(csv_field("Nowak, Maria"), "\"Nowak, Maria\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
