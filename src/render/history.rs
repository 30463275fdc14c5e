//! `cse history` output: a table with a sparkline, CSV, JSON and markdown.

use std::io::{self, Write};

use serde::Serialize;

use super::csv::record;
use super::escape::markdown as esc;
use super::table;
use super::text::{Terminal, cut, line as text_line, percent as pct, width as text_width, wrap};
use crate::assessment::VisitMark;
use crate::history::Point;

/// Bumped on any incompatible change to the JSON output.
pub const SCHEMA_VERSION: u32 = 1;

/// The subject's column in the table.
const SUBJECT: usize = 2;
/// Subjects longer than this are cut in the table and markdown.
const MAX_SUBJECT_CHARS: usize = 48;
/// The table never cuts subjects shorter than this.
const MIN_SUBJECT_CHARS: usize = 10;
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

/// The terminal table, fitted to `term.width`: subjects are cut rather than wrapped, so each
/// commit keeps one line.
pub fn table(points: &[Point], term: &Terminal, out: &mut dyn Write) -> io::Result<()> {
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
    header.extend(criteria.iter().map(|(id, _)| format!("C{id}")));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = points
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
    // `None`: no subject column, in a terminal too narrow for one.
    let build = |subject_width: Option<usize>| {
        let keep = |i: &usize| *i != SUBJECT || subject_width.is_some();
        let shown: Vec<&str> = (0..header.len()).filter(keep).map(|i| header[i]).collect();
        let mut t = table::new(term, &shown);
        for row in &rows {
            t.add_row(
                row.iter()
                    .enumerate()
                    .filter(|(i, _)| keep(i))
                    .map(|(i, text)| {
                        if i == SUBJECT {
                            table::cell(cut(text, subject_width.unwrap_or(0)))
                        } else {
                            table::cell(text)
                        }
                    }),
            );
        }
        let first_figure = shown.iter().position(|h| *h == "Overall").unwrap_or(0);
        table::align_right(&mut t, first_figure..shown.len());
        t
    };
    let room = table::room_for(&build(Some(0)), &[SUBJECT], term.width);
    let t = build((room >= MIN_SUBJECT_CHARS).then(|| room.min(MAX_SUBJECT_CHARS)));
    table::write(out, &t)?;
    let legend: Vec<String> = criteria
        .iter()
        .map(|(id, title)| format!("C{id} {title}"))
        .collect();
    let legend = wrap_items(&legend, "  ", term.width);
    if !legend.is_empty() {
        writeln!(out, "{legend}")?;
    }
    writeln!(out)?;
    write!(out, "{}", text_line(&summary(points), term.width, "", "  "))?;
    let problems = problems(points);
    if !problems.is_empty() {
        writeln!(out, "\nNo figures for these commits:")?;
        for p in problems {
            write!(out, "{}", wrap(&p, term.width, "  ", "    "))?;
        }
    }
    Ok(())
}

/// `items`, cleaned, joined by `sep` into lines no wider than `width`; an item wider than a
/// line is cut.
fn wrap_items(items: &[String], sep: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for item in items {
        let item = cut(item, width);
        if !line.is_empty() && text_width(&line) + sep.len() + text_width(&item) > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push_str(sep);
        }
        line.push_str(&item);
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

/// Writes the visit lines under a heading, for the table (wrapped to `width`) and markdown;
/// nothing without visits.
pub fn visits(
    marks: &[VisitMark],
    markdown: bool,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    if marks.is_empty() {
        return Ok(());
    }
    if markdown {
        out.write_all(b"\n**Assessment visits**\n\n")?;
        for line in visit_lines(marks) {
            writeln!(out, "- {line}")?;
        }
    } else {
        out.write_all(b"\nAssessment visits:\n")?;
        for line in visit_lines(marks) {
            write!(out, "{}", text_line(&line, width, "  ", "    "))?;
        }
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
