//! An element's narrative, markdown to HTML through an allow-list.
//!
//! pulldown-cmark writes only its own fixed set of tags and escapes all text and attribute
//! values. What could carry markup or script from the author is rewritten before it gets there:
//! raw HTML becomes visible text (comments are dropped), links keep their destination only when
//! it is http, https or mailto, images become their alt text (the report never loads anything),
//! and headings move down so they sit under the report's own.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Renders `markdown` from the evidence file `path` (repository-relative). Narrative headings
/// start at `top` (`#` becomes `top`, `##` the level below, down to h6).
pub fn to_html(markdown: &str, path: &str, top: HeadingLevel) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let events = Parser::new_ext(markdown, options);
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, Sanitise::new(events, path, top));
    out
}

/// What a link's destination turns into.
enum Destination {
    /// Kept as a link.
    Web,
    /// Shown after the link text as a repository path, not linked (the report may be read
    /// anywhere, so a relative link would break).
    Repository(String),
    /// Dropped: `javascript:`, `data:`, fragments and every other scheme.
    Dropped,
}

fn classify(dest: &str, from: &str) -> Destination {
    let lower = dest.trim().to_ascii_lowercase();
    if ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return Destination::Web;
    }
    let scheme_end = dest.find(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)));
    let has_scheme = scheme_end.is_some_and(|i| i > 0 && dest[i..].starts_with(':'));
    if has_scheme || dest.starts_with('#') || dest.starts_with("//") || dest.trim().is_empty() {
        return Destination::Dropped;
    }
    let target = dest.split(['#', '?']).next().unwrap_or(dest);
    match crate::tree::resolve(from, target) {
        Some(p) if !p.is_empty() => Destination::Repository(p),
        _ => Destination::Dropped,
    }
}

/// `level` moved down to start at `top`, and never more than one below `previous` (the
/// last heading out, or the report's own heading above the narrative), so none is skipped.
fn demote(level: HeadingLevel, top: HeadingLevel, previous: usize) -> HeadingLevel {
    let n = ((level as usize - 1) + top as usize)
        .min(previous + 1)
        .min(6);
    HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6)
}

/// Rewrites the event stream so only safe, self-contained HTML comes out.
struct Sanitise<'a, I> {
    events: I,
    path: &'a str,
    top: HeadingLevel,
    /// Events queued to come out before the next one from `events`.
    pending: std::collections::VecDeque<Event<'a>>,
    /// For each open link: what to add when it closes (None when it stays a link).
    links: Vec<Option<Vec<Event<'a>>>>,
    /// Depth inside images: their alt text is kept as plain text.
    image_depth: usize,
    /// Text of the raw HTML block being read.
    html_block: Option<String>,
    /// The level of the last heading written (the report's own heading at first).
    previous_heading: usize,
    /// The level the open heading was written at, to close it the same.
    open_heading: HeadingLevel,
}

impl<'a, I> Sanitise<'a, I> {
    fn new(events: I, path: &'a str, top: HeadingLevel) -> Self {
        Sanitise {
            events,
            path,
            top,
            pending: Default::default(),
            links: Vec::new(),
            image_depth: 0,
            html_block: None,
            previous_heading: top as usize - 1,
            open_heading: top,
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for Sanitise<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            if let Some(e) = self.pending.pop_front() {
                return Some(e);
            }
            let event = self.events.next()?;
            if let Some(block) = &mut self.html_block {
                match event {
                    Event::End(TagEnd::HtmlBlock) => {
                        let text = self.html_block.take().unwrap_or_default();
                        if is_comment(&text) {
                            continue;
                        }
                        self.pending.extend([
                            Event::Text(CowStr::from(text.trim_end().to_owned())),
                            Event::End(TagEnd::Paragraph),
                        ]);
                        return Some(Event::Start(Tag::Paragraph));
                    }
                    Event::Html(t) | Event::Text(t) => block.push_str(&t),
                    _ => {}
                }
                continue;
            }
            return Some(match event {
                Event::Start(Tag::HtmlBlock) => {
                    self.html_block = Some(String::new());
                    continue;
                }
                Event::Html(t) | Event::InlineHtml(t) => {
                    if is_comment(&t) {
                        continue;
                    }
                    Event::Text(t)
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    let level = demote(level, self.top, self.previous_heading);
                    self.previous_heading = level as usize;
                    self.open_heading = level;
                    Event::Start(Tag::Heading {
                        level,
                        id: None,
                        classes: Vec::new(),
                        attrs: Vec::new(),
                    })
                }
                Event::End(TagEnd::Heading(_)) => Event::End(TagEnd::Heading(self.open_heading)),
                Event::Start(Tag::CodeBlock(_)) => {
                    Event::Start(Tag::CodeBlock(CodeBlockKind::Indented))
                }
                Event::Start(Tag::Image { .. }) => {
                    self.image_depth += 1;
                    if self.image_depth > 1 {
                        continue;
                    }
                    Event::Text("[image: ".into())
                }
                Event::End(TagEnd::Image) => {
                    self.image_depth = self.image_depth.saturating_sub(1);
                    if self.image_depth > 0 {
                        continue;
                    }
                    Event::Text("]".into())
                }
                e if self.image_depth > 0 => match e {
                    Event::Text(t) | Event::Code(t) => Event::Text(t),
                    _ => continue,
                },
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => match classify(&dest_url, self.path) {
                    Destination::Web => {
                        self.links.push(None);
                        Event::Start(Tag::Link {
                            link_type,
                            dest_url,
                            title,
                            id,
                        })
                    }
                    Destination::Repository(p) => {
                        self.links.push(Some(vec![
                            Event::Text(" (".into()),
                            Event::Code(p.into()),
                            Event::Text(")".into()),
                        ]));
                        continue;
                    }
                    Destination::Dropped => {
                        self.links.push(Some(Vec::new()));
                        continue;
                    }
                },
                Event::End(TagEnd::Link) => match self.links.pop() {
                    Some(Some(after)) => {
                        self.pending.extend(after);
                        continue;
                    }
                    _ => Event::End(TagEnd::Link),
                },
                Event::TaskListMarker(done) => Event::Text(if done { "☑ " } else { "☐ " }.into()),
                Event::InlineMath(t) | Event::DisplayMath(t) => Event::Code(t),
                Event::FootnoteReference(t) => Event::Text(format!("[^{t}]").into()),
                Event::Start(Tag::MetadataBlock(_)) | Event::End(TagEnd::MetadataBlock(_)) => {
                    continue;
                }
                e => e,
            });
        }
    }
}

fn is_comment(html: &str) -> bool {
    let t = html.trim();
    t.starts_with("<!--") && t.ends_with("-->")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(md: &str) -> String {
        to_html(md, "evidence/1.1.1.md", HeadingLevel::H4)
    }

    #[test]
    fn ordinary_markdown_renders() {
        let html = render(
            "# Plan\n\nWe *consult* [widely](https://example.org/a?b=1&c=2).\n\n- one\n- two\n",
        );
        assert!(html.contains("<h4>Plan</h4>"), "{html}");
        assert!(html.contains("<em>consult</em>"), "{html}");
        assert!(
            html.contains(r#"<a href="https://example.org/a?b=1&amp;c=2">widely</a>"#),
            "{html}"
        );
        assert!(html.contains("<li>two</li>"), "{html}");
    }

    #[test]
    fn headings_move_down_and_stop_at_h6() {
        let html = render("# a\n## b\n### c\n#### d\n");
        assert!(
            html.contains("<h4>a</h4>") && html.contains("<h5>b</h5>"),
            "{html}"
        );
        assert!(
            html.contains("<h6>c</h6>") && html.contains("<h6>d</h6>"),
            "{html}"
        );
    }

    #[test]
    fn headings_never_skip_a_level() {
        let html = render("#### deep\n\n###### deeper\n\n# top\n");
        assert!(
            html.contains("<h4>deep</h4>") && html.contains("<h5>deeper</h5>"),
            "{html}"
        );
        assert!(html.contains("<h4>top</h4>"), "{html}");
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = render("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> there\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
    }

    #[test]
    fn comments_are_dropped() {
        let html = render("<!-- draft note -->\n\nText <!-- aside --> here\n");
        assert!(!html.contains("draft") && !html.contains("aside"), "{html}");
        assert!(html.contains("Text  here"), "{html}");
    }

    #[test]
    fn dangerous_links_lose_their_destination() {
        for dest in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "&#106;avascript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "#top",
            "//evil.example/x",
        ] {
            let html = render(&format!("[click]({dest})"));
            assert!(!html.contains("<a"), "{dest}: {html}");
            assert!(html.contains("click"), "{dest}: {html}");
        }
    }

    #[test]
    fn relative_links_show_the_repository_path() {
        let html = render("See [the report](../docs/report.pdf#page=2).");
        assert!(!html.contains("<a"), "{html}");
        assert!(
            html.contains("the report (<code>docs/report.pdf</code>)"),
            "{html}"
        );
    }

    #[test]
    fn images_become_alt_text() {
        let html = render("![Chart of *visits*](https://evil.example/track.png \"t\")");
        assert!(!html.contains("<img") && !html.contains("evil"), "{html}");
        assert!(html.contains("[image: Chart of visits]"), "{html}");
    }

    #[test]
    fn code_block_language_does_not_reach_attributes() {
        let html = render("```\" onmouseover=\"x\nbody\n```\n");
        assert!(html.contains("<pre><code>body\n</code></pre>"), "{html}");
    }
}
