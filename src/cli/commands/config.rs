//! `cse config`: the settings in force and where each came from.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use cse::catalogue::BUILTIN_LABEL;
use cse::config::{Origin, Setting};
use cse::render::table;
use cse::render::text::wrap;

use crate::cli::Outcome;
use crate::cli::{output, terminal};

use crate::cli::settings::{ConfigSource, Settings};

pub fn run(settings: &Settings) -> Result<Outcome> {
    output::emit_with(|out| write(settings, out))?;
    Ok(Outcome::Clean)
}

/// One row: the key as written in cse.toml, its value as TOML, and where it came from.
struct Row {
    key: &'static str,
    value: String,
    from: String,
}

fn from(origin: &Origin) -> String {
    match origin {
        Origin::Default => "default".to_owned(),
        Origin::File(path, line) => format!("{}:{line}", path.display()),
    }
}

fn row<T>(key: &'static str, setting: &Setting<T>, value: impl Fn(&T) -> String) -> Row {
    Row {
        key,
        value: value(&setting.value),
        from: from(&setting.origin),
    }
}

fn optional<T>(
    key: &'static str,
    setting: Option<&Setting<T>>,
    value: impl Fn(&T) -> String,
) -> Row {
    match setting {
        Some(s) => row(key, s, value),
        None => Row {
            key,
            value: "(not set)".to_owned(),
            from: "default".to_owned(),
        },
    }
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn percent(v: &f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        v.to_string()
    }
}

fn age(span: &jiff::Span) -> String {
    use jiff::fmt::friendly::{Designator, Spacing, SpanPrinter};
    let printer = SpanPrinter::new()
        .designator(Designator::Verbose)
        .spacing(Spacing::BetweenUnitsAndDesignators);
    toml_string(&printer.span_to_string(span))
}

fn units(units: &BTreeMap<String, String>) -> String {
    if units.is_empty() {
        return "{}".to_owned();
    }
    let bare = |k: &str| {
        !k.is_empty()
            && k.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let pairs: Vec<String> = units
        .iter()
        .map(|(k, v)| {
            let key = if bare(k) { k.clone() } else { toml_string(k) };
            format!("{key} = {}", toml_string(v))
        })
        .collect();
    format!("{{ {} }}", pairs.join(", "))
}

/// `["a", "b"]`
fn toml_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.map(toml_string).collect();
    format!("[{}]", items.join(", "))
}

/// Writes the settings table: where the repository, config and catalogue are, then each
/// setting with its value and origin.
fn write(settings: &Settings, out: &mut dyn Write) -> std::io::Result<()> {
    let config = &settings.config;
    let gate = &config.gate;
    let rows = [
        optional("name", config.name.as_ref(), |v| toml_string(v)),
        row("evidence_dir", &config.evidence_dir, |v| toml_string(v)),
        match &config.catalogue {
            Some(s) => row("catalogue", s, |p| toml_string(&p.display().to_string())),
            None => Row {
                key: "catalogue",
                value: "(built-in)".to_owned(),
                from: "default".to_owned(),
            },
        },
        row("review_max_age", &config.review_max_age, age),
        row("ignore", &config.ignore, |globs| {
            toml_list(globs.iter().map(|g| g.as_str()))
        }),
        row("units", &config.units, units),
        row("assessments.dir", &config.assessments_dir, |v| {
            toml_string(v)
        }),
        row("cycle.years", &config.cycle_years, u32::to_string),
        optional("gate.fail_under", gate.fail_under.as_ref(), percent),
        optional(
            "gate.fail_under_criterion",
            gate.fail_under_criterion.as_ref(),
            percent,
        ),
        optional(
            "gate.fail_under_unit",
            gate.fail_under_unit.as_ref(),
            percent,
        ),
        optional(
            "gate.priorities_fail_under",
            gate.priorities_fail_under.as_ref(),
            percent,
        ),
        optional(
            "gate.require_assessment_ready",
            gate.require_assessment_ready.as_ref(),
            bool::to_string,
        ),
        optional("gate.no_regress", gate.no_regress.as_ref(), bool::to_string),
        row("pack.withhold", &config.pack_withhold, |globs| {
            toml_list(globs.iter().map(|g| g.as_str()))
        }),
        row(
            "privacy.allow_domains",
            &config.privacy_allow_domains,
            |v| toml_list(v.iter().map(String::as_str)),
        ),
        row("privacy.allow_phones", &config.privacy_allow_phones, |v| {
            toml_list(v.iter().map(String::as_str))
        }),
        optional("documents.dir", config.documents_dir.as_ref(), |v| {
            toml_string(v)
        }),
        row(
            "checks.changed_since_review",
            &config.changed_since_review,
            bool::to_string,
        ),
    ];

    let config_line = match (settings.config_source, &config.path) {
        (ConfigSource::Flag, Some(p)) => format!("{} (from --config)", p.display()),
        (ConfigSource::Found, Some(p)) => format!("{} (found at the repository root)", p.display()),
        _ => "none: every setting is at its default (`cse init` writes a commented cse.toml)"
            .to_owned(),
    };
    let catalogue = &settings.catalogue;
    let catalogue_line = format!(
        "{}, {} elements, from {}",
        catalogue.name,
        catalogue.element_count(),
        if catalogue.source == BUILTIN_LABEL {
            "the built-in copy".to_owned()
        } else {
            catalogue.source.clone()
        }
    );
    let today_from = match std::env::var("CSE_TODAY") {
        Ok(v) if !v.is_empty() => "from CSE_TODAY",
        _ => "from the system clock",
    };
    let term = terminal::plain();
    for (label, value) in [
        ("repository", settings.root.display().to_string()),
        ("config file", config_line),
        ("catalogue", catalogue_line),
        ("today", format!("{} ({today_from})", settings.today)),
    ] {
        let first = format!("{label:<12} ");
        write!(out, "{}", wrap(&value, term.width, &first, &" ".repeat(13)))?;
    }
    writeln!(out)?;
    let mut t = table::new(&term, &["setting", "value", "from"]);
    for r in &rows {
        t.add_row([
            table::cell(r.key),
            table::cell(&r.value),
            table::cell(&r.from),
        ]);
    }
    table::fit(&mut t, 1, term.width);
    table::write(out, &t)?;
    let note =
        "A gate flag, such as `cse status --fail-under 80`, beats its [gate] setting for that run.";
    write!(out, "\n{}", wrap(note, term.width, "", ""))
}
