//! The size floor of the shipped wasm: one export that calls every core API the app uses
//! (scenario, simulation, every scene and chart through the SVG writer, the patcher, money,
//! math lines, i18n), and no UI. See `floor.sh`.
use skyscale_core::chart::Chart;
use skyscale_core::*;
use wasm_bindgen::prelude::*;

fn out(s: &str) {
    let d = web_sys::window().unwrap().document().unwrap();
    d.body().unwrap().set_inner_html(s);
}

#[wasm_bindgen]
pub fn run(q: &str, minute: usize, which: u32) {
    let (s, w) = Scenario::from_query(q);
    let mut acc = String::new();
    for x in &w {
        acc.push_str(&format!("{x:?}"));
    }
    let o = sim::simulate(&s);
    let opts = svg::Options::screen(svg::Palette::Light);
    let a = lanes::build(&s, &o, minute, s.highlight);
    let b = lanes::build(&s, &o, lanes::busiest_minute(&o), None);
    if let Some(e) = patch::diff(&a, &b, &opts) {
        acc.push_str(&format!("{}", e.len()));
    }
    acc.push_str(&svg::write(&a, &opts));
    for c in Chart::ALL {
        if which & 1 == 1 {
            acc.push_str(&svg::write(&c.draw(&s, &o), &opts));
        }
    }
    let m = msa::compare(&s);
    acc.push_str(&svg::write(&msa_scene::monolith(&s, &m), &opts));
    acc.push_str(&svg::write(&msa_scene::microservices(&s, &m), &opts));
    acc.push_str(&svg::write(&stack::build(&s), &svg::Options::file()));
    acc.push_str(&svg::write(&stack::serverless(&s), &opts));
    let card = fit_card::assess(&s, &o);
    for r in card.reasons(&s) {
        acc.push_str(&r);
    }
    for mo in &o.models {
        for l in math::model(mo, 100.0, s.lang) {
            acc.push_str(&l);
        }
    }
    acc.push_str(&money::format(
        o.models[0].month.cost_usd,
        money::Currency::Krw,
        1400.0,
    ));
    acc.push_str(&money::format_number(o.models[0].month.cost_usd, 2));
    acc.push_str(&s.to_query());
    acc.push_str(Text::ViewScaling.get(s.lang));
    acc.push_str(&lanes::clock(minute));
    out(&acc);
}
fn main() {}
