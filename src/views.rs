//! The app's four views, one file each.
pub mod fit;
pub mod msa;
pub mod scaling;
pub mod stack;

use leptos::prelude::*;
use skyscale_core::scenario::View;

use crate::ScenarioCtx;

/// A view's lead paragraph, which invites only what the page lets a student do
/// ([`skyscale_core::scenario::Present::lead`]). The locks and shown controls are the page's
/// first scenario's (they cannot change), so it redraws only on a language change.
pub fn lead(view: View) -> String {
    let ctx = expect_context::<ScenarioCtx>();
    let lang = ctx.lang();
    ctx.get.with_untracked(|s| s.present.lead(view, lang))
}
