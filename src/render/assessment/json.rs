//! `cse assessment --format json`: the versioned document in docs/assessments.md.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use crate::assessment::Word;
use crate::assessment::visit::{Counts, VisitReport};

pub const SCHEMA_VERSION: u32 = 1;

fn counts(c: &Counts) -> Value {
    let mut map = Map::new();
    for (status, n) in &c.rated {
        map.insert(status.as_str().to_owned(), json!(n));
    }
    map.insert("not-rated".to_owned(), json!(c.not_rated));
    Value::Object(map)
}

pub fn write(r: &VisitReport, out: &mut dyn Write) -> io::Result<()> {
    let v = &r.visit;
    let doc = json!({
        "version": SCHEMA_VERSION,
        "date": v.date.to_string(),
        "kind": v.kind.as_str(),
        "outcome": v.outcome.as_str(),
        "body": v.body,
        "assessor": v.assessor,
        "file": v.path,
        "counts": counts(&r.counts),
        "criteria": r.criteria.iter().map(|c| json!({
            "id": c.id,
            "title": c.title,
            "counts": counts(&c.counts),
        })).collect::<Vec<_>>(),
        "compliance_plus": r.compliance_plus,
        "partials": r.partials.iter().map(|p| json!({
            "id": p.id,
            "due": p.due.map(|d| d.to_string()),
            "note": p.note,
            "ready_now": p.ready_now,
            "overdue": p.overdue,
        })).collect::<Vec<_>>(),
        "since_previous": r.since_previous.as_ref().map(|c| json!({
            "previous": c.previous.map(|d| d.to_string()),
            "gained": c.gained,
            "retained": c.retained,
            "lost": c.lost,
            "closed": c.closed,
            "new_partials": c.new_partials,
        })),
        "differences": r.differences.iter().map(|d| json!({
            "id": d.id,
            "self": d.own.as_str(),
            "assessor": d.assessor.as_str(),
            "rated_on": d.rated_on.to_string(),
            "changed_since": d.changed_on.is_some(),
            "changed_on": d.changed_on.map(|d| d.to_string()),
        })).collect::<Vec<_>>(),
        "areas_for_development": v.areas_for_development,
    });
    crate::render::json::write(&doc, out)
}
