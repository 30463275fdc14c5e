//! Plain-text helpers shared by the terminal renderers: colour, bars, wrapping, cutting.
//! [`paint`], [`wrap`] and [`cut`] clean their text with [`super::escape::terminal`] first,
//! so what they return holds no control character but newlines and cse's own colours.

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

/// Cleans `text`, then cuts it to at most `max` characters, ending in `…` when cut. An
/// escape sequence is removed whole before any cut, so none is ever cut in half.
pub fn cut(text: &str, max: usize) -> String {
    let text = terminal(text);
    if text.chars().count() <= max {
        return text.into_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut s: String = text.chars().take(max - 1).collect();
    s.truncate(s.trim_end().len());
    s.push('…');
    s
}

/// Word-wraps `text`, cleaned, to `width` columns. The first line starts with `first`, later lines
/// with `rest` (both count towards the width). Words longer than a line are kept whole.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = first.to_owned();
    let mut line_len = first.chars().count();
    let mut empty = true;
    for word in terminal(text).split_whitespace() {
        let len = word.chars().count();
        if !empty && line_len + 1 + len > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = rest.to_owned();
            line_len = rest.chars().count();
            empty = true;
        }
        if !empty {
            line.push(' ');
            line_len += 1;
        }
        line.push_str(word);
        line_len += len;
        empty = false;
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
}
