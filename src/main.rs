//! Entry point of the web app: install the panic hook, mount the app.
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(skyscale_web::App);
}
