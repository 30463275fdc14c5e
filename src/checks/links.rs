//! Relative links in the narrative must point to files that exist inside the repository.

use pulldown_cmark::{Event, Parser, Tag};

use super::{FileContext, cap};
use crate::diagnostic::{Code, Diagnostic, excerpt};
use crate::tree::{self, PathState};

/// Adds a diagnostic for each bad link, up to [`cap::MAX_PER_FILE`]; returns how many more
/// bad links there were, counted but not built.
pub(super) fn check(cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) -> usize {
    // Building the AST is the costly part; most bodies have no links at all.
    if !(cx.body.contains("](") || cx.body.contains("]:")) {
        return 0;
    }
    let mut built = 0;
    let mut not_built = 0;
    let mut cursor = Cursor::new(cx.body, cx.body_line);
    for (event, range) in Parser::new(cx.body).into_offset_iter() {
        let dest = match &event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => dest_url,
            _ => continue,
        };
        let Some(target) = local_target(dest) else {
            continue;
        };
        let resolved = tree::resolve(cx.path, &target);
        let missing = match &resolved {
            None => false,
            Some(resolved) => match cx.tree.probe(resolved) {
                PathState::File | PathState::Dir => continue,
                PathState::Outside => false,
                PathState::Missing => true,
            },
        };
        if built == cap::MAX_PER_FILE {
            not_built += 1;
            continue;
        }
        built += 1;
        let dest = excerpt(dest);
        let (line, column) = cursor.position(range.start);
        let diag = |code, message: String, help: &str| {
            Diagnostic::new(code, message)
                .file(cx.path)
                .at(cx.text, line, column)
                .span_chars(first_line_chars(&cx.body[range.clone()]))
                .help(help)
        };
        out.push(match resolved {
            Some(resolved) if missing => diag(
                Code::BrokenLink,
                format!(
                    "link `{dest}` points to a missing file (looked for {})",
                    excerpt(&resolved)
                ),
                "links are relative to this file; fix the path or add the file",
            ),
            _ => diag(
                Code::PathOutsideRepository,
                format!("link `{dest}` leads outside the repository"),
                "link only to files inside the repository, or use a full https:// address",
            ),
        });
    }
    not_built
}

/// Characters on the first line of a link, for the underline. Only a snippet's worth is
/// counted: a link nested a million times must not be read to its end for each level.
fn first_line_chars(link: &str) -> usize {
    link.chars()
        .take_while(|c| *c != '\n')
        .take(MAX_SPAN_CHARS)
        .count()
}

/// Longest underline counted; snippets longer than this are not shown anyway.
const MAX_SPAN_CHARS: usize = 1024;

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

/// Turns byte offsets in the body into 1-based lines and columns of the whole file. Offsets
/// come in increasing order, so each is found from the one before: a body with thousands of
/// links is still read once, not once per link.
struct Cursor<'a> {
    body: &'a str,
    body_line: u32,
    offset: usize,
    line: u32,
    /// Characters from the start of the line to `offset`.
    column: u32,
}

impl<'a> Cursor<'a> {
    fn new(body: &'a str, body_line: u32) -> Cursor<'a> {
        Cursor {
            body,
            body_line,
            offset: 0,
            line: body_line,
            column: 0,
        }
    }

    fn position(&mut self, offset: usize) -> (u32, u32) {
        if offset < self.offset {
            *self = Cursor::new(self.body, self.body_line);
        }
        let between = &self.body[self.offset..offset];
        match between.rfind('\n') {
            Some(last) => {
                self.line += between.matches('\n').count() as u32;
                self.column = between[last + 1..].chars().count() as u32;
            }
            None => self.column += between.chars().count() as u32,
        }
        self.offset = offset;
        (self.line, self.column + 1)
    }
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
        let mut cursor = Cursor::new("ab\ncd [x](y) [z](w)\né [x](y)", 10);
        assert_eq!(cursor.position(6), (11, 4));
        assert_eq!(cursor.position(13), (11, 11));
        assert_eq!(cursor.position(23), (12, 3));
        // Back to the start: counted again from there.
        assert_eq!(cursor.position(0), (10, 1));
        assert_eq!(cursor.position(23), (12, 3));
    }
}
