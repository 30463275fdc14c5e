//! CSV (RFC 4180) writing, shared by the `--format csv` emitters.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::sheet::FORMULA_STARTS;

/// One CSV field: cleaned and guarded against formulas by [`super::escape::csv`], then
/// quoted when it holds a comma, a quote or a line break.
pub fn field(value: &str) -> String {
    let value = super::escape::csv(value);
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.into_owned()
    }
}

/// A value made safe to open in a spreadsheet: one that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'`, which
/// spreadsheets show as text. [`super::escape::csv`] applies it to every CSV field;
/// [`crate::sheet::unguard`] undoes it when such a file is read back.
pub fn guard(value: &str) -> Cow<'_, str> {
    if value.starts_with(FORMULA_STARTS) {
        format!("'{value}").into()
    } else {
        value.into()
    }
}

/// Writes one CSV record, ending in CRLF as RFC 4180 asks.
pub fn record<S: AsRef<str>>(
    out: &mut dyn Write,
    fields: impl IntoIterator<Item = S>,
) -> io::Result<()> {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(field(f.as_ref()).as_bytes())?;
    }
    out.write_all(b"\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::unguard;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        let mut out = Vec::new();
        record(&mut out, ["1", "x,y"]).unwrap();
        assert_eq!(out, b"1,\"x,y\"\r\n");
        assert_eq!(field("=1+2,3"), "\"'=1+2,3\"");
    }

    #[test]
    fn formulas_are_guarded_and_read_back() {
        for value in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            let guarded = guard(value);
            assert_eq!(guarded, format!("'{value}"));
            assert_eq!(unguard(&guarded), value);
        }
        assert_eq!(guard("plain"), "plain");
        assert_eq!(guard("'quoted"), "'quoted");
        assert_eq!(unguard("'quoted"), "'quoted");
    }
}
