//! CSV (RFC 4180) writing, shared by the `--format csv` emitters.

use std::io::{self, Write};

/// One CSV field: guarded against formulas and cleaned by [`super::escape::csv`], then
/// quoted when it holds a comma, a quote or a line break.
pub fn field(value: &str) -> String {
    let value = super::escape::csv(value);
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.into_owned()
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
}
