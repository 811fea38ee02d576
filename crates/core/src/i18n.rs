//! The one table of user-facing text, English and Korean side by side.
//!
//! Every string a person reads — on screen, in an exported SVG, in the CLI's tables — is a
//! [`Text`] variant declared below with both translations. The `texts!` macro takes exactly two
//! literals per entry, so a missing translation is a compile error rather than a blank on screen.
//!
//! ```
//! use skyscale_core::{Lang, Text};
//! assert_eq!(Text::LayerRuntime.get(Lang::En), "Runtime");
//! assert_eq!(Text::LayerRuntime.get(Lang::Ko), "런타임");
//! ```

use serde::{Deserialize, Serialize};

/// A language Skyscale speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ko,
}

impl Lang {
    /// Every language, in the order the toggle shows them.
    pub const ALL: [Lang; 2] = [Lang::Ko, Lang::En];

    /// The short code used in URLs, `lang` attributes and the CLI (`en`, `ko`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// Parses a code such as `en`, `ko`, `ko-KR` or `en-US` (case-insensitive).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "ko" => Some(Lang::Ko),
            _ => None,
        }
    }

    /// Picks the language for a browser's preference list (`navigator.languages`): the first
    /// entry Skyscale speaks wins; English when none matches.
    pub fn from_preferences<'a>(prefs: impl IntoIterator<Item = &'a str>) -> Lang {
        prefs
            .into_iter()
            .find_map(Lang::from_code)
            .unwrap_or_default()
    }

    /// The other language (what the toggle switches to).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ko,
            Lang::Ko => Lang::En,
        }
    }
}

macro_rules! texts {
    ($( $(#[$doc:meta])* $name:ident => $en:literal, $ko:literal; )*) => {
        /// A piece of user-facing text; [`Text::get`] gives it in a language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Text { $( $(#[$doc])* $name, )* }

        impl Text {
            /// Every entry of the table (used by tests that check translations exist).
            pub const ALL: &'static [Text] = &[ $( Text::$name, )* ];

            /// The text in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( (Text::$name, Lang::En) => $en, (Text::$name, Lang::Ko) => $ko, )*
                }
            }
        }
    };
}

texts! {
    AppName => "Skyscale", "Skyscale";
    AppTagline => "See how the cloud scales and what it costs", "클라우드가 어떻게 확장되고 얼마가 드는지 직접 보세요";
    LanguageToggle => "한국어", "English";
    LanguageToggleLabel => "Switch language to Korean", "언어를 영어로 바꾸기";
    ViewStack => "Service models", "서비스 모델";
    ExportSvg => "Export SVG", "SVG 내보내기";
    ExportSvgLabel => "Download this diagram as a standalone SVG file", "이 다이어그램을 독립 SVG 파일로 내려받기";

    // The responsibility stack.
    StackTitle => "Who manages what? On-premises, IaaS, PaaS, FaaS and SaaS",
        "누가 무엇을 관리하나? 온프레미스, IaaS, PaaS, FaaS, SaaS";
    StackDesc => "Nine layers from networking up to applications, for five ways to run software. Filled cells with a solid marker are managed by you; outlined cells with a hollow marker are managed by the provider.",
        "네트워크부터 애플리케이션까지 아홉 계층을 소프트웨어를 운영하는 다섯 가지 방식별로 보여 줍니다. 채워진 칸(꽉 찬 표시)은 직접 관리하고, 테두리만 있는 칸(빈 표시)은 제공자가 관리합니다.";
    StackLead => "Moving right, the provider takes over more of the stack and you keep only what makes your business yours.",
        "오른쪽으로 갈수록 제공자가 더 많은 계층을 맡고, 여러분은 비즈니스의 핵심만 남깁니다.";
    ColOnPrem => "On-premises", "온프레미스";
    ColIaas => "IaaS", "IaaS";
    ColPaas => "PaaS", "PaaS";
    ColFaas => "FaaS", "FaaS";
    ColSaas => "SaaS", "SaaS";
    ColOnPremSub => "You own everything", "모든 것을 직접 소유";
    ColIaasSub => "Infrastructure as a Service", "서비스형 인프라";
    ColPaasSub => "Platform as a Service", "서비스형 플랫폼";
    ColFaasSub => "Function as a Service", "서비스형 함수";
    ColSaasSub => "Software as a Service", "서비스형 소프트웨어";
    ExOnPrem => "Your own servers\nin your building\nor in an IDC", "직접 구매한 서버\n사내 전산실\n또는 IDC(데이터센터)";
    ExIaas => "Amazon EC2, RDS\nKT, LG U+\nGoogle, MS, IBM, Oracle", "Amazon EC2, RDS\nKT, LG U+\nGoogle, MS, IBM, Oracle";
    ExPaas => "Google Cloud Platform\nFirebase\nNaver Cloud Platform", "Google Cloud Platform\nFirebase\n네이버 클라우드 플랫폼";
    ExFaas => "AWS Lambda\nAzure Functions\nGoogle Cloud Functions", "AWS Lambda\nAzure Functions\nGoogle Cloud Functions";
    ExSaas => "e.g. Gmail\nOffice 365", "예: Gmail\nOffice 365";
    ExamplesLabel => "Examples", "예시";
    LayerApplications => "Applications", "애플리케이션";
    LayerData => "Data", "데이터";
    LayerRuntime => "Runtime", "런타임";
    LayerMiddleware => "Middleware", "미들웨어";
    LayerOs => "O/S", "운영체제(O/S)";
    LayerVirtualization => "Virtualization", "가상화";
    LayerServers => "Servers", "서버";
    LayerStorage => "Storage", "스토리지";
    LayerNetworking => "Networking", "네트워킹";
    FaasApplications => "Functions + config", "함수 코드 + 설정";
    FaasData => "Function data", "함수의 데이터";
    YouManage => "You manage", "직접 관리";
    ProviderManages => "Provider manages", "제공자 관리";
    LegendTitle => "Legend", "범례";

    // The app shell.
    ThemeLabel => "Theme", "테마";
    ThemeSystem => "System", "시스템";
    ThemeLight => "Light", "밝게";
    ThemeDark => "Dark", "어둡게";
    SkipToContent => "Skip to the diagram", "다이어그램으로 건너뛰기";
    NoticeFixedUrl => "Some values in the link were repaired:", "링크의 일부 값을 고쳤습니다:";
    DiagramRegion => "Responsibility stack diagram", "책임 분담 다이어그램";
    FooterAbout => "Skyscale turns lecture notes on serverless computing into diagrams you can play with. Every diagram exports as SVG for slides and handouts.",
        "Skyscale은 서버리스 컴퓨팅 강의 노트를 직접 조작해 볼 수 있는 그림으로 바꿉니다. 모든 다이어그램은 슬라이드와 유인물용 SVG로 내보낼 수 있습니다.";
    ExportDone => "SVG downloaded.", "SVG 파일을 내려받았습니다.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages_and_they_differ_where_they_should() {
        for text in Text::ALL {
            for lang in Lang::ALL {
                assert!(
                    !text.get(lang).trim().is_empty(),
                    "{text:?} is blank in {lang:?}"
                );
            }
        }
        assert_ne!(Text::LayerData.get(Lang::En), Text::LayerData.get(Lang::Ko));
    }

    fn check(prefs: &[&str], expected: Lang) {
        assert_eq!(
            Lang::from_preferences(prefs.iter().copied()),
            expected,
            "{prefs:?}"
        );
    }

    #[test]
    fn browser_preferences_pick_the_first_language_we_speak() {
        check(&["ko-KR", "en-US"], Lang::Ko);
        check(&["fr-FR", "ko"], Lang::Ko);
        check(&["en-GB", "ko"], Lang::En);
        check(&["de", "fr"], Lang::En);
        check(&[], Lang::En);
        check(&["KO_kr"], Lang::Ko);
    }
}
