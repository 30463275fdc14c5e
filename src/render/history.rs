//! `cse history` output: a table with a sparkline, CSV, JSON and markdown.

use std::io::{self, Write};

use comfy_table::{CellAlignment, ContentArrangement, LineStyle, Table, TableStyle};
use serde::Serialize;

use super::csv::record;
use super::escape::{markdown as esc, terminal};
use super::text::{cut, percent as pct};
use crate::assessment::VisitMark;
use crate::history::Point;

/// Bumped on any incompatible change to the JSON output.
pub const SCHEMA_VERSION: u32 = 1;

/// Tables: a rule under the header, nothing else.
pub(crate) const TABLE_STYLE: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─'));

/// Characters around each column's content in [`TABLE_STYLE`].
const COLUMN_GAP: usize = 3;

/// Subjects longer than this are cut in the table and markdown.
const MAX_SUBJECT_CHARS: usize = 48;
/// The sparkline never gets longer than this; longer histories are sampled.
const MAX_SPARKLINE_CHARS: usize = 60;

/// The criteria shown as columns: those of the newest commit whose figures are known.
fn criteria(points: &[Point]) -> Vec<(String, String)> {
    points
        .iter()
        .rev()
        .find_map(|p| p.figures.as_ref().ok())
        .map(|f| {
            f.criteria
                .iter()
                .map(|c| (c.id.clone(), c.title.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// One character per value, from ▁ (0%) to █ (100%); a gap where there is no value.
pub fn sparkline(values: &[Option<f64>]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let step = values.len().div_ceil(MAX_SPARKLINE_CHARS).max(1);
    values
        .chunks(step)
        .map(|chunk| match chunk.iter().rev().find_map(|v| *v) {
            // Each bar stands for the last known value of its chunk.
            Some(v) => BARS[((v.clamp(0.0, 100.0) / 100.0) * 7.0).round() as usize],
            None => ' ',
        })
        .collect()
}

/// "Overall readiness over 7 commits: ▁▂▃▅▆▇█ 12.3% → 45.6% (+33.3)"
fn summary(points: &[Point]) -> String {
    let values: Vec<Option<f64>> = points
        .iter()
        .map(|p| p.figures.as_ref().ok().map(|f| f.overall.readiness))
        .collect();
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    let n = points.len();
    let mut s = format!(
        "Overall readiness over {n} commit{}: {}",
        if n == 1 { "" } else { "s" },
        sparkline(&values)
    );
    if let (Some(first), Some(last)) = (known.first(), known.last()) {
        let change = ((last - first) * 10.0).round() / 10.0;
        s.push_str(&format!(
            "  {} → {} ({}{change:.1})",
            pct(*first),
            pct(*last),
            if change >= 0.0 { "+" } else { "" }
        ));
    }
    s
}

fn problems(points: &[Point]) -> Vec<String> {
    points
        .iter()
        .filter_map(|p| {
            p.figures
                .as_ref()
                .err()
                .map(|e| format!("{} {}: {e}", p.commit.date, p.commit.short))
        })
        .collect()
}

const EMPTY: &str = "No commit in this range changed the evidence, a document it cites, cse.toml or the catalogue.\n";

/// The terminal table. `width` is the terminal's, when known.
pub fn table(points: &[Point], width: Option<u16>, out: &mut dyn Write) -> io::Result<()> {
    if points.is_empty() {
        return out.write_all(EMPTY.as_bytes());
    }
    let criteria = criteria(points);
    let mut header = vec![
        "Date".to_owned(),
        "Commit".into(),
        "Subject".into(),
        "Overall".into(),
    ];
    header.extend(
        criteria
            .iter()
            .map(|(id, _)| terminal(&format!("C{id}")).into_owned()),
    );
    let mut rows: Vec<Vec<String>> = points
        .iter()
        .map(|p| {
            let mut row = vec![
                p.commit.date.to_string(),
                p.commit.short.clone(),
                p.commit.subject.clone(),
            ];
            match &p.figures {
                Ok(f) => {
                    row.push(pct(f.overall.readiness));
                    for (id, _) in &criteria {
                        row.push(
                            p.criterion(id)
                                .map_or("–".into(), |c| pct(c.fraction.readiness)),
                        );
                    }
                }
                Err(_) => row.extend(std::iter::repeat_n("–".to_owned(), criteria.len() + 1)),
            }
            row
        })
        .collect();
    // Subjects are cut to fit the terminal rather than wrapped over several lines.
    let others: usize = (0..header.len())
        .filter(|&i| i != 2)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([header[i].chars().count()])
                .max()
                .unwrap_or(0)
                + COLUMN_GAP
        })
        .sum();
    let room = width.map_or(MAX_SUBJECT_CHARS, |w| {
        usize::from(w)
            .saturating_sub(others + COLUMN_GAP)
            .clamp(12, MAX_SUBJECT_CHARS)
    });
    for row in &mut rows {
        row[2] = cut(&row[2], room);
    }
    let mut t = Table::new();
    t.load_style(TABLE_STYLE)
        .force_no_tty()
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header)
        .add_rows(rows);
    for i in 3..4 + criteria.len() {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    write_trimmed(out, &t.to_string())?;
    let legend: Vec<String> = criteria
        .iter()
        .map(|(id, title)| terminal(&format!("C{id} {title}")).into_owned())
        .collect();
    let legend = wrap(&legend, "  ", usize::from(width.unwrap_or(100)));
    if !legend.is_empty() {
        writeln!(out, "{legend}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", summary(points))?;
    let problems = problems(points);
    if !problems.is_empty() {
        writeln!(out, "\nNo figures for these commits:")?;
        for p in problems {
            writeln!(out, "  {}", terminal(&p))?;
        }
    }
    Ok(())
}

/// Writes each line without the padding a table leaves at its end, each ending in a newline.
pub(crate) fn write_trimmed(out: &mut dyn Write, text: &str) -> io::Result<()> {
    for line in text.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// `items` joined by `sep` into lines no wider than `width` (unless one item is).
fn wrap(items: &[String], sep: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for item in items {
        if !line.is_empty() && line.chars().count() + sep.len() + item.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push_str(sep);
        }
        line.push_str(item);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.join("\n")
}

/// A markdown table, for reports and wikis.
pub fn markdown(points: &[Point], out: &mut dyn Write) -> io::Result<()> {
    if points.is_empty() {
        return out.write_all(EMPTY.as_bytes());
    }
    let criteria = criteria(points);
    write!(out, "| Date | Commit | Subject | Overall |")?;
    for (id, title) in &criteria {
        write!(out, " {} {} |", esc(id), esc(title))?;
    }
    write!(out, "\n|:--|:--|:--|--:|")?;
    write!(out, "{}", "--:|".repeat(criteria.len()))?;
    writeln!(out)?;
    for p in points {
        write!(
            out,
            "| {} | `{}` | {} |",
            p.commit.date,
            p.commit.short,
            esc(&cut(&p.commit.subject, MAX_SUBJECT_CHARS))
        )?;
        match &p.figures {
            Ok(f) => {
                write!(out, " {} |", pct(f.overall.readiness))?;
                for (id, _) in &criteria {
                    let v = p
                        .criterion(id)
                        .map_or("–".into(), |c| pct(c.fraction.readiness));
                    write!(out, " {v} |")?;
                }
            }
            Err(_) => write!(out, "{}", " – |".repeat(criteria.len() + 1))?,
        }
        writeln!(out)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", summary(points))?;
    let problems = problems(points);
    if !problems.is_empty() {
        write!(out, "\nNo figures for these commits:\n\n")?;
        for p in problems {
            writeln!(out, "- {}", esc(&p))?;
        }
    }
    Ok(())
}

/// CSV with a header row; percentages as plain numbers.
pub fn csv(points: &[Point], out: &mut dyn Write) -> io::Result<()> {
    let criteria = criteria(points);
    let mut header: Vec<String> = ["date", "commit", "subject", "overall"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    header.extend(criteria.iter().map(|(id, _)| format!("criterion {id}")));
    header.extend(
        ["ready", "elements", "invalid", "errors", "problem"]
            .iter()
            .map(|s| (*s).to_owned()),
    );
    record(out, &header)?;
    for p in points {
        let mut row = vec![
            p.commit.date.to_string(),
            p.commit.id.clone(),
            p.commit.subject.clone(),
        ];
        match &p.figures {
            Ok(f) => {
                row.push(format!("{:.1}", f.overall.readiness));
                for (id, _) in &criteria {
                    row.push(
                        p.criterion(id)
                            .map_or(String::new(), |c| format!("{:.1}", c.fraction.readiness)),
                    );
                }
                row.extend([
                    f.overall.ready.to_string(),
                    f.overall.elements.to_string(),
                    f.invalid.to_string(),
                    f.errors.to_string(),
                    String::new(),
                ]);
            }
            Err(e) => {
                row.extend(std::iter::repeat_n(String::new(), criteria.len() + 5));
                row.push(e.clone());
            }
        }
        record(out, &row)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    version: u32,
    commits: Vec<JsonPoint<'a>>,
    assessments: Vec<JsonVisit>,
}

#[derive(Serialize)]
struct JsonPoint<'a> {
    commit: &'a str,
    short: &'a str,
    date: String,
    time: String,
    subject: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    figures: Option<&'a crate::history::Figures>,
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<&'a str>,
}

/// The recorded assessment visits in the period, in words: one line each.
fn visit_lines(marks: &[VisitMark]) -> Vec<String> {
    marks
        .iter()
        .map(|m| {
            let own = match &m.self_compliance_plus {
                Some((n, short)) => format!("self-assessed {n} (commit {short})"),
                None => "self-assessed unknown".to_owned(),
            };
            format!(
                "{}  Compliance Plus: assessor {}, {own}",
                m.date, m.assessor_compliance_plus
            )
        })
        .collect()
}

/// Writes the visit lines under a heading, for the table and markdown; nothing without visits.
pub fn visits(marks: &[VisitMark], markdown: bool, out: &mut dyn Write) -> io::Result<()> {
    if marks.is_empty() {
        return Ok(());
    }
    let (heading, bullet) = if markdown {
        ("\n**Assessment visits**\n\n", "- ")
    } else {
        ("\nAssessment visits:\n", "  ")
    };
    out.write_all(heading.as_bytes())?;
    for line in visit_lines(marks) {
        writeln!(out, "{bullet}{line}")?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonVisit {
    date: String,
    assessor_compliance_plus: usize,
    self_compliance_plus: Option<usize>,
    commit: Option<String>,
}

/// The versioned JSON document: one object per commit, oldest first, then the recorded
/// assessment visits in the period.
pub fn json(points: &[Point], marks: &[VisitMark], out: &mut dyn Write) -> io::Result<()> {
    let doc = JsonDocument {
        version: SCHEMA_VERSION,
        assessments: marks
            .iter()
            .map(|m| JsonVisit {
                date: m.date.to_string(),
                assessor_compliance_plus: m.assessor_compliance_plus,
                self_compliance_plus: m.self_compliance_plus.as_ref().map(|(n, _)| *n),
                commit: m.self_compliance_plus.as_ref().map(|(_, c)| c.clone()),
            })
            .collect(),
        commits: points
            .iter()
            .map(|p| JsonPoint {
                commit: &p.commit.id,
                short: &p.commit.short,
                date: p.commit.date.to_string(),
                time: p.commit.time.to_string(),
                subject: &p.commit.subject,
                figures: p.figures.as_ref().ok(),
                problem: p.figures.as_ref().err().map(String::as_str),
            })
            .collect(),
    };
    super::json::write(&doc, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_levels() {
        assert_eq!(
            sparkline(&[Some(0.0), Some(50.0), Some(100.0), None]),
            "▁▅█ "
        );
        let long: Vec<Option<f64>> = (0..=120).map(|i| Some(i as f64 / 1.2)).collect();
        let line = sparkline(&long);
        assert!(line.chars().count() <= MAX_SPARKLINE_CHARS);
        assert!(line.ends_with('█') && line.starts_with('▁'));
    }
}
