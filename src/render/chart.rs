//! `cse history --svg`: a small self-contained line chart of readiness per criterion over time.

use std::fmt::Write;

use crate::history::Point;

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 380.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 230.0;
const TOP: f64 = 48.0;
const BOTTOM: f64 = 44.0;
/// Okabe–Ito colours, told apart by most colour-blind readers.
const COLOURS: [&str; 7] = [
    "#E69F00", "#56B4E9", "#009E73", "#D55E00", "#CC79A7", "#0072B2", "#F0E442",
];

/// A line of the chart: its name, colour, and value at a point.
type Series = (String, String, Box<dyn Fn(&Point) -> Option<f64>>);

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart as an SVG document. Commits are placed by time; a commit without figures
/// breaks the lines.
/// `visits` are the assessment visits to mark on the time axis.
pub fn svg(points: &[Point], title: &str, visits: &[jiff::civil::Date]) -> String {
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12" role="img" aria-labelledby="chart-title">"#
    );
    let _ = writeln!(s, r#"<title id="chart-title">{}</title>"#, escape(title));
    let _ = writeln!(
        s,
        r##"<rect width="100%" height="100%" fill="#ffffff"/><text x="{LEFT}" y="26" font-size="16" font-weight="600" fill="#222">{}</text>"##,
        escape(title)
    );
    // Horizontal grid and percentage labels.
    for pct in [0, 25, 50, 75, 100] {
        let y = TOP + plot_h * (1.0 - f64::from(pct) / 100.0);
        let _ = writeln!(
            s,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="#555">{pct}%</text>"##,
            LEFT + plot_w,
            LEFT - 8.0,
            y + 4.0
        );
    }
    if points.is_empty() {
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#555">No commit changed the evidence yet.</text>"##,
            LEFT + plot_w / 2.0,
            TOP + plot_h / 2.0
        );
        s.push_str("</svg>\n");
        return s;
    }

    let times: Vec<f64> = points
        .iter()
        .map(|p| p.commit.time.as_second() as f64)
        .collect();
    let (first, last) = (times[0], times[times.len() - 1]);
    let x_of = |i: usize| -> f64 {
        if last > first {
            LEFT + plot_w * ((times[i] - first) / (last - first)).clamp(0.0, 1.0)
        } else if points.len() > 1 {
            LEFT + plot_w * i as f64 / (points.len() - 1) as f64
        } else {
            LEFT + plot_w / 2.0
        }
    };
    let y_of = |v: f64| TOP + plot_h * (1.0 - v.clamp(0.0, 100.0) / 100.0);

    // Series: each criterion of the newest figures, then overall.
    let newest = points.iter().rev().find_map(|p| p.figures.as_ref().ok());
    let mut series: Vec<Series> = Vec::new();
    if let Some(f) = newest {
        for (i, c) in f.criteria.iter().enumerate() {
            let id = c.id.clone();
            series.push((
                format!("{} {}", c.id, c.title),
                COLOURS[i % COLOURS.len()].to_owned(),
                Box::new(move |p: &Point| p.criterion(&id).map(|c| c.fraction.readiness)),
            ));
        }
    }
    series.push((
        "Overall".into(),
        "#222222".into(),
        Box::new(|p: &Point| p.figures.as_ref().ok().map(|f| f.overall.readiness)),
    ));

    let last_index = series.len() - 1;
    for (n, (name, colour, value)) in series.iter().enumerate() {
        let width = if n == last_index { 3.0 } else { 1.8 };
        let _ = writeln!(
            s,
            r#"<g fill="none" stroke="{colour}" stroke-width="{width}"><title>{}</title>"#,
            escape(name)
        );
        // A run of consecutive known values is one polyline; a lone value is a dot.
        let mut run: Vec<(f64, f64)> = Vec::new();
        let flush = |run: &mut Vec<(f64, f64)>, s: &mut String| {
            match run.len() {
                0 => {}
                1 => {
                    let _ = writeln!(
                        s,
                        r#"<circle cx="{:.1}" cy="{:.1}" r="2.5" fill="{colour}"/>"#,
                        run[0].0, run[0].1
                    );
                }
                _ => {
                    let pts: Vec<String> =
                        run.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
                    let _ = writeln!(s, r#"<polyline points="{}"/>"#, pts.join(" "));
                }
            }
            run.clear();
        };
        for (i, p) in points.iter().enumerate() {
            match value(p) {
                Some(v) => run.push((x_of(i), y_of(v))),
                None => flush(&mut run, &mut s),
            }
        }
        flush(&mut run, &mut s);
        s.push_str("</g>\n");
        // Legend entry, with the latest value.
        let y = TOP + 8.0 + 20.0 * n as f64;
        let latest = points.iter().rev().find_map(value);
        let label = match latest {
            Some(v) => format!("{} ({v:.1}%)", name),
            None => name.clone(),
        };
        let _ = writeln!(
            s,
            r##"<line x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{colour}" stroke-width="{width}"/><text x="{:.1}" y="{:.1}" fill="#222">{}</text>"##,
            LEFT + plot_w + 16.0,
            LEFT + plot_w + 36.0,
            LEFT + plot_w + 42.0,
            y + 4.0,
            escape(&label)
        );
    }
    // Each assessment visit within the period: a dashed line with its date.
    for visit in visits {
        let t = jiff::tz::TimeZone::UTC
            .to_timestamp(visit.at(12, 0, 0, 0))
            .map_or(first, |t| t.as_second() as f64);
        if last <= first || t < first || t > last {
            continue;
        }
        let x = LEFT + plot_w * (t - first) / (last - first);
        let _ = writeln!(
            s,
            r##"<g><title>Assessment visit {visit}</title><line x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{:.1}" stroke="#b35900" stroke-dasharray="4 3"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" fill="#b35900" font-size="10">visit {visit}</text></g>"##,
            TOP + plot_h,
            TOP - 4.0
        );
    }
    // Dates of the first and last commit under the axis.
    let axis_y = TOP + plot_h + 20.0;
    let first_date = points[0].commit.date;
    let last_date = points[points.len() - 1].commit.date;
    let _ = writeln!(
        s,
        r##"<text x="{LEFT}" y="{axis_y:.1}" fill="#555">{first_date}</text>"##
    );
    if last_date != first_date {
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{axis_y:.1}" text-anchor="end" fill="#555">{last_date}</text>"##,
            LEFT + plot_w
        );
    }
    let _ = writeln!(
        s,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#777" font-size="11">{} commit{} that changed the evidence</text>"##,
        LEFT + plot_w / 2.0,
        axis_y + 16.0,
        points.len(),
        if points.len() == 1 { "" } else { "s" }
    );
    s.push_str("</svg>\n");
    s
}
