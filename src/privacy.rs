//! Personal data in text: email addresses outside the organisation's own domains, UK phone
//! numbers, National Insurance numbers, and postcodes beside a person's name.
//!
//! Text is read a line at a time ([`LineScanner`]), so a document of any size is scanned in
//! bounded memory. The rules are deliberately plain patterns, documented in docs/pack.md.

use serde::Serialize;

/// What kind of personal data a finding looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PersonalData {
    /// An email address whose domain is not in `[privacy] allow_domains`.
    Email,
    /// A UK phone number: `0` and 10 or 11 digits in all, or `+44`.
    Phone,
    /// A National Insurance number, such as `QQ 12 34 56 C`.
    NationalInsurance,
    /// A UK postcode on a line with, or just after, a person's name (`Mrs Patel`, `Name:`).
    PostcodeNearName,
}

impl PersonalData {
    /// A few words for messages: "a personal email address".
    pub fn label(self) -> &'static str {
        match self {
            PersonalData::Email => "a personal email address",
            PersonalData::Phone => "a UK phone number",
            PersonalData::NationalInsurance => "a National Insurance number",
            PersonalData::PostcodeNearName => "a postcode next to a person's name",
        }
    }
}

/// What is the organisation's own, so never personal: `[privacy]` in cse.toml.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Allowed {
    /// Lower-case email domains; a subdomain of one is allowed too.
    domains: Vec<String>,
    /// Phone numbers as national digits (`01632960400`).
    phones: Vec<String>,
}

impl Allowed {
    pub fn new(domains: &[String], phones: &[String]) -> Allowed {
        Allowed {
            domains: domains
                .iter()
                .map(|d| d.trim().trim_start_matches('@').to_ascii_lowercase())
                .filter(|d| !d.is_empty())
                .collect(),
            phones: phones
                .iter()
                .map(|p| national_digits(p))
                .filter(|p| !p.is_empty())
                .collect(),
        }
    }

    fn domain(&self, domain: &str) -> bool {
        self.domains.iter().any(|d| {
            domain == d
                || domain
                    .strip_suffix(d.as_str())
                    .is_some_and(|s| s.ends_with('.'))
        })
    }

    fn phone(&self, written: &str) -> bool {
        let digits = national_digits(written);
        self.phones.contains(&digits)
    }
}

/// `+44 (0)1632 960400` and `01632-960400` both as `01632960400`.
fn national_digits(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix("44") {
        Some(rest) if number.trim_start().starts_with('+') => {
            format!("0{}", rest.strip_prefix('0').unwrap_or(rest))
        }
        _ => digits,
    }
}

/// One place where personal data seems to be. `column` is 1-based, in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: PersonalData,
    pub line: u32,
    pub column: u32,
    /// Length of the match in characters.
    pub chars: usize,
}

/// Lines longer than this are scanned only up to it, so one huge line stays cheap.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// After a line with a name, how many more lines a postcode counts as beside it (an address).
const ADDRESS_LINES: u32 = 3;

/// Most findings kept for one text: a file full of addresses needs fixing, not a full list.
pub const MAX_FINDINGS: usize = 100;

/// Scans text line by line; feed it bytes in any chunks ([`LineScanner::feed`]) or whole
/// lines ([`LineScanner::line`]), then take the findings with [`LineScanner::finish`].
#[derive(Debug)]
pub struct LineScanner<'a> {
    allowed: &'a Allowed,
    pending: Vec<u8>,
    number: u32,
    /// The last line that named a person, if any.
    name_line: Option<u32>,
    findings: Vec<Finding>,
}

impl<'a> LineScanner<'a> {
    /// `first_line` is the number of the first line fed.
    pub fn new(allowed: &'a Allowed, first_line: u32) -> LineScanner<'a> {
        LineScanner {
            allowed,
            pending: Vec::new(),
            number: first_line.saturating_sub(1),
            name_line: None,
            findings: Vec::new(),
        }
    }

    /// Feeds the next bytes of the text; lines are scanned as they complete.
    pub fn feed(&mut self, mut bytes: &[u8]) {
        while let Some(end) = bytes.iter().position(|b| *b == b'\n') {
            let room = MAX_LINE_BYTES.saturating_sub(self.pending.len());
            self.pending.extend_from_slice(&bytes[..end.min(room)]);
            // The buffer is kept for the next line.
            let mut line = std::mem::take(&mut self.pending);
            self.line(&String::from_utf8_lossy(&line));
            line.clear();
            self.pending = line;
            bytes = &bytes[end + 1..];
        }
        let room = MAX_LINE_BYTES.saturating_sub(self.pending.len());
        self.pending
            .extend_from_slice(&bytes[..bytes.len().min(room)]);
    }

    /// Scans one whole line (without its `\n`).
    pub fn line(&mut self, line: &str) {
        self.number += 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if self.findings.len() >= MAX_FINDINGS {
            return;
        }
        // A line of at most MAX_LINE_BYTES bytes has at most as many characters.
        let line = if line.len() <= MAX_LINE_BYTES {
            line
        } else {
            line.char_indices()
                .nth(MAX_LINE_BYTES)
                .map_or(line, |(end, _)| &line[..end])
        };
        if names_a_person(line) {
            self.name_line = Some(self.number);
        }
        // Every pattern but a name needs an `@` or a digit: most lines have neither.
        let (mut at, mut digits) = (false, 0usize);
        for b in line.bytes() {
            at |= b == b'@';
            digits += usize::from(b.is_ascii_digit());
        }
        if !at && digits == 0 {
            return;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut found = Vec::new();
        if at {
            emails(&chars, self.allowed, &mut found);
        }
        phones(&chars, self.allowed, &mut found);
        // A National Insurance number has six digits.
        if digits >= 6 {
            ni_numbers(&chars, &mut found);
        }
        if self
            .name_line
            .is_some_and(|n| self.number - n <= ADDRESS_LINES)
        {
            postcodes(&chars, &mut found);
        }
        found.sort_by_key(|f| f.0);
        for (column, chars, kind) in found {
            if self.findings.len() < MAX_FINDINGS {
                self.findings.push(Finding {
                    kind,
                    line: self.number,
                    column: column as u32 + 1,
                    chars,
                });
            }
        }
    }

    /// Scans the last line (if the text does not end with `\n`) and returns every finding.
    pub fn finish(mut self) -> Vec<Finding> {
        if !self.pending.is_empty() {
            let line = std::mem::take(&mut self.pending);
            self.line(&String::from_utf8_lossy(&line));
        }
        self.findings
    }
}

/// Every finding in `text`, whose first line is line `first_line` of its file.
pub fn scan(text: &str, allowed: &Allowed, first_line: u32) -> Vec<Finding> {
    let mut scanner = LineScanner::new(allowed, first_line);
    for line in text.split('\n') {
        scanner.line(line);
    }
    scanner.findings
}

/// Whether a file with this name is text the check reads: markdown, plain text or CSV.
pub fn is_text_document(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".md", ".markdown", ".txt", ".csv"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// (start column, length, kind), columns in characters from 0.
type Found = (usize, usize, PersonalData);

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn boundary_before(chars: &[char], i: usize) -> bool {
    i == 0 || !is_word(chars[i - 1])
}

fn boundary_after(chars: &[char], end: usize) -> bool {
    chars.get(end).is_none_or(|c| !is_word(*c))
}

fn emails(chars: &[char], allowed: &Allowed, out: &mut Vec<Found>) {
    let local_char = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let domain_char = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
    for (at, _) in chars.iter().enumerate().filter(|(_, c)| **c == '@') {
        let start = (0..at)
            .rev()
            .take_while(|i| local_char(chars[*i]))
            .last()
            .unwrap_or(at);
        let mut end = at
            + 1
            + chars[at + 1..]
                .iter()
                .take_while(|c| domain_char(**c))
                .count();
        while end > at + 1 && ".-".contains(chars[end - 1]) {
            end -= 1;
        }
        let local: String = chars[start..at].iter().collect();
        let local = local.trim_start_matches('.');
        let domain: String = chars[at + 1..end].iter().collect::<String>().to_lowercase();
        let tld = domain.rsplit('.').next().unwrap_or("");
        if local.is_empty()
            || !domain.contains('.')
            || tld.len() < 2
            || !tld.chars().all(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        if !allowed.domain(&domain) {
            let start = at - local.chars().count();
            out.push((start, end - start, PersonalData::Email));
        }
    }
}

fn phones(chars: &[char], allowed: &Allowed, out: &mut Vec<Found>) {
    let mut i = 0;
    while i < chars.len() {
        let international = chars[i] == '+'
            && chars.get(i + 1) == Some(&'4')
            && chars.get(i + 2) == Some(&'4')
            && (i == 0 || !chars[i - 1].is_ascii_alphanumeric());
        let national = chars[i] == '0' && boundary_before(chars, i);
        if !(international || national) {
            i += 1;
            continue;
        }
        let (digits, end) = digit_run(chars, if international { i + 3 } else { i });
        let ok = if international {
            // +44 7700 900123, or +44 (0)20 7946 0958.
            let rest = digits.strip_prefix("0").unwrap_or(&digits);
            (9..=10).contains(&rest.len()) && !rest.starts_with('0')
        } else {
            (10..=11).contains(&digits.len()) && !digits[1..].starts_with('0')
        };
        if ok && boundary_after(chars, end) {
            let written: String = chars[i..end].iter().collect();
            if !allowed.phone(&written) {
                out.push((i, end - i, PersonalData::Phone));
            }
            i = end;
        } else {
            i += 1;
        }
    }
}

/// The digits from `start` on, allowing single spaces or hyphens between groups and one
/// `(0)`: the digits, and where the run ends.
fn digit_run(chars: &[char], start: usize) -> (String, usize) {
    let mut digits = String::new();
    let mut i = start;
    let mut end = start;
    loop {
        match chars.get(i) {
            Some(c) if c.is_ascii_digit() => {
                digits.push(*c);
                i += 1;
                end = i;
            }
            Some(' ' | '-')
                if chars
                    .get(i + 1)
                    .is_some_and(|c| c.is_ascii_digit() || *c == '(') =>
            {
                i += 1
            }
            Some('(') if chars.get(i + 1) == Some(&'0') && chars.get(i + 2) == Some(&')') => {
                digits.push('0');
                i += 3;
                end = i;
            }
            _ => break,
        }
        if digits.len() > 12 {
            break;
        }
    }
    (digits, end)
}

fn ni_numbers(chars: &[char], out: &mut Vec<Found>) {
    const FIRST: &str = "ABCEGHJKLMNOPRSTWXYZ";
    const SECOND: &str = "ABCEGHJKLMNPRSTWXYZ";
    const NOT_ISSUED: [&str; 7] = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"];
    let among = |c: char, letters: &str| c.is_ascii_uppercase() && letters.contains(c);
    for i in 0..chars.len() {
        if !among(chars[i], FIRST)
            || !chars.get(i + 1).is_some_and(|c| among(*c, SECOND))
            || !boundary_before(chars, i)
        {
            continue;
        }
        let prefix: String = chars[i..i + 2].iter().collect();
        if NOT_ISSUED.contains(&prefix.as_str()) {
            continue;
        }
        let mut j = i + 2;
        let mut ok = true;
        for _ in 0..3 {
            if chars.get(j) == Some(&' ') {
                j += 1;
            }
            if chars.get(j).is_some_and(char::is_ascii_digit)
                && chars.get(j + 1).is_some_and(char::is_ascii_digit)
            {
                j += 2;
            } else {
                ok = false;
                break;
            }
        }
        if !ok {
            continue;
        }
        if chars.get(j) == Some(&' ') {
            j += 1;
        }
        if chars.get(j).is_some_and(|c| "ABCD".contains(*c)) && boundary_after(chars, j + 1) {
            out.push((i, j + 1 - i, PersonalData::NationalInsurance));
        }
    }
}

/// `Mr`, `Mrs`, `Ms`, `Miss`, `Mx` or `Dr` before a capitalised word, or a `Name:` label.
fn names_a_person(text: &str) -> bool {
    const TITLES: [&str; 6] = ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"];
    let bytes = text.as_bytes();
    if memchr::memchr_iter(b':', bytes)
        .any(|i| i >= 4 && bytes[i - 4..i].eq_ignore_ascii_case(b"name"))
    {
        return true;
    }
    // Every title starts with `M` or `D`: most lines have no word that does.
    if memchr::memchr2(b'M', b'D', bytes).is_none() {
        return false;
    }
    let mut words = text.split_whitespace();
    let Some(mut previous) = words.next() else {
        return false;
    };
    for word in words {
        if matches!(previous.as_bytes()[0], b'M' | b'D')
            && TITLES.contains(&previous.trim_end_matches('.'))
            && word.chars().next().is_some_and(char::is_uppercase)
        {
            return true;
        }
        previous = word;
    }
    false
}

/// UK postcodes: `A9 9AA`, `A99 9AA`, `AA9 9AA`, `AA99 9AA`, `A9A 9AA`, `AA9A 9AA`.
fn postcodes(chars: &[char], out: &mut Vec<Found>) {
    let upper = |i: usize| chars.get(i).is_some_and(char::is_ascii_uppercase);
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    for i in 0..chars.len() {
        if !boundary_before(chars, i) || !upper(i) {
            continue;
        }
        let mut j = i + 1;
        if upper(j) {
            j += 1;
        }
        if !digit(j) {
            continue;
        }
        j += 1;
        if digit(j) || upper(j) {
            j += 1;
        }
        if chars.get(j) == Some(&' ') {
            j += 1;
        }
        if digit(j) && upper(j + 1) && upper(j + 2) && boundary_after(chars, j + 3) {
            out.push((i, j + 3 - i, PersonalData::PostcodeNearName));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(PersonalData, u32, u32)> {
        let allowed = Allowed::new(&["@Bramfield.gov.uk".into()], &["+44 1632 960400".into()]);
        scan(text, &allowed, 1)
            .into_iter()
            .map(|f| (f.kind, f.line, f.column))
            .collect()
    }

    #[test]
    fn emails_outside_the_allowed_domains() {
        assert_eq!(
            kinds("Write to jane.doe@gmail.com today."),
            [(PersonalData::Email, 1, 10)]
        );
        assert!(kinds("libraries@bramfield.gov.uk").is_empty());
        assert!(kinds("x@news.bramfield.gov.uk").is_empty());
        assert!(kinds("x@notbramfield.gov.uk").len() == 1);
        assert!(kinds("an @ sign, user@localhost, a@b.c1").is_empty());
        assert_eq!(
            kinds("<mailto:a@evil-bramfield.gov.uk>"),
            [(PersonalData::Email, 1, 9)]
        );
    }

    #[test]
    fn uk_phone_numbers() {
        for text in [
            "Call 07700 900123.",
            "Call 020 7946 0958",
            "Call +44 7700 900123",
            "Call +44 (0)20 7946 0958",
            "Call 01632-960-001",
        ] {
            assert_eq!(kinds(text), [(PersonalData::Phone, 1, 6)], "{text}");
        }
        for text in [
            "Budget 2026-01-05",
            "ref 0.5 and 01/02/2026",
            "id 012345678901234",
            "v1 07700",
            "Library 01632 960 400, or +44 (0)1632 960400",
        ] {
            assert!(kinds(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn national_insurance_numbers() {
        assert_eq!(
            kinds("NI: AB 12 34 56 C"),
            [(PersonalData::NationalInsurance, 1, 5)]
        );
        assert_eq!(
            kinds("JZ123456D"),
            [(PersonalData::NationalInsurance, 1, 1)]
        );
        assert!(kinds("GB123456A and QQ123456E").is_empty());
    }

    #[test]
    fn postcodes_only_beside_names() {
        assert!(kinds("Bramfield Library, 1 Market Street, BR1 1AA").is_empty());
        assert_eq!(
            kinds("Mrs Patel, 4 Elm Road, BR2 3CD"),
            [(PersonalData::PostcodeNearName, 1, 24)]
        );
        assert_eq!(
            kinds("Dr. A Jones\n4 Elm Road\nSW1A 1AA"),
            [(PersonalData::PostcodeNearName, 3, 1)]
        );
        assert!(kinds("Mr Smith\n\n\n\n\nBR2 3CD").is_empty());
    }

    #[test]
    fn chunks_give_the_same_findings_as_lines() {
        let text = "a\nCall 07700 900123\r\nMrs Patel\nBR2 3CD\nx@gmail.com";
        let allow = Allowed::default();
        let whole = scan(text, &allow, 1);
        for size in 1..8 {
            let mut s = LineScanner::new(&allow, 1);
            for chunk in text.as_bytes().chunks(size) {
                s.feed(chunk);
            }
            assert_eq!(s.finish(), whole, "chunks of {size}");
        }
        assert_eq!(whole.len(), 3);
    }
}
