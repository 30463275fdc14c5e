//! The one diagnostic type every check returns and every renderer prints.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($( $variant:ident = $id:literal, $name:literal, $sev:ident, $summary:literal; )*) => {
        /// Stable diagnostic codes. Never renumber: scripts and CI configs depend on them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $( $variant, )* }

        impl Code {
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The stable code, such as `E001`.
            pub fn id(self) -> &'static str {
                match self { $( Code::$variant => $id, )* }
            }

            /// A short kebab-case name, such as `missing-evidence`.
            pub fn name(self) -> &'static str {
                match self { $( Code::$variant => $name, )* }
            }

            pub fn severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$sev, )* }
            }

            /// One line for the table of codes in docs/check.md.
            pub fn summary(self) -> &'static str {
                match self { $( Code::$variant => $summary, )* }
            }
        }
    };
}

codes! {
    MissingEvidence = "E001", "missing-evidence", Error, "An element of the catalogue has no evidence file.";
    UnknownElement = "E002", "unknown-element", Error, "An evidence file is named after no element of the catalogue.";
    DuplicateEvidence = "E003", "duplicate-evidence", Error, "Two files hold evidence for the same element.";
    NoFrontMatter = "E004", "no-front-matter", Error, "The file does not start with a `---` front-matter block.";
    UnclosedFrontMatter = "E005", "unclosed-front-matter", Error, "The front matter is opened with `---` but never closed.";
    YamlSyntax = "E006", "yaml-syntax", Error, "The front matter is not valid YAML, or breaks a parser limit.";
    UnknownField = "E007", "unknown-field", Error, "The front matter has a field the format does not define.";
    InvalidStatus = "E008", "invalid-status", Error, "`status` is not one of the five status words.";
    ElementMismatch = "E009", "element-mismatch", Error, "`element` differs from the element in the file name.";
    InvalidDate = "E010", "invalid-date", Error, "A date is not a real calendar date in YYYY-MM-DD form.";
    EvidenceTarget = "E011", "evidence-target", Error, "An evidence item has both `path` and `url`.";
    PathNotFound = "E012", "path-not-found", Error, "An evidence `path` names a file that does not exist.";
    PathOutsideRepository = "E013", "path-outside-repository", Error, "An evidence `path` or link leads outside the repository.";
    InvalidUrl = "E014", "invalid-url", Error, "An evidence `url` is not an http or https address with a host.";
    RatedWithoutEvidence = "E015", "rated-without-evidence", Error, "The status is compliant or compliance-plus but no evidence is listed.";
    BrokenLink = "E016", "broken-link", Error, "A relative link in the narrative points to a missing file.";
    InvalidValue = "E017", "invalid-value", Error, "A field has the wrong type, or a required field is missing.";
    UnreadableFile = "E018", "unreadable-file", Error, "The file cannot be read as UTF-8 text within the size limit.";
    MoreDiagnostics = "E019", "more-diagnostics", Error, "A file has more than 100 findings; the rest are counted in one note (a warning if they are all warnings).";
    PathNotDocument = "E020", "path-not-document", Error, "An evidence `path` is empty, a folder, or the evidence file itself.";
    AssessmentSyntax = "E030", "assessment-syntax", Error, "An assessment record is not valid YAML, repeats a key, or breaks a parser limit.";
    AssessmentUnknownKey = "E031", "assessment-unknown-key", Error, "An assessment record has a key the format does not define.";
    AssessmentInvalidValue = "E032", "assessment-invalid-value", Error, "An assessment field has the wrong type or value (`kind`, `outcome`), or a required field is missing.";
    AssessmentUnknownElement = "E033", "assessment-unknown-element", Error, "An assessment rates an element the catalogue does not have.";
    AssessmentInvalidRating = "E034", "assessment-invalid-rating", Error, "A rating is not one of the status words (`not-assessed` is not a rating).";
    AssessmentInvalidDate = "E035", "assessment-invalid-date", Error, "An assessment `date` or `due` is not a real date in YYYY-MM-DD form.";
    AssessmentDuplicateDate = "E036", "assessment-duplicate-date", Error, "Two assessment records have the same `date`.";
    AssessmentFileName = "E037", "assessment-file-name", Error, "An assessment record is not named after its `date` (YYYY-MM-DD.yaml).";
    MisnamedEvidence = "E040", "misnamed-evidence", Error, "An element's evidence is saved under another extension (`1.2.2.md.txt`, `.markdown`, `.docx`) that cse does not read.";
    StaleReview = "W001", "stale-review", Warning, "The evidence was last reviewed longer ago than `review_max_age`.";
    MissingReview = "W002", "missing-review", Warning, "A rated element has no `reviewed` date.";
    OverdueAction = "W003", "overdue-action", Warning, "An open action is past its due date.";
    NotAssessed = "W004", "not-assessed", Warning, "The element's status is still not-assessed.";
    PersonalDataInNarrative = "W010", "personal-data-in-narrative", Warning, "The evidence file (its narrative or its front matter) has what looks like personal data: an email outside `[privacy] allow_domains`, a UK phone or National Insurance number, or a postcode by a name.";
    PersonalDataInDocument = "W011", "personal-data-in-document", Warning, "A markdown, text or CSV document the evidence cites has what looks like personal data (as W010).";
    EvidenceWithoutTarget = "W012", "evidence-without-target", Warning, "An evidence item has a title but neither `path` nor `url` yet (as `cse import` adds them).";
    ChangedSinceReview = "W020", "changed-since-review", Warning, "A document the element cites changed in git after the element was reviewed.";
    FutureReview = "W040", "future-review", Warning, "The `reviewed` date is after today: most often a mistyped year, which would keep the review from ever going stale.";
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// A finding about the evidence. Line and column are 1-based positions in the `.md` file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// Repository-relative path with `/` separators.
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub element: Option<String>,
    pub unit: Option<String>,
    pub help: Option<String>,
    /// The text of `line`, kept so renderers can show a snippet without reading the file again.
    #[serde(skip)]
    pub source_line: Option<String>,
    /// How many characters from `column` to underline; the rest of the line when absent.
    #[serde(skip)]
    pub span_chars: Option<usize>,
}

/// Longer lines are not kept for snippets, so a huge line never bloats the output.
const MAX_SOURCE_LINE_BYTES: usize = 1024;

/// Where [`Diagnostic::at`] finds the text of a line.
pub trait Lines {
    /// The text of 1-based `line` (line 0 is taken as 1), with its `\n` but not its `\r` removed.
    fn line(&self, line: u32) -> Option<&str>;
}

impl Lines for str {
    /// Scans from the start: fine for a diagnostic or two, quadratic for thousands.
    fn line(&self, line: u32) -> Option<&str> {
        self.split('\n').nth(line.saturating_sub(1) as usize)
    }
}

/// A file's text that finds any line at once, for files that may get many diagnostics
/// (a file of 20,000 evidence items, each with a missing path). The index of line starts
/// is built on the first look-up, so clean files never pay for it.
pub struct IndexedText<'a> {
    text: &'a str,
    starts: std::sync::OnceLock<Vec<usize>>,
}

impl<'a> IndexedText<'a> {
    pub fn new(text: &'a str) -> IndexedText<'a> {
        IndexedText {
            text,
            starts: std::sync::OnceLock::new(),
        }
    }

    pub fn as_str(&self) -> &'a str {
        self.text
    }
}

impl Lines for IndexedText<'_> {
    fn line(&self, line: u32) -> Option<&str> {
        let starts = self.starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let index = line.saturating_sub(1) as usize;
        let start = *starts.get(index)?;
        // The next line's start is just after this line's `\n`: no scanning, even for a
        // megabyte-long line.
        let end = starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        Some(&self.text[start..end])
    }
}

/// Longest value quoted from a file in a message; longer ones are cut with `…`.
pub const MAX_QUOTED_CHARS: usize = 80;

/// A value from a file, fit to quote in a message: cut to [`MAX_QUOTED_CHARS`] characters,
/// with control characters (which could drive a terminal) written as escapes such as `\u{1b}`.
pub fn excerpt(value: &str) -> String {
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i == MAX_QUOTED_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

impl Diagnostic {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            file: None,
            line: None,
            column: None,
            element: None,
            unit: None,
            help: None,
            source_line: None,
            span_chars: None,
        }
    }

    pub fn file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    pub fn element(mut self, element: impl Into<String>) -> Self {
        self.element = Some(element.into());
        self
    }

    pub fn unit(mut self, unit: Option<&str>) -> Self {
        self.unit = unit.map(str::to_owned);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Points at `line`:`column` of `source`, keeping that line's text for snippets.
    pub fn at<L: Lines + ?Sized>(mut self, source: &L, line: u32, column: u32) -> Self {
        self.line = Some(line);
        self.column = Some(column.max(1));
        self.source_line = source
            .line(line)
            .filter(|l| l.len() <= MAX_SOURCE_LINE_BYTES)
            .map(|l| {
                // One character for one, so columns still line up; tabs are kept.
                l.trim_end_matches('\r')
                    .chars()
                    .map(|c| {
                        if c.is_control() && c != '\t' {
                            '\u{fffd}'
                        } else {
                            c
                        }
                    })
                    .collect()
            });
        self
    }

    pub fn span_chars(mut self, chars: usize) -> Self {
        self.span_chars = Some(chars.max(1));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sort order for output: by unit, then file (diagnostics without a file last), position, code.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    // Borrowed keys: cloning strings on every comparison is slow with thousands of findings.
    fn key(d: &Diagnostic) -> impl Ord + '_ {
        (
            d.unit.as_deref(),
            d.file.is_none(),
            d.file.as_deref(),
            d.line,
            d.column,
            d.code,
            d.element.as_deref(),
        )
    }
    diagnostics.sort_by(|a, b| key(a).cmp(&key(b)));
}

/// Totals for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub files: usize,
}

impl Summary {
    pub fn of(diagnostics: &[Diagnostic], files: usize) -> Self {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        Summary {
            errors,
            warnings: diagnostics.len() - errors,
            files,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_short_and_harmless() {
        assert_eq!(excerpt("complaint"), "complaint");
        let long = excerpt(&"y".repeat(500_000));
        assert_eq!(long.chars().count(), MAX_QUOTED_CHARS + 1);
        assert!(long.ends_with('…'));
        assert_eq!(excerpt("a\u{1b}[2Jb\n"), "a\\u{1b}[2Jb\\n");
    }

    #[test]
    fn indexed_lines_match_scanned_ones() {
        for text in ["", "a", "a\n", "a\nb", "a\r\n\nb\n", "\n\n"] {
            let indexed = IndexedText::new(text);
            for line in 0..6 {
                assert_eq!(indexed.line(line), text.line(line), "{text:?} line {line}");
            }
        }
    }

    #[test]
    fn snippet_lines_are_terminal_safe() {
        let d = Diagnostic::new(Code::InvalidStatus, "x").at("a\n\tb\u{1b}[31m\r\n", 2, 1);
        assert_eq!(d.source_line.as_deref(), Some("\tb\u{fffd}[31m"));
    }
}
