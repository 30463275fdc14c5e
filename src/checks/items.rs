//! Evidence items: each names exactly one of `path` or `url`, and it must lead somewhere real.
//! A title alone (as `cse import` adds from a spreadsheet) is a warning until one is added.

use super::FileContext;
use crate::diagnostic::{Code, Diagnostic, excerpt};
use crate::evidence::{Located, Status};
use crate::tree::{self, PathState};

pub(super) fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    let front = cx.front;
    if front.evidence.is_empty()
        && let Some(s) = &front.status
        && matches!(s.value, Status::Compliant | Status::CompliancePlus)
    {
        out.push(
            Diagnostic::new(
                Code::RatedWithoutEvidence,
                format!("status is {} but no evidence is listed", s.value),
            )
            .file(cx.path)
            .at(cx.text, s.line, s.column)
            .span_chars(s.value.as_str().len())
            .help("list at least one item under `evidence:` with a `path` or a `url`"),
        );
    }
    for item in &front.evidence {
        match (&item.path, &item.url) {
            (None, None) => out.push(
                Diagnostic::new(
                    Code::EvidenceWithoutTarget,
                    format!(
                        "evidence item `{}` has neither `path` nor `url`",
                        excerpt(&item.title.value)
                    ),
                )
                .file(cx.path)
                .at(cx.text, item.title.line, item.title.column)
                .help("add `path:` for a file in the repository or `url:` for a web page"),
            ),
            (Some(p), Some(_)) => out.push(
                Diagnostic::new(
                    Code::EvidenceTarget,
                    format!(
                        "evidence item `{}` has both `path` and `url`",
                        excerpt(&item.title.value)
                    ),
                )
                .file(cx.path)
                .at(cx.text, p.line, p.column)
                .help("keep one: split it into two items if both matter"),
            ),
            (Some(p), None) => check_path(cx, p, out),
            (None, Some(u)) => check_url(cx, u, out),
        }
    }
}

fn check_path(cx: &FileContext<'_>, p: &Located<String>, out: &mut Vec<Diagnostic>) {
    let value = p.value.trim();
    let shown = excerpt(value);
    let diag = |code, message: String, help: &str| {
        Diagnostic::new(code, message)
            .file(cx.path)
            .at(cx.text, p.line, p.column)
            .span_chars(p.value.chars().count())
            .help(help)
    };
    let outside = || {
        diag(
            Code::PathOutsideRepository,
            format!("path `{shown}` leads outside the repository"),
            "keep evidence documents inside the repository and link them with a relative path",
        )
    };
    let not_a_document = |what: &str| {
        diag(
            Code::PathNotDocument,
            format!("path `{shown}` {what}, not a document"),
            "name the file that is the evidence, such as ../docs/complaints-procedure.md",
        )
    };
    if value.is_empty() {
        out.push(diag(
            Code::PathNotDocument,
            "path is empty".into(),
            "name the file that is the evidence, such as ../docs/complaints-procedure.md",
        ));
        return;
    }
    if is_web_url(value) {
        out.push(diag(
            Code::PathNotFound,
            format!("path `{shown}` is a web address, not a file"),
            "this is a web address: use `url:` instead of `path:`",
        ));
        return;
    }
    let Some(resolved) = tree::resolve(cx.path, value) else {
        out.push(outside());
        return;
    };
    if resolved == cx.path {
        out.push(not_a_document("is this evidence file itself"));
        return;
    }
    match cx.tree.probe(&resolved) {
        PathState::File => {}
        PathState::Dir => out.push(not_a_document("is a folder")),
        PathState::Outside => out.push(outside()),
        PathState::Missing => out.push(diag(
            Code::PathNotFound,
            format!(
                "path `{shown}` does not exist (looked for {})",
                excerpt(&resolved)
            ),
            &from_the_root(cx, value).map_or_else(
                || "paths are relative to this file, like a markdown link".to_owned(),
                |meant| {
                    format!(
                        "paths are relative to the evidence file: did you mean `{}`?",
                        excerpt(&meant)
                    )
                },
            ),
        )),
    }
}

/// `value` written relative to this file, when it names a file only from the repository's
/// root (`docs/x.pdf` written in `evidence/1.1.1.md`, for `../docs/x.pdf`).
fn from_the_root(cx: &FileContext<'_>, value: &str) -> Option<String> {
    let from_root = tree::resolve("", value)?;
    if cx.tree.probe(&from_root) != PathState::File {
        return None;
    }
    let depth = cx.path.matches('/').count();
    Some(format!("{}{from_root}", "../".repeat(depth)))
}

/// An http(s) URL with a non-empty host.
pub(crate) fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    !host.is_empty() && !host.contains(char::is_whitespace)
}

fn check_url(cx: &FileContext<'_>, u: &Located<String>, out: &mut Vec<Diagnostic>) {
    let value = u.value.trim();
    let (problem, help) = if value.contains(char::is_control) {
        (
            "holds a control character (such as a line break or escape)",
            "write the address on one line, with no hidden characters",
        )
    } else if !is_web_url(value) {
        (
            "is not an http or https address",
            "write a full web address such as https://example.org/page; use `path:` for files",
        )
    } else {
        return;
    };
    out.push(
        Diagnostic::new(Code::InvalidUrl, format!("`{}` {problem}", excerpt(value)))
            .file(cx.path)
            .at(cx.text, u.line, u.column)
            .span_chars(u.value.chars().count())
            .help(help),
    );
}

#[cfg(test)]
mod tests {
    use super::is_web_url;

    #[test]
    fn web_urls() {
        assert!(is_web_url("https://example.org/x"));
        assert!(is_web_url("HTTP://example.org"));
        assert!(!is_web_url("http://"));
        assert!(!is_web_url("https:///path"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("file:///etc/passwd"));
        assert!(!is_web_url("ftp://example.org"));
    }
}
