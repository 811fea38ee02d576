//! Is serverless a fit? (placeholder until the view lands).
use leptos::prelude::*;

/// The fit view.
#[component]
pub fn FitView() -> impl IntoView {
    view! { <section class="view" data-testid="view-fit"></section> }
}
