//! The one function per target that makes a string from a repository (evidence, cse.toml,
//! the catalogue, commit subjects, file names) safe to write: [`terminal`] for text on a
//! terminal, [`csv`] for a spreadsheet cell, [`markdown`] and [`markdown_code`] for markdown,
//! [`html`] for HTML and SVG, [`ics`] for a calendar. Every renderer passes such strings
//! through one of these.

use std::borrow::Cow;

use crate::sheet::FORMULA_STARTS;

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
/// The C1 forms of CSI, OSC, DCS, SOS, PM and APC, which open a sequence as ESC does.
const C1_CSI: char = '\u{9b}';
const C1_STRINGS: [char; 5] = ['\u{9d}', '\u{90}', '\u{98}', '\u{9e}', '\u{9f}'];
/// The C1 string terminator.
const C1_ST: char = '\u{9c}';

/// Text fit for a terminal: escape sequences (ESC or C1 CSI, OSC and other strings) are
/// removed whole, a tab becomes a space, and any other control character (C0 but newline,
/// DEL, C1) becomes U+FFFD. Nothing left can move the cursor, set a title or change colours.
pub fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            ESC => match chars.peek() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_string(&mut chars);
                }
                // A two-character sequence such as `ESC c` (reset): the second goes too,
                // unless it is itself a control character, which the next turn handles.
                Some(&next) if !next.is_control() => {
                    chars.next();
                }
                _ => {}
            },
            C1_CSI => skip_csi(&mut chars),
            c if C1_STRINGS.contains(&c) => skip_string(&mut chars),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Skips the parameters and final byte of a control sequence (ECMA-48: parameter and
/// intermediate bytes 0x20–0x3F, a final byte 0x40–0x7E). Stops before anything else.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            ' '..='?' => {
                chars.next();
            }
            '@'..='~' => {
                chars.next();
                return;
            }
            _ => return,
        }
    }
}

/// Skips a control string (OSC, DCS…) up to and including BEL, ST or `ESC \`. An
/// unterminated one runs to the end of the text, as a terminal would read it.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            BEL | C1_ST => return,
            ESC => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

/// A CSV cell's text: control characters are cleaned as for the terminal (keeping line
/// breaks), and a cell that starts with `=`, `+`, `-`, `@`, tab or carriage return, before
/// or after cleaning, gets a leading `'`, so a spreadsheet shows it as text instead of
/// running it as a formula (OWASP's advice on CSV injection). Quoting is the writer's job.
pub fn csv(text: &str) -> Cow<'_, str> {
    let clean = terminal(text);
    // A leading tab or carriage return is cleaned away, but the cell is guarded all the same.
    if text.starts_with(FORMULA_STARTS) && !clean.starts_with(FORMULA_STARTS) {
        return Cow::Owned(format!("'{clean}"));
    }
    match clean {
        Cow::Borrowed(text) => super::csv::guard(text),
        Cow::Owned(text) => Cow::Owned(super::csv::guard(&text).into_owned()),
    }
}

/// Text safe inside a markdown table cell, list item, heading or paragraph: markdown and
/// HTML syntax is backslash-escaped, so it shows literally; line breaks become spaces and
/// other control characters are cleaned as for the terminal.
pub fn markdown(text: &str) -> String {
    let clean = terminal(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '!' | '#' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `text` as a markdown code span that nothing in it can close: the fence is one backtick
/// longer than the longest run inside, with spaces inside it when the text starts or ends
/// with a backtick. Pipes are escaped, which GitHub needs inside a table cell.
pub fn markdown_code(text: &str) -> String {
    let clean = terminal(text).replace('\n', " ").replace('|', "\\|");
    let mut longest = 0;
    let mut run = 0;
    for c in clean.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if clean.starts_with('`') || clean.ends_with('`') || clean.trim().is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{clean}{pad}{fence}")
}

/// [`terminal`] for text that must stay on one line (a heading, a list entry): line breaks
/// become spaces.
pub fn terminal_line(text: &str) -> Cow<'_, str> {
    match terminal(text) {
        Cow::Borrowed(t) if !t.contains('\n') => Cow::Borrowed(t),
        clean => Cow::Owned(clean.replace('\n', " ")),
    }
}

/// Text for an iCalendar property value (RFC 5545 3.3.11), cleaned as for the terminal first:
/// backslash, `;` and `,` escaped, line breaks written as `\n`.
pub fn ics(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let clean = terminal(&text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Text safe inside HTML or SVG element content and inside quoted attributes, cleaned as
/// for the terminal first (control characters have no business in a report).
pub fn html(text: &str) -> String {
    let clean = terminal(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_text_keeps_to_one_line() {
        assert_eq!(terminal_line("plain"), "plain");
        assert_eq!(
            terminal_line("-2+3;BEGIN:VEVENT\r\nSUMMARY:x"),
            "-2+3;BEGIN:VEVENT\u{fffd} SUMMARY:x"
        );
        assert_eq!(terminal_line("new\nline.md"), "new line.md");
    }

    #[test]
    fn terminal_removes_whole_sequences() {
        assert_eq!(terminal("plain\nline"), "plain\nline");
        assert_eq!(terminal("a\x1b[2Jb"), "ab");
        assert_eq!(terminal("a\x1b]0;title\x07b"), "ab");
        assert_eq!(
            terminal("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b"),
            "alinkb"
        );
        assert_eq!(terminal("a\u{9b}31mb"), "ab");
        assert_eq!(terminal("a\x1bcb"), "ab");
        assert_eq!(
            terminal("bell\x07 cr\r nul\0 del\x7f c1\u{85}"),
            "bell\u{FFFD} cr\u{FFFD} nul\u{FFFD} del\u{FFFD} c1\u{FFFD}"
        );
        assert_eq!(terminal("tab\there"), "tab here");
        // Unterminated sequences swallow the rest, as a terminal would.
        assert_eq!(terminal("x\x1b]0;never ends"), "x");
        assert_eq!(terminal("x\x1b"), "x");
        assert_eq!(terminal("x\x1b\x1b[1mbold"), "xbold");
    }

    #[test]
    fn csv_guards_formulas() {
        assert_eq!(csv("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(csv("+1+2"), "'+1+2");
        assert_eq!(csv("-1"), "'-1");
        assert_eq!(csv("@foo"), "'@foo");
        assert_eq!(csv("\t=1"), "' =1");
        assert_eq!(csv("\r=1"), "'\u{FFFD}=1");
        assert_eq!(csv("safe = 1"), "safe = 1");
        assert_eq!(csv("a\nb"), "a\nb");
        assert_eq!(csv("\x1b[2J=1"), "'=1");
    }

    #[test]
    fn markdown_escapes_syntax() {
        assert_eq!(
            markdown("<script>|[x](javascript:y)\nz"),
            r"\<script\>\|\[x\](javascript:y) z"
        );
        assert_eq!(markdown("a\x1b[31mb"), "ab");
    }

    #[test]
    fn code_spans_cannot_be_closed() {
        assert_eq!(markdown_code("partial"), "`partial`");
        assert_eq!(markdown_code("a`b"), "``a`b``");
        assert_eq!(markdown_code("`x``"), "``` `x`` ```");
        assert_eq!(markdown_code("a|b"), r"`a\|b`");
    }

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<a href="x" onclick='y'>&"#),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;"
        );
        assert_eq!(html("a\u{0}b"), "a\u{FFFD}b");
    }
}
