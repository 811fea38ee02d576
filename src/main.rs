//! Entry point of the web app: install the panic hook (debug builds), mount the app.
//!
//! Release builds abort on a panic (`panic = "abort"`: the wasm traps and the browser logs the
//! error); they leave the hook out, which keeps panic-message formatting out of the shipped wasm.
fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(skyscale_web::App);
}
