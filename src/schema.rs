//! A JSON Schema (draft-07) of the evidence front matter, for editors and other tools.
//!
//! Written by hand from the format in `evidence`; the tests hold it to `evidence::FIELDS` and
//! `Status::ALL`, and to what the parser accepts.

use serde_json::{Value, json};

use crate::assessment::Word;
use crate::catalogue::Catalogue;
use crate::evidence::Status;

/// The words YAML 1.1 used for booleans, which `done:` also accepts.
pub const YAML11_BOOLEANS: &[&str] = &[
    "yes", "no", "on", "off", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF",
];

fn date_schema() -> Value {
    json!({
        "type": "string",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ].*)?$",
        "description": "A date, YYYY-MM-DD (a full YAML timestamp is accepted and its date used)."
    })
}

fn text_schema() -> Value {
    json!({
        "type": ["string", "number", "boolean"],
        "description": "Text (a number or true/false is read as text)."
    })
}

/// The schema of an assessment record (`assessments/YYYY-MM-DD.yaml`), with the rated
/// elements limited to the ids of `catalogue`.
pub fn assessment(catalogue: &Catalogue) -> Value {
    let ratings: Vec<&str> = crate::assessment::ratings().map(Status::as_str).collect();
    let ids: Vec<&str> = catalogue.element_ids().collect();
    let optional_text = json!({"type": ["string", "number", "boolean", "null"]});
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "cse assessment record",
        "description": format!(
            "What the assessor found at one visit, for {}: `cse check` checks it, `cse assessment` shows it.",
            catalogue.name
        ),
        "type": "object",
        "additionalProperties": false,
        "required": ["date", "kind", "outcome"],
        "properties": {
            "date": {"allOf": [date_schema()], "description": "The day of the visit; the file is named after it."},
            "kind": {"type": "string", "enum": crate::assessment::Kind::words().collect::<Vec<_>>()},
            "body": optional_text,
            "assessor": optional_text,
            "outcome": {"type": "string", "enum": crate::assessment::Outcome::words().collect::<Vec<_>>()},
            "ratings": {
                "type": ["object", "null"],
                "description": "The elements the assessor rated; an element not looked at is left out.",
                "propertyNames": {"enum": ids},
                "additionalProperties": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["rating"],
                    "properties": {
                        "rating": {"type": "string", "enum": ratings},
                        "note": optional_text,
                        "due": {
                            "anyOf": [date_schema(), {"type": "null"}],
                            "description": "When a partial must be put right, YYYY-MM-DD."
                        }
                    }
                }
            },
            "areas_for_development": {
                "type": ["array", "null"],
                "items": text_schema()
            }
        }
    })
}

/// The schema, with `element` limited to the ids of `catalogue`.
pub fn front_matter(catalogue: &Catalogue) -> Value {
    let date = date_schema();
    let text = text_schema();
    let statuses: Vec<&str> = Status::words().collect();
    let status_help: Vec<String> = Status::ALL
        .iter()
        .map(|s| format!("`{}` ({})", s.as_str(), s.label()))
        .collect();
    let ids: Vec<&str> = catalogue.element_ids().collect();
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "cse evidence front matter",
        "description": format!(
            "The YAML front matter of one evidence file for {}: `cse` checks it with `cse check`.",
            catalogue.name
        ),
        "type": "object",
        "additionalProperties": false,
        "required": ["element", "status"],
        "properties": {
            "element": {
                "type": "string",
                "enum": ids,
                "description": "The element id. It must match the file name: 1.2.2.md holds element 1.2.2."
            },
            "status": {
                "type": "string",
                "enum": statuses,
                "description": format!("The rating: {}.", status_help.join(", "))
            },
            "owner": {
                "type": ["string", "number", "boolean", "null"],
                "description": "Who looks after this element's evidence."
            },
            "reviewed": {
                "anyOf": [date, {"type": "null"}],
                "description": "When the evidence was last reviewed, YYYY-MM-DD."
            },
            "evidence": {
                "type": ["array", "null"],
                "description": "The documents that prove the element is met. Needed for compliant and compliance-plus.",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["title"],
                    "properties": {
                        "title": text,
                        "path": {
                            "type": "string",
                            "description": "A file in the repository, relative to this evidence file, like a markdown link."
                        },
                        "url": {
                            "type": "string",
                            "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+",
                            "description": "An http or https address."
                        },
                        "internal": {
                            "type": "boolean",
                            "default": false,
                            "description": "Kept inside the organisation: `cse pack` lists it as withheld and does not copy it."
                        }
                    },
                    "oneOf": [
                        {"required": ["path"], "not": {"required": ["url"]}},
                        {"required": ["url"], "not": {"required": ["path"]}}
                    ]
                }
            },
            "actions": {
                "type": ["array", "null"],
                "description": "The action plan: what is still to do for this element.",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["action"],
                    "properties": {
                        "action": text,
                        "owner": {
                            "type": ["string", "number", "boolean", "null"],
                            "description": "Who does it."
                        },
                        "due": {
                            "anyOf": [date, {"type": "null"}],
                            "description": "When it is due, YYYY-MM-DD."
                        },
                        "done": {
                            "anyOf": [
                                {"type": "boolean"},
                                {"type": "string", "enum": YAML11_BOOLEANS}
                            ],
                            "default": false,
                            "description": "Whether it is done: true or false."
                        }
                    }
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::{FIELDS, parse_front_matter};

    fn schema() -> Value {
        front_matter(&Catalogue::builtin().unwrap())
    }

    #[test]
    fn lists_every_field_and_status() {
        let s = schema();
        let props = s["properties"].as_object().unwrap();
        let mut keys: Vec<&str> = props.keys().map(String::as_str).collect();
        let mut fields = FIELDS.to_vec();
        keys.sort_unstable();
        fields.sort_unstable();
        assert_eq!(keys, fields);
        let words: Vec<&str> = props["status"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(words, Status::words().collect::<Vec<_>>());
        assert_eq!(props["element"]["enum"].as_array().unwrap().len(), 57);
    }

    #[test]
    fn assessment_schema_lists_every_key_and_rating() {
        let s = assessment(&Catalogue::builtin().unwrap());
        let mut keys: Vec<&str> = s["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut fields = crate::assessment::FIELDS.to_vec();
        keys.sort_unstable();
        fields.sort_unstable();
        assert_eq!(keys, fields);
        let ratings =
            &s["properties"]["ratings"]["additionalProperties"]["properties"]["rating"]["enum"];
        assert_eq!(ratings.as_array().unwrap().len(), Status::ALL.len() - 1);
    }

    #[test]
    fn yaml11_booleans_are_what_the_parser_accepts() {
        for word in YAML11_BOOLEANS {
            let text = format!(
                "---\nelement: 1.1.1\nstatus: partial\nactions:\n  - action: A\n    done: {word}\n---\n"
            );
            let (front, _, _, diags) = parse_front_matter("evidence/1.1.1.md", &text);
            assert!(diags.is_empty(), "`done: {word}`: {diags:?}");
            let expected = matches!(word.to_ascii_lowercase().as_str(), "yes" | "on");
            assert_eq!(front.unwrap().actions[0].done, expected, "{word}");
        }
    }
}
