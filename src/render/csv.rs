//! CSV (RFC 4180) writing, shared by the `--format csv` renderers.

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

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(record(["1", "x,y"]), "1,\"x,y\"\r\n");
        assert_eq!(field("=1+2,3"), "\"'=1+2,3\"");
    }
}
