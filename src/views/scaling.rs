//! Scaling & cost (placeholder until the view lands).
use leptos::prelude::*;

/// The scaling view.
#[component]
pub fn ScalingView() -> impl IntoView {
    view! { <section class="view" data-testid="view-scaling"></section> }
}
