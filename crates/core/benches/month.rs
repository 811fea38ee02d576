//! `cargo bench -p skyscale-core --bench month`: a 30-day month at 1-minute steps for every
//! model. Budget: 2 ms native on the project's 2-core machine.

use skyscale_core::{Scenario, simulate};

fn main() {
    divan::main();
}

/// The default scenario (business hours, 100 req/s): one simulated day stands for 30.
#[divan::bench]
fn month_default() -> skyscale_core::Outcome {
    simulate(divan::black_box(&Scenario::default()))
}

/// The heaviest case: growth needs three simulated days per model, at the top of the range.
#[divan::bench]
fn month_growth_100k() -> skyscale_core::Outcome {
    let (s, _) =
        Scenario::from_query("pat=growth&peak=100000&max=100000&cmax=100000&quota=1000000");
    simulate(divan::black_box(&s))
}

/// A flash spike at 100,000 req/s (autoscalers saturate, functions throttle).
#[divan::bench]
fn month_flash_100k() -> skyscale_core::Outcome {
    let (s, _) = Scenario::from_query("pat=flash&peak=100000&pc=50");
    simulate(divan::black_box(&s))
}

/// Monolith vs microservices for the day's traffic.
#[divan::bench]
fn msa_compare() -> skyscale_core::msa::MsaOutcome {
    skyscale_core::msa::compare(divan::black_box(&Scenario::default()))
}

/// Break-even search for the default workload.
#[divan::bench]
fn breakeven_default() -> skyscale_core::breakeven::Breakeven {
    skyscale_core::breakeven::breakeven(divan::black_box(&Scenario::default()))
}
