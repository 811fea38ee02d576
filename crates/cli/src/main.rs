//! The `skyscale` command line: glue over `skyscale-core`.
//!
//! Scripts and course material depend on this interface; keep it stable. All real work is in
//! the core crate; this file only parses arguments, calls it, and prints.

mod args;
mod breakeven;
mod output;
mod price;
mod render;
mod simulate;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use skyscale_core::Lang;

/// Skyscale: see how the cloud scales and what it costs.
#[derive(Parser, Debug)]
#[command(name = "skyscale", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Render a diagram or chart as SVG (identical to the app's export), PNG or CSV.
    Render(render::RenderArgs),
    /// Price one bill from the catalog: functions, VMs or containers.
    #[command(subcommand)]
    Price(price::PriceCommand),
    /// Simulate a scenario: every model's month (cost, instances, latency, drops, cold starts).
    Simulate(simulate::SimulateArgs),
    /// The steady traffic at which functions cost as much as VMs and as containers.
    Breakeven(breakeven::BreakevenArgs),
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
        Command::Render(args) => render::run(args),
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
