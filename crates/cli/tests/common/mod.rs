//! Helpers shared by the CLI's integration tests. (Each test crate uses some of them, so
//! the others are allowed to be unused there.)
#![allow(dead_code)]

use std::process::{Command, Output};

/// `skyscale price container` for one Fargate task of 1 vCPU and 2 GB: the container bill
/// the tests price most ($35.55 for 720 h).
pub const FARGATE_1_VCPU_2_GB: [&str; 8] = [
    "price",
    "container",
    "--service",
    "fargate",
    "--vcpu",
    "1",
    "--memory-gb",
    "2",
];

/// `base` followed by `more`: an argument list built on a shared one.
pub fn args<'a>(base: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
    base.iter().chain(more).copied().collect()
}

/// Runs the `skyscale` binary this test crate was built with.
pub fn skyscale<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skyscale"))
        .args(args)
        .output()
        .expect("skyscale runs")
}

/// The first negative zero written in `text` as a reader would see one: `-0`, `-0.0`,
/// `-$0.00`, `-₩0` (a minus, maybe a currency sign, a zero, maybe a point and zeros, then no
/// further digit), not preceded by a letter or digit (so `2025-06-30` is a date) or a quote
/// mark (a warning quoting what was typed).
pub fn negative_zero(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c != '-' && c != '\u{2212}' {
            continue;
        }
        // After a letter or digit it is a hyphen; after a quote, the user's own input
        // quoted back ("“-0” is not a …").
        if i > 0 && (chars[i - 1].is_alphanumeric() || "\"'“‘「".contains(chars[i - 1])) {
            continue;
        }
        let mut j = i + 1;
        if matches!(chars.get(j), Some('$' | '₩')) {
            j += 1;
        }
        if chars.get(j) != Some(&'0') {
            continue;
        }
        j += 1;
        if chars.get(j) == Some(&'.') {
            j += 1;
            while chars.get(j) == Some(&'0') {
                j += 1;
            }
        }
        if !chars.get(j).is_some_and(|c| c.is_ascii_digit()) {
            let from = i.saturating_sub(30);
            let to = (j + 10).min(chars.len());
            return Some(chars[from..to].iter().collect());
        }
    }
    None
}
