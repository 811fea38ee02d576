//! The classroom: predict-then-reveal (`?quiz=1`) and the printed handout's questions.
//!
//! In quiz mode the scaling and fit views keep their numbers out of the page until the student
//! commits a prediction: which model is cheapest at this traffic, and how many autoscaled VMs
//! run at the busiest minute. What would give an answer away (the lanes, the charts, the bill,
//! the math, the screen-reader summary, the verdict card) is wrapped in [`Answers`], which does
//! not render it at all while the quiz is unanswered — hiding it with CSS would leave it in the
//! DOM for a screen reader or a glance at the page source. Then the answers are revealed and
//! explained from the same simulation the view shows. `<html data-quiz="hidden">` marks the
//! state for styling.

use leptos::prelude::*;
use skyscale_core::money::{format as money, format_number};
use skyscale_core::scenario::View;
use skyscale_core::sim::{ModelKind, Outcome, simulate};
use skyscale_core::{Lang, Text};

use crate::{ScenarioCtx, browser};

/// Whether the student has committed a prediction (shared by the quiz panel, the views'
/// [`Answers`] and the header's Export).
#[derive(Clone, Copy)]
struct QuizState {
    revealed: RwSignal<bool>,
}

/// Makes the quiz state available to the whole app (call once, in `App`).
pub fn provide() {
    provide_context(QuizState {
        revealed: RwSignal::new(false),
    });
}

fn revealed() -> RwSignal<bool> {
    use_context::<QuizState>()
        .map(|q| q.revealed)
        .unwrap_or_else(|| RwSignal::new(true))
}

/// Whether the quiz is on for the current view (tracked).
fn quiz_on(ctx: ScenarioCtx) -> bool {
    ctx.rest
        .with(|s| s.present.quiz && matches!(s.view, View::Scaling | View::Fit))
}

/// Whether the answers are being kept out of the page now: quiz mode on a view with answers,
/// and no prediction committed yet (tracked).
pub fn answers_hidden() -> bool {
    let ctx = expect_context::<ScenarioCtx>();
    quiz_on(ctx) && !revealed().get()
}

/// What would give the quiz's answers away: rendered only once they may be seen (always,
/// outside quiz mode). Until then a short note stands in its place.
#[component]
pub fn Answers(
    /// The numbers, diagrams and summaries that answer the quiz.
    children: ChildrenFn,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let hidden = Memo::new(move |_| answers_hidden());
    view! {
        <Show
            when=move || !hidden.get()
            fallback=move || view! {
                <p class="panel quiz-placeholder" data-testid="quiz-placeholder">
                    {move || ctx.t(Text::QuizAnswersHidden)}
                </p>
            }
        >
            {children()}
        </Show>
    }
}

/// The models that serve the workload, cheapest first: the month table's ★ is the first.
fn ranking(o: &Outcome) -> Vec<ModelKind> {
    skyscale_core::math::serving_by_cost(o)
}

fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// Why the cheapest model is the answer: the cheapest and the next, or the only one that
/// serves the traffic, or that none does. Every value is a real one (never a dash), and the
/// Korean needs no particle chosen by the model's name.
fn cheapest_why(
    o: &Outcome,
    rank: &[ModelKind],
    lang: Lang,
    cur: skyscale_core::money::Currency,
    rate: f64,
) -> String {
    let name = |k: ModelKind| k.label().get(lang).to_string();
    let cost = |k: ModelKind| money(o.model(k).month.cost_usd, cur, rate);
    match rank {
        [] => Text::QuizNoneWhy.get(lang).to_string(),
        [only] => fill(
            Text::QuizCheapestOnly.get(lang),
            &[("model", name(*only)), ("cost", cost(*only))],
        ),
        [best, second, ..] => fill(
            Text::QuizCheapestWhy.get(lang),
            &[
                ("model", name(*best)),
                ("cost", cost(*best)),
                ("second", name(*second)),
                ("next", cost(*second)),
            ],
        ),
    }
}

/// The predict-then-reveal panel (only in quiz mode, on the views with costs and counts).
#[component]
pub fn Quiz() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let on = move || quiz_on(ctx);
    let revealed = revealed();
    let pick = RwSignal::new(None::<Option<ModelKind>>);
    let guess = RwSignal::new(String::new());
    let (missing, set_missing) = signal(false);
    Effect::new(move |_| {
        let hidden = on() && !revealed.get();
        browser::set_root_flag("data-quiz", hidden.then_some("hidden"));
    });
    let outcome = Memo::new(move |_| on().then(|| ctx.get.with(simulate)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ok =
            pick.get_untracked().is_some() && guess.get_untracked().trim().parse::<f64>().is_ok();
        set_missing.set(!ok);
        if ok {
            revealed.set(true);
        }
    };
    let options = move || {
        let lang = ctx.lang();
        let choices: Vec<(String, Option<ModelKind>, &'static str)> = ModelKind::ALL
            .iter()
            .map(|&k| (k.code().to_string(), Some(k), k.label().get(lang)))
            .chain([("none".to_string(), None, Text::QuizNone.get(lang))])
            .collect();
        choices
            .into_iter()
            .map(|(code, kind, label)| {
                view! {
                    <label class="check">
                        <input
                            type="radio"
                            name="quiz-cheapest"
                            value=code.clone()
                            data-testid=format!("quiz-pick-{code}")
                            prop:checked=move || pick.get() == Some(kind)
                            prop:disabled=move || revealed.get()
                            on:change=move |_| pick.set(Some(kind))
                        />
                        <span>{label}</span>
                    </label>
                }
            })
            .collect_view()
    };
    let results = move || {
        if !revealed.get() {
            return ().into_any();
        }
        let Some(o) = outcome.get() else {
            return ().into_any();
        };
        let (lang, cur, rate, target) = ctx
            .get
            .with(|s| (s.lang, s.currency, s.krw_per_usd, s.vm.target_pct));
        let rank = ranking(&o);
        let answer = rank.first().copied();
        let right1 = pick.get() == Some(answer);
        let why1 = cheapest_why(&o, &rank, lang, cur, rate);
        let n = o.model(ModelKind::VmAuto).month.max_instances;
        let g = guess.get().trim().parse::<f64>().unwrap_or(f64::NAN);
        let right2 = (g - n).abs() <= (0.25 * n).max(1.0);
        let why2 = fill(
            Text::QuizVmsWhy.get(lang),
            &[
                ("n", format_number(n, 0)),
                // The guess as the student wrote it (to two decimals), not rounded away.
                (
                    "guess",
                    format_number(if g.is_finite() { g } else { 0.0 }, 2),
                ),
                ("target", format_number(target, 0)),
            ],
        );
        let verdict = |right: bool, lang: Lang| {
            let (cls, text) = if right {
                ("right", Text::QuizRight)
            } else {
                ("wrong", Text::QuizWrong)
            };
            view! {
                <strong class=format!("verdict {cls}") data-verdict=cls>
                    <span aria-hidden="true">{if right { "✓ " } else { "✗ " }}</span>
                    {text.get(lang)}
                </strong>
            }
        };
        view! {
            <div class="quiz-results" data-testid="quiz-results">
                <p data-testid="quiz-result-cheapest">{verdict(right1, lang)}" "{why1}</p>
                <p data-testid="quiz-result-vms">{verdict(right2, lang)}" "{why2}</p>
                <button type="button" class="ctl" data-testid="quiz-retry"
                    on:click=move |_| { revealed.set(false); pick.set(None); guess.set(String::new()); }>
                    {Text::QuizRetry.get(lang)}
                </button>
            </div>
        }
        .into_any()
    };
    move || {
        on().then(|| {
            view! {
                <section class="panel quiz" data-testid="quiz" aria-labelledby="quiz-heading">
                    <h2 id="quiz-heading">{move || ctx.t(Text::QuizTitle)}</h2>
                    <p class="hint" class:visually-hidden=move || revealed.get()>{move || ctx.t(Text::QuizLead)}</p>
                    <form on:submit=submit>
                        <fieldset>
                            <legend>{move || ctx.t(Text::QuizCheapest)}</legend>
                            <div class="quiz-options">{options}</div>
                        </fieldset>
                        <label class="field" for="quiz-vms">{move || ctx.t(Text::QuizPeakVms)}</label>
                        <input id="quiz-vms" type="text" inputmode="numeric" autocomplete="off"
                            data-testid="quiz-vms"
                            prop:value=move || guess.get()
                            prop:disabled=move || revealed.get()
                            on:input=move |ev| guess.set(event_target_value(&ev))/>
                        <button type="submit" class="btn" data-testid="quiz-submit"
                            prop:disabled=move || revealed.get()>
                            {move || ctx.t(Text::QuizSubmit)}
                        </button>
                        <p class="error" role="alert">{move || missing.get().then(|| ctx.t(Text::QuizAnswerFirst))}</p>
                    </form>
                    <div aria-live="polite">{results}</div>
                </section>
            }
        })
    }
}

/// The handout's questions: on paper only (see `style/print.css`), for the current view.
#[component]
pub fn Handout() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let questions = move || {
        let (q1, q2) = match ctx.rest.with(|s| s.view) {
            View::Stack => (Text::HandoutStack1, Text::HandoutStack2),
            View::Scaling => (Text::HandoutScaling1, Text::HandoutScaling2),
            View::Msa => (Text::HandoutMsa1, Text::HandoutMsa2),
            View::Fit => (Text::HandoutFit1, Text::HandoutFit2),
        };
        [q1, q2, Text::QuizCheapest, Text::QuizPeakVms]
            .into_iter()
            .map(|q| view! { <li>{ctx.t(q)}<span class="answer-line"></span></li> })
            .collect_view()
    };
    view! {
        <section class="handout print-only" data-testid="handout" aria-hidden="true">
            <p class="handout-name">{move || ctx.t(Text::HandoutName)}": ____________________"</p>
            <h2>{move || ctx.t(Text::HandoutQuestions)}</h2>
            <ol>{questions}</ol>
        </section>
    }
}
