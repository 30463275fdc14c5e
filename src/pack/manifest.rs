//! `manifest.json` and `manifest.csv`: every file of the pack with its SHA-256, and every
//! element with its evidence. Versioned; the JSON Schema is [`schema`] (`cse schema --manifest`).

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::{Plan, Target};
use crate::report::Report;

/// Bumped on any incompatible change to the manifest.
pub const VERSION: u32 = 1;

/// The manifest's own entries, which `files` does not list.
pub const JSON_NAME: &str = "manifest.json";
pub const CSV_NAME: &str = "manifest.csv";

/// One file of the pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRecord {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
    pub elements: Vec<String>,
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

/// What `--verify` reads back: the version and the files.
#[derive(Debug, Deserialize)]
pub struct ReadBack {
    pub version: u32,
    pub files: Vec<FileRecord>,
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
    let mut out = crate::render::csv::record(["path", "sha256", "bytes", "elements"]);
    for f in files {
        out.push_str(&crate::render::csv::record([
            f.path.as_str(),
            &f.sha256,
            &f.bytes.to_string(),
            &f.elements.join(" "),
        ]));
    }
    out
}

/// The JSON Schema (draft-07) of `manifest.json`.
pub fn schema() -> Value {
    let sha = json!({"type": "string", "pattern": "^[0-9a-f]{64}$"});
    let date = json!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"});
    let ids = json!({"type": "array", "items": {"type": "string"}});
    let status_words: Vec<&str> = crate::evidence::Status::words()
        .chain(["missing", "invalid"])
        .collect();
    let counts: serde_json::Map<String, Value> = crate::readiness::Counts::NAMES
        .iter()
        .map(|n| (n.to_string(), json!({"type": "integer", "minimum": 0})))
        .collect();
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "cse evidence pack manifest",
        "description": "manifest.json in a zip written by `cse pack`: every file with its SHA-256, and every element with its evidence.",
        "type": "object",
        "additionalProperties": false,
        "required": ["version", "organisation", "generated", "commit", "readiness", "assessment_ready", "files", "elements", "withheld"],
        "properties": {
            "version": {"const": VERSION},
            "organisation": {"type": ["string", "null"], "description": "`name` in cse.toml."},
            "generated": date.clone(),
            "commit": {
                "description": "The commit packed; null for the working tree.",
                "oneOf": [
                    {"type": "null"},
                    {
                        "type": "object",
                        "additionalProperties": false,
                        "required": ["id", "date", "subject"],
                        "properties": {
                            "id": {"type": "string", "pattern": "^[0-9a-f]{40,64}$"},
                            "date": date.clone(),
                            "subject": {"type": "string"}
                        }
                    }
                ]
            },
            "readiness": {
                "description": "Overall readiness, as `overall` in `cse status --format json`.",
                "type": "object",
                "additionalProperties": false,
                "required": ["elements", "ready", "readiness", "counts"],
                "properties": {
                    "elements": {"type": "integer", "minimum": 0},
                    "ready": {"type": "integer", "minimum": 0},
                    "readiness": {"type": "number", "minimum": 0, "maximum": 100},
                    "counts": {
                        "type": "object",
                        "additionalProperties": false,
                        "required": crate::readiness::Counts::NAMES,
                        "properties": counts
                    }
                }
            },
            "assessment_ready": {"type": "boolean"},
            "files": {
                "description": "Every entry of the zip except manifest.json and manifest.csv, sorted by path.",
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["path", "sha256", "bytes", "elements"],
                    "properties": {
                        "path": {"type": "string"},
                        "sha256": sha.clone(),
                        "bytes": {"type": "integer", "minimum": 0},
                        "elements": ids.clone()
                    }
                }
            },
            "elements": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["id", "status", "owner", "reviewed", "evidence"],
                    "properties": {
                        "id": {"type": "string"},
                        "unit": {"type": "string", "description": "With several units: the unit."},
                        "status": {"enum": status_words},
                        "owner": {"type": ["string", "null"]},
                        "reviewed": {"oneOf": [{"type": "null"}, date]},
                        "evidence": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "additionalProperties": false,
                                "required": ["title"],
                                "properties": {
                                    "title": {"type": "string"},
                                    "path": {"type": "string", "description": "Repository-relative; its copy is documents/<path>."},
                                    "url": {"type": "string"},
                                    "sha256": sha,
                                    "withheld": {"const": true}
                                }
                            }
                        }
                    }
                }
            },
            "withheld": {
                "description": "Cited files that are not in the pack, and why.",
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["path", "elements", "reason"],
                    "properties": {
                        "path": {"type": "string"},
                        "elements": ids,
                        "reason": {"enum": ["internal", "withhold"]}
                    }
                }
            }
        }
    })
}
