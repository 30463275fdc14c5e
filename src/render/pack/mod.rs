//! The pack's generated entries: the HTML pages, `report.html`, and `manifest.json` and
//! `manifest.csv` in the shape `pack::manifest` documents.

mod pages;

use std::io::{self, Write};

use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::pack::archive::Generated;
use crate::pack::manifest::{FileRecord, VERSION};
use crate::pack::{Plan, Target, element_page};
use crate::report::Report;

pub use pages::href;

/// What the pack's pages are made from.
pub struct PackPages<'a> {
    pub plan: &'a Plan,
    pub report: &'a Report,
    pub catalogue: &'a Catalogue,
}

impl Generated for PackPages<'_> {
    fn entries(&self) -> Vec<(String, Vec<String>)> {
        let mut out = vec![("index.html".to_owned(), Vec::new())];
        out.extend(
            self.catalogue
                .element_ids()
                .map(|e| (element_page(e), vec![e.to_owned()])),
        );
        out.push(("report.html".to_owned(), Vec::new()));
        out
    }

    fn render(&self, name: &str, out: &mut dyn Write) -> io::Result<()> {
        let text = match name {
            "index.html" => pages::index(self.plan, self.report, self.catalogue),
            "report.html" => return crate::report::html::write(self.report, out),
            _ => {
                let id = self
                    .catalogue
                    .element_ids()
                    .find(|e| element_page(e) == name)
                    .unwrap_or_default();
                pages::element(self.plan, self.report, self.catalogue, id)
            }
        };
        out.write_all(text.as_bytes())
    }

    fn manifest_json(&self, files: &[FileRecord]) -> String {
        json(self.plan, self.report, files)
    }

    fn manifest_csv(&self, files: &[FileRecord]) -> String {
        csv(files)
    }
}

#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    organisation: Option<&'a str>,
    generated: String,
    commit: Option<Commit<'a>>,
    readiness: &'a crate::readiness::Scope,
    assessment_ready: bool,
    files: &'a [FileRecord],
    elements: Vec<Element<'a>>,
    withheld: Vec<Withheld<'a>>,
}

#[derive(Serialize)]
struct Commit<'a> {
    id: &'a str,
    date: String,
    subject: &'a str,
}

#[derive(Serialize)]
struct Element<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    status: &'static str,
    owner: Option<&'a str>,
    reviewed: Option<String>,
    evidence: Vec<Evidence<'a>>,
}

#[derive(Serialize)]
struct Evidence<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sha256: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    withheld: bool,
}

#[derive(Serialize)]
struct Withheld<'a> {
    path: &'a str,
    elements: &'a [String],
    reason: &'static str,
}

/// `manifest.json`, pretty-printed, ending in a newline. `files` must be sorted by path.
pub fn json(plan: &Plan, report: &Report, files: &[FileRecord]) -> String {
    let sha_of = |entry: &str| {
        files
            .binary_search_by(|f| f.path.as_str().cmp(entry))
            .ok()
            .map(|i| files[i].sha256.as_str())
    };
    let elements = report
        .elements()
        .map(|row| {
            let items = plan.items(row.unit.as_deref(), &row.id);
            Element {
                id: &row.id,
                unit: row.unit.as_deref().filter(|_| report.multi_unit),
                status: row.status.as_str(),
                owner: row.owner.as_deref(),
                reviewed: row.reviewed.map(|d| d.to_string()),
                evidence: items
                    .iter()
                    .map(|item| {
                        let mut e = Evidence {
                            title: &item.title,
                            path: None,
                            url: None,
                            sha256: None,
                            withheld: false,
                        };
                        match &item.target {
                            Target::Url(u) => e.url = Some(u),
                            Target::Copied { path, entries } => {
                                e.path = Some(path);
                                if let [one] = &entries[..] {
                                    e.sha256 = sha_of(one);
                                }
                            }
                            Target::Withheld { path, .. } => {
                                e.path = Some(path);
                                e.withheld = true;
                            }
                            Target::None => {}
                        }
                        e
                    })
                    .collect(),
            }
        })
        .collect();
    let manifest = Manifest {
        version: VERSION,
        organisation: plan.organisation.as_deref(),
        generated: plan.generated.to_string(),
        commit: plan.commit.as_ref().map(|c| Commit {
            id: &c.id,
            date: c.date.to_string(),
            subject: &c.subject,
        }),
        readiness: &plan.readiness,
        assessment_ready: plan.assessment_ready,
        files,
        elements,
        withheld: plan
            .withheld
            .iter()
            .map(|w| Withheld {
                path: &w.path,
                elements: &w.elements,
                reason: w.reason.as_str(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    text.push('\n');
    text
}

/// `manifest.csv`: a header, then one row per file: path, sha256, bytes, elements (space-separated).
pub fn csv(files: &[FileRecord]) -> String {
    let mut out: Vec<u8> = Vec::new();
    // Writing to memory cannot fail.
    let _ = crate::render::csv::record(&mut out, ["path", "sha256", "bytes", "elements"]);
    for f in files {
        let _ = crate::render::csv::record(
            &mut out,
            [
                f.path.as_str(),
                &f.sha256,
                &f.bytes.to_string(),
                &f.elements.join(" "),
            ],
        );
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What `cse pack --verify` found: "intact", or each file that differs and a count by kind.
pub fn verification(shown: &str, result: &crate::pack::verify::Verification) -> String {
    use crate::pack::verify::Difference;
    use crate::render::escape::terminal;
    let shown = terminal(shown);
    if result.differences.is_empty() {
        return format!(
            "{shown}: intact, all {} files match manifest.json.\n",
            result.listed
        );
    }
    let mut out = String::new();
    for (file, difference) in &result.differences {
        out.push_str(&format!("{}: {}\n", difference.as_str(), terminal(file)));
    }
    let count = |kind: Difference| {
        result
            .differences
            .iter()
            .filter(|(_, d)| *d == kind)
            .count()
    };
    out.push_str(&format!(
        "{shown}: does not match manifest.json, which lists {} files: {} altered, {} missing, {} extra.\n",
        result.listed,
        count(Difference::Altered),
        count(Difference::Missing),
        count(Difference::Extra),
    ));
    out
}
