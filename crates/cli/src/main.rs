//! The `skyscale` command line: glue over `skyscale-core`.
//!
//! Scripts and course material depend on this interface; keep it stable. All real work is in
//! the core crate; this file only parses arguments, calls it, and prints.

mod args;
mod breakeven;
mod price;
mod simulate;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use skyscale_core::svg::{self, Options};
use skyscale_core::{Lang, Scenario, stack};

/// Skyscale: see how the cloud scales and what it costs.
#[derive(Parser, Debug)]
#[command(name = "skyscale", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Render a diagram as a standalone SVG file (identical to the app's "Export SVG").
    Render(RenderArgs),
    /// Price one bill from the catalog: functions, VMs or containers.
    #[command(subcommand)]
    Price(price::PriceCommand),
    /// Simulate a scenario: every model's month (cost, instances, latency, drops, cold starts).
    Simulate(simulate::SimulateArgs),
    /// The steady traffic at which functions cost as much as VMs and as containers.
    Breakeven(breakeven::BreakevenArgs),
}

#[derive(clap::Args, Debug)]
struct RenderArgs {
    /// Which diagram to render.
    view: RenderView,
    /// Language of the labels.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    /// The scenario as a URL query string (the part after `?` in a Skyscale link).
    #[arg(long, default_value = "")]
    scenario: String,
    /// Where to write the SVG; `-` or no value prints it to stdout.
    #[arg(long, short)]
    out: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum RenderView {
    /// The responsibility stack: On-premises, IaaS, PaaS, FaaS, SaaS.
    Stack,
    /// "FaaS ⊂ Serverless".
    Serverless,
    /// The scaling lanes: every compute model at one minute of the day.
    Lanes,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub(crate) enum LangArg {
    En,
    Ko,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Ko => Lang::Ko,
        }
    }
}

fn main() -> ExitCode {
    // Bad arguments: one line naming the argument and its valid range, exit code 2.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => e.exit(),
        Err(e) => {
            eprintln!("{}", args::one_line(&e.render().to_string()));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(err) => match err.downcast_ref::<args::UsageError>() {
            Some(usage) => {
                eprintln!("{usage}");
                ExitCode::from(2)
            }
            None => {
                eprintln!("skyscale: {err:#}");
                ExitCode::FAILURE
            }
        },
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Render(args) => render(args),
        Command::Price(cmd) => {
            emit(&price::run(cmd)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Simulate(args) => {
            emit(&simulate::run(args));
            Ok(ExitCode::SUCCESS)
        }
        Command::Breakeven(args) => {
            emit(&breakeven::run(args));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Prints a command's output. A closed pipe (`skyscale simulate | head`) is not an error.
fn emit(text: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}").and_then(|()| out.flush());
}

fn render(args: RenderArgs) -> anyhow::Result<ExitCode> {
    let (mut scenario, warnings) = Scenario::from_query(&args.scenario);
    let lang = Lang::from(args.lang);
    scenario.lang = lang;
    for w in &warnings {
        eprintln!("skyscale: warning: {}", w.message(lang));
    }
    let scene = match args.view {
        RenderView::Stack => stack::build(&scenario),
        RenderView::Serverless => stack::serverless(&scenario),
        RenderView::Lanes => {
            let outcome = skyscale_core::sim::simulate(&scenario);
            let minute = skyscale_core::lanes::minute_for(&scenario, &outcome);
            skyscale_core::lanes::build(&scenario, &outcome, minute, scenario.highlight)
        }
    };
    let text = svg::write(&scene, &Options::file());
    match args.out {
        Some(path) if path.as_os_str() != "-" => std::fs::write(&path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        _ => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
