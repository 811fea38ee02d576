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

/// The lanes as drawn at 97 req/s, and the scenario a slider input moves them to (131 req/s).
fn lanes_drawn() -> (skyscale_core::Scene, Scenario, skyscale_core::svg::Options) {
    use skyscale_core::{lanes, svg};
    let (a, _) = Scenario::from_query("peak=97");
    let (b, _) = Scenario::from_query("peak=131");
    let oa = simulate(&a);
    let drawn = lanes::build(&a, &oa, lanes::busiest_minute(&oa), None);
    (drawn, b, svg::Options::screen(svg::Palette::Light))
}

/// One slider input on the scaling view, as the app does it: the day and month for the new
/// peak, the lanes at the busiest minute, and the edits from the lanes drawn before.
#[divan::bench]
fn slider_input(bencher: divan::Bencher) {
    use skyscale_core::{lanes, patch};
    let (drawn, b, opts) = lanes_drawn();
    bencher.bench(|| {
        let o = simulate(divan::black_box(&b));
        let scene = lanes::build(&b, &o, lanes::busiest_minute(&o), None);
        patch::diff(&drawn, &scene, &opts)
    });
}

/// The lanes' share of [`slider_input`]: the scene and its edits, the outcome given.
#[divan::bench]
fn slider_lanes_only(bencher: divan::Bencher) {
    use skyscale_core::{lanes, patch};
    let (drawn, b, opts) = lanes_drawn();
    let ob = simulate(&b);
    bencher.bench(|| {
        let scene = lanes::build(&b, &ob, lanes::busiest_minute(&ob), None);
        patch::diff(&drawn, &scene, &opts)
    });
}
