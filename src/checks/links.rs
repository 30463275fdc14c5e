//! Relative links in the narrative must point to files that exist inside the repository.

use pulldown_cmark::{Event, Parser, Tag};

use super::FileContext;
use crate::diagnostic::{Code, Diagnostic, excerpt};
use crate::tree::{self, PathState};

pub(super) fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
    // Building the AST is the costly part; most bodies have no links at all.
    if !(cx.body.contains("](") || cx.body.contains("]:")) {
        return;
    }
    for (event, range) in Parser::new(cx.body).into_offset_iter() {
        let dest = match &event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => dest_url,
            _ => continue,
        };
        let Some(target) = local_target(dest) else {
            continue;
        };
        let dest = excerpt(dest);
        let (line, column) = position(cx.body, range.start, cx.body_line);
        let diag = |code, message: String, help: &str| {
            Diagnostic::new(code, message)
                .file(cx.path)
                .at(cx.text, line, column)
                .span_chars(
                    cx.body[range.clone()]
                        .lines()
                        .next()
                        .map_or(1, |l| l.chars().count()),
                )
                .help(help)
        };
        match tree::resolve(cx.path, &target) {
            None => out.push(diag(
                Code::PathOutsideRepository,
                format!("link `{dest}` leads outside the repository"),
                "link only to files inside the repository, or use a full https:// address",
            )),
            Some(resolved) => match cx.tree.probe(&resolved) {
                PathState::File | PathState::Dir => {}
                PathState::Outside => out.push(diag(
                    Code::PathOutsideRepository,
                    format!("link `{dest}` leads outside the repository"),
                    "link only to files inside the repository, or use a full https:// address",
                )),
                PathState::Missing => out.push(diag(
                    Code::BrokenLink,
                    format!(
                        "link `{dest}` points to a missing file (looked for {})",
                        excerpt(&resolved)
                    ),
                    "links are relative to this file; fix the path or add the file",
                )),
            },
        }
    }
}

/// The file part of a relative link, percent-decoded; `None` for web, mail and in-page links.
fn local_target(dest: &str) -> Option<String> {
    let dest = dest.trim();
    if dest.is_empty() || dest.starts_with('#') || dest.starts_with("//") {
        return None;
    }
    let before_slash = dest.split('/').next().unwrap_or(dest);
    if let Some(colon) = before_slash.find(':') {
        // A scheme such as https:, mailto: or tel:, but not a Windows drive letter.
        if colon > 1 {
            return None;
        }
    }
    let path = dest.split(['#', '?']).next().unwrap_or(dest);
    if path.is_empty() {
        return None;
    }
    Some(percent_decode(path))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// 1-based line and column in the whole file of a byte offset in the body.
fn position(body: &str, offset: usize, body_line: u32) -> (u32, u32) {
    let before = &body[..offset];
    let line = body_line + before.matches('\n').count() as u32;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        assert_eq!(
            local_target("../docs/a%20b.pdf#p2").as_deref(),
            Some("../docs/a b.pdf")
        );
        assert_eq!(local_target("https://example.org"), None);
        assert_eq!(local_target("mailto:a@b.c"), None);
        assert_eq!(local_target("#section"), None);
        assert_eq!(local_target("//cdn.example.org/x"), None);
        assert_eq!(local_target("C:/x").as_deref(), Some("C:/x"));
    }

    #[test]
    fn positions() {
        assert_eq!(position("ab\ncd [x](y)", 6, 10), (11, 4));
        assert_eq!(position("é [x](y)", 3, 5), (5, 3));
    }
}
