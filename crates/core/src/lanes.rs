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
    CountFormat, apportion, format as money, format_compact, format_number as num,
    format_rate_short, format_rps_compact,
};
use crate::scenario::Scenario;
use crate::scene::{Anchor, Kind, Node, Role, Scene, Shape, Stroke};
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
    icon_scale_for(n, MAX_ICONS)
}

/// How many instances one icon stands for so that `n` fits in `max` icons: 1, 2, 5, 10, 20…
pub fn icon_scale_for(n: f64, max: usize) -> f64 {
    let mut scale = 1.0;
    let steps = [2.0, 2.5, 2.0];
    let mut i = 0;
    while n / scale > max as f64 && scale < 1e12 {
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

/// What a screen reader hears once the controls pause: the peak, the autoscaled VMs' most
/// instances on the peak day and the functions' 30-day bill, each as the page shows it (a
/// model that cannot run says so rather than show a bill).
pub fn announcement(s: &Scenario, outcome: &Outcome) -> String {
    let lang = s.lang;
    let said = |kind: ModelKind, what: String| {
        let model = outcome.model(kind);
        let value = if model.not_runnable.is_empty() {
            what
        } else {
            Text::NotRunnable.get(lang).to_string()
        };
        format!("{}: {value}", kind.label().get(lang))
    };
    let vms = outcome.model(ModelKind::VmAuto).month.max_instances;
    let unit = if vms == 1.0 {
        Text::LaneInstance
    } else {
        Text::LaneInstances
    };
    format!(
        "{} {}. {} · {}",
        Text::Announce.get(lang),
        crate::money::format_rps(s.traffic.peak_rps, lang),
        said(
            ModelKind::VmAuto,
            format!("{} {}", num(vms, 0), unit.get(lang))
        ),
        said(
            ModelKind::Faas,
            format!(
                "{} {}",
                Text::LaneMonth.get(lang),
                money(
                    outcome.model(ModelKind::Faas).month.cost_usd,
                    s.currency,
                    s.krw_per_usd
                )
            )
        ),
    )
}

/// Formats a minute of the day as `HH:MM`.
pub fn clock(minute: usize) -> String {
    format!("{:02}:{:02}", (minute / 60) % 24, minute % 60)
}

/// How the lanes are laid out: side by side (a screen or a slide), or stacked as rows for a
/// phone, where five side-by-side lanes would draw their text at about 7 CSS px.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Five lanes side by side, 1,000 units wide.
    Wide,
    /// One row per model, [`NARROW_WIDTH`] units wide: drawn at a phone's width its
    /// smallest text (11 units) stays at 11 CSS px or more.
    Narrow,
    /// The rows for a window too short for the narrow ones above a docked slider (a phone on
    /// its side, about 360 CSS px high): [`SHORT_WIDTH`] units wide and about 45 per model,
    /// the icons, the count, the icons' scale and the bill on the name's line and the rest on
    /// the next, so the five fit in under 300 units at the same 11-unit text.
    Short,
}

/// The narrow layout's width: a 360 px phone's column (360 px less the page's and the
/// figure's padding is about 323 px), so it is drawn there at 1:1 or a little larger.
pub const NARROW_WIDTH: f64 = 320.0;
const N_MARGIN: f64 = 2.0;
const N_PAD: f64 = 8.0;
const N_ICON: f64 = 12.0;
const N_ICON_GAP: f64 = 3.0;
const N_ICON_COLS: usize = 14;
/// The short rows' icons: ten, so the count, "1 icon = 10" and the bill share the name's line.
const S_ICON_COLS: usize = 10;
/// The short layout's width: drawn at 1:1 it takes 640 CSS px, which a phone on its side
/// (667 to 932 px wide) has beside the page's padding.
pub const SHORT_WIDTH: f64 = 640.0;

impl Layout {
    /// The most icons a lane draws in this layout.
    pub fn max_icons(self) -> usize {
        match self {
            Layout::Wide => MAX_ICONS,
            Layout::Narrow => N_ICON_COLS,
            Layout::Short => S_ICON_COLS,
        }
    }

    /// The layout's name in file names and classes (`skyscale-lanes-narrow-ko.svg`); none
    /// for the wide one.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Layout::Wide => None,
            Layout::Narrow => Some("narrow"),
            Layout::Short => Some("short"),
        }
    }
}

/// Builds the lanes at `minute`, emphasising `highlight` if given (the wide layout).
pub fn build(
    s: &Scenario,
    outcome: &Outcome,
    minute: usize,
    highlight: Option<ModelKind>,
) -> Scene {
    build_in(s, outcome, minute, highlight, Layout::Wide)
}

/// Builds the lanes at `minute` in `layout`, emphasising `highlight` if given.
pub fn build_in(
    s: &Scenario,
    outcome: &Outcome,
    minute: usize,
    highlight: Option<ModelKind>,
    layout: Layout,
) -> Scene {
    let lang = s.lang;
    let m = clamp_minute(outcome, minute);
    let demand = outcome.traffic_rps.get(m).copied().unwrap_or(0.0);
    let when = format!(
        "{} {} · {} {}",
        Text::LaneTime.get(lang),
        clock(m),
        Text::LaneDemand.get(lang),
        format_rps_compact(demand, lang)
    );
    let facts = |kind| LaneFacts::new(s, outcome, kind, m, layout.max_icons());
    if layout != Layout::Wide {
        return build_rows(s, when, facts, highlight, layout == Layout::Short);
    }
    let lanes = ModelKind::ALL.len() as f64;
    let lane_w = (WIDTH - 2.0 * MARGIN - (lanes - 1.0) * GAP) / lanes;
    let height = TOP + 36.0 + ICON_ROWS as f64 * (ICON + ICON_GAP) + 201.0 + 40.0;
    let mut scene = Scene::new(
        WIDTH,
        height,
        Text::LanesTitle.get(lang),
        Text::LanesDesc.get(lang),
    );
    scene.push(
        Node::text(MARGIN, 28.0, Text::LanesTitle.get(lang), 20.0, Role::Ink)
            .bold()
            .id("lanes-title"),
    );
    scene.push(
        Node::text(WIDTH - MARGIN, 28.0, when, 15.0, Role::Ink)
            .anchor(Anchor::End)
            .id("lanes-clock"),
    );
    for (i, &kind) in ModelKind::ALL.iter().enumerate() {
        let x = MARGIN + i as f64 * (lane_w + GAP);
        scene.push(lane(
            s,
            &facts(kind),
            x,
            lane_w,
            height - 40.0,
            highlight == Some(kind),
        ));
    }
    scene.push(legend(lang, height - 22.0));
    scene
}

/// The narrow and the short layouts: a title, the minute and demand, a heading over the bills'
/// column (the short one has it on the minute's line), one row per model and the legend
/// (wrapped to the width), each row as tall as its text needs.
fn build_rows(
    s: &Scenario,
    when: String,
    facts: impl Fn(ModelKind) -> LaneFacts,
    highlight: Option<ModelKind>,
    short: bool,
) -> Scene {
    let lang = s.lang;
    let (width, head_y) = if short {
        (SHORT_WIDTH, 34.0)
    } else {
        (NARROW_WIDTH, 50.0)
    };
    let w = width - 2.0 * N_MARGIN;
    let mut nodes = vec![
        Node::text(N_MARGIN, 16.0, Text::LanesTitle.get(lang), 15.0, Role::Ink)
            .bold()
            .id("lanes-title"),
        Node::text(N_MARGIN, 34.0, when, 12.0, Role::Ink).id("lanes-clock"),
        Node::text(
            width - N_MARGIN - N_PAD,
            head_y,
            Text::LaneMonth.get(lang),
            11.0,
            Role::InkMuted,
        )
        .anchor(Anchor::End),
    ];
    // The short rows put the icons after the names, in one column as wide as the widest.
    let names = short.then(|| {
        ModelKind::ALL
            .iter()
            .map(|k| drawn_width(k.label().get(lang), 13.0, true))
            .fold(0.0, f64::max)
    });
    let mut y = head_y + 5.0;
    for &kind in ModelKind::ALL.iter() {
        let (row, bottom) = lane_row(s, &facts(kind), y, w, names, highlight == Some(kind));
        nodes.push(row);
        y = bottom + 4.0;
    }
    let (legend, bottom) = legend_rows(lang, N_MARGIN, y + 12.0, w);
    nodes.push(legend);
    // A whole number of units high, so the PNG at 2× is as tall in the app as from the CLI
    // (which reads the SVG's rounded height).
    let mut scene = Scene::new(
        width,
        (bottom + 8.0).ceil(),
        Text::LanesTitle.get(lang),
        Text::LanesDesc.get(lang),
    );
    for n in nodes {
        scene.push(n);
    }
    scene
}

/// Everything one lane shows at one minute, computed once for either layout: the counts as
/// shown (each state rounded so that the three add up to the total shown; functions'
/// environments are expected numbers, so below 10 they show tenths), the icons standing for
/// them and the lines of text.
struct LaneFacts {
    kind: ModelKind,
    name: String,
    not_runnable: Vec<String>,
    fmt: CountFormat,
    /// Serving (functions: running), starting, draining (functions: idle), as shown.
    shown: Vec<f64>,
    total: f64,
    scale: f64,
    /// Icons per state, in the same order, and how many carry a cold-start mark.
    icons: [usize; 3],
    cold: usize,
    util: f64,
    p95: f64,
    /// The p95's wait reached the queue's timeout: said as "timed out", not a duration.
    timed_out: bool,
    /// Requests served and arriving in the minute, per second: without any there is no p95.
    served: f64,
    arriving: f64,
    dropped: f64,
    cost_so_far: f64,
    month: f64,
}

impl LaneFacts {
    fn new(s: &Scenario, outcome: &Outcome, kind: ModelKind, m: usize, max_icons: usize) -> Self {
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
        let fmt =
            CountFormat::for_total(booting + serving + draining, kind == ModelKind::Faas, lang);
        let shown = apportion(&[serving, booting, draining], fmt.step());
        let total = shown.iter().sum::<f64>();
        let scale = icon_scale_for(total.ceil(), max_icons);
        // The icons: the shown counts in icons of `scale`, rounded so they add up too.
        let n = apportion(&[shown[0] / scale, shown[1] / scale, shown[2] / scale], 1.0);
        let icons = [n[0] as usize, n[1] as usize, n[2] as usize];
        LaneFacts {
            kind,
            name: kind.label().get(lang).to_string(),
            not_runnable: model.not_runnable.iter().map(|r| r.message(lang)).collect(),
            fmt,
            total,
            scale,
            icons,
            cold: ((cold / scale).ceil() as usize).min(icons[0] + icons[1]),
            shown,
            util: at(&series.utilisation).min(1.0),
            p95: at(&series.p95_ms),
            timed_out: series.timed_out.get(m).copied().unwrap_or(false),
            served: at(&series.served_rps),
            arriving: at(&series.served_rps) + at(&series.dropped_rps),
            dropped: at(&series.dropped_rps),
            cost_so_far: at(&series.cost_usd),
            month: model.month.cost_usd,
        }
    }

    fn is_faas(&self) -> bool {
        self.kind == ModelKind::Faas
    }

    fn unit(&self) -> Text {
        match (self.is_faas(), self.total == 1.0) {
            (true, false) => Text::LaneEnvironments,
            (true, true) => Text::LaneEnvironment,
            (false, false) => Text::LaneInstances,
            (false, true) => Text::LaneInstance,
        }
    }

    /// "12 instances"; for functions "≈4.9 environments": an environment count is the minute's
    /// average (requests × duration), so it is marked as one, and the legend says what ≈ means.
    fn count_line(&self, lang: Lang) -> String {
        let about = if self.is_faas() { "≈" } else { "" };
        format!(
            "{about}{} {}",
            self.fmt.show(self.total),
            self.unit().get(lang)
        )
    }

    /// The three states' class codes and words (functions: running and idle).
    fn states(&self) -> [(&'static str, Text); 3] {
        let faas = self.is_faas();
        [
            (
                "serving",
                if faas {
                    Text::LaneBusy
                } else {
                    Text::LaneServing
                },
            ),
            ("booting", Text::LaneBooting),
            (
                "draining",
                if faas {
                    Text::LaneIdleShort
                } else {
                    Text::LaneDraining
                },
            ),
        ]
    }

    /// "1 icon = 2 instances"; `bare` leaves out the unit where the count beside it names it
    /// (the short rows, which share one line between the name, the count and the bill).
    fn scale_text(&self, lang: Lang, bare: bool) -> String {
        if self.scale > 1.0 {
            // "1 icon = 2 instances": the scale names what an icon stands for.
            let unit = if self.is_faas() {
                Text::LaneEnvironments
            } else {
                Text::LaneInstances
            };
            let template = if bare {
                Text::LaneIconScaleShort
            } else {
                Text::LaneIconScale
            };
            crate::msa_scene::fill(
                template.get(lang),
                &[
                    (
                        "n",
                        CountFormat::for_total(self.scale, false, lang).show(self.scale),
                    ),
                    ("unit", unit.get(lang).to_string()),
                ],
            )
        } else {
            String::new()
        }
    }

    /// Utilisation; for functions the share of the concurrency quota in use, not "busy".
    fn util_text(&self, lang: Lang) -> String {
        let label = if self.is_faas() {
            Text::LaneQuotaUsed
        } else {
            Text::LaneUtil
        };
        format!("{} {}%", label.get(lang), num(self.util * 100.0, 0))
    }

    /// The p95 latency, labelled in full (`short`: "p95" alone, for the narrow rows).
    fn p95_text(&self, lang: Lang, short: bool) -> String {
        // Without a latency the words take the number's place: the short label keeps the line
        // as long as a number's ("p95 — (no requests)").
        // A p95 that timed out says so in words, "p95" alone so the line stays as long as a
        // number's; the rows a phone shows say "> 60 s", the note under the table what it means.
        if self.served > 0.0 && self.timed_out {
            return format!("p95 {}", crate::money::timed_out_text(lang, short));
        }
        let label = if short || self.served <= 0.0 {
            Text::LaneP95Short
        } else {
            Text::LaneP95
        };
        format!("{} {}", label.get(lang), self.p95_value(lang))
    }

    /// The p95 as a duration, or why there is none: a minute without requests has no latency
    /// (not "0 ms"), the same rule as the latency CSV's empty cell.
    fn p95_value(&self, lang: Lang) -> String {
        crate::money::latency_or_why(self.p95, self.timed_out, self.served, self.arriving, lang)
    }

    fn lost_text(&self, lang: Lang) -> String {
        let label = if self.is_faas() {
            Text::LaneThrottled
        } else {
            Text::LaneDropped
        };
        if self.dropped > 0.0 {
            format!(
                "{} {}",
                label.get(lang),
                format_rate_short(self.dropped, lang)
            )
        } else {
            format!("{} {}", label.get(lang), Text::LaneNone.get(lang))
        }
    }

    fn lost_role(&self) -> Role {
        if self.dropped > 0.0 {
            Role::Accent
        } else {
            Role::Ink
        }
    }

    /// The icons at the top-left corners `pos(k)` of slot `k`, `size` units square: one stamp
    /// per state and one for the cold marks, always all four, so a redraw only changes their `d`.
    fn icon_group(&self, size: f64, pos: impl Fn(usize) -> (f64, f64), max: usize) -> Node {
        let mut k = 0usize;
        let mut cells: [Vec<(f64, f64)>; 3] = Default::default();
        for (state, &count) in self.icons.iter().enumerate() {
            for _ in 0..count {
                if k >= max {
                    break;
                }
                cells[state].push(pos(k));
                k += 1;
            }
        }
        let mut nodes: Vec<Node> = cells
            .into_iter()
            .enumerate()
            .map(|(state, at)| icons(state as u8, at, size))
            .collect();
        // Cold starts: a triangle on the newest instances (the starting ones, then serving).
        let first_new = self.icons[0];
        let cold_at = (0..self.cold)
            .map(|j| if self.icons[1] > 0 { first_new + j } else { j })
            .take_while(|&idx| idx < k)
            .map(pos)
            .collect();
        nodes.push(cold_marks(cold_at, size));
        Node::group(nodes).class("icons")
    }

    fn wrap_up(&self, nodes: Vec<Node>, lang: Lang) -> Node {
        let code = self.kind.code();
        if !self.not_runnable.is_empty() {
            return Node::group(nodes)
                .id(format!("lane-{code}"))
                .class(format!("lane lane-{code} not-runnable"))
                .title(format!("{}: {}", self.name, Text::NotRunnable.get(lang)));
        }
        Node::group(nodes)
            .id(format!("lane-{code}"))
            .class(format!("lane lane-{code}"))
            .title(format!(
                "{}: {}, p95 {}",
                self.name,
                self.count_line(lang),
                self.p95_value(lang)
            ))
    }
}

fn lane_frame(x: f64, y: f64, w: f64, h: f64, highlighted: bool) -> Node {
    Node::rect(x, y, w, h, Role::Background)
        .radius(10.0)
        .stroke(if highlighted {
            Stroke::solid(Role::Accent, 3.0)
        } else {
            Stroke::solid(Role::Border, 1.0)
        })
}

fn lane(s: &Scenario, f: &LaneFacts, x: f64, w: f64, bottom: f64, highlighted: bool) -> Node {
    let lang = s.lang;
    let mut nodes = vec![lane_frame(
        x,
        TOP - 24.0,
        w,
        bottom - TOP + 24.0,
        highlighted,
    )];
    // The name, wrapped on the comma ("IaaS, autoscaled VMs" → two lines).
    let (first, second) = f.name.split_once(", ").unwrap_or((&f.name, ""));
    nodes.push(Node::text(x + 10.0, TOP - 4.0, first, 14.0, Role::Ink).bold());
    nodes.push(Node::text(x + 10.0, TOP + 14.0, second, 13.0, Role::Ink).bold());

    let icons_y = TOP + 30.0;
    if !f.not_runnable.is_empty() {
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
        for reason in &f.not_runnable {
            for line in crate::scene::wrap(reason, 22) {
                nodes.push(Node::text(x + 10.0, y, line, 12.0, Role::Ink));
                y += 16.0;
            }
        }
        return f.wrap_up(nodes, lang);
    }

    let icon_pos = |k: usize| {
        let col = k % ICON_COLS;
        let row = k / ICON_COLS;
        (
            x + 10.0 + col as f64 * (ICON + ICON_GAP),
            icons_y + row as f64 * (ICON + ICON_GAP),
        )
    };
    nodes.push(f.icon_group(ICON, icon_pos, MAX_ICONS));

    // Each line below is its own `<text>`: one `<text>` of `<tspan>` lines per lane was measured
    // slower on a slider input (Blink re-shapes the whole block when any line changes).
    let mut y = icons_y + ICON_ROWS as f64 * (ICON + ICON_GAP) + 14.0;
    nodes.push(
        Node::text(x + 10.0, y, f.count_line(lang), 15.0, Role::Ink)
            .bold()
            .class("lane-count"),
    );
    // What the instances are doing: three columns, the number over its state, so the line
    // fits the lane at any count and the three visibly add up to the count above.
    let col_w = (w - 20.0) / 3.0;
    for (i, (code, label)) in f.states().iter().enumerate() {
        let cx = x + 10.0 + i as f64 * col_w;
        nodes.push(
            Node::text(cx, y + 17.0, f.fmt.show(f.shown[i]), 12.0, Role::Ink)
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
    nodes.push(
        Node::text(x + 10.0, y, f.scale_text(lang, false), 11.0, Role::InkMuted)
            .class("lane-icon-scale"),
    );
    y += 22.0;

    // Utilisation bar with its number (the bar is never the only carrier of the value).
    let bar_w = w - 20.0;
    nodes.push(Node::text(x + 10.0, y, f.util_text(lang), 12.0, Role::Ink).class("lane-util"));
    y += 6.0;
    nodes.push(
        Node::rect(x + 10.0, y, bar_w, 8.0, Role::Provider)
            .radius(3.0)
            .stroke(Stroke::solid(Role::Border, 1.0)),
    );
    nodes.push(Node::rect(x + 10.0, y, bar_w * f.util, 8.0, Role::You).radius(3.0));
    y += 28.0;
    nodes.push(Node::text(x + 10.0, y, f.p95_text(lang, false), 13.0, Role::Ink).class("lane-p95"));
    y += 19.0;
    nodes.push(
        Node::text(x + 10.0, y, f.lost_text(lang), 13.0, f.lost_role()).class("lane-dropped"),
    );
    y += 24.0;
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
            fit_money(f.cost_so_far, s, "", room, 16.0, true),
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
                f.month,
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
    f.wrap_up(nodes, lang)
}

/// One model as a row of the narrow layout, its top at `top`: the name with the 30-day bill
/// at the right, one row of icons, then the counts and the rest as words that wrap to the
/// row's width. With `names` (the short layout: the names' column width) the icons and the
/// count follow the name on its line and the rest wraps from the next. Returns the row and
/// its bottom.
fn lane_row(
    s: &Scenario,
    f: &LaneFacts,
    top: f64,
    w: f64,
    names: Option<f64>,
    highlighted: bool,
) -> (Node, f64) {
    let lang = s.lang;
    let (x, right) = (N_MARGIN + N_PAD, N_MARGIN + w - N_PAD);
    let mut nodes = Vec::new();
    let name_y = top + 17.0;
    let name_w = drawn_width(&f.name, 13.0, true);
    nodes.push(Node::text(x, name_y, f.name.clone(), 13.0, Role::Ink).bold());
    let bottom = if !f.not_runnable.is_empty() {
        let mut flow = Flow::new(x, right, name_y + 19.0, 14.0);
        flow.word(Node::text(0.0, 0.0, Text::NotRunnable.get(lang), 12.0, Role::Accent).bold());
        for reason in &f.not_runnable {
            // 46 characters in the narrow rows' 300 units.
            for line in crate::scene::wrap(reason, ((right - x) / 6.5) as usize) {
                flow.line(Node::text(0.0, 0.0, line, 11.0, Role::Ink));
            }
        }
        let (words, y) = flow.finish();
        nodes.extend(words);
        y
    } else {
        let count = Node::text(0.0, 0.0, f.count_line(lang), 12.0, Role::Ink)
            .bold()
            .class("lane-count");
        let scale_words = f.scale_text(lang, names.is_some());
        let scale = Node::text(0.0, 0.0, scale_words.clone(), 11.0, Role::InkMuted)
            .class("lane-icon-scale");
        // Where the icons start and the words' first line: under the name, or in the short
        // rows after it (in the names' column width) with the count and the icons' scale after
        // the icons.
        let (icons_x, icons_y, words_y, cols) = match names {
            Some(names) => (x + names + 12.0, top + 7.0, name_y + 15.0, S_ICON_COLS),
            None => (x, name_y + 8.0, name_y + 8.0 + N_ICON + 15.0, N_ICON_COLS),
        };
        let count_x = icons_x + cols as f64 * (N_ICON + N_ICON_GAP) + 7.0;
        let count_w = drawn_width(&f.count_line(lang), 12.0, true);
        let scale_x = count_x + count_w + 10.0;
        let left_of_bill = match names {
            Some(_) => scale_x + drawn_width(&scale_words, 11.0, false),
            None => x + name_w,
        };
        let room = (right - left_of_bill - 10.0).max(0.0);
        nodes.push(
            Node::text(
                right,
                name_y,
                fit_money(f.month, s, "", room, 13.0, true),
                13.0,
                Role::Ink,
            )
            .bold()
            .anchor(Anchor::End)
            .class("lane-month"),
        );
        let icon_pos = |k: usize| (icons_x + k as f64 * (N_ICON + N_ICON_GAP), icons_y);
        nodes.push(f.icon_group(N_ICON, icon_pos, cols));
        let mut flow = Flow::new(x, right, words_y, 14.0);
        if names.is_some() {
            nodes.push(placed(scale, scale_x, name_y));
            nodes.push(placed(count, count_x, name_y));
        } else {
            // "1 icon = 10" at the end of the icons' row (they leave it room).
            nodes.push(placed(scale, right, icons_y + 10.0).anchor(Anchor::End));
            flow.word(count);
        }
        for (i, (code, label)) in f.states().iter().enumerate() {
            flow.word(
                Node::text(
                    0.0,
                    0.0,
                    format!("{} {}", f.fmt.show(f.shown[i]), label.get(lang)),
                    11.0,
                    Role::Ink,
                )
                .class(format!("lane-n lane-n-{code}")),
            );
        }
        if names.is_none() {
            flow.line_break();
        }
        flow.word(Node::text(0.0, 0.0, f.p95_text(lang, true), 11.0, Role::Ink).class("lane-p95"));
        flow.word(
            Node::text(0.0, 0.0, f.lost_text(lang), 11.0, f.lost_role()).class("lane-dropped"),
        );
        flow.word(Node::text(0.0, 0.0, f.util_text(lang), 11.0, Role::Ink).class("lane-util"));
        let today = format!("{} ", Text::LaneCostToday.get(lang));
        let room = right - x - drawn_width(&today, 11.0, false);
        flow.word(
            Node::text(
                0.0,
                0.0,
                format!(
                    "{today}{}",
                    fit_money(f.cost_so_far, s, "", room, 11.0, false)
                ),
                11.0,
                Role::Ink,
            )
            .class("lane-cost"),
        );
        let (words, y) = flow.finish();
        nodes.extend(words);
        y
    };
    let bottom = bottom + 2.0;
    nodes.insert(0, lane_frame(N_MARGIN, top, w, bottom - top, highlighted));
    (f.wrap_up(nodes, lang), bottom)
}

/// Texts set left to right with a gap, starting a new line when the next one would pass
/// `right`: the narrow layout's lines wrap at any value instead of leaving the row.
struct Flow {
    left: f64,
    right: f64,
    x: f64,
    y: f64,
    line_h: f64,
    nodes: Vec<Node>,
}

impl Flow {
    /// The space between two words: wide enough that they read apart even where a renderer's
    /// fallback font (DejaVu Sans, without the Noto fonts the files name) draws Latin text
    /// about a tenth wider than [`drawn_width`]'s estimate.
    const GAP: f64 = 10.0;

    fn new(left: f64, right: f64, first_baseline: f64, line_h: f64) -> Flow {
        Flow {
            left,
            right,
            x: left,
            y: first_baseline,
            line_h,
            nodes: Vec::new(),
        }
    }

    /// Places a text node built at (0, 0) at the next place it fits.
    fn word(&mut self, node: Node) {
        let width = match &node.kind {
            Kind::Text {
                text, size, bold, ..
            } => drawn_width(text, *size, *bold),
            _ => 0.0,
        };
        if self.x > self.left && self.x + width > self.right {
            self.line_break();
        }
        self.nodes.push(placed(node, self.x, self.y));
        self.x += width + Self::GAP;
    }

    /// A text on a line of its own.
    fn line(&mut self, node: Node) {
        self.line_break();
        self.word(node);
    }

    fn line_break(&mut self) {
        if self.x > self.left {
            self.x = self.left;
            self.y += self.line_h;
        }
    }

    /// The placed texts and the bottom of the last line.
    fn finish(self) -> (Vec<Node>, f64) {
        let bottom = self.y + self.line_h * 0.4;
        (self.nodes, bottom)
    }
}

/// A text node built at (0, 0) moved to (`x`, `y`).
fn placed(mut node: Node, to_x: f64, to_y: f64) -> Node {
    if let Kind::Text { x, y, .. } = &mut node.kind {
        (*x, *y) = (to_x, to_y);
    }
    node
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

/// Instance icons of one state at the top-left corners `at`, `size` units square; `state`
/// 0 = serving/busy, 1 = starting, 2 = draining/idle. The shape, not only the colour, tells
/// the state.
fn icons(state: u8, at: Vec<(f64, f64)>, size: f64) -> Node {
    let square = |inset: f64| Shape::Rect {
        width: size - 2.0 * inset,
        height: size - 2.0 * inset,
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
                .map(|&(x, y)| (x + 0.75, y + size / 2.0))
                .collect();
            Node::group(vec![
                Node::stamp(shifted(0.75), square(0.75), Role::None)
                    .stroke(Stroke::solid(Role::ProviderLine, 1.5)),
                Node::stamp(
                    lower_half,
                    Shape::Rect {
                        width: size - 1.5,
                        height: size / 2.0 - 0.75,
                        radius: 0.0,
                    },
                    Role::ProviderLine,
                ),
            ])
            .class("i-draining")
        }
    }
}

/// The cold-start mark: a triangle on the top-right corner of each icon (`size` units) at `at`.
fn cold_marks(at: Vec<(f64, f64)>, size: f64) -> Node {
    let leg = 10.0 * size / ICON;
    Node::stamp(
        at,
        Shape::Polygon(vec![
            (size + 3.0 - leg, -3.0),
            (size + 3.0, -3.0),
            (size + 3.0, leg - 3.0),
        ]),
        Role::Accent,
    )
    .class("i-cold")
}

/// The legend's entries: each state's icon with its words, then the cold-start mark.
/// What a legend entry is drawn with: an instance icon of a state, the cold-start mark, or
/// nothing (a sign the text itself begins with).
#[derive(Clone, Copy)]
enum Key {
    State(u8),
    Cold,
    Sign,
}

fn legend_items(lang: Lang) -> [(Key, String); 5] {
    [
        (
            Key::State(0),
            format!(
                "{} / {}",
                Text::LaneServing.get(lang),
                Text::LaneBusy.get(lang)
            ),
        ),
        (Key::State(1), Text::LaneBooting.get(lang).to_string()),
        (
            Key::State(2),
            format!(
                "{} / {}",
                Text::LaneDraining.get(lang),
                Text::LaneIdle.get(lang)
            ),
        ),
        (Key::Cold, Text::LaneColdStart.get(lang).to_string()),
        (Key::Sign, Text::LaneAverage.get(lang).to_string()),
    ]
}

fn legend(lang: Lang, y: f64) -> Node {
    let mut nodes = Vec::new();
    let mut x = MARGIN;
    for (key, label) in legend_items(lang) {
        let width = crate::chart::backend::text_width(&label, 12.0);
        match key {
            Key::State(state) => {
                nodes.push(icons(state, vec![(x, y - 12.0)], ICON));
                nodes.push(Node::text(x + ICON + 6.0, y + 1.0, label, 12.0, Role::Ink));
                x += ICON + 22.0 + width;
            }
            Key::Cold => {
                // The mark's triangle starts `ICON - 7` right of and 3 above the point it is
                // stamped at.
                nodes.push(cold_marks(vec![(x - (ICON - 7.0), y - 9.0)], ICON));
                nodes.push(Node::text(x + 16.0, y + 1.0, label, 12.0, Role::Ink));
                x += 32.0 + width;
            }
            Key::Sign => {
                nodes.push(Node::text(x, y + 1.0, label, 12.0, Role::Ink));
                x += 16.0 + width;
            }
        }
    }
    Node::group(nodes).id("lanes-legend").class("legend")
}

/// The narrow layout's legend: the same entries, wrapped to `w` from `x`, the first baseline
/// at `y`. Returns the legend and its bottom.
fn legend_rows(lang: Lang, x: f64, y: f64, w: f64) -> (Node, f64) {
    let mut nodes = Vec::new();
    let (mut cx, mut cy) = (x, y);
    for (key, label) in legend_items(lang) {
        let glyph = match key {
            Key::Sign => 0.0,
            _ => N_ICON + 5.0,
        };
        let width = glyph + drawn_width(&label, 11.0, false);
        if cx > x && cx + width > x + w {
            cx = x;
            cy += 18.0;
        }
        match key {
            Key::State(state) => nodes.push(icons(state, vec![(cx, cy - 10.0)], N_ICON)),
            Key::Cold => nodes.push(cold_marks(vec![(cx - 3.0, cy - 7.0)], N_ICON)),
            Key::Sign => {}
        }
        nodes.push(Node::text(cx + glyph, cy, label, 11.0, Role::Ink));
        cx += width + 12.0;
    }
    (
        Node::group(nodes).id("lanes-legend").class("legend"),
        cy + 6.0,
    )
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
    fn a_minute_without_requests_has_no_latency_not_zero_ms() {
        for (lang, why) in [("en", "— (no requests)"), ("ko", "— (요청 없음)")] {
            let s = scenario(&format!("lang={lang}&pat=batch&peak=50"));
            let out = simulate(&s);
            let quiet = (0..out.traffic_rps.len())
                .find(|&m| out.traffic_rps[m] == 0.0)
                .expect("the batch pattern has minutes without traffic");
            for layout in [Layout::Wide, Layout::Narrow] {
                let scene = build_in(&s, &out, quiet, None, layout);
                let p95: Vec<&str> = scene
                    .children
                    .iter()
                    .flat_map(|c| c.walk())
                    .filter(|n| n.meta.class.as_deref() == Some("lane-p95"))
                    .filter_map(|n| match &n.kind {
                        crate::scene::Kind::Text { text, .. } => Some(text.as_str()),
                        _ => None,
                    })
                    .collect();
                assert!(!p95.is_empty());
                for t in p95 {
                    assert!(
                        t.ends_with(why) && !t.contains("0 ms"),
                        "{lang} {quiet}: {t:?}"
                    );
                }
            }
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

    /// Every text of `scene` as (left, right, baseline, size).
    fn text_boxes(scene: &Scene) -> Vec<(f64, f64, f64, f64, String)> {
        scene
            .nodes()
            .filter_map(|n| match &n.kind {
                Kind::Text {
                    x,
                    y,
                    text,
                    size,
                    bold,
                    anchor,
                    ..
                } if !text.is_empty() => {
                    let w = drawn_width(text, *size, *bold);
                    let left = match anchor {
                        Anchor::Start => *x,
                        Anchor::Middle => x - w / 2.0,
                        Anchor::End => x - w,
                    };
                    Some((left, left + w, *y, *size, text.clone()))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_row_layouts_keep_text_readable_and_inside_at_any_value() {
        for q in [
            "lang=ko&peak=2000&pat=diurnal",
            "lang=en&peak=0.001&pat=steady&rt=java",
            "lang=ko&peak=100000&pat=flash&cur=krw",
            "lang=en&peak=1e308&pat=bursty",
            "lang=ko&dur=3600000&mem=20000&peak=100000",
            "lang=ko&disk=1",
        ] {
            let s = scenario(q);
            let out = simulate(&s);
            for (minute, layout) in [0, 300, 720, 1125, 1439]
                .into_iter()
                .flat_map(|m| [(m, Layout::Narrow), (m, Layout::Short)])
            {
                let q = &format!("{q} ({layout:?})");
                let scene = build_in(&s, &out, minute, Some(ModelKind::Faas), layout);
                let width = match layout {
                    Layout::Short => SHORT_WIDTH,
                    _ => NARROW_WIDTH,
                };
                assert_eq!(scene.width, width);
                let boxes = text_boxes(&scene);
                assert!(boxes.len() > 20, "{q}");
                for (left, right, y, size, text) in &boxes {
                    assert!(*size >= 11.0, "{q}: {text:?} at {size}");
                    assert!(
                        *left >= 0.0 && *right <= width && *y <= scene.height,
                        "{q} at {minute}: {text:?} ({left:.0}–{right:.0}, {y:.0}) leaves the scene"
                    );
                }
                // The rows follow each other without overlapping.
                let mut last_bottom = 0.0;
                for kind in ModelKind::ALL {
                    let lane = scene.find(&format!("lane-{}", kind.code())).unwrap();
                    let Kind::Group { children } = &lane.kind else {
                        panic!()
                    };
                    let Kind::Rect { y, height, .. } = children[0].kind else {
                        panic!("{q}: a row without its frame")
                    };
                    assert!(y >= last_bottom, "{q}: {kind:?} overlaps the row above");
                    last_bottom = y + height;
                }
                assert!(last_bottom < scene.height, "{q}");
                // No two texts of the scene sit on one another.
                for (i, a) in boxes.iter().enumerate() {
                    for b in &boxes[i + 1..] {
                        let apart = a.1 <= b.0 || b.1 <= a.0 || (a.2 - b.2).abs() >= a.3.min(b.3);
                        assert!(apart, "{q} at {minute}: {:?} on {:?}", a.4, b.4);
                    }
                }
            }
        }
    }

    #[test]
    fn the_days_cost_has_one_name_in_every_layout_and_fits_its_row() {
        // Phone rows said "Day so far" / "당일 누적" where the wide lanes say "Peak day so far"
        // / "피크일 누적 비용": one quantity, one name, in each lane of every layout, and in
        // the rows within the row (the narrow rows are 320 units wide, the text 11 units).
        for (lang, name, other) in [
            ("en", "Peak day so far", "Day so far"),
            ("ko", "피크일 누적 비용", "당일 누적"),
        ] {
            for q in ["peak=2000&pat=diurnal", "peak=100000&cur=krw&pat=flash"] {
                let s = scenario(&format!("lang={lang}&{q}"));
                let out = simulate(&s);
                for layout in [Layout::Wide, Layout::Narrow, Layout::Short] {
                    let scene = build_in(&s, &out, busiest_minute(&out), None, layout);
                    for kind in ModelKind::ALL {
                        let lane = scene.find(&format!("lane-{}", kind.code())).unwrap();
                        let Kind::Group { children } = &lane.kind else {
                            panic!()
                        };
                        let Kind::Rect { x, width, .. } = children[0].kind else {
                            panic!()
                        };
                        let named: Vec<&Node> = lane
                            .walk()
                            .filter(|n| matches!(&n.kind, Kind::Text { text, .. } if text.contains(name)))
                            .collect();
                        let texts: Vec<&str> = lane
                            .walk()
                            .filter_map(|n| match &n.kind {
                                Kind::Text { text, .. } => Some(text.as_str()),
                                _ => None,
                            })
                            .collect();
                        if out.model(*kind).not_runnable.is_empty() {
                            assert_eq!(named.len(), 1, "{layout:?} {kind:?}: {texts:?}");
                        }
                        let stray = texts.iter().any(|t| t.contains(other) && !t.contains(name));
                        assert!(!stray, "{layout:?} {kind:?}: {texts:?}");
                        for n in named {
                            let Kind::Text {
                                x: tx,
                                text,
                                size,
                                bold,
                                ..
                            } = &n.kind
                            else {
                                panic!()
                            };
                            let end = tx + drawn_width(text, *size, *bold);
                            assert!(*tx >= x && end <= x + width, "{layout:?} {kind:?}: {text}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_narrow_layout_is_short_enough_to_sit_above_the_slider_on_a_phone() {
        // A 360 × 740 phone shows about 740 − 90 (the docked slider) CSS px of the lanes.
        for lang in ["en", "ko"] {
            let s = scenario(&format!("lang={lang}&peak=2000&pat=diurnal"));
            let out = simulate(&s);
            let scene = build_in(&s, &out, busiest_minute(&out), None, Layout::Narrow);
            assert!(scene.height <= 600.0, "{lang}: {}", scene.height);
        }
    }

    #[test]
    fn the_short_layout_fits_a_phone_on_its_side_above_the_slider() {
        // A 740 × 360 window shows about 300 CSS px above the slider docked in one line (about
        // 50 px): the five rows (two lines each; a bill in won may push one to three) end by
        // 270 units and the whole figure by 300 (drawn at 1:1), in either language, for every
        // pattern and peak.
        for lang in ["en", "ko"] {
            for pat in [
                "steady", "diurnal", "bursty", "flash", "batch", "iot", "growth",
            ] {
                for peak in ["2", "100", "2000", "100000", "100000&cur=krw"] {
                    let q = format!("lang={lang}&pat={pat}&peak={peak}");
                    let s = scenario(&q);
                    let out = simulate(&s);
                    let scene = build_in(&s, &out, busiest_minute(&out), None, Layout::Short);
                    assert!(scene.height <= 300.0, "{q}: {}", scene.height);
                    let last = scene.find("lane-faas").unwrap();
                    let Kind::Group { children } = &last.kind else {
                        panic!()
                    };
                    let Kind::Rect { y, height, .. } = children[0].kind else {
                        panic!()
                    };
                    assert!(y + height <= 270.0, "{q}: the rows end at {}", y + height);
                }
            }
        }
    }

    #[test]
    fn the_announcement_formats_its_numbers_and_names_a_model_that_cannot_run() {
        let s = scenario("lang=en&peak=100000&mem=65536&max=100000");
        let said = announcement(&s, &simulate(&s));
        assert!(said.contains("FaaS functions: Not runnable"), "{said}");
        assert!(!said.contains("$0.00"), "{said}");
        let s = scenario("lang=en&peak=100000&pat=steady");
        let said = announcement(&s, &simulate(&s));
        assert!(
            said.starts_with("At this peak: 100,000 requests/s."),
            "{said}"
        );
        assert!(said.contains(" instances"), "{said}");
        // Every number has its thousands separator ("3,839", not "3839").
        let bare = |w: &str| w.len() > 3 && w.chars().all(|c| c.is_ascii_digit());
        assert!(!said.split([' ', '.']).any(bare), "{said}");
        let s = scenario("lang=ko&peak=2000");
        assert!(announcement(&s, &simulate(&s)).contains("30일 요금"));
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
