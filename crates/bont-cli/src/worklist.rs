//! `bont worklist`: the same worklist as the web page, printed for a day as text for
//! people, CSV for spreadsheets or JSON for other programs.

use crate::audit::csv_field;
use bont_db::outcomes::{NeverFollowedUp, WorklistRow};
use jiff::civil::Date;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Format {
    Text,
    Csv,
    Json,
}

const COLUMNS: [&str; 12] = [
    "standing",
    "due",
    "booked_on",
    "follow_up",
    "record_number",
    "patient",
    "phone",
    "indication",
    "session_date",
    "dose",
    "physician",
    "serious_adverse_event",
];

/// A worklist line as the JSON output writes it: the row with whom it is about.
#[derive(Serialize)]
struct Line<'a> {
    #[serde(flatten)]
    row: &'a WorklistRow,
    patient_name: String,
    record_number: String,
    phone: Option<String>,
}

impl<'a> From<&'a WorklistRow> for Line<'a> {
    fn from(row: &'a WorklistRow) -> Self {
        Line {
            row,
            patient_name: row.patient.record.name.display(),
            record_number: row.patient.record.record_number.to_string(),
            phone: row
                .patient
                .record
                .contact
                .phone
                .as_ref()
                .map(ToString::to_string),
        }
    }
}

fn cells(row: &WorklistRow) -> [String; 12] {
    let f = &row.follow_up;
    let line = Line::from(row);
    [
        row.standing.id().to_owned(),
        f.due_on.to_string(),
        f.booked_on.map(|d| d.to_string()).unwrap_or_default(),
        f.kind.id().to_owned(),
        line.record_number,
        line.patient_name,
        line.phone.unwrap_or_default(),
        row.indication.clone(),
        row.session_date.to_string(),
        // Units always with their product: units of different products never mix.
        format!("{} U {}", row.total_units, row.product),
        row.physician.clone().unwrap_or_default(),
        if row.alarming_event { "yes" } else { "" }.to_owned(),
    ]
}

pub fn render(
    format: Format,
    day: Date,
    lines: &[WorklistRow],
    never: &[NeverFollowedUp],
) -> anyhow::Result<String> {
    let mut out = String::new();
    match format {
        Format::Json => {
            let never: Vec<serde_json::Value> = never
                .iter()
                .map(|n| {
                    let mut v = serde_json::to_value(n).unwrap_or_default();
                    v["patient_name"] = n.patient.record.name.display().into();
                    v["record_number"] = n.patient.record.record_number.to_string().into();
                    v
                })
                .collect();
            out = serde_json::to_string_pretty(&serde_json::json!({
                "date": day,
                "follow_ups": lines.iter().map(Line::from).collect::<Vec<_>>(),
                "never_followed_up": never,
            }))?;
            out.push('\n');
        }
        Format::Csv => {
            out.push_str(&COLUMNS.join(","));
            out.push('\n');
            for line in lines {
                let row: Vec<String> = cells(line).iter().map(|c| csv_field(c)).collect();
                out.push_str(&row.join(","));
                out.push('\n');
            }
            for n in never {
                let row = [
                    "never_followed_up".to_owned(),
                    String::new(),
                    String::new(),
                    String::new(),
                    n.patient.record.record_number.to_string(),
                    n.patient.record.name.display(),
                    String::new(),
                    n.indication.clone(),
                    n.session_date.to_string(),
                    String::new(),
                    n.physician.clone().unwrap_or_default(),
                    String::new(),
                ];
                let row: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
                out.push_str(&row.join(","));
                out.push('\n');
            }
        }
        Format::Text => {
            out.push_str(&format!("Worklist for {day}\n"));
            if lines.is_empty() {
                out.push_str("Nothing to follow up.\n");
            }
            for line in lines {
                let c = cells(line);
                let booked = if c[2].is_empty() {
                    String::new()
                } else {
                    format!(" (visit booked {})", c[2])
                };
                let alarm = if line.alarming_event {
                    "  [serious adverse event on record]"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "{:<14} {} {:<16} {:<10} {:<28} {:<16} {} {} ({}){booked}{alarm}\n",
                    c[0], c[1], c[3], c[4], c[5], c[6], c[8], c[9], c[7]
                ));
            }
            if !never.is_empty() {
                out.push_str(&format!(
                    "\nSessions never followed up ({}):\n",
                    never.len()
                ));
                for n in never {
                    out.push_str(&format!(
                        "  {} {:<10} {:<28} {}\n",
                        n.session_date,
                        n.patient.record.record_number,
                        n.patient.record.name.display(),
                        n.indication
                    ));
                }
            }
        }
    }
    Ok(out)
}
