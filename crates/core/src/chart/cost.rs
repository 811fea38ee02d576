//! Each model's cost so far over the peak day, in the scenario's currency.

use super::backend::SERIES;
use super::frame::{self, Axis, Entry, MARKERS, Spec, Swatch};
use super::{
    bucketed, clock, csv_line, currency_code, fill, hour_label, money_label, series_index,
    to_display,
};
use crate::i18n::Text;
use crate::money::format;
use crate::scenario::Scenario;
use crate::scene::{Role, Scene};
use crate::sim::Outcome;

/// The chart.
pub fn draw(s: &Scenario, o: &Outcome) -> Scene {
    let lang = s.lang;
    let cur = s.currency;
    let shown: Vec<_> = o
        .models
        .iter()
        .filter(|m| m.not_runnable.is_empty())
        .collect();
    let series: Vec<Vec<(f64, f64)>> = shown
        .iter()
        .map(|m| {
            let day: Vec<f64> = m
                .series
                .cost_usd
                .iter()
                .map(|u| to_display(*u, s))
                .collect();
            bucketed(&day, f64::max)
        })
        .collect();
    let top = series.iter().flatten().map(|p| p.1).fold(0.0, f64::max);
    let y = Axis::linear(0.0, if top > 0.0 { top * 1.05 } else { 1.0 }, 5);

    let mut legend = Vec::new();
    let mut notes = Vec::new();
    for m in &o.models {
        let i = series_index(m.kind);
        let name = m.kind.label().get(lang);
        let label = if m.not_runnable.is_empty() {
            let total = format(m.day.cost_usd, cur, s.krw_per_usd);
            format!(
                "{name} · {}",
                fill(Text::ChartDayTotal.get(lang), &[("cost", total)])
            )
        } else {
            let why: Vec<String> = m.not_runnable.iter().map(|n| n.message(lang)).collect();
            notes.push((
                fill(Text::ChartNotRunnable.get(lang), &[("why", why.join(" "))]),
                Role::Danger,
            ));
            format!("{name} —")
        };
        legend.push(Entry {
            id: format!("cost-{}", m.kind.code()),
            label,
            swatch: Swatch::Line(SERIES[i], Some(MARKERS[i])),
        });
    }

    let y_fmt = |v: f64| money_label(v, cur);
    let spec = Spec {
        title: Text::ChartCostTitle.get(lang),
        desc: Text::ChartCostDesc.get(lang),
        x: Axis::hours(),
        y,
        x_title: Text::ChartAxisTime.get(lang).into(),
        y_title: fill(
            Text::ChartAxisCost.get(lang),
            &[("cur", currency_code(cur).to_string())],
        ),
        x_fmt: &hour_label,
        y_fmt: &y_fmt,
        legend,
        notes,
    };
    frame::draw(spec, |plot| {
        for (m, pts) in shown.iter().zip(&series) {
            let i = series_index(m.kind);
            plot.group(
                &format!("cost-{}", m.kind.code()),
                Some(m.kind.label().get(lang)),
                |p| {
                    p.line(pts, SERIES[i], 2);
                    p.series_marks(pts, i, false);
                },
            );
        }
    })
}

/// One row per minute: each model's cost so far, in the scenario's currency.
pub fn csv(s: &Scenario, o: &Outcome) -> String {
    let lang = s.lang;
    let code = super::csv_unit(super::CsvUnit::Money, s);
    let mut header = vec![Text::ChartCsvTime.get(lang).to_string()];
    for m in &o.models {
        let model = [("model", m.kind.label().get(lang).to_string())];
        header.push(format!(
            "{} ({code})",
            fill(Text::ChartCsvCost.get(lang), &model)
        ));
    }
    let mut out = csv_line(&header);
    for i in 0..o.traffic_rps.len() {
        let mut row = vec![clock(i)];
        for m in &o.models {
            row.push(match m.series.cost_usd.get(i) {
                Some(u) if m.not_runnable.is_empty() => super::csv_money(*u, s),
                _ => String::new(),
            });
        }
        out.push_str(&csv_line(&row));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::sim::simulate;

    /// The legend's totals are the plotted day's, and say so in the title's words: the peak
    /// day (for `flash` the spike day, not an ordinary one, let alone "today").
    #[test]
    fn the_legend_names_the_day_the_chart_plots() {
        for (lang, day, not) in [
            (Lang::En, "peak day", "today"),
            (Lang::Ko, "피크일", "오늘"),
        ] {
            let (mut s, _) = Scenario::from_query("pat=flash&peak=2000");
            s.lang = lang;
            let o = simulate(&s);
            let scene = draw(&s, &o);
            assert!(Text::ChartCostTitle.get(lang).contains(day));
            let totals: Vec<&str> = scene
                .texts()
                .filter(|t| t.contains(" · ") && t.contains('$'))
                .collect();
            assert_eq!(totals.len(), o.models.len(), "{totals:?}");
            for t in totals {
                assert!(t.contains(day) && !t.contains(not), "{lang:?}: {t:?}");
            }
        }
    }
}
