//! The monolith-vs-microservices view's pictures and sentences, built from [`msa::compare`].
//!
//! Two scenes of the same height, meant to sit side by side: [`monolith`] draws the notes'
//! monolith figure (a user interface / REST API layer, the business-logic modules and a
//! data-access layer in one box over one shared database) with its replicas as whole copies;
//! [`microservices`] draws the Uber figure after the split (an API gateway in front of services,
//! each with its own database) with the calls between services and each service's replicas.
//! Modules sit on the same rows in both, so a failed or deploying module can be compared at a
//! glance. Every state is said in words and shapes as well as colour: a failed module is dashed
//! and marked "✗ failed", a restarting one "↻ restarting", a hard call is a solid line with a
//! filled head, a soft call a dashed line with a hollow head, and each user feature is listed
//! with ✓ / ✗ / ! / ↻ and its state in words (the marks drawn as shapes, [`Mark`]: Korean
//! fonts lack some of these characters).
//!
//! [`points`] turns the same numbers into the pros/cons panel: each point of the lecture notes,
//! with the figure the simulation just produced.

use crate::i18n::{Lang, Text};
use crate::money::{format, format_number};
use crate::msa::{
    self, ArchOutcome, Architecture, FailureImpact, Feature, MIN_REPLICAS, MODULES, MsaOutcome,
};
use crate::scenario::{Module, Scenario};
use crate::scene::{Anchor, Mark, Node, Role, Scene, Stroke};

/// Width and height of each of the two scenes, px.
pub const WIDTH: f64 = 600.0;
pub const HEIGHT: f64 = 830.0;

/// Modules top to bottom: callers above callees, so every call runs downwards.
pub const ROWS: [Module; 7] = [
    Module::Passenger,
    Module::Dispatch,
    Module::Payments,
    Module::Trips,
    Module::Pricing,
    Module::Driver,
    Module::Notifications,
];

const ROW0: f64 = 184.0;
const ROW_H: f64 = 44.0;
const ROW_STEP: f64 = 52.0;
/// Left and right edge of a module box.
const BOX_X0: f64 = 48.0;
const BOX_X1: f64 = 300.0;
const MONO_X0: f64 = 24.0;
const MONO_X1: f64 = 298.0;
const FEATURES_Y: f64 = 706.0;
/// Most replica icons drawn before "+N".
const MAX_ICONS: usize = 48;
const MAX_PIPS: usize = 16;

fn row_y(m: Module) -> f64 {
    let i = ROWS.iter().position(|r| *r == m).unwrap_or(0);
    ROW0 + i as f64 * ROW_STEP
}

/// What a user feature is doing in one architecture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeatureState {
    Up,
    Down,
    /// Works, but something it triggers (alerts) is delayed.
    Degraded,
    /// Works with less capacity while a deploy restarts replicas it needs.
    Reduced,
}

impl FeatureState {
    /// CSS class and test hook.
    pub fn code(self) -> &'static str {
        match self {
            FeatureState::Up => "up",
            FeatureState::Down => "down",
            FeatureState::Degraded => "degraded",
            FeatureState::Reduced => "reduced",
        }
    }

    /// The icon shown beside the feature (never the only signal: the word follows); drawn as
    /// shapes in the pictures, as [`Mark::glyph`] on the page.
    pub fn mark(self) -> Mark {
        match self {
            FeatureState::Up => Mark::Check,
            FeatureState::Down => Mark::Cross,
            FeatureState::Degraded => Mark::Alert,
            FeatureState::Reduced => Mark::Restart,
        }
    }

    /// [`FeatureState::mark`] as a character, for the page.
    pub fn icon(self) -> &'static str {
        self.mark().glyph()
    }

    pub fn label(self) -> Text {
        match self {
            FeatureState::Up => Text::MsaUp,
            FeatureState::Down => Text::MsaDown,
            FeatureState::Degraded => Text::MsaDegraded,
            FeatureState::Reduced => Text::MsaReduced,
        }
    }
}

/// Each feature's state in `arch`: the failure if a module has failed, else the deploy if one
/// is deploying, else everything works.
pub fn feature_states(a: &ArchOutcome) -> Vec<(Feature, FeatureState)> {
    Feature::ALL
        .iter()
        .map(|&f| {
            let state = if let Some(fail) = &a.failure {
                if fail.down.contains(&f) {
                    FeatureState::Down
                } else if fail.degraded.contains(&f) {
                    FeatureState::Degraded
                } else {
                    FeatureState::Up
                }
            } else if a.deploy.as_ref().is_some_and(|d| d.affected.contains(&f)) {
                FeatureState::Reduced
            } else {
                FeatureState::Up
            };
            (f, state)
        })
        .collect()
}

/// Replaces `{key}` placeholders of an i18n template.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// A duration for reading: seconds under two minutes, else minutes to one decimal.
pub fn duration_text(seconds: f64, lang: Lang) -> String {
    if seconds < 120.0 {
        fill(
            Text::DurSeconds.get(lang),
            &[("n", format_number(seconds.round(), 0))],
        )
    } else {
        let min = (seconds / 6.0).round() / 10.0;
        fill(Text::DurMinutes.get(lang), &[("n", format_number(min, 1))])
    }
}

/// `x` rounded half away from zero to `decimals` places: every number of this view that is
/// shown rounded goes through here, so the same quantity reads the same everywhere and a
/// difference can be taken of the values as shown.
pub fn rounded(x: f64, decimals: i32) -> f64 {
    if !x.is_finite() {
        return 0.0;
    }
    let k = libm::pow(10.0, f64::from(decimals));
    (x * k).round() / k
}

/// `x` as shown with `decimals` places (see [`rounded`]).
pub fn num(x: f64, decimals: usize) -> String {
    format_number(rounded(x, decimals as i32), decimals)
}

fn n0(x: f64) -> String {
    num(x, 0)
}

/// Milliseconds of latency, to one decimal.
fn ms1(x: f64) -> String {
    num(x, 1)
}

/// A memory size in GB. Every memory figure of the model is a multiple of 0.125 GB
/// ([`msa::MEMORY_STEP_GB`]), so three decimals write it exactly: a product shown with its
/// factors is true as printed.
pub fn gb_text(x: f64) -> String {
    format_number(x, 3)
}

/// A monolith module's tooltip: what it is and what it is doing (a description, so the
/// exported file says nothing only the screen can do).
fn mono_title(s: &Scenario, m: Module) -> String {
    let state = match (s.msa.fail, s.msa.deploy) {
        (Some(f), _) if f == m => Text::MsaStateFailed,
        (Some(_), _) => Text::MsaStateStopped,
        (None, Some(_)) => Text::MsaStateAppRestarting,
        (None, None) => Text::MsaStateRunning,
    };
    fill(
        Text::MsaTitleMono.get(s.lang),
        &[
            ("module", m.label(s.lang).into()),
            ("state", state.get(s.lang).into()),
        ],
    )
}

/// A service's tooltip: its replicas, what it is doing and how many features need it.
fn service_title(s: &Scenario, m: Module, replicas: f64) -> String {
    let state = if s.msa.fail == Some(m) {
        Text::MsaStateFailed
    } else if s.msa.deploy == Some(m) {
        Text::MsaStateRestarting
    } else {
        Text::MsaStateRunning
    };
    fill(
        Text::MsaTitleService.get(s.lang),
        &[
            ("module", m.label(s.lang).into()),
            (
                "replicas",
                fill(Text::MsaReplicaCount.get(s.lang), &[("n", n0(replicas))]),
            ),
            ("state", state.get(s.lang).into()),
            ("needed", needed_by(m).to_string()),
            ("t", Feature::ALL.len().to_string()),
        ],
    )
}

/// How many features cannot work without `m` (as a service).
fn needed_by(m: Module) -> usize {
    Feature::ALL
        .iter()
        .filter(|f| f.needs().contains(&m))
        .count()
}

/// A database cylinder with a label inside.
fn cylinder(x: f64, y: f64, w: f64, h: f64, label: &str, size: f64) -> Node {
    let ry = (h * 0.16).min(8.0);
    let (cx, rx) = (x + w / 2.0, w / 2.0);
    let arc = |cy: f64, from: f64, to: f64| -> Vec<(f64, f64)> {
        (0..=16)
            .map(|i| {
                let a = from + (to - from) * f64::from(i) / 16.0;
                // `libm`: the same last bit in the app (wasm) and the CLI (native).
                (cx + rx * libm::cos(a), cy + ry * libm::sin(a))
            })
            .collect()
    };
    use std::f64::consts::PI;
    // Body: the top ellipse's far half, down the right side, the bottom's near half, up.
    let mut body = arc(y + ry, PI, 2.0 * PI);
    body.extend(arc(y + h - ry, 0.0, PI));
    let outline = Stroke::solid(Role::ProviderLine, 1.5);
    Node::group(vec![
        Node::polygon(body, Role::Provider).stroke(outline),
        Node::polyline(arc(y + ry, 0.0, PI), outline),
        Node::text(
            cx,
            y + h / 2.0 + ry / 2.0 + 4.0,
            label,
            size,
            Role::ProviderInk,
        )
        .anchor(Anchor::Middle),
    ])
    .class("database")
}

/// A small arrowhead with its tip at (`x`, `y`) pointing `dir` (+1 right/down, -1 left/up),
/// horizontal or vertical. Filled for hard calls, hollow for soft ones.
fn head(x: f64, y: f64, horizontal: bool, dir: f64, hollow: bool) -> Node {
    let (a, b) = if horizontal {
        ((x - dir * 8.0, y - 4.5), (x - dir * 8.0, y + 4.5))
    } else {
        ((x - 4.5, y - dir * 8.0), (x + 4.5, y - dir * 8.0))
    };
    let fill = if hollow { Role::Background } else { Role::Ink };
    Node::polygon(vec![(x, y), a, b], fill).stroke(Stroke::solid(Role::Ink, 1.2))
}

fn header(title: &str, sub: &str) -> Vec<Node> {
    vec![
        Node::text(20.0, 32.0, title, 20.0, Role::Ink).bold(),
        Node::text(20.0, 54.0, sub, 13.0, Role::InkMuted),
    ]
}

/// The two apps at the top, with arrows down to the front door at `front_y`.
fn clients(lang: Lang, front_y: f64) -> Node {
    let mut out = Vec::new();
    for (i, t) in [Text::MsaPassengerApp, Text::MsaDriverApp]
        .into_iter()
        .enumerate()
    {
        let x = 40.0 + i as f64 * 130.0;
        out.push(
            Node::rect(x, 68.0, 112.0, 28.0, Role::Background)
                .radius(14.0)
                .stroke(Stroke::solid(Role::Border, 1.5)),
        );
        out.push(Node::text(x + 56.0, 87.0, t.get(lang), 12.0, Role::Ink).anchor(Anchor::Middle));
        out.push(Node::line(
            x + 56.0,
            96.0,
            x + 56.0,
            front_y - 8.0,
            Stroke::solid(Role::Ink, 1.5),
        ));
        out.push(head(x + 56.0, front_y, false, 1.0, false));
    }
    Node::group(out).class("clients")
}

/// A "✗ failed" / "↻ restarting" badge right-aligned at (`x`, `y`) (the mark drawn as shapes).
fn badge(lang: Lang, x: f64, y: f64, failed: bool, ink: Role) -> Node {
    let (text, mark) = if failed {
        (Text::MsaFailedBadge.get(lang), Mark::Cross)
    } else {
        (Text::MsaRestarting.get(lang), Mark::Restart)
    };
    Node::text(x, y, text, 12.0, ink)
        .bold()
        .anchor(Anchor::End)
        .class(if failed {
            "mark-badge failed"
        } else {
            "mark-badge restarting"
        })
        .with_mark(mark)
}

/// A module or service box: solid when healthy, dashed and pale when failed, outlined in the
/// accent colour while restarting.
fn module_box(x0: f64, x1: f64, y: f64, failed: bool, restarting: bool) -> (Node, Role) {
    let w = x1 - x0;
    if failed {
        (
            Node::rect(x0, y, w, ROW_H, Role::Background)
                .radius(6.0)
                .stroke(Stroke::dashed(Role::Accent, 2.5, "6 4")),
            Role::Ink,
        )
    } else if restarting {
        (
            Node::rect(x0, y, w, ROW_H, Role::Background)
                .radius(6.0)
                .stroke(Stroke::solid(Role::Accent, 3.0)),
            Role::Ink,
        )
    } else {
        (
            Node::rect(x0, y, w, ROW_H, Role::You).radius(6.0),
            Role::YouInk,
        )
    }
}

/// The features' tally in words: how many are down, else how many work with less, else that
/// all work ("✓ all 7 working", never "✗ 0 / 7").
pub fn feature_count(states: &[(Feature, FeatureState)], lang: Lang) -> (Mark, String) {
    let t = states.len().to_string();
    let count = |st: FeatureState| states.iter().filter(|(_, x)| *x == st).count();
    let (down, degraded, reduced) = (
        count(FeatureState::Down),
        count(FeatureState::Degraded),
        count(FeatureState::Reduced),
    );
    let (text, n) = if down > 0 {
        (Text::MsaCountDown, down)
    } else if reduced > 0 {
        (Text::MsaCountReduced, reduced)
    } else if degraded > 0 {
        (Text::MsaCountDegraded, degraded)
    } else {
        (Text::MsaCountAllUp, states.len())
    };
    let text = if n == states.len() && text != Text::MsaCountAllUp {
        match text {
            Text::MsaCountDown => Text::MsaCountAllDown,
            Text::MsaCountReduced => Text::MsaCountAllReduced,
            other => other,
        }
    } else {
        text
    };
    let mark = match text {
        Text::MsaCountAllUp => Mark::Check,
        Text::MsaCountDegraded => Mark::Alert,
        Text::MsaCountReduced | Text::MsaCountAllReduced => Mark::Restart,
        _ => Mark::Cross,
    };
    (
        mark,
        fill(text.get(lang), &[("n", n.to_string()), ("t", t)]),
    )
}

/// The feature list at the bottom: icon, name and state in words, in two columns.
fn features(lang: Lang, prefix: &str, a: &ArchOutcome) -> Node {
    let mut out = vec![
        Node::text(
            20.0,
            FEATURES_Y,
            Text::MsaFeatures.get(lang),
            15.0,
            Role::Ink,
        )
        .bold(),
    ];
    let states = feature_states(a);
    let (mark, count) = feature_count(&states, lang);
    out.push(
        Node::text(WIDTH - 20.0, FEATURES_Y, count, 13.0, Role::InkMuted)
            .anchor(Anchor::End)
            .id(format!("{prefix}-down-count"))
            .with_mark(mark),
    );
    for (i, (f, st)) in states.into_iter().enumerate() {
        let x = 20.0 + (i / 4) as f64 * 290.0;
        let y = FEATURES_Y + 28.0 + (i % 4) as f64 * 26.0;
        let (circle, glyph_ink) = match st {
            FeatureState::Up => (Node::circle(x + 9.0, y - 5.0, 9.0, Role::You), Role::YouInk),
            FeatureState::Down => (
                Node::circle(x + 9.0, y - 5.0, 9.0, Role::Background)
                    .stroke(Stroke::solid(Role::Accent, 2.0)),
                Role::Ink,
            ),
            FeatureState::Degraded | FeatureState::Reduced => (
                Node::circle(x + 9.0, y - 5.0, 9.0, Role::Background).stroke(Stroke::dashed(
                    Role::Ink,
                    1.5,
                    "3 2",
                )),
                Role::Ink,
            ),
        };
        let label = format!("{}: {}", f.label(lang), st.label().get(lang));
        out.push(
            Node::group(vec![
                circle,
                Node::mark(st.mark(), x + 9.0, y - 5.0, 12.0, glyph_ink),
                Node::text(x + 26.0, y, label.clone(), 13.0, Role::Ink),
            ])
            .id(format!("{prefix}-feature-{}", f.code()))
            .class(format!("feature {}", st.code()))
            .title(label),
        );
    }
    Node::group(out).class("features")
}

fn peak_of(a: &ArchOutcome, m: Module) -> f64 {
    a.groups
        .iter()
        .find(|g| g.module == Some(m))
        .map_or(MIN_REPLICAS, |g| g.peak_replicas)
}

/// The monolith: one box of modules over one shared database, replicated whole.
pub fn monolith(s: &Scenario, o: &MsaOutcome) -> Scene {
    let lang = s.lang;
    let a = &o.monolith;
    let title = Text::Monolith.get(lang);
    let sub = fill(Text::MsaMonoSub.get(lang), &[("n", n0(a.peak_replicas))]);
    let mut scene = Scene::new(WIDTH, HEIGHT, title, format!("{title}: {sub}."));
    for (i, n) in header(title, &sub).into_iter().enumerate() {
        scene.push(n.id(if i == 0 {
            "mono-title"
        } else {
            "mono-subtitle"
        }));
    }
    scene.push(clients(lang, 124.0));
    let failed = s.msa.fail.is_some();
    let deploying = s.msa.deploy.is_some() && !failed;

    // The one deployable: its outline says whether the whole process is down or restarting.
    let outline = if failed {
        Stroke::dashed(Role::Accent, 3.0, "8 5")
    } else if deploying {
        Stroke::solid(Role::Accent, 3.0)
    } else {
        Stroke::solid(Role::ProviderLine, 1.5)
    };
    let box_bottom = ROW0 + 7.0 * ROW_STEP + 44.0;
    let mut app = vec![
        Node::rect(12.0, 116.0, 298.0, box_bottom - 116.0, Role::Provider)
            .radius(10.0)
            .stroke(outline)
            .class("app-box"),
        Node::rect(MONO_X0, 124.0, MONO_X1 - MONO_X0, 30.0, Role::Background)
            .radius(5.0)
            .stroke(Stroke::solid(Role::Border, 1.2)),
        Node::text(161.0, 144.0, Text::MsaUiLayer.get(lang), 13.0, Role::Ink)
            .bold()
            .anchor(Anchor::Middle),
        Node::text(
            MONO_X0,
            174.0,
            Text::MsaLogicLayer.get(lang),
            12.0,
            Role::ProviderInk,
        ),
    ];
    for m in ROWS {
        let y = row_y(m);
        let is_failed = s.msa.fail == Some(m);
        let is_deploy = s.msa.deploy == Some(m) && !failed;
        let (rect, ink) = module_box(MONO_X0, MONO_X1, y, is_failed, is_deploy);
        let mut kids = vec![
            rect,
            Node::text(MONO_X0 + 12.0, y + 27.0, m.label(lang), 14.0, ink).bold(),
        ];
        if is_failed || is_deploy {
            kids.push(badge(lang, MONO_X1 - 10.0, y + 27.0, is_failed, ink).decorative());
        }
        app.push(
            Node::group(kids)
                .id(format!("mono-module-{}", m.code()))
                .class(format!(
                    "module{}{}",
                    if is_failed { " failed" } else { "" },
                    if is_deploy { " restarting" } else { "" }
                ))
                .title(mono_title(s, m))
                .interactive_if(!s.present.locked("fail")),
        );
    }
    let data_y = ROW0 + 7.0 * ROW_STEP;
    app.push(
        Node::rect(
            MONO_X0,
            data_y - 4.0,
            MONO_X1 - MONO_X0,
            30.0,
            Role::Background,
        )
        .radius(5.0)
        .stroke(Stroke::solid(Role::Border, 1.2)),
    );
    app.push(
        Node::text(
            161.0,
            data_y + 16.0,
            Text::MsaDataLayer.get(lang),
            13.0,
            Role::Ink,
        )
        .bold()
        .anchor(Anchor::Middle),
    );
    scene.push(Node::group(app).id("mono-app").class("app"));
    scene.push(Node::line(
        161.0,
        box_bottom,
        161.0,
        box_bottom + 18.0,
        Stroke::solid(Role::Ink, 1.5),
    ));
    scene.push(head(161.0, box_bottom + 26.0, false, 1.0, false));
    scene.push(
        cylinder(
            36.0,
            box_bottom + 28.0,
            250.0,
            56.0,
            Text::MsaSharedDb.get(lang),
            13.0,
        )
        .id("mono-db"),
    );

    // Replicas: whole copies of the app.
    let px = 336.0;
    let mut reps = vec![
        Node::text(
            px,
            ROW0 + 4.0,
            Text::MsaReplicasAtPeak.get(lang),
            14.0,
            Role::Ink,
        )
        .bold(),
        Node::text(
            px,
            ROW0 + 32.0,
            fill(
                Text::MsaReplicaCount.get(lang),
                &[("n", n0(a.peak_replicas))],
            ),
            22.0,
            Role::Ink,
        )
        .bold()
        .id("mono-replicas"),
    ];
    let n = a.peak_replicas.max(0.0) as usize;
    for i in 0..n.min(MAX_ICONS) {
        let x = px + (i % 8) as f64 * 30.0;
        let y = ROW0 + 48.0 + (i / 8) as f64 * 36.0;
        let restarting = deploying && i == 0;
        let (fill_role, stroke) = if failed {
            (Role::Background, Stroke::dashed(Role::Accent, 1.5, "3 2"))
        } else if restarting {
            (Role::Background, Stroke::solid(Role::Accent, 2.5))
        } else {
            (Role::Provider, Stroke::solid(Role::ProviderLine, 1.2))
        };
        let mut icon = vec![
            Node::rect(x, y, 22.0, 28.0, fill_role)
                .radius(3.0)
                .stroke(stroke),
        ];
        for k in 0..3 {
            let ly = y + 7.0 + k as f64 * 7.0;
            icon.push(Node::line(
                x + 5.0,
                ly,
                x + 17.0,
                ly,
                Stroke::solid(Role::ProviderLine, 2.0),
            ));
        }
        reps.push(Node::group(icon).class("replica"));
    }
    let rows_used = n.min(MAX_ICONS).div_ceil(8).max(1) as f64;
    let mut y = ROW0 + 48.0 + rows_used * 36.0 + 14.0;
    if n > MAX_ICONS {
        reps.push(Node::text(
            px,
            y,
            format!("+{}", n - MAX_ICONS),
            13.0,
            Role::InkMuted,
        ));
        y += 20.0;
    }
    let gb = a.groups.first().map_or(0.0, |g| g.memory_gb);
    for line in crate::scene::wrap(
        &fill(
            Text::MsaMonoReplicaNote.get(lang),
            &[("k", MODULES.len().to_string()), ("gb", gb_text(gb))],
        ),
        34,
    ) {
        reps.push(Node::text(px, y, line, 13.0, Role::InkMuted));
        y += 18.0;
    }
    y += 10.0;
    if failed {
        reps.push(
            Node::text(px, y, Text::MsaWholeDown.get(lang), 15.0, Role::Ink)
                .bold()
                .id("mono-status")
                .class("arch-status down")
                .with_mark(Mark::Cross),
        );
    } else if let Some(d) = &a.deploy {
        reps.push(
            Node::text(px, y, Text::MsaWholeRestart.get(lang), 15.0, Role::Ink)
                .bold()
                .id("mono-status")
                .class("arch-status restarting")
                .with_mark(Mark::Restart),
        );
        reps.push(Node::text(
            px,
            y + 20.0,
            format!(
                "{} · −{}%",
                duration_text(d.duration_s, lang),
                n0(d.capacity_drop_pct)
            ),
            13.0,
            Role::InkMuted,
        ));
    }
    scene.push(Node::group(reps).id("mono-replica-panel"));
    scene.push(features(lang, "mono", a));
    scene
}

/// One call between services, drawn on the right of the boxes.
struct Edge {
    from: Module,
    to: Module,
    soft: bool,
    lane: usize,
}

fn edges() -> Vec<Edge> {
    let mut out: Vec<Edge> = Vec::new();
    for info in MODULES {
        for (deps, soft) in [(info.hard_deps, false), (info.soft_deps, true)] {
            for &to in deps {
                out.push(Edge {
                    from: info.module,
                    to,
                    soft,
                    lane: 0,
                });
            }
        }
    }
    // Shorter calls on inner lanes, so lines cross as little as possible.
    let span = |e: &Edge| (row_y(e.to) - row_y(e.from)).abs();
    out.sort_by(|a, b| {
        span(a)
            .total_cmp(&span(b))
            .then(row_y(a.from).total_cmp(&row_y(b.from)))
    });
    for (i, e) in out.iter_mut().enumerate() {
        e.lane = i;
    }
    out
}

/// Where each edge leaves its caller and enters its callee on the boxes' right edge: arrivals
/// from above on top (outer lanes lower), departures downwards below (outer lanes higher).
fn attach_points(edges: &[Edge]) -> Vec<(f64, f64)> {
    let mut ends: Vec<(f64, f64)> = vec![(0.0, 0.0); edges.len()];
    for m in ROWS {
        let mut slots: Vec<(usize, bool)> = Vec::new();
        let mut incoming: Vec<usize> = (0..edges.len()).filter(|&i| edges[i].to == m).collect();
        incoming.sort_by_key(|&i| edges[i].lane);
        let mut outgoing: Vec<usize> = (0..edges.len()).filter(|&i| edges[i].from == m).collect();
        outgoing.sort_by_key(|&i| std::cmp::Reverse(edges[i].lane));
        slots.extend(incoming.into_iter().map(|i| (i, false)));
        slots.extend(outgoing.into_iter().map(|i| (i, true)));
        let y0 = row_y(m);
        let count = slots.len() as f64;
        for (k, (i, from)) in slots.into_iter().enumerate() {
            let y = y0 + 6.0 + (ROW_H - 12.0) * (k as f64 + 0.5) / count;
            if from {
                ends[i].0 = y;
            } else {
                ends[i].1 = y;
            }
        }
    }
    ends
}

const LANE_X0: f64 = 318.0;
const LANE_STEP: f64 = 16.0;

/// The microservices: an API gateway, one box per service with its replicas and database, and
/// the calls between services.
pub fn microservices(s: &Scenario, o: &MsaOutcome) -> Scene {
    let lang = s.lang;
    let a = &o.microservices;
    let title = Text::Microservices.get(lang);
    let sub = fill(
        Text::MsaServicesSub.get(lang),
        &[("k", MODULES.len().to_string()), ("n", n0(a.peak_replicas))],
    );
    let mut scene = Scene::new(WIDTH, HEIGHT, title, format!("{title}: {sub}."));
    for (i, n) in header(title, &sub).into_iter().enumerate() {
        scene.push(n.id(if i == 0 { "msa-title" } else { "msa-subtitle" }));
    }
    scene.push(clients(lang, 118.0));
    scene.push(
        Node::group(vec![
            Node::rect(20.0, 118.0, 280.0, 34.0, Role::Provider)
                .radius(6.0)
                .stroke(Stroke::solid(Role::ProviderLine, 1.5)),
            Node::text(
                160.0,
                140.0,
                Text::MsaGateway.get(lang),
                14.0,
                Role::ProviderInk,
            )
            .bold()
            .anchor(Anchor::Middle),
        ])
        .id("msa-gateway"),
    );
    // The gateway routes each request to the service it enters: a trunk with a stub per row.
    let last = row_y(ROWS[ROWS.len() - 1]) + ROW_H / 2.0;
    let route = Stroke::solid(Role::ProviderLine, 1.5);
    let mut routes = vec![Node::line(32.0, 152.0, 32.0, last, route)];
    for m in ROWS {
        let y = row_y(m) + ROW_H / 2.0;
        routes.push(Node::line(32.0, y, BOX_X0 - 7.0, y, route));
        routes.push(Node::polygon(
            vec![
                (BOX_X0, y),
                (BOX_X0 - 7.0, y - 4.0),
                (BOX_X0 - 7.0, y + 4.0),
            ],
            Role::ProviderLine,
        ));
    }
    scene.push(Node::group(routes).class("routes"));

    for m in ROWS {
        let y = row_y(m);
        let is_failed = s.msa.fail == Some(m);
        let is_deploy = s.msa.deploy == Some(m) && !is_failed;
        let (rect, ink) = module_box(BOX_X0, BOX_X1, y, is_failed, is_deploy);
        let replicas = peak_of(a, m);
        let mut kids = vec![
            rect,
            Node::text(BOX_X0 + 10.0, y + 18.0, m.label(lang), 13.0, ink).bold(),
        ];
        if is_failed || is_deploy {
            kids.push(badge(lang, BOX_X1 - 44.0, y + 18.0, is_failed, ink).decorative());
        } else {
            kids.push(
                Node::text(
                    BOX_X1 - 44.0,
                    y + 18.0,
                    format!("×{}", n0(replicas)),
                    13.0,
                    ink,
                )
                .bold()
                .anchor(Anchor::End)
                .class("replica-count")
                .decorative(),
            );
        }
        // One pip per replica (the first restarting one drawn hollow during a deploy).
        let pips = (replicas.max(0.0) as usize).min(MAX_PIPS);
        for i in 0..pips {
            let x = BOX_X0 + 10.0 + i as f64 * 10.0;
            let pip = if is_failed {
                Node::rect(x, y + 27.0, 7.0, 9.0, Role::None).stroke(Stroke::dashed(
                    Role::Ink,
                    1.0,
                    "2 1",
                ))
            } else if is_deploy && i == 0 {
                Node::rect(x, y + 27.0, 7.0, 9.0, Role::None)
                    .stroke(Stroke::solid(Role::Accent, 1.5))
            } else {
                Node::rect(x, y + 27.0, 7.0, 9.0, ink)
            };
            kids.push(pip.class("replica"));
        }
        if replicas as usize > MAX_PIPS {
            kids.push(
                Node::text(
                    BOX_X0 + 14.0 + MAX_PIPS as f64 * 10.0,
                    y + 36.0,
                    format!("+{}", replicas as usize - MAX_PIPS),
                    11.0,
                    ink,
                )
                .decorative(),
            );
        }
        // The box's own database: its "DB", like the "×2" count, is detail, not the label.
        kids.push(
            cylinder(
                BOX_X1 - 36.0,
                y + 6.0,
                28.0,
                32.0,
                Text::MsaDb.get(lang),
                11.0,
            )
            .decorative(),
        );
        let label = service_title(s, m, replicas);
        scene.push(
            Node::group(kids)
                .id(format!("msa-service-{}", m.code()))
                .class(format!(
                    "service{}{}",
                    if is_failed { " failed" } else { "" },
                    if is_deploy { " restarting" } else { "" }
                ))
                .title(label)
                .interactive_if(!s.present.locked("fail")),
        );
    }

    // Calls between services.
    let es = edges();
    let ends = attach_points(&es);
    let mut calls = Vec::new();
    for (e, (y_from, y_to)) in es.iter().zip(ends) {
        let x = LANE_X0 + e.lane as f64 * LANE_STEP;
        let stroke = if e.soft {
            Stroke::dashed(Role::Ink, 1.5, "5 4")
        } else {
            Stroke::solid(Role::Ink, 1.8)
        };
        calls.push(
            Node::group(vec![
                Node::polyline(
                    vec![
                        (BOX_X1, y_from),
                        (x, y_from),
                        (x, y_to),
                        (BOX_X1 + 8.0, y_to),
                    ],
                    stroke,
                ),
                head(BOX_X1, y_to, true, -1.0, e.soft),
            ])
            .id(format!("msa-call-{}-{}", e.from.code(), e.to.code()))
            .class(if e.soft { "call soft" } else { "call hard" })
            .title(format!(
                "{} → {}: {}",
                e.from.label(lang),
                e.to.label(lang),
                if e.soft {
                    Text::MsaSoftCall
                } else {
                    Text::MsaHardCall
                }
                .get(lang)
            )),
        );
    }
    scene.push(Node::group(calls).class("calls"));

    // Footprint, on the right.
    let px = LANE_X0 + es.len() as f64 * LANE_STEP + 14.0;
    scene.push(
        Node::group(vec![
            Node::text(
                px,
                ROW0 + 4.0,
                Text::MsaReplicasAtPeak.get(lang),
                13.0,
                Role::Ink,
            )
            .bold(),
            Node::text(px, ROW0 + 30.0, n0(a.peak_replicas), 22.0, Role::Ink)
                .bold()
                .id("msa-replicas"),
        ])
        .id("msa-replica-panel"),
    );

    // Legend: line style, not only colour.
    let ly = ROW0 + 7.0 * ROW_STEP + 16.0;
    let mut legend = Vec::new();
    for (i, (soft, t)) in [(false, Text::MsaHardCall), (true, Text::MsaSoftCall)]
        .into_iter()
        .enumerate()
    {
        let y = ly + i as f64 * 24.0;
        let stroke = if soft {
            Stroke::dashed(Role::Ink, 1.5, "5 4")
        } else {
            Stroke::solid(Role::Ink, 1.8)
        };
        legend.push(Node::line(24.0, y, 58.0, y, stroke));
        legend.push(head(66.0, y, true, 1.0, soft));
        legend.push(Node::text(78.0, y + 5.0, t.get(lang), 13.0, Role::Ink));
    }
    legend.push(cylinder(
        28.0,
        ly + 38.0,
        28.0,
        32.0,
        Text::MsaDb.get(lang),
        11.0,
    ));
    legend.push(Node::text(
        78.0,
        ly + 60.0,
        Text::MsaOwnDbLegend.get(lang),
        13.0,
        Role::Ink,
    ));
    scene.push(Node::group(legend).class("legend"));
    scene.push(features(lang, "msa", a));
    scene
}

/// The pros/cons panel: the notes' points, each with this scenario's number.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Points {
    pub monolith_pros: Vec<String>,
    pub monolith_cons: Vec<String>,
    pub msa_pros: Vec<String>,
    pub msa_cons: Vec<String>,
}

/// The module the failure points talk about: the failed one, or Pricing as an example.
pub fn example_failure(s: &Scenario) -> Module {
    s.msa.fail.unwrap_or(Module::Pricing)
}

/// The module the deploy points talk about: the deploying one, or Payments as an example.
pub fn example_deploy(s: &Scenario) -> Module {
    s.msa.deploy.unwrap_or(Module::Payments)
}

fn latency_of(a: &ArchOutcome, f: Feature) -> (f64, u32) {
    a.latency
        .iter()
        .find(|l| l.0 == f)
        .map_or((0.0, 0), |l| (l.1, l.2))
}

/// Builds the pros/cons sentences in the scenario's language.
pub fn points(s: &Scenario, o: &MsaOutcome) -> Points {
    let lang = s.lang;
    let t = |x: Text| x.get(lang);
    let mono = &o.monolith;
    let ms = &o.microservices;
    let total = Feature::ALL.len().to_string();
    let money = |usd: f64| format(usd, s.currency, s.krw_per_usd);
    let ride = Feature::RequestRide;
    let ride_name = ride.label(lang).to_string();

    let fail_m = example_failure(s);
    let mono_fail: FailureImpact = msa::failure(Architecture::Monolith, fail_m);
    let msa_fail: FailureImpact = msa::failure(Architecture::Microservices, fail_m);
    let dep_m = example_deploy(s);
    let mono_dep = msa::deploy(Architecture::Monolith, dep_m, mono.peak_replicas);
    let msa_dep = msa::deploy(Architecture::Microservices, dep_m, peak_of(ms, dep_m));
    let mono_gb = mono.groups.first().map_or(0.0, |g| g.memory_gb);

    let mut p = Points::default();
    p.monolith_pros.push(fill(
        t(Text::MonoProSimple),
        &[("n", n0(mono.peak_replicas))],
    ));
    p.monolith_pros.push(fill(
        t(Text::MonoProCalls),
        &[
            ("feature", ride_name.clone()),
            ("ms", ms1(latency_of(mono, ride).0)),
        ],
    ));
    p.monolith_cons.push(fill(
        t(Text::MonoConFailure),
        &[
            ("module", fail_m.label(lang).into()),
            ("down", mono_fail.down.len().to_string()),
            ("total", total.clone()),
        ],
    ));
    p.monolith_cons.push(fill(
        t(Text::MonoConDeploy),
        &[
            ("module", dep_m.label(lang).into()),
            ("n", n0(mono.peak_replicas)),
            ("dur", duration_text(mono_dep.duration_s, lang)),
        ],
    ));
    p.monolith_cons.push(fill(
        t(Text::MonoConScale),
        &[
            ("n", n0(mono.peak_replicas)),
            ("gb", gb_text(mono_gb)),
            ("total", gb_text(mono.peak_memory_gb)),
        ],
    ));

    p.msa_pros.push(fill(
        t(Text::MsaProDeploy),
        &[
            ("module", dep_m.label(lang).into()),
            ("n", n0(peak_of(ms, dep_m))),
            ("total", n0(ms.peak_replicas)),
            ("dur", duration_text(msa_dep.duration_s, lang)),
        ],
    ));
    let by_replicas = |rev: bool| {
        ms.groups
            .iter()
            .filter_map(|g| g.module.map(|m| (m, g.peak_replicas)))
            .reduce(|a, b| {
                let better = if rev { b.1 < a.1 } else { b.1 > a.1 };
                if better { b } else { a }
            })
    };
    match (by_replicas(false), by_replicas(true)) {
        // Every service at the same count: one sentence about all of them, never "Driver API
        // runs 2 replicas while Driver API runs 2".
        (Some((_, bn)), Some((_, sn))) if bn == sn => p.msa_pros.push(fill(
            t(if bn <= MIN_REPLICAS {
                Text::MsaProScaleFloor
            } else {
                Text::MsaProScaleEven
            }),
            &[("k", MODULES.len().to_string()), ("n", n0(bn))],
        )),
        (Some((big, bn)), Some((small, sn))) => p.msa_pros.push(fill(
            t(Text::MsaProScale),
            &[
                ("big", big.label(lang).into()),
                ("bn", n0(bn)),
                ("small", small.label(lang).into()),
                ("sn", n0(sn)),
            ],
        )),
        _ => {}
    }
    p.msa_pros.push(fill(
        t(Text::MsaProIsolation),
        &[
            ("module", fail_m.label(lang).into()),
            ("up", (Feature::ALL.len() - msa_fail.down.len()).to_string()),
            ("total", total.clone()),
        ],
    ));
    let cost = [
        ("msa", money(ms.month_usd)),
        ("mono", money(mono.month_usd)),
    ];
    // Compared as shown: two bills that read the same are the same to the reader.
    if cost[0].1 == cost[1].1 {
        p.msa_cons.push(fill(t(Text::MsaConCostSame), &cost));
    } else if ms.month_usd < mono.month_usd {
        p.msa_pros.push(fill(t(Text::MsaProCost), &cost));
    } else {
        p.msa_cons.push(fill(t(Text::MsaConCost), &cost));
    }
    let (mono_ms, _) = latency_of(mono, ride);
    let (msa_ms, hops) = latency_of(ms, ride);
    // The difference of the two latencies as the table shows them.
    let more = (rounded(msa_ms, 1) - rounded(mono_ms, 1)).max(0.0);
    p.msa_cons.push(fill(
        t(Text::MsaConLatency),
        &[
            ("feature", ride_name),
            ("hops", hops.to_string()),
            ("ms", ms1(more)),
        ],
    ));
    p.msa_cons.push(fill(
        t(Text::MsaConFloor),
        &[
            ("k", MODULES.len().to_string()),
            ("min", n0(MIN_REPLICAS)),
            (
                "n",
                n0(ms.groups.iter().map(|g| g.min_replicas).sum::<f64>()),
            ),
            ("gb", gb_text(ms.idle_memory_gb)),
            ("mgb", gb_text(mono.idle_memory_gb)),
        ],
    ));
    p.msa_cons.push(fill(
        t(Text::MsaConData),
        &[
            ("k", MODULES.len().to_string()),
            ("feature", Feature::Pay.label(lang).into()),
            ("db", Feature::Pay.needs().len().to_string()),
        ],
    ));
    p
}

/// One row of the side-by-side table: a test hook, the measure, and both architectures' values
/// as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub key: &'static str,
    pub label: String,
    pub monolith: String,
    pub microservices: String,
}

/// The side-by-side table: cost, replicas, vCPU and memory at peak, the idle footprint and each
/// feature's latency, formatted by the same helpers as the pictures and the pros/cons.
pub fn compare_rows(s: &Scenario, o: &MsaOutcome) -> Vec<Row> {
    let lang = s.lang;
    let (a, b) = (&o.monolith, &o.microservices);
    let money = |usd: f64| format(usd, s.currency, s.krw_per_usd);
    let gb = |x: f64| format!("{} GB", gb_text(x));
    let idle = |x: &ArchOutcome| {
        format!(
            "{} vCPU · {} GB",
            num(x.idle_vcpu, 2),
            gb_text(x.idle_memory_gb)
        )
    };
    let row = |key, label: Text, m: String, x: String| Row {
        key,
        label: label.get(lang).into(),
        monolith: m,
        microservices: x,
    };
    let mut rows = vec![
        row(
            "cost",
            Text::MsaRowCost,
            money(a.month_usd),
            money(b.month_usd),
        ),
        row(
            "replicas",
            Text::MsaRowReplicas,
            n0(a.peak_replicas),
            n0(b.peak_replicas),
        ),
        row(
            "vcpu",
            Text::MsaRowVcpu,
            num(a.peak_vcpu, 2),
            num(b.peak_vcpu, 2),
        ),
        row(
            "memory",
            Text::MsaRowMemory,
            gb(a.peak_memory_gb),
            gb(b.peak_memory_gb),
        ),
        row("idle", Text::MsaRowIdle, idle(a), idle(b)),
    ];
    let cell = |x: &(Feature, f64, u32)| {
        let template = if x.2 == 1 {
            Text::MsaLatencyCellOne
        } else {
            Text::MsaLatencyCell
        };
        fill(
            template.get(lang),
            &[("ms", ms1(x.1)), ("h", x.2.to_string())],
        )
    };
    for (la, lb) in a.latency.iter().zip(&b.latency) {
        rows.push(Row {
            key: la.0.code(),
            label: fill(
                Text::MsaRowLatency.get(lang),
                &[("feature", la.0.label(lang).into())],
            ),
            monolith: cell(la),
            microservices: cell(lb),
        });
    }
    rows
}

/// The note under the table: how latency is estimated, with this scenario's hop.
pub fn latency_note(s: &Scenario) -> String {
    fill(
        Text::MsaLatencyNote.get(s.lang),
        &[("hop", format_number(s.msa.hop_ms, 3))],
    )
}

/// The blast radius in one sentence, if a module has failed.
pub fn blast_summary(s: &Scenario, o: &MsaOutcome) -> Option<String> {
    let m = s.msa.fail?;
    let lang = s.lang;
    let down = |a: &ArchOutcome| {
        feature_states(a)
            .iter()
            .filter(|(_, st)| *st == FeatureState::Down)
            .count()
            .to_string()
    };
    Some(fill(
        Text::MsaBlastSummary.get(lang),
        &[
            ("module", m.label(lang).into()),
            ("m", down(&o.monolith)),
            ("s", down(&o.microservices)),
            ("t", Feature::ALL.len().to_string()),
        ],
    ))
}

/// What a deploy restarts, as one sentence per architecture, if a module is deploying.
pub fn deploy_sentences(s: &Scenario, o: &MsaOutcome) -> Option<(String, String)> {
    let m = s.msa.deploy?;
    let lang = s.lang;
    let t = Feature::ALL.len().to_string();
    let (mono, ms) = (
        o.monolith.deploy.as_ref()?,
        o.microservices.deploy.as_ref()?,
    );
    let mono_text = fill(
        Text::MsaDeployMono.get(lang),
        &[
            ("module", m.label(lang).into()),
            ("k", mono.restarts.len().to_string()),
            ("n", n0(o.monolith.peak_replicas)),
            ("dur", duration_text(mono.duration_s, lang)),
            ("pct", n0(mono.capacity_drop_pct)),
            ("f", mono.affected.len().to_string()),
            ("t", t.clone()),
        ],
    );
    let msa_text = fill(
        Text::MsaDeployMsa.get(lang),
        &[
            ("module", m.label(lang).into()),
            ("n", n0(peak_of(&o.microservices, m))),
            ("total", n0(o.microservices.peak_replicas)),
            ("dur", duration_text(ms.duration_s, lang)),
            ("pct", n0(ms.capacity_drop_pct)),
            ("f", ms.affected.len().to_string()),
            ("t", t),
        ],
    );
    Some((mono_text, msa_text))
}

/// What drives each module's replica count, as the module table shows it: calls it receives per
/// incoming request, CPU per call (ms) and the memory of its code and caches (MB).
pub fn module_profile() -> Vec<(Module, String, String, String)> {
    let calls = msa::calls_per_request();
    ROWS.iter()
        .map(|&m| {
            let c = calls.iter().find(|c| c.0 == m).map_or(0.0, |c| c.1);
            let info = m.info();
            (
                m,
                num(c, 2),
                num(info.cpu_ms, 1),
                format_number(info.memory_mb, 0),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::Kind;
    use crate::svg::{Options, write};

    fn scenes(query: &str) -> (Scenario, MsaOutcome, Scene, Scene) {
        let (s, w) = Scenario::from_query(query);
        assert!(w.is_empty(), "{w:?}");
        let o = msa::compare(&s);
        let m = monolith(&s, &o);
        let x = microservices(&s, &o);
        (s, o, m, x)
    }

    #[test]
    fn modules_take_focus_only_when_a_click_can_fail_them() {
        let count = |query: &str| {
            let (_, _, m, x) = scenes(query);
            let screen = Options::screen(crate::svg::Palette::Light);
            [m, x].map(|scene| write(&scene, &screen).matches("tabindex=\"0\"").count())
        };
        let modules = Module::ALL.len();
        assert_eq!(count("view=msa"), [modules, modules]);
        assert_eq!(count("view=msa&embed=1&lock=fail"), [0, 0]);
        assert_eq!(count("view=msa&embed=1&lock=all"), [0, 0]);
        // Locking something else leaves the modules clickable.
        assert_eq!(count("view=msa&embed=1&lock=hop"), [modules, modules]);
    }

    fn class_of(scene: &Scene, id: &str) -> String {
        scene
            .find(id)
            .and_then(|n| n.meta.class.clone())
            .unwrap_or_default()
    }

    #[test]
    fn every_module_is_a_button_in_both_pictures() {
        let (_, _, m, x) = scenes("lang=en");
        for module in Module::ALL {
            let a = m.find(&format!("mono-module-{}", module.code())).unwrap();
            let b = x.find(&format!("msa-service-{}", module.code())).unwrap();
            assert!(a.meta.interactive && b.meta.interactive);
            // The tooltips describe (they are in the exported file too); they never instruct.
            for title in [&a.meta.title, &b.meta.title] {
                let title = title.as_deref().unwrap();
                assert!(title.starts_with(module.label(Lang::En)), "{title}");
                assert!(!title.to_lowercase().contains("click"), "{title}");
            }
        }
        // Hard and soft calls are drawn differently (solid vs dashed), not only by colour.
        let hard = x.find("msa-call-dispatch-driver").unwrap();
        let soft = x.find("msa-call-dispatch-notifications").unwrap();
        assert_eq!(hard.meta.class.as_deref(), Some("call hard"));
        assert_eq!(soft.meta.class.as_deref(), Some("call soft"));
        let dash = |n: &Node| {
            n.walk().find_map(|c| match &c.kind {
                Kind::Path {
                    stroke: Some(st),
                    closed: false,
                    ..
                } => Some(st.dash),
                _ => None,
            })
        };
        assert_eq!(dash(hard), Some(None));
        assert!(dash(soft).unwrap().is_some());
    }

    #[test]
    fn a_failure_shows_everything_down_in_the_monolith_and_only_dependants_in_msa() {
        let (_, _, m, x) = scenes("lang=en&fail=pricing");
        for f in Feature::ALL {
            assert!(class_of(&m, &format!("mono-feature-{}", f.code())).ends_with("down"));
        }
        assert!(class_of(&x, "msa-feature-fare").ends_with("down"));
        assert!(class_of(&x, "msa-feature-sign-in").ends_with("up"));
        assert!(class_of(&x, "msa-service-pricing").contains("failed"));
        assert!(m.texts().any(|t| t == "failed"));
        assert!(m.texts().any(|t| t == "all 7 down"));
        assert!(x.texts().any(|t| t == "3 of 7 down"));
        // Marks are shapes: no mark character (a glyph many Korean fonts lack) in the text.
        for t in m.texts().chain(x.texts()) {
            assert!(!t.contains(['✓', '✗', '↻']), "{t}");
        }
        let (_, _, _, x) = scenes("lang=ko&fail=notifications");
        assert!(class_of(&x, "msa-feature-request-ride").ends_with("degraded"));
        assert!(x.texts().any(|t| t.contains("알림 지연")));
    }

    #[test]
    fn a_deploy_marks_what_restarts() {
        let (_, _, m, x) = scenes("lang=en&deploy=payments");
        assert!(class_of(&m, "mono-status").contains("restarting"));
        assert!(class_of(&x, "msa-service-payments").contains("restarting"));
        assert!(!class_of(&x, "msa-service-trips").contains("restarting"));
        assert!(class_of(&x, "msa-feature-pay").ends_with("reduced"));
        assert!(class_of(&x, "msa-feature-sign-in").ends_with("up"));
        assert!(class_of(&m, "mono-feature-sign-in").ends_with("reduced"));
    }

    #[test]
    fn scenes_are_well_formed_and_stay_inside_their_box() {
        for q in [
            "lang=en",
            "lang=ko&fail=driver&peak=20000",
            "lang=en&deploy=dispatch&peak=100000&pat=steady",
            "lang=ko&peak=0",
        ] {
            let (_, _, m, x) = scenes(q);
            for scene in [&m, &x] {
                let svg = write(scene, &Options::file());
                roxmltree::Document::parse(&svg).expect("well-formed");
                assert!(!svg.contains("NaN"));
                for n in scene.nodes() {
                    if let Kind::Text { x, y, .. } = n.kind {
                        assert!(
                            (0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y),
                            "{q}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn points_quote_the_simulated_numbers() {
        let (s, o, _, _) = scenes("lang=en&deploy=payments&pat=steady&peak=1");
        let p = points(&s, &o);
        // At 1 req/s: 2 monolith replicas, 7 × 2 services.
        assert!(p.monolith_cons.iter().any(|l| l.contains("all 2 replicas")));
        assert!(
            p.msa_pros
                .iter()
                .any(|l| l.contains("restarts 2 of 14 replicas"))
        );
        assert!(
            p.monolith_cons
                .iter()
                .any(|l| l.contains("7 of 7 features"))
        );
        assert!(
            p.msa_pros
                .iter()
                .any(|l| l.contains("4 of 7 features keep working"))
        );
        assert!(p.msa_cons.iter().any(|l| l.contains("4 hops")));
        let (s, o, _, _) = scenes("lang=ko");
        let p = points(&s, &o);
        for line in p.msa_pros.iter().chain(&p.msa_cons).chain(&p.monolith_cons) {
            assert!(!line.contains('{'), "{line}");
        }
    }

    #[test]
    fn tallies_and_sentences_read_right_for_every_value() {
        // Nothing broken: the tally says so in words, never "0 / 7" (its mark is a shape).
        let (_, _, m, x) = scenes("lang=en");
        for scene in [&m, &x] {
            assert!(scene.texts().any(|t| t == "all 7 working"));
            assert!(
                !scene
                    .texts()
                    .any(|t| t.contains("0 of") || t.contains("0 / "))
            );
        }
        let (_, _, m, x) = scenes("lang=ko&deploy=payments");
        assert!(m.texts().any(|t| t == "7개 모두 용량 감소"));
        assert!(x.texts().any(|t| t == "7개 중 1개 용량 감소"));
        // Every service at its minimum: one sentence about all of them, not "Passenger API
        // runs 2 replicas while Passenger API runs 2".
        for lang in ["en", "ko"] {
            let (s, o, _, _) = scenes(&format!("lang={lang}&pat=steady&peak=0"));
            assert!(
                o.microservices
                    .groups
                    .iter()
                    .all(|g| g.peak_replicas == 2.0)
            );
            let p = points(&s, &o);
            for line in p.msa_pros.iter().chain(&p.msa_cons) {
                for m in Module::ALL {
                    let name = m.label(s.lang);
                    assert!(line.matches(name).count() <= 1, "{line}");
                }
            }
        }
        let (s, o, _, _) = scenes("lang=en&pat=steady&peak=0");
        assert!(
            points(&s, &o)
                .msa_pros
                .iter()
                .any(|l| l.contains("all 7 run 2 replicas")),
            "{:?}",
            points(&s, &o).msa_pros
        );
        // Different counts still name the busiest and the quietest.
        let (s, o, _, _) = scenes("lang=en&pat=steady&peak=5000");
        assert!(
            points(&s, &o)
                .msa_pros
                .iter()
                .any(|l| l.contains(" while "))
        );
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_text(40.0, Lang::En), "40 s");
        assert_eq!(duration_text(540.0, Lang::En), "9 min");
        assert_eq!(duration_text(630.0, Lang::Ko), "10.5분");
        assert_eq!(
            crate::scene::wrap("a bb ccc dddd", 6),
            vec!["a bb", "ccc", "dddd"]
        );
        assert_eq!(crate::scene::wrap("가나 다라", 6), vec!["가나", "다라"]);
    }
}
