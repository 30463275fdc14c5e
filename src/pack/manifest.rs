//! The manifest's data: every file of the pack with its SHA-256. Versioned; the JSON Schema
//! is [`schema`] (`cse schema --manifest`); `render::pack` writes manifest.json and .csv.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

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

/// What `--verify` reads back: the version and the files.
#[derive(Debug, Deserialize)]
pub struct ReadBack {
    pub version: u32,
    pub files: Vec<FileRecord>,
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
