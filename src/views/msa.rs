//! Monolith vs microservices (placeholder until the view lands).
use leptos::prelude::*;

/// The monolith-vs-microservices view.
#[component]
pub fn MsaView() -> impl IntoView {
    view! { <section class="view" data-testid="view-msa"></section> }
}
