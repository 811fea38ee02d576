//! Skyscale's pure core.
//!
//! Everything Skyscale shows is computed here: the [`scenario::Scenario`] (the whole
//! user-visible state, round-tripped through a URL query), the scene builders that turn it into
//! a [`scene::Scene`], and the SVG writer that renders a scene for the screen and for files.
//!
//! Architecture invariant: this crate knows nothing of the browser. It has no leptos, web-sys
//! or wasm-bindgen dependency, so it compiles and tests natively in seconds, and the app and
//! the CLI are thin skins over it.

pub mod breakeven;
pub mod catalog;
pub mod chart;
pub mod fit;
pub mod fit_card;
pub mod i18n;
pub mod lanes;
pub mod math;
pub mod money;
pub mod msa;
pub mod msa_scene;
pub mod patch;
pub mod pricing;
pub mod queueing;
pub mod scenario;
pub mod scene;
pub mod sim;
pub mod sources;
pub mod stack;
pub mod svg;
pub mod traffic;

pub use i18n::{Lang, Text};
pub use scenario::Scenario;
pub use scene::Scene;
pub use sim::{Outcome, simulate};
