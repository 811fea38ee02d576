//! `skyscale render`: any diagram or chart of the app as a standalone SVG, a PNG or (charts)
//! a CSV, for the same scenario link.
//!
//! The SVG is `svg::write(scene, Options::file())` of the scene the app draws, so it is
//! byte-identical to the app's "Export → SVG" (the e2e tests compare the two). PNGs are
//! rendered natively by resvg from that same SVG text, at 2× by default, with the system's
//! fonts (Noto Sans CJK KR, from Debian's `fonts-noto-cjk`, for Hangul).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::ValueEnum;
use skyscale_core::chart::{self, Chart};
use skyscale_core::scene::Scene;
use skyscale_core::svg::{self, Options, Palette, Target};
use skyscale_core::{Lang, Scenario, fit_card, lanes, msa, msa_scene, sim, stack};

use crate::LangArg;

#[derive(clap::Args, Debug)]
#[command(
    after_help = "VIEW is one of: stack, serverless (service-models view); lanes (scaling \
view); traffic, cost, latency, breakeven (charts); monolith, microservices (MSA view); fit \
(the fit view's verdict card).\n\
Example: skyscale render lanes --scenario 'view=scaling&peak=2500&pat=flash' --lang ko \
--format png --out lanes.png"
)]
pub struct RenderArgs {
    /// Which diagram or chart to render.
    view: RenderView,
    /// Language of the labels [default: the scenario's `lang`, else en].
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// The scenario as a URL query string (the part after `?` in a Skyscale link).
    #[arg(long, default_value = "")]
    scenario: String,
    /// Output format [default: from the --out extension, else svg]. `csv` is for charts only.
    /// A format that contradicts the --out extension (.svg, .png, .csv) is refused.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Colours: light (the app's default export) or dark.
    #[arg(long, value_enum, default_value = "light")]
    theme: ThemeArg,
    /// Pixels per SVG unit for PNG output.
    #[arg(long, default_value = "2", value_parser = crate::args::number_in(0.25, 8.0))]
    scale: f64,
    /// Where to write the file (replaced whole, or left as it was if the write fails); `-` or
    /// no value prints it to stdout.
    #[arg(long, short)]
    out: Option<PathBuf>,
}

/// Every picture the app can export, by the name the CLI and the file names use.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenderView {
    /// The responsibility stack: On-premises, IaaS, PaaS, FaaS, SaaS.
    Stack,
    /// "FaaS ⊂ Serverless".
    Serverless,
    /// The scaling lanes: every compute model at one minute of the day.
    Lanes,
    /// The scaling lanes as rows, the layout a phone shows (320 units wide).
    LanesNarrow,
    /// The scaling lanes as two-line rows, the layout a phone on its side shows (640 units
    /// wide, under 300 high).
    LanesShort,
    /// Chart: traffic against each model's capacity over the peak day.
    Traffic,
    /// Chart: each model's cost so far over the peak day.
    Cost,
    /// Chart: each model's p95 latency over the peak day.
    Latency,
    /// Chart: monthly cost against a steady request rate (break-even).
    Breakeven,
    /// The ride-hailing app as one monolith.
    Monolith,
    /// The ride-hailing app as microservices.
    Microservices,
    /// The fit view's verdict card: rating, a month on each model, the function limits.
    Fit,
}

impl RenderView {
    /// The chart this view is, if it is one.
    fn chart(self) -> Option<Chart> {
        match self {
            RenderView::Traffic => Some(Chart::Traffic),
            RenderView::Cost => Some(Chart::Cost),
            RenderView::Latency => Some(Chart::Latency),
            RenderView::Breakeven => Some(Chart::Breakeven),
            _ => None,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
    Csv,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeArg {
    Light,
    Dark,
}

/// The scene the app draws for `view` and `scenario` (the app's views call the same builders).
pub fn scene(view: RenderView, scenario: &Scenario) -> Scene {
    match view {
        RenderView::Stack => stack::build(scenario),
        RenderView::Serverless => stack::serverless(scenario),
        RenderView::Lanes => {
            let outcome = sim::simulate(scenario);
            let minute = lanes::minute_for(scenario, &outcome);
            lanes::build(scenario, &outcome, minute, scenario.highlight)
        }
        RenderView::LanesNarrow | RenderView::LanesShort => {
            let outcome = sim::simulate(scenario);
            let minute = lanes::minute_for(scenario, &outcome);
            let layout = if view == RenderView::LanesShort {
                lanes::Layout::Short
            } else {
                lanes::Layout::Narrow
            };
            lanes::build_in(scenario, &outcome, minute, scenario.highlight, layout)
        }
        RenderView::Monolith => msa_scene::monolith(scenario, &msa::compare(scenario)),
        RenderView::Microservices => msa_scene::microservices(scenario, &msa::compare(scenario)),
        RenderView::Fit => fit_card::scene(
            scenario,
            &fit_card::assess(scenario, &sim::simulate(scenario)),
        ),
        chart => chart
            .chart()
            .expect("every other view is a chart")
            .draw(scenario, &sim::simulate(scenario)),
    }
}

/// Renders SVG text to PNG bytes at `scale` pixels per unit, with the system's fonts.
pub fn png(svg_text: &str, scale: f64) -> anyhow::Result<Vec<u8>> {
    let mut opt = resvg::usvg::Options::default();
    let db = opt.fontdb_mut();
    db.load_system_fonts();
    // Generic `sans-serif` (the last of the file's font list) should still read Hangul.
    let sans = [
        "Noto Sans CJK KR",
        "Noto Sans KR",
        "Noto Sans",
        "DejaVu Sans",
    ]
    .into_iter()
    .find(|name| {
        db.faces()
            .any(|f| f.families.iter().any(|(fam, _)| fam == name))
    });
    if let Some(name) = sans {
        db.set_sans_serif_family(name);
        opt.font_family = name.to_string();
    }
    let tree = resvg::usvg::Tree::from_str(svg_text, &opt).context("the SVG does not parse")?;
    let size = tree.size();
    let (w, h) = (
        (size.width() as f64 * scale).ceil() as u32,
        (size.height() as f64 * scale).ceil() as u32,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w.max(1), h.max(1))
        .context("the picture is too large to render")?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale as f32, scale as f32),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().context("cannot encode the PNG")
}

pub fn run(args: RenderArgs) -> anyhow::Result<ExitCode> {
    let (mut scenario, warnings) = Scenario::from_query(&args.scenario);
    if let Some(lang) = args.lang {
        scenario.lang = Lang::from(lang);
    }
    let lang = scenario.lang;
    for w in &warnings {
        eprintln!("skyscale: warning: {}", w.message(lang));
    }
    // The format the file name says, if its extension is one of ours.
    // (`--format` takes the extensions' names, so clap's own parser reads them.)
    let named = args
        .out
        .as_ref()
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .and_then(|e| Format::from_str(e, true).ok());
    // An SVG written into `lanes.png` opens nowhere as a picture: refuse rather than mislabel.
    if let (Some(asked), Some(named), Some(out)) = (args.format, named, args.out.as_ref())
        && asked != named
    {
        let name = |f: Format| f.to_possible_value().map(|v| v.get_name().to_owned());
        let (asked, named) = (
            name(asked).unwrap_or_default(),
            name(named).unwrap_or_default(),
        );
        bail!(crate::args::UsageError(format!(
            "error: '--format {asked}' does not match the file name '{}' (a .{named} file): \
             use '--out' with a .{asked} name, or '--format {named}'",
            out.display()
        )));
    }
    let format = args.format.or(named).unwrap_or(Format::Svg);
    let palette = match args.theme {
        ThemeArg::Light => Palette::Light,
        ThemeArg::Dark => Palette::Dark,
    };
    let bytes = match format {
        Format::Csv => match args.view.chart() {
            Some(chart) => {
                chart::csv_file(&chart.csv(&scenario, &sim::simulate(&scenario))).into_bytes()
            }
            None => bail!(crate::args::UsageError(format!(
                "error: invalid value 'csv' for '--format': {:?} is not a chart (traffic, cost, \
                 latency, breakeven)",
                args.view
            ))),
        },
        Format::Svg | Format::Png => {
            let opts = Options {
                target: Target::File,
                palette,
            };
            let text = svg::write(&scene(args.view, &scenario), &opts);
            if format == Format::Png {
                png(&text, args.scale)?
            } else {
                text.into_bytes()
            }
        }
    };
    // All or nothing: a failed write leaves an existing file as it was (see `output`).
    crate::output::write(args.out.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}
