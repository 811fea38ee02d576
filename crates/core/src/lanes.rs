//! The scaling lanes: every compute model side by side at one minute of the simulated peak day.
//!
//! Each lane draws its instances as icons whose *shape* says their state — a filled square is
//! serving (a function: running), a dashed outline is starting, a half-filled square is
//! draining (a function: idle but warm) — and a triangle marks instances that started cold
//! this minute. Below the icons: the count, and the three states in columns, rounded so they
//! add up to the count ([`crate::money::apportion`]; functions' environments are expected
//! numbers, shown in tenths below 10); the icon scale; utilisation as a bar and a number (for
//! functions, the share of the concurrency quota in use, so "busy" never means two things);
//! p95 latency, requests lost, the peak day's cost so far and the 30-day bill. Every text
//! stays inside its lane at any value the controls allow: large counts and amounts switch to
//! three significant digits and a scale word (`1.2M`, `$72T`, `720경`). All numbers come from
//! [`crate::sim::Outcome`]; nothing is computed here but layout and rounding for display.

use crate::i18n::{Lang, Text};
use crate::money::{
    CountFormat, apportion, format as money, format_compact, format_duration_ms,
    format_number as num, format_rate_short, format_rps_compact,
};
use crate::scenario::Scenario;
use crate::scene::{Anchor, Node, Role, Scene, Shape, Stroke};
use crate::sim::{ModelKind, Outcome};

const WIDTH: f64 = 1000.0;
const MARGIN: f64 = 16.0;
const GAP: f64 = 10.0;
const TOP: f64 = 64.0;
const ICON: f64 = 16.0;
const ICON_GAP: f64 = 5.0;
const ICON_COLS: usize = 8;
const ICON_ROWS: usize = 6;
/// The most icons a lane draws; beyond it one icon stands for several instances.
pub const MAX_ICONS: usize = ICON_COLS * ICON_ROWS;

/// How many instances one icon stands for so that `n` fits in [`MAX_ICONS`]: 1, 2, 5, 10, 20…
pub fn icon_scale(n: f64) -> f64 {
    let mut scale = 1.0;
    let steps = [2.0, 2.5, 2.0];
    let mut i = 0;
    while n / scale > MAX_ICONS as f64 && scale < 1e12 {
        scale *= steps[i % 3];
        i += 1;
    }
    scale
}

/// Clamps a minute index into the simulated day.
pub fn clamp_minute(outcome: &Outcome, minute: usize) -> usize {
    minute.min(outcome.traffic_rps.len().saturating_sub(1))
}

/// The busiest minute of the simulated day (the first, if several tie).
pub fn busiest_minute(outcome: &Outcome) -> usize {
    outcome
        .traffic_rps
        .iter()
        .enumerate()
        .fold(
            (0, f64::MIN),
            |best, (i, &v)| if v > best.1 { (i, v) } else { best },
        )
        .0
}

/// The minute the scenario asks for, or the busiest one.
pub fn minute_for(s: &Scenario, outcome: &Outcome) -> usize {
    s.minute
        .map_or_else(|| busiest_minute(outcome), |m| m as usize)
        .min(outcome.traffic_rps.len().saturating_sub(1))
}

/// Formats a minute of the day as `HH:MM`.
pub fn clock(minute: usize) -> String {
    format!("{:02}:{:02}", (minute / 60) % 24, minute % 60)
}

/// Builds the lanes at `minute`, emphasising `highlight` if given.
pub fn build(
    s: &Scenario,
    outcome: &Outcome,
    minute: usize,
    highlight: Option<ModelKind>,
) -> Scene {
    let lang = s.lang;
    let m = clamp_minute(outcome, minute);
    let lanes = ModelKind::ALL.len() as f64;
    let lane_w = (WIDTH - 2.0 * MARGIN - (lanes - 1.0) * GAP) / lanes;
    let height = TOP + 36.0 + ICON_ROWS as f64 * (ICON + ICON_GAP) + 201.0 + 40.0;
    let mut scene = Scene::new(
        WIDTH,
        height,
        Text::LanesTitle.get(lang),
        Text::LanesDesc.get(lang),
    );
    let demand = outcome.traffic_rps.get(m).copied().unwrap_or(0.0);
    scene.push(
        Node::text(MARGIN, 28.0, Text::LanesTitle.get(lang), 20.0, Role::Ink)
            .bold()
            .id("lanes-title"),
    );
    scene.push(
        Node::text(
            WIDTH - MARGIN,
            28.0,
            format!(
                "{} {} · {} {}",
                Text::LaneTime.get(lang),
                clock(m),
                Text::LaneDemand.get(lang),
                format_rps_compact(demand, lang)
            ),
            15.0,
            Role::Ink,
        )
        .anchor(Anchor::End)
        .id("lanes-clock"),
    );
    for (i, &kind) in ModelKind::ALL.iter().enumerate() {
        let x = MARGIN + i as f64 * (lane_w + GAP);
        scene.push(lane(
            s,
            outcome,
            kind,
            m,
            x,
            lane_w,
            height - 40.0,
            highlight == Some(kind),
        ));
    }
    scene.push(legend(lang, height - 22.0));
    scene
}

#[allow(clippy::too_many_arguments)]
fn lane(
    s: &Scenario,
    outcome: &Outcome,
    kind: ModelKind,
    m: usize,
    x: f64,
    w: f64,
    bottom: f64,
    highlighted: bool,
) -> Node {
    let lang = s.lang;
    let model = outcome.model(kind);
    let series = &model.series;
    let at = |v: &Vec<f64>| v.get(m).copied().unwrap_or(0.0).max(0.0);
    let (booting, serving, draining, cold) = (
        at(&series.booting),
        at(&series.serving),
        at(&series.draining),
        at(&series.cold_starts),
    );
    let is_faas = kind == ModelKind::Faas;
    let mut nodes = vec![
        Node::rect(x, TOP - 24.0, w, bottom - TOP + 24.0, Role::Background)
            .radius(10.0)
            .stroke(if highlighted {
                Stroke::solid(Role::Accent, 3.0)
            } else {
                Stroke::solid(Role::Border, 1.0)
            }),
    ];
    // The name, wrapped on the comma ("IaaS, autoscaled VMs" → two lines).
    let name = kind.label().get(lang);
    let (first, second) = name.split_once(", ").unwrap_or((name, ""));
    nodes.push(Node::text(x + 10.0, TOP - 4.0, first, 14.0, Role::Ink).bold());
    nodes.push(Node::text(x + 10.0, TOP + 14.0, second, 13.0, Role::Ink).bold());

    let icons_y = TOP + 30.0;
    if !model.not_runnable.is_empty() {
        nodes.push(
            Node::text(
                x + 10.0,
                icons_y + 12.0,
                Text::NotRunnable.get(lang),
                14.0,
                Role::Accent,
            )
            .bold(),
        );
        let mut y = icons_y + 32.0;
        for reason in &model.not_runnable {
            for line in crate::scene::wrap(&reason.message(lang), 22) {
                nodes.push(Node::text(x + 10.0, y, line, 12.0, Role::Ink));
                y += 16.0;
            }
        }
        return Node::group(nodes)
            .id(format!("lane-{}", kind.code()))
            .class(format!("lane lane-{} not-runnable", kind.code()))
            .title(format!("{}: {}", name, Text::NotRunnable.get(lang)));
    }

    // The counts as shown: each state rounded so that the three add up to the total shown
    // (functions' environments are expected numbers, so below 10 they show tenths).
    let fmt = CountFormat::for_total(booting + serving + draining, is_faas, lang);
    let shown = apportion(&[serving, booting, draining], fmt.step());
    let total = shown.iter().sum::<f64>();
    let scale = icon_scale(total.ceil());
    // The icons: the shown counts in icons of `scale`, rounded so they add up too.
    let icon_counts = apportion(&[shown[0] / scale, shown[1] / scale, shown[2] / scale], 1.0);
    let (n_serving, n_booting, n_draining) = (
        icon_counts[0] as usize,
        icon_counts[1] as usize,
        icon_counts[2] as usize,
    );
    let n_cold = ((cold / scale).ceil() as usize).min(n_booting + n_serving);
    let mut k = 0usize;
    let icon_pos = |k: usize| {
        let col = k % ICON_COLS;
        let row = k / ICON_COLS;
        (
            x + 10.0 + col as f64 * (ICON + ICON_GAP),
            icons_y + row as f64 * (ICON + ICON_GAP),
        )
    };
    // One stamp per state (and one for the cold marks), always all four, so a redraw only
    // changes their `d`.
    let mut cells: [Vec<(f64, f64)>; 3] = Default::default();
    for (count, state) in [(n_serving, 0), (n_booting, 1), (n_draining, 2)] {
        for _ in 0..count {
            if k >= MAX_ICONS {
                break;
            }
            cells[state].push(icon_pos(k));
            k += 1;
        }
    }
    let mut icon_nodes: Vec<Node> = cells
        .into_iter()
        .enumerate()
        .map(|(state, at)| icons(state as u8, at))
        .collect();
    // Cold starts: a triangle on the newest instances (the starting ones, then serving).
    let first_new = n_serving;
    let cold_at = (0..n_cold)
        .map(|j| if n_booting > 0 { first_new + j } else { j })
        .take_while(|&idx| idx < k)
        .map(icon_pos)
        .collect();
    icon_nodes.push(cold_marks(cold_at));
    nodes.push(Node::group(icon_nodes).class("icons"));

    let one = total == 1.0;
    let unit = match (is_faas, one) {
        (true, false) => Text::LaneEnvironments,
        (true, true) => Text::LaneEnvironment,
        (false, false) => Text::LaneInstances,
        (false, true) => Text::LaneInstance,
    };
    // Each line below is its own `<text>`: one `<text>` of `<tspan>` lines per lane was measured
    // slower on a slider input (Blink re-shapes the whole block when any line changes).
    let mut y = icons_y + ICON_ROWS as f64 * (ICON + ICON_GAP) + 14.0;
    let count_line = format!("{} {}", fmt.show(total), unit.get(lang));
    nodes.push(
        Node::text(x + 10.0, y, count_line, 15.0, Role::Ink)
            .bold()
            .class("lane-count"),
    );
    // What the instances are doing: three columns, the number over its state, so the line
    // fits the lane at any count and the three visibly add up to the count above.
    let col_w = (w - 20.0) / 3.0;
    let states = [
        (
            "serving",
            if is_faas {
                Text::LaneBusy
            } else {
                Text::LaneServing
            },
        ),
        ("booting", Text::LaneBooting),
        (
            "draining",
            if is_faas {
                Text::LaneIdleShort
            } else {
                Text::LaneDraining
            },
        ),
    ];
    for (i, (code, label)) in states.iter().enumerate() {
        let cx = x + 10.0 + i as f64 * col_w;
        nodes.push(
            Node::text(cx, y + 17.0, fmt.show(shown[i]), 12.0, Role::Ink)
                .bold()
                .class(format!("lane-n lane-n-{code}")),
        );
        nodes.push(Node::text(
            cx,
            y + 30.0,
            label.get(lang),
            11.0,
            Role::InkMuted,
        ));
    }
    y += 44.0;
    let scale_text = if scale > 1.0 {
        format!(
            "{} {}",
            Text::LaneIconScale.get(lang),
            CountFormat::for_total(scale, false, lang).show(scale)
        )
    } else {
        String::new()
    };
    nodes.push(Node::text(x + 10.0, y, scale_text, 11.0, Role::InkMuted).class("lane-icon-scale"));
    y += 22.0;

    // Utilisation bar with its number (the bar is never the only carrier of the value). For
    // functions it is the share of the concurrency quota in use, not "busy" environments.
    let util = at(&series.utilisation).min(1.0);
    let bar_w = w - 20.0;
    let util_label = if is_faas {
        Text::LaneQuotaUsed
    } else {
        Text::LaneUtil
    };
    nodes.push(
        Node::text(
            x + 10.0,
            y,
            format!("{} {}%", util_label.get(lang), num(util * 100.0, 0)),
            12.0,
            Role::Ink,
        )
        .class("lane-util"),
    );
    y += 6.0;
    nodes.push(
        Node::rect(x + 10.0, y, bar_w, 8.0, Role::Provider)
            .radius(3.0)
            .stroke(Stroke::solid(Role::Border, 1.0)),
    );
    nodes.push(Node::rect(x + 10.0, y, bar_w * util, 8.0, Role::You).radius(3.0));
    y += 28.0;
    let p95 = at(&series.p95_ms);
    nodes.push(
        Node::text(
            x + 10.0,
            y,
            format!(
                "{} {}",
                Text::LaneP95.get(lang),
                format_duration_ms(p95, lang)
            ),
            13.0,
            Role::Ink,
        )
        .class("lane-p95"),
    );
    y += 19.0;
    let dropped = at(&series.dropped_rps);
    let lost_label = if is_faas {
        Text::LaneThrottled
    } else {
        Text::LaneDropped
    };
    let lost = if dropped > 0.0 {
        format!(
            "{} {}",
            lost_label.get(lang),
            format_rate_short(dropped, lang)
        )
    } else {
        format!("{} {}", lost_label.get(lang), Text::LaneNone.get(lang))
    };
    nodes.push(
        Node::text(
            x + 10.0,
            y,
            lost,
            13.0,
            if dropped > 0.0 {
                Role::Accent
            } else {
                Role::Ink
            },
        )
        .class("lane-dropped"),
    );
    y += 24.0;
    let cost_so_far = at(&series.cost_usd);
    nodes.push(Node::text(
        x + 10.0,
        y,
        Text::LaneCostToday.get(lang),
        11.0,
        Role::InkMuted,
    ));
    y += 17.0;
    let room = w - 20.0;
    nodes.push(
        Node::text(
            x + 10.0,
            y,
            fit_money(cost_so_far, s, "", room, 16.0, true),
            16.0,
            Role::Ink,
        )
        .bold()
        .class("lane-cost"),
    );
    y += 18.0;
    nodes.push(
        Node::text(
            x + 10.0,
            y,
            fit_money(
                model.month.cost_usd,
                s,
                &format!("{} ", Text::LaneMonth.get(lang)),
                room,
                12.0,
                false,
            ),
            12.0,
            Role::InkMuted,
        )
        .class("lane-month"),
    );

    Node::group(nodes)
        .id(format!("lane-{}", kind.code()))
        .class(format!("lane lane-{}", kind.code()))
        .title(format!(
            "{name}: {} {}, p95 {}",
            fmt.show(total),
            unit.get(lang),
            format_duration_ms(p95, lang)
        ))
}

/// How wide `text` is drawn at `size` px, a little generous for bold (the layout's estimate;
/// the lanes keep every text within it).
pub fn drawn_width(text: &str, size: f64, bold: bool) -> f64 {
    crate::chart::backend::text_width(text, size) * if bold { 1.05 } else { 1.0 }
}

/// `prefix` and an amount in the scenario's currency, in full when it fits `room` px, else
/// with three significant digits and a scale word (`$72T`, `₩720경`).
fn fit_money(usd: f64, s: &Scenario, prefix: &str, room: f64, size: f64, bold: bool) -> String {
    let full = format!("{prefix}{}", money(usd, s.currency, s.krw_per_usd));
    if drawn_width(&full, size, bold) <= room {
        return full;
    }
    format!(
        "{prefix}{}",
        format_compact(usd, s.currency, s.krw_per_usd, s.lang)
    )
}

/// Instance icons of one state at the top-left corners `at`; `state` 0 = serving/busy,
/// 1 = starting, 2 = draining/idle. The shape, not only the colour, tells the state.
fn icons(state: u8, at: Vec<(f64, f64)>) -> Node {
    let square = |inset: f64| Shape::Rect {
        width: ICON - 2.0 * inset,
        height: ICON - 2.0 * inset,
        radius: 3.0,
    };
    let shifted = |d: f64| at.iter().map(|&(x, y)| (x + d, y + d)).collect::<Vec<_>>();
    match state {
        0 => Node::stamp(at, square(0.0), Role::You).class("i-serving"),
        1 => Node::stamp(shifted(1.0), square(1.0), Role::None)
            .stroke(Stroke::dashed(Role::You, 1.6, "3 2"))
            .class("i-booting"),
        _ => {
            let lower_half = at
                .iter()
                .map(|&(x, y)| (x + 0.75, y + ICON / 2.0))
                .collect();
            Node::group(vec![
                Node::stamp(shifted(0.75), square(0.75), Role::None)
                    .stroke(Stroke::solid(Role::ProviderLine, 1.5)),
                Node::stamp(
                    lower_half,
                    Shape::Rect {
                        width: ICON - 1.5,
                        height: ICON / 2.0 - 0.75,
                        radius: 0.0,
                    },
                    Role::ProviderLine,
                ),
            ])
            .class("i-draining")
        }
    }
}

/// The cold-start mark: a triangle on the top-right corner of each icon at `at`.
fn cold_marks(at: Vec<(f64, f64)>) -> Node {
    Node::stamp(
        at,
        Shape::Polygon(vec![
            (ICON - 7.0, -3.0),
            (ICON + 3.0, -3.0),
            (ICON + 3.0, 7.0),
        ]),
        Role::Accent,
    )
    .class("i-cold")
}

fn legend(lang: Lang, y: f64) -> Node {
    let mut nodes = Vec::new();
    let mut x = MARGIN;
    let items = [
        (
            0u8,
            format!(
                "{} / {}",
                Text::LaneServing.get(lang),
                Text::LaneBusy.get(lang)
            ),
        ),
        (1, Text::LaneBooting.get(lang).to_string()),
        (
            2,
            format!(
                "{} / {}",
                Text::LaneDraining.get(lang),
                Text::LaneIdle.get(lang)
            ),
        ),
    ];
    for (state, label) in items {
        nodes.push(icons(state, vec![(x, y - 12.0)]));
        nodes.push(Node::text(
            x + ICON + 6.0,
            y + 1.0,
            label.clone(),
            12.0,
            Role::Ink,
        ));
        x += ICON + 22.0 + crate::chart::backend::text_width(&label, 12.0);
    }
    // The mark's triangle starts `ICON - 7` right of and 3 above the point it is stamped at.
    nodes.push(cold_marks(vec![(x - (ICON - 7.0), y - 9.0)]));
    nodes.push(Node::text(
        x + 16.0,
        y + 1.0,
        Text::LaneColdStart.get(lang),
        12.0,
        Role::Ink,
    ));
    Node::group(nodes).id("lanes-legend").class("legend")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::simulate;
    use crate::svg::{Options, write};

    fn scenario(query: &str) -> Scenario {
        Scenario::from_query(query).0
    }

    #[test]
    fn icon_scale_keeps_every_lane_within_its_grid() {
        assert_eq!(icon_scale(0.0), 1.0);
        assert_eq!(icon_scale(48.0), 1.0);
        assert_eq!(icon_scale(49.0), 2.0);
        assert_eq!(icon_scale(200.0), 5.0);
        for n in [1.0, 97.0, 1_000.0, 12_345.0, 1e6] {
            assert!(n / icon_scale(n) <= MAX_ICONS as f64, "{n}");
        }
    }

    #[test]
    fn lanes_show_each_model_with_its_numbers_in_both_languages() {
        for lang in ["en", "ko"] {
            let s = scenario(&format!("lang={lang}&peak=2000&pat=steady"));
            let out = simulate(&s);
            let scene = build(&s, &out, 720, Some(ModelKind::Faas));
            for kind in ModelKind::ALL {
                let lane = scene.find(&format!("lane-{}", kind.code())).unwrap();
                assert!(lane.meta.title.is_some());
            }
            let texts: Vec<&str> = scene.texts().collect();
            assert!(texts.iter().any(|t| t.contains("12:00")));
            let svg = write(&scene, &Options::file());
            assert!(roxmltree::Document::parse(&svg).is_ok());
            assert!(!svg.contains("NaN") && !svg.contains("inf"));
        }
    }

    #[test]
    fn more_traffic_draws_more_autoscaled_instances() {
        let count = |peak: &str| {
            let s = scenario(&format!("lang=en&pat=steady&peak={peak}"));
            let out = simulate(&s);
            let scene = build(&s, &out, 1200, None);
            let lane = scene.find("lane-vm-auto").unwrap();
            lane.walk()
                .filter_map(|n| match &n.kind {
                    crate::scene::Kind::Text { text, .. }
                        if n.meta.class.as_deref() == Some("lane-count") =>
                    {
                        Some(
                            text.split(' ')
                                .next()
                                .unwrap()
                                .replace(',', "")
                                .parse::<f64>()
                                .unwrap(),
                        )
                    }
                    _ => None,
                })
                .next()
                .unwrap()
        };
        assert!(count("5000") > count("50"));
    }

    #[test]
    fn extreme_inputs_stay_drawable() {
        for q in [
            "peak=0",
            "peak=100000&pat=flash",
            "dur=3600000&mem=20000",
            "peak=1e308",
        ] {
            let s = scenario(q);
            let out = simulate(&s);
            for minute in [0, 719, 1439, 99_999] {
                let svg = write(&build(&s, &out, minute, None), &Options::file());
                assert!(!svg.contains("NaN"), "{q}");
            }
        }
    }
}
