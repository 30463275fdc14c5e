//! CSV (RFC 4180) writing, shared by the `--format csv` renderers.

use crate::sheet::FORMULA_STARTS;

/// One CSV field: quoted when it holds a comma, a quote or a line break.
pub fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// A value made safe to open in a spreadsheet: one that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'`, which
/// spreadsheets show as text. Apply it to every field taken from a repository;
/// [`crate::sheet::unguard`] undoes it when such a file is read back.
pub fn guard(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(FORMULA_STARTS) {
        format!("'{value}").into()
    } else {
        value.into()
    }
}

/// One CSV record, ending in CRLF as RFC 4180 asks.
pub fn record<S: AsRef<str>>(fields: impl IntoIterator<Item = S>) -> String {
    let mut line = fields
        .into_iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
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
        assert_eq!(record(["1", "x,y"]), "1,\"x,y\"\r\n");
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
