//! Plain-text helpers shared by the terminal renderers: colour, bars, wrapping, cutting.
//! [`paint`], [`wrap`] and [`cut`] clean their text with [`super::escape::terminal`] first,
//! so what they return holds no control character but newlines and cse's own colours.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::escape::terminal;

/// How terminal output may look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terminal {
    /// Whether ANSI colour codes may be written.
    pub color: bool,
    /// Columns available; tables and wrapped text fit in this.
    pub width: usize,
}

impl Terminal {
    /// No colour, 80 columns: what a pipe gets.
    pub const PLAIN: Terminal = Terminal {
        color: false,
        width: 80,
    };
}

/// What a piece of text means, and so its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Warning,
    Bad,
    Dim,
    Strong,
}

impl Tone {
    /// Green at 100%, yellow from 50%, red below.
    pub fn of_readiness(percent: f64) -> Tone {
        if percent >= 100.0 {
            Tone::Good
        } else if percent >= 50.0 {
            Tone::Warning
        } else {
            Tone::Bad
        }
    }

    fn ansi(self) -> &'static str {
        match self {
            Tone::Good => "\x1b[32m",
            Tone::Warning => "\x1b[33m",
            Tone::Bad => "\x1b[31m",
            Tone::Dim => "\x1b[2m",
            Tone::Strong => "\x1b[1m",
        }
    }
}

/// `text`, cleaned, in the tone's colour when `color` is on.
pub fn paint(text: &str, tone: Tone, color: bool) -> String {
    let text = terminal(text);
    if color && !text.is_empty() {
        format!("{}{text}\x1b[0m", tone.ansi())
    } else {
        text.into_owned()
    }
}

/// `text`, cleaned and word-wrapped to the terminal's width, in bold when colour is on; no
/// newline at the end. For titles and headings, which may hold untrusted names.
pub fn strong(text: &str, term: &Terminal) -> String {
    let wrapped = wrap(text, term.width, "", "");
    paint(wrapped.trim_end(), Tone::Strong, term.color)
}

/// Width of the readiness bar, in characters.
pub const BAR_WIDTH: usize = 10;

/// A bar such as `█████░░░░░`. Any readiness above 0 shows at least one block, and
/// anything short of 100 leaves at least one empty.
pub fn bar(percent: f64) -> String {
    let mut filled = (percent / 100.0 * BAR_WIDTH as f64).round() as usize;
    if percent > 0.0 {
        filled = filled.max(1);
    }
    if percent < 100.0 {
        filled = filled.min(BAR_WIDTH - 1);
    }
    let filled = filled.min(BAR_WIDTH);
    format!("{}{}", "█".repeat(filled), "░".repeat(BAR_WIDTH - filled))
}

/// `46.2%`
pub fn percent(value: f64) -> String {
    format!("{value:.1}%")
}

/// Columns `text` takes on a terminal: CJK and most emoji take two, combining marks none.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The display width of the longest word of `text`.
pub fn longest_word(text: &str) -> usize {
    text.split_whitespace().map(width).max().unwrap_or(0)
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Cleans `text`, then fits it to `max` columns (by display width), ending in `…` when cut.
/// The one way terminal text is shortened. An escape sequence is removed whole before any
/// cut, so none is ever cut in half.
pub fn cut(text: &str, max: usize) -> String {
    let text = terminal(text);
    if width(&text) <= max {
        return text.into_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut s = take_columns(&text, max - 1).to_owned();
    s.truncate(s.trim_end().len());
    s.push('…');
    s
}

/// [`wrap`], keeping the line breaks and indents `text` has: its first line starts with
/// `first` and continues under its text; every other line keeps its indent and continues two
/// columns in.
pub fn wrap_lines(text: &str, width: usize, first: &str) -> String {
    text.split('\n')
        .enumerate()
        .map(|(i, line)| {
            let indent = &line[..line.len() - line.trim_start().len()];
            if i == 0 {
                let lead = format!("{first}{indent}");
                wrap(line, width, &lead, &" ".repeat(self::width(&lead)))
            } else {
                wrap(line, width, indent, &format!("{indent}  "))
            }
        })
        .collect()
}

/// `first` and `text`, cleaned, as one line when that fits in `width` (spacing kept, so
/// aligned columns stay aligned); else [`wrap`]ped.
pub fn line(text: &str, width: usize, first: &str, rest: &str) -> String {
    let text = terminal(text);
    if self::width(first) + self::width(&text) <= width {
        format!("{first}{text}\n")
    } else {
        wrap(&text, width, first, rest)
    }
}

/// Word-wraps `text`, cleaned, to `width` columns on at most `lines` lines; the last ends in
/// `…` when text is left out.
pub fn clip(text: &str, width: usize, lines: usize) -> String {
    let wrapped = wrap(text, width, "", "");
    let all: Vec<&str> = wrapped.lines().collect();
    if all.len() <= lines.max(1) {
        return all.join("\n");
    }
    let keep = lines.max(1);
    let mut out: Vec<String> = all[..keep - 1].iter().map(|l| (*l).to_owned()).collect();
    // The last line shows what it can of the rest, then the ellipsis.
    let rest = all[keep - 1..].join(" ");
    out.push(cut(&format!("{rest}…"), width.max(1)));
    out.join("\n")
}

/// Cleans `text` and pads it with spaces to `columns` (by display width).
pub fn pad(text: &str, columns: usize) -> String {
    let text = terminal(text);
    let fill = columns.saturating_sub(width(&text));
    format!("{text}{}", " ".repeat(fill))
}

/// The longest start of `text` no wider than `columns`.
fn take_columns(text: &str, columns: usize) -> &str {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += char_width(c);
        if used > columns {
            return &text[..i];
        }
    }
    text
}

/// Word-wraps `text`, cleaned, to `width` columns (by display width). The first line starts
/// with `first`, later lines with `rest` (both count towards the width). A word wider than a
/// whole line (a long web address) is broken where the line ends.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = first.to_owned();
    let mut line_len = self::width(first);
    let mut empty = true;
    for word in terminal(text).split_whitespace() {
        let mut word = word;
        while !word.is_empty() {
            let gap = usize::from(!empty);
            let len = self::width(word);
            if line_len + gap + len <= width {
                if !empty {
                    line.push(' ');
                }
                line.push_str(word);
                line_len += gap + len;
                empty = false;
                break;
            }
            if empty {
                // Wider than a whole line: fill it, and carry the rest to the next.
                let mut head = take_columns(word, width.saturating_sub(line_len));
                if head.is_empty() {
                    head = &word[..word.chars().next().map_or(0, char::len_utf8)];
                }
                line.push_str(head);
                word = &word[head.len()..];
            }
            out.push_str(line.trim_end());
            out.push('\n');
            line = rest.to_owned();
            line_len = self::width(rest);
            empty = true;
        }
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

/// "1 element", "2 elements"
/// Names joined with commas; past `max` of them (at least one), the first `max` and "and N more".
pub fn list_upto(names: &[String], max: usize) -> String {
    let max = max.max(1);
    if names.len() <= max {
        names.join(", ")
    } else {
        format!("{} and {} more", names[..max].join(", "), names.len() - max)
    }
}

pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_honest_at_the_ends() {
        assert_eq!(bar(0.0), "░░░░░░░░░░");
        assert_eq!(bar(1.8), "█░░░░░░░░░");
        assert_eq!(bar(50.0), "█████░░░░░");
        assert_eq!(bar(98.2), "█████████░");
        assert_eq!(bar(100.0), "██████████");
    }

    #[test]
    fn paint_only_with_colour() {
        assert_eq!(paint("no", Tone::Bad, false), "no");
        assert_eq!(paint("no", Tone::Bad, true), "\x1b[31mno\x1b[0m");
    }

    #[test]
    fn cut_and_wrap() {
        assert_eq!(cut("We have a strategy", 10), "We have a…");
        assert_eq!(cut("short", 10), "short");
        assert_eq!(
            wrap("one two three four", 9, "- ", "  "),
            "- one two\n  three\n  four\n"
        );
        assert_eq!(wrap("", 9, "x ", "  "), "x\n");
        assert_eq!(cut("ab\x1b]0;title\x07cdef", 4), "abc…");
        assert_eq!(paint("a\x1b[2J", Tone::Bad, true), "\x1b[31ma\x1b[0m");
    }

    #[test]
    fn clip_to_lines() {
        let text = "We make particular efforts to identify hard to reach groups";
        assert_eq!(
            clip(text, 20, 2),
            "We make particular\nefforts to identify…"
        );
        assert_eq!(clip("short", 20, 2), "short");
        assert_eq!(clip("one two", 3, 1), "on…");
    }

    #[test]
    fn cut_and_wrap_by_display_width() {
        assert_eq!(width("日本語"), 6);
        assert_eq!(cut("日本語の図書館", 7), "日本語…");
        assert_eq!(cut("😀😀😀", 4), "😀…");
        assert_eq!(wrap("図書館 図書館", 8, "", ""), "図書館\n図書館\n");
        // A word wider than the line is broken, never left sticking out.
        let long = "https://example.org/a/very/long/address/indeed";
        for line in wrap(long, 20, "- ", "  ").lines() {
            assert!(width(line) <= 20, "{line}");
        }
        assert_eq!(
            wrap(long, 20, "- ", "  ").replace(['\n', ' ', '-'], ""),
            long
        );
        // A word that fits a line of its own moves to the next line whole.
        assert_eq!(
            wrap("see evidence/1.md", 16, "", ""),
            "see\nevidence/1.md\n"
        );
    }
}
