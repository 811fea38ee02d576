//! The `Scenario`: the whole user-visible state, and its URL query form.
//!
//! Every screen is a link: the app writes the scenario into the query string and reads it back
//! on load; the CLI takes the same string with `--scenario`. Parsing never fails: unknown keys
//! are ignored, a malformed value falls back to its default and an out-of-range one is clamped,
//! and each such repair is reported as a [`Warning`] the UI shows in both languages.
//!
//! ```
//! use skyscale_core::{Lang, Scenario};
//! let (s, warnings) = Scenario::from_query("lang=ko&view=stack&bogus=1");
//! assert_eq!(s.lang, Lang::Ko);
//! assert!(warnings.is_empty());
//! assert_eq!(Scenario::from_query(&s.to_query()).0, s);
//! ```

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// Which of the four views is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// The responsibility stack (service models).
    #[default]
    Stack,
}

impl View {
    pub const ALL: [View; 1] = [View::Stack];

    /// The URL / CLI name of the view.
    pub fn code(self) -> &'static str {
        match self {
            View::Stack => "stack",
        }
    }

    pub fn from_code(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == code)
    }
}

/// The colour theme. `System` follows the browser's `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_code(code: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// The whole user-visible state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub view: View,
    pub lang: Lang,
    pub theme: Theme,
}

/// Something in a query string that had to be repaired. The app shows these as a notice;
/// the CLI prints them to stderr.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The query key, e.g. `peak`.
    pub key: String,
    /// The value as given (truncated to a readable length).
    pub given: String,
    /// What was used instead.
    pub used: String,
}

impl Warning {
    fn new(key: &str, given: &str, used: impl Into<String>) -> Warning {
        const MAX: usize = 40;
        let mut shown: String = given.chars().take(MAX).collect();
        if given.chars().nth(MAX).is_some() {
            shown.push('…');
        }
        Warning {
            key: key.chars().take(MAX).collect(),
            given: shown,
            used: used.into(),
        }
    }

    /// A one-line message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!(
                "“{}” is not a valid value for {}; using {}.",
                self.given, self.key, self.used
            ),
            Lang::Ko => format!(
                "{}의 값 “{}”은(는) 올바르지 않아 {}(으)로 바꿨습니다.",
                self.key, self.given, self.used
            ),
        }
    }
}

impl Scenario {
    /// Parses a URL query (with or without the leading `?`). Never fails; see the module docs.
    pub fn from_query(query: &str) -> (Scenario, Vec<Warning>) {
        let mut s = Scenario::default();
        let mut warnings = Vec::new();
        for (key, value) in pairs(query) {
            match key.as_str() {
                "view" => match View::from_code(&value) {
                    Some(v) => s.view = v,
                    None => warnings.push(Warning::new(&key, &value, s.view.code())),
                },
                "lang" => match Lang::from_code(&value) {
                    Some(l) => s.lang = l,
                    None => warnings.push(Warning::new(&key, &value, s.lang.code())),
                },
                "theme" => match Theme::from_code(&value) {
                    Some(t) => s.theme = t,
                    None => warnings.push(Warning::new(&key, &value, s.theme.code())),
                },
                _ => {}
            }
        }
        (s, warnings)
    }

    /// The query string for this scenario (no leading `?`). Values equal to their default are
    /// left out, so links stay short.
    pub fn to_query(&self) -> String {
        let d = Scenario::default();
        let mut parts: Vec<String> = Vec::new();
        if self.view != d.view {
            parts.push(format!("view={}", self.view.code()));
        }
        // The language is always written: a shared link should open in the sender's language.
        parts.push(format!("lang={}", self.lang.code()));
        if self.theme != d.theme {
            parts.push(format!("theme={}", self.theme.code()));
        }
        parts.join("&")
    }
}

/// Splits a query into decoded `(key, value)` pairs. `+` is a space, `%XX` is a byte; invalid
/// escapes are kept literally and invalid UTF-8 is replaced, so no input can make it fail.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decodes one query component.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes one query component (unreserved characters stay as they are).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bad_values_fall_back_and_are_reported() {
        let (s, w) = Scenario::from_query("?lang=xx&theme=dark&view=%%%");
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].key, "lang");
        assert!(w[0].message(Lang::Ko).contains("lang"));
    }

    #[test]
    fn decoding_handles_escapes_and_junk() {
        assert_eq!(decode("a%20b+c"), "a b c");
        assert_eq!(decode("%ED%95%9C"), "한");
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode(&encode("<script>&=?")), "<script>&=?");
    }

    proptest! {
        #[test]
        fn any_query_parses_without_panic(q in ".*") {
            let (s, _) = Scenario::from_query(&q);
            prop_assert_eq!(Scenario::from_query(&s.to_query()).0, s);
        }
    }
}
