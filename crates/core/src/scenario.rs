//! The `Scenario`: the whole user-visible state, and its URL query form.
//!
//! Every screen is a link: the app writes the scenario into the query string and reads it back
//! on load; the CLI takes the same string with `--scenario`. Parsing never fails: an unknown key
//! is ignored and reported (with the known key it is likely a typo of, `peek` → `peak`; keys
//! such as `utm_source` that sites add to links are ignored silently), a malformed value falls back to its default and an out-of-range one is clamped,
//! and each such repair is reported as a [`Warning`] the UI shows in both languages.
//! A number reads the same however it is spelt (`peak=0020`, `2e1`, `20.000`, `+20`; a speed
//! `2.0`, a billing step `100.0`, a seed `7.0`, a flag `1.0`), and both the link written back
//! and a warning's quote of it give its one canonical form (`peak=20`), as a control would.
//!
//! ```
//! use skyscale_core::{Lang, Scenario};
//! let (s, warnings) = Scenario::from_query("lang=ko&view=stack&utm_source=lms");
//! assert_eq!(s.lang, Lang::Ko);
//! assert!(warnings.is_empty());
//! assert_eq!(Scenario::from_query(&s.to_query()).0, s);
//! ```

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Text};
use crate::money::Currency;

/// Which of the four views is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// The responsibility stack (service models).
    #[default]
    Stack,
    /// Scaling & cost: the same traffic through every compute model.
    Scaling,
    /// Monolith vs microservices.
    Msa,
    /// Is serverless a fit?
    Fit,
}

impl View {
    pub const ALL: [View; 4] = [View::Stack, View::Scaling, View::Msa, View::Fit];

    /// The URL / CLI name of the view.
    pub fn code(self) -> &'static str {
        match self {
            View::Stack => "stack",
            View::Scaling => "scaling",
            View::Msa => "msa",
            View::Fit => "fit",
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

/// Declares a small enum whose variants have URL codes, with `ALL`, `code()` and `from_code()`.
macro_rules! coded_enum {
    ($(#[$doc:meta])* $name:ident [$default:ident] {
        $( $(#[$vdoc:meta])* $variant:ident => $code:literal, )*
    }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize)]
        pub enum $name { $( $(#[$vdoc])* #[serde(rename = $code)] $variant, )* }

        impl Default for $name {
            fn default() -> Self {
                $name::$default
            }
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )* ];

            /// The URL / CLI code.
            pub fn code(self) -> &'static str {
                match self { $( $name::$variant => $code, )* }
            }

            /// Parses a URL / CLI code (exact, lower case).
            pub fn from_code(code: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
        }
    };
}
pub(crate) use coded_enum;

coded_enum! {
    /// The shape of a day's traffic. `peak` is always the highest rate of the (peak) day.
    Pattern [Diurnal] {
        /// Flat, with a little noise.
        Steady => "steady",
        /// Business hours: quiet at night, busy 9–18 with a lunch dip.
        Diurnal => "diurnal",
        /// Irregular bursts over a low base.
        Bursty => "bursty",
        /// A quiet day with one sudden 10–50× spike lasting minutes.
        Flash => "flash",
        /// Scheduled batch: nothing, then a job every few hours (cron).
        Batch => "batch",
        /// IoT sensors: many tiny periodic events, a sawtooth every 5 minutes.
        Iot => "iot",
        /// Steady growth over the month (from half the peak on day 1 to the peak on day 30).
        Growth => "growth",
    }
}

impl Pattern {
    /// The pattern's name as the picker shows it ("Business hours").
    pub fn label(self) -> Text {
        match self {
            Pattern::Steady => Text::PatternSteady,
            Pattern::Diurnal => Text::PatternDiurnal,
            Pattern::Bursty => Text::PatternBursty,
            Pattern::Flash => Text::PatternFlash,
            Pattern::Batch => Text::PatternBatch,
            Pattern::Iot => Text::PatternIot,
            Pattern::Growth => Text::PatternGrowth,
        }
    }
}

coded_enum! {
    /// CPU architecture for functions.
    Arch [X86_64] {
        X86_64 => "x86_64",
        Arm64 => "arm64",
    }
}

coded_enum! {
    /// Which function service prices the FaaS model.
    FaasService [Lambda] {
        Lambda => "lambda",
        Azure => "azure",
    }
}

coded_enum! {
    /// Which managed container service prices the PaaS model.
    ContainerService [Fargate] {
        Fargate => "fargate",
        AppRunner => "app-runner",
        CloudRun => "cloud-run",
    }
}

impl ContainerService {
    /// The service's name as its option reads (the catalog's `name`, in either language).
    pub fn label(self) -> Text {
        match self {
            ContainerService::Fargate => Text::CtrFargate,
            ContainerService::AppRunner => Text::CtrAppRunner,
            ContainerService::CloudRun => Text::CtrCloudRun,
        }
    }
}

coded_enum! {
    /// The function runtime, which sets the cold-start time.
    Runtime [Python] {
        Python => "python",
        Node => "node",
        Go => "go",
        Java => "java",
        Dotnet => "dotnet",
    }
}

coded_enum! {
    /// A module of the ride-hailing application (see [`crate::msa`]).
    Module [Dispatch] {
        /// Passenger accounts, sign-in and the passenger app's API.
        Passenger => "passenger",
        /// Driver accounts, status and location updates.
        Driver => "driver",
        /// Matching a ride request to a nearby driver.
        Dispatch => "dispatch",
        /// Trip lifecycle: requested, accepted, on the way, finished.
        Trips => "trips",
        /// Fare estimates and surge pricing (billing).
        Pricing => "pricing",
        /// Charging the passenger, paying the driver.
        Payments => "payments",
        /// Push, SMS and e-mail.
        Notifications => "notifications",
    }
}

coded_enum! {
    /// How fast the scaling view plays the simulated day (1×: the day in about 20 seconds).
    Speed [X1] {
        Half => "0.5",
        X1 => "1",
        X2 => "2",
        X4 => "4",
    }
}

impl Speed {
    /// Parses a speed as a number however it is spelt (`2`, `2.0`, `02`, `5e-1`), as a link
    /// may carry it.
    pub fn from_number(text: &str) -> Option<Speed> {
        let x = read_number(text)?;
        Speed::ALL.iter().copied().find(|v| v.factor() == x)
    }

    /// Simulated time per real time, relative to 1×.
    pub fn factor(self) -> f64 {
        match self {
            Speed::Half => 0.5,
            Speed::X1 => 1.0,
            Speed::X2 => 2.0,
            Speed::X4 => 4.0,
        }
    }
}

coded_enum! {
    /// A collapsible group of the scaling view's model settings.
    Section [Vm] {
        OnPrem => "onprem",
        Vm => "vm",
        Container => "ctr",
        Faas => "faas",
    }
}

/// Which model-settings groups are open (`open=`). A link opens the groups its sender had
/// open, so a changed setting inside a group is on screen, not folded away.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sections {
    pub onprem: bool,
    pub vm: bool,
    pub container: bool,
    pub faas: bool,
}

impl Default for Sections {
    fn default() -> Sections {
        Sections {
            onprem: false,
            vm: true,
            container: false,
            faas: true,
        }
    }
}

impl Sections {
    /// Whether `section` is open.
    pub fn is_open(&self, section: Section) -> bool {
        match section {
            Section::OnPrem => self.onprem,
            Section::Vm => self.vm,
            Section::Container => self.container,
            Section::Faas => self.faas,
        }
    }

    /// Opens or closes `section`.
    pub fn set(&mut self, section: Section, open: bool) {
        match section {
            Section::OnPrem => self.onprem = open,
            Section::Vm => self.vm = open,
            Section::Container => self.container = open,
            Section::Faas => self.faas = open,
        }
    }

    /// The URL form: the open groups' codes, comma separated, or `none`.
    pub fn code(&self) -> String {
        let open: Vec<&str> = Section::ALL
            .iter()
            .filter(|&&g| self.is_open(g))
            .map(|g| g.code())
            .collect();
        if open.is_empty() {
            "none".into()
        } else {
            open.join(",")
        }
    }
}

impl FaasService {
    /// The service from its code or a natural name for it, in any case, with `-`, `_` or a
    /// space between words: `lambda`, `aws-lambda`, `AWS_Lambda`; `azure`, `azure-functions`.
    pub fn from_name(name: &str) -> Option<FaasService> {
        let n: String = name
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == '_' || c == ' ' { '-' } else { c })
            .collect();
        match n.as_str() {
            "lambda" | "aws-lambda" | "aws" => Some(FaasService::Lambda),
            "azure" | "azure-functions" | "azure-function" | "azure-func" => {
                Some(FaasService::Azure)
            }
            _ => None,
        }
    }

    /// The catalog id of the service.
    pub fn catalog_id(self) -> &'static str {
        match self {
            FaasService::Lambda => "aws-lambda",
            FaasService::Azure => "azure-functions",
        }
    }
}

/// Traffic: pattern, peak and the seed of its randomness.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Traffic {
    pub pattern: Pattern,
    /// The highest rate of the (peak) day, requests per second.
    pub peak_rps: f64,
    /// Seeds the pattern's randomness: the same seed gives the same day.
    pub seed: u64,
}

/// What one request costs to serve.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workload {
    /// CPU time one request uses (milliseconds of one vCPU).
    pub cpu_ms: f64,
    /// Wall time of one request / function invocation (includes waiting on I/O).
    pub duration_ms: f64,
    /// Memory of one function (and of one request's working set).
    pub memory_mb: f64,
}

/// Owned servers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct OnPrem {
    /// Spare capacity bought above the planned peak, percent.
    pub headroom_pct: f64,
    pub cores_per_server: f64,
}

/// Virtual machines, fixed and autoscaled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Vm {
    /// A catalog instance type, e.g. `m5.large`.
    pub instance: String,
    /// How many VMs the fixed fleet runs.
    pub fixed_count: u32,
    /// Target CPU utilisation for target tracking, percent.
    pub target_pct: f64,
    pub min: u32,
    pub max: u32,
    /// Scale-in cooldown after any scaling activity, seconds.
    pub cooldown_s: f64,
    /// Boot plus application start: seconds from launch to serving.
    pub boot_s: f64,
}

/// Managed containers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Container {
    pub service: ContainerService,
    pub vcpu: f64,
    pub memory_gb: f64,
    pub min_instances: u32,
    pub max_instances: u32,
    pub target_pct: f64,
}

/// Functions.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Faas {
    pub service: FaasService,
    pub arch: Arch,
    pub free_tier: bool,
    /// Billing granularity: 1 ms (today) or 100 ms (before December 2020).
    pub granularity_ms: u32,
    /// Provisioned concurrency: environments kept initialised all month.
    pub provisioned: u32,
    /// Account concurrency quota; invocations above it are throttled.
    pub quota: u32,
    /// Use the older limits the lecture notes quote (1,500 MB, 300 s).
    pub legacy_limits: bool,
    pub runtime: Runtime,
    /// Minutes an idle environment stays warm before it is recycled.
    pub warm_min: u32,
    /// A keep-warm ping (a scheduled invocation) every this many minutes; 0 is off.
    pub ping_min: u32,
}

/// A subscription.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saas {
    pub seats: u32,
}

/// Price overrides; `None` uses the catalog.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Prices {
    pub usd_per_million_requests: Option<f64>,
    /// A flat GB-second price (replaces the volume tiers).
    pub usd_per_gb_s: Option<f64>,
    /// Hourly price of the selected VM type.
    pub vm_usd_per_hour: Option<f64>,
    pub usd_per_vcpu_hour: Option<f64>,
    pub usd_per_gb_hour: Option<f64>,
    pub server_usd: Option<f64>,
    pub opex_usd_per_server_month: Option<f64>,
    pub usd_per_seat_month: Option<f64>,
}

/// Monolith vs microservices controls.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Msa {
    /// A module that has failed, if any.
    pub fail: Option<Module>,
    /// A module being deployed, if any.
    pub deploy: Option<Module>,
    /// Latency of one network hop between services, milliseconds.
    pub hop_ms: f64,
}

/// How the page is presented in a classroom: embedded in a course page (`embed`), with some
/// controls read-only (`lock`) or hidden (`controls`), or as a predict-then-reveal quiz
/// (`quiz`). It changes no number, only what the page shows and lets a student change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Present {
    /// Shown inside another page: no app chrome, an "open in Skyscale" link instead.
    pub embed: bool,
    /// Controls (named by their query key, see [`CONTROL_KEYS`]) that are read-only;
    /// `["all"]` fixes the whole figure.
    pub lock: Vec<String>,
    /// The only controls shown (query keys); empty shows every control.
    pub controls: Vec<String>,
    /// Numbers stay hidden until the student commits a prediction.
    pub quiz: bool,
}

/// The names `lock=` and `controls=` accept: the query keys a control sets, plus `all`.
pub const CONTROL_KEYS: &[&str] = &[
    "all", "pat", "peak", "cpu", "dur", "mem", "head", "cores", "vm", "n", "tgt", "min", "max",
    "cd", "boot", "ctr", "vcpu", "gb", "cmin", "cmax", "ctgt", "faas", "arch", "free", "gran",
    "pc", "quota", "legacy", "rt", "warm", "seats", "cur", "krw", "fail", "deploy", "hop", "t",
    "step", "cell", "hl", "theme", "chart", "ping", "col",
];

/// Every key [`Scenario::from_query`] reads; any other is reported as
/// [`Reason::UnknownKey`] (with the nearest of these when one is close).
pub const QUERY_KEYS: &[&str] = &[
    "view", "lang", "theme", "pat", "peak", "seed", "cpu", "dur", "mem", "head", "cores", "vm",
    "n", "tgt", "min", "max", "cd", "boot", "ctr", "vcpu", "gb", "cmin", "cmax", "ctgt", "faas",
    "arch", "free", "gran", "pc", "quota", "legacy", "rt", "warm", "ping", "seats", "p_req",
    "p_gbs", "p_vm", "p_vcpu", "p_gbh", "p_srv", "p_ops", "p_seat", "cur", "krw", "fail", "deploy",
    "hop", "step", "cell", "col", "hl", "embed", "quiz", "lock", "controls", "t", "chart", "speed",
    "math", "open",
];

/// Keys that sites add to any link they pass on (analytics, ad clicks): not Skyscale's, but
/// not a mistake of the link's author either, so they are ignored without a notice.
fn is_tracking_key(key: &str) -> bool {
    key.starts_with("utm_") || matches!(key, "fbclid" | "gclid" | "msclkid")
}

/// The known key `key` is most likely a mistyping of: the nearest of [`QUERY_KEYS`] by edits
/// (a letter added, removed, changed, or two swapped; case ignored), within 0 edits for keys
/// of up to 2 letters, 1 for up to 5 and 2 beyond, so a short key is not "corrected" into an
/// unrelated one (`foo` suggests nothing). Ties go to the earlier key.
pub fn nearest_key(key: &str) -> Option<&'static str> {
    let key = key.to_lowercase();
    let len = key.chars().count();
    let limit = match len {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    };
    QUERY_KEYS
        .iter()
        .map(|&k| (edits(&key, k), k))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

/// Edits between `a` and `b` (optimal string alignment: insert, delete, change, swap two
/// neighbours), counted in characters.
fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// The values key `key` takes, by their link codes, where it takes one of a few names (`pat`,
/// `ctr`, `view`, …), so a warning about a wrong one can list them.
fn choices(key: &str) -> Option<Vec<&'static str>> {
    fn codes<T: Copy>(all: &[T], code: impl Fn(T) -> &'static str) -> Option<Vec<&'static str>> {
        Some(all.iter().map(|&v| code(v)).collect())
    }
    match key {
        "view" => codes(&View::ALL, View::code),
        "lang" => codes(&[Lang::En, Lang::Ko], Lang::code),
        "theme" => codes(&Theme::ALL, Theme::code),
        "pat" => codes(Pattern::ALL, Pattern::code),
        "ctr" => codes(ContainerService::ALL, ContainerService::code),
        "faas" => codes(FaasService::ALL, FaasService::code),
        "arch" => codes(Arch::ALL, Arch::code),
        "rt" => codes(Runtime::ALL, Runtime::code),
        "cur" => codes(&Currency::ALL, Currency::code),
        "speed" => codes(Speed::ALL, Speed::code),
        "chart" => codes(&crate::chart::Chart::ALL, crate::chart::Chart::code),
        "gran" => Some(vec!["1", "100"]),
        _ => None,
    }
}

/// A value as the reader sees it on screen, with its link code after it ("Business hours
/// (diurnal)", "업무 시간대(diurnal)"), where the control shows a name for it; else the code.
fn value_name(key: &str, code: &str, lang: Lang) -> String {
    let label = match key {
        "pat" => Pattern::from_code(code).map(Pattern::label),
        "ctr" => ContainerService::from_code(code).map(ContainerService::label),
        _ => None,
    };
    match (label, lang) {
        (None, _) => code.to_string(),
        (Some(t), Lang::En) => format!("{} ({code})", t.get(lang)),
        (Some(t), Lang::Ko) => format!("{}({code})", t.get(lang)),
    }
}

/// What the control for query key `key` is called on screen (the Embed dialog's list of names),
/// as the texts to join with " · ": a section and a label where the label alone is ambiguous.
/// Empty for a key no control sets (it is set in the URL only).
pub fn control_label(key: &str) -> &'static [Text] {
    use Text as T;
    match key {
        "pat" => &[T::PatternLabel],
        "peak" => &[T::PeakLabel],
        "cpu" => &[T::CpuLabel],
        "dur" => &[T::DurationLabel],
        "mem" => &[T::MemoryLabel],
        "head" => &[T::HeadroomLabel],
        "vm" => &[T::InstanceTypeLabel],
        "n" => &[T::FixedCountLabel],
        "tgt" => &[T::TargetLabel],
        "min" => &[T::MinLabel],
        "max" => &[T::MaxLabel],
        "boot" => &[T::BootLabel],
        "ctr" => &[T::ContainerSettings, T::ContainerServiceLabel],
        "vcpu" => &[T::VcpuLabel],
        "gb" => &[T::MemGbLabel],
        "cmin" => &[T::MinInstancesLabel],
        "cmax" => &[T::MaxInstancesLabel],
        "faas" => &[T::FaasSettings, T::FaasServiceLabel],
        "arch" => &[T::FaasSettings, T::ArchLabel],
        "rt" => &[T::FaasSettings, T::RuntimeLabel],
        "free" => &[T::FreeTierLabel],
        "gran" => &[T::GranularityLabel],
        "pc" => &[T::ProvisionedLabel],
        "quota" => &[T::QuotaLabel],
        "legacy" => &[T::LegacyLabel],
        "warm" => &[T::WarmLabel],
        "ping" => &[T::PingLabel],
        "cur" => &[T::CurrencyLabel],
        "krw" => &[T::RateLabel],
        "fail" => &[T::KeyFail],
        "deploy" => &[T::KeyDeploy],
        "hop" => &[T::MsaHopLabel],
        "t" => &[T::ScrubLabel, T::Play],
        "step" => &[T::KeyStep],
        "cell" => &[T::KeyCell],
        "col" => &[T::KeyCol],
        "theme" => &[T::ThemeLabel],
        "chart" => &[T::ChartPick],
        _ => &[],
    }
}

impl Present {
    /// Whether the control for query key `key` is read-only.
    pub fn locked(&self, key: &str) -> bool {
        self.lock.iter().any(|k| k == "all" || k == key)
    }

    /// Whether the control for query key `key` is shown.
    pub fn shows(&self, key: &str) -> bool {
        self.controls.is_empty() || self.controls.iter().any(|k| k == key)
    }

    /// Whether a student can operate the control for `key`: shown and not locked.
    pub fn can_change(&self, key: &str) -> bool {
        self.shows(key) && !self.locked(key)
    }

    /// The lead paragraph of `view`: it invites only what the page lets a student do (an
    /// embed that hides Play or locks the peak does not say "drag" or "play").
    pub fn lead(&self, view: View, lang: Lang) -> String {
        let can = |k: &str| self.can_change(k);
        let parts: Vec<Text> = match view {
            View::Stack => vec![Text::StackDesc],
            View::Scaling => {
                let drag = if can("peak") {
                    Text::ScalingLeadDrag
                } else {
                    Text::ScalingLeadFixed
                };
                let play = can("t").then_some(Text::ScalingLeadPlay);
                std::iter::once(drag).chain(play).collect()
            }
            View::Msa => vec![
                Text::MsaLead,
                match (can("fail"), can("deploy")) {
                    (true, true) => Text::MsaLeadFailDeploy,
                    (true, false) => Text::MsaLeadFail,
                    (false, true) => Text::MsaLeadDeploy,
                    (false, false) => Text::MsaLeadCompare,
                },
            ],
            View::Fit => {
                // A preset sets all five, so it works only when all five can change.
                let presets = ["pat", "peak", "cpu", "dur", "mem"].into_iter().all(can);
                vec![
                    Text::FitLead,
                    if presets {
                        Text::FitLeadButtons
                    } else {
                        Text::FitLeadFixed
                    },
                ]
            }
        };
        parts
            .iter()
            .map(|t| t.get(lang))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The stack's "Layer details" hint before anything is picked: it names only what the page
    /// lets a student pick (`lock=cell` or `lock=col` takes the invitation away with the click).
    pub fn stack_hint(&self) -> Text {
        match (self.can_change("cell"), self.can_change("col")) {
            (true, true) => Text::LayerDetailsHint,
            (true, false) => Text::LayerDetailsHintCell,
            (false, true) => Text::LayerDetailsHintCol,
            (false, false) => Text::LayerDetailsHintFixed,
        }
    }

    /// The blast-radius panel while nothing has failed: it invites a failure only if the page
    /// lets a student cause one.
    pub fn blast_hint(&self) -> Text {
        if self.can_change("fail") {
            Text::MsaBlastNone
        } else {
            Text::MsaBlastNoneFixed
        }
    }

    /// The deploy panel while nothing deploys: it invites a deploy only if the page allows one.
    pub fn deploy_hint(&self) -> Text {
        if self.can_change("deploy") {
            Text::MsaDeployNone
        } else {
            Text::MsaDeployNoneFixed
        }
    }
}

/// The whole user-visible state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub view: View,
    pub lang: Lang,
    pub theme: Theme,
    pub traffic: Traffic,
    pub workload: Workload,
    pub onprem: OnPrem,
    pub vm: Vm,
    pub container: Container,
    pub faas: Faas,
    pub saas: Saas,
    pub prices: Prices,
    pub currency: Currency,
    pub krw_per_usd: f64,
    pub msa: Msa,
    /// The minute of the simulated day the scaling view shows (`None`: the busiest minute).
    pub minute: Option<u32>,
    /// The story step of the service-models view (1-based; `None`: the story is not started).
    pub step: Option<u32>,
    /// The selected cell of the responsibility stack.
    pub cell: Option<(crate::stack::ServiceModel, crate::stack::Layer)>,
    /// The selected column of the responsibility stack (its summary is shown; a selected cell,
    /// the more specific choice, wins over it).
    pub col: Option<crate::stack::ServiceModel>,
    /// The compute model emphasised in the scaling view.
    pub highlight: Option<crate::sim::ModelKind>,
    /// The chart the scaling view shows.
    pub chart: crate::chart::Chart,
    /// Playback speed of the scaling view.
    pub speed: Speed,
    /// Whether the scaling view's "show the math" panel is open.
    pub show_math: bool,
    /// Which groups of the scaling view's model settings are open.
    pub open: Sections,
    /// Embedding, locks and quiz mode (`embed`, `lock`, `controls`, `quiz`).
    pub present: Present,
}

impl Default for Scenario {
    fn default() -> Scenario {
        Scenario {
            view: View::default(),
            lang: Lang::default(),
            theme: Theme::default(),
            traffic: Traffic {
                pattern: Pattern::default(),
                peak_rps: 100.0,
                seed: 1,
            },
            workload: Workload {
                cpu_ms: 50.0,
                duration_ms: 100.0,
                memory_mb: 512.0,
            },
            onprem: OnPrem {
                headroom_pct: 30.0,
                cores_per_server: 32.0,
            },
            vm: Vm {
                instance: "m5.large".into(),
                fixed_count: 4,
                target_pct: 65.0,
                min: 1,
                max: 100,
                cooldown_s: 300.0,
                boot_s: 150.0,
            },
            container: Container {
                service: ContainerService::default(),
                vcpu: 1.0,
                memory_gb: 2.0,
                min_instances: 1,
                max_instances: 200,
                target_pct: 70.0,
            },
            faas: Faas {
                service: FaasService::default(),
                arch: Arch::default(),
                free_tier: false,
                granularity_ms: 1,
                provisioned: 0,
                quota: 1000,
                legacy_limits: false,
                runtime: Runtime::default(),
                warm_min: 10,
                ping_min: 0,
            },
            saas: Saas { seats: 50 },
            prices: Prices::default(),
            currency: Currency::default(),
            krw_per_usd: 1400.0,
            msa: Msa {
                fail: None,
                deploy: None,
                hop_ms: 2.0,
            },
            minute: None,
            step: None,
            cell: None,
            col: None,
            highlight: None,
            chart: crate::chart::Chart::Traffic,
            speed: Speed::default(),
            show_math: false,
            open: Sections::default(),
            present: Present::default(),
        }
    }
}

/// Accepted ranges, shared by the parser, the app's controls and the CLI's error messages.
pub mod limits {
    /// `(min, max)` pairs.
    pub const PEAK_RPS: (f64, f64) = (0.0, 1_000_000.0);
    pub const CPU_MS: (f64, f64) = (0.01, 600_000.0);
    pub const DURATION_MS: (f64, f64) = (1.0, 3_600_000.0);
    /// Function memory: from the smallest any function service allows (128 MB, so a typed or
    /// linked value below it is raised to a memory every model can run) to well above the
    /// largest (10,240 MB), so the fit view can show a workload that functions cannot hold.
    pub const MEMORY_MB: (f64, f64) = (128.0, 65_536.0);
    pub const HEADROOM_PCT: (f64, f64) = (0.0, 500.0);
    pub const CORES: (f64, f64) = (1.0, 512.0);
    pub const COUNT: (f64, f64) = (0.0, 100_000.0);
    pub const FIXED_COUNT: (f64, f64) = (1.0, 100_000.0);
    pub const TARGET_PCT: (f64, f64) = (10.0, 95.0);
    pub const COOLDOWN_S: (f64, f64) = (0.0, 3_600.0);
    pub const BOOT_S: (f64, f64) = (0.0, 3_600.0);
    pub const VCPU: (f64, f64) = (0.08, 16.0);
    pub const MEMORY_GB: (f64, f64) = (0.125, 120.0);
    pub const QUOTA: (f64, f64) = (1.0, 1_000_000.0);
    pub const WARM_MIN: (f64, f64) = (1.0, 60.0);
    pub const PING_MIN: (f64, f64) = (0.0, 60.0);
    pub const SEATS: (f64, f64) = (0.0, 1_000_000.0);
    pub const PRICE_USD: (f64, f64) = (0.0, 1_000_000.0);
    pub const KRW_PER_USD: (f64, f64) = (1.0, 100_000.0);
    pub const HOP_MS: (f64, f64) = (0.0, 1_000.0);
    /// A minute of the simulated day.
    pub const MINUTE: (f64, f64) = (0.0, 1_439.0);
    /// A step of the service-models story.
    pub const STORY_STEP: (f64, f64) = (1.0, 6.0);
}

/// Why a value had to be repaired.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// Not a value the key takes (malformed text, `NaN`, `inf`, an unknown code).
    Invalid,
    /// A number outside the key's accepted range: the nearer bound is used.
    OutOfRange { min: f64, max: f64 },
    /// A minimum above its maximum (the key `of`): the maximum is used.
    AboveMaximum { of: &'static str },
    /// Names in `lock=` or `controls=` that no control has (`given`, comma-joined): they are
    /// left out and the rest (`used`, comma-joined, maybe none) kept.
    NotAControl,
    /// A key no part of Skyscale reads (`given` is its value): ignored. `nearest` is the known
    /// key it is most likely a typo of, if one is close (`peek` → `peak`).
    UnknownKey { nearest: Option<&'static str> },
}

/// Something in a query string (or a control's edit) that had to be repaired. The app shows
/// these as a notice or beside the field; the CLI prints them to stderr.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Warning {
    /// The query key, e.g. `peak`.
    pub key: String,
    /// The value as given (truncated to a readable length).
    pub given: String,
    /// What was used instead.
    pub used: String,
    /// Why.
    pub reason: Reason,
    /// How many times the link made this same repair (a key repeated with one bad value is
    /// said once, with its count).
    pub count: u32,
}

impl Warning {
    fn new(key: &str, given: &str, used: impl Into<String>, reason: Reason) -> Warning {
        const MAX: usize = 40;
        let mut shown: String = given.chars().take(MAX).collect();
        if given.chars().nth(MAX).is_some() {
            shown.push('…');
        }
        Warning {
            key: key.chars().take(MAX).collect(),
            given: shown,
            used: used.into(),
            reason,
            count: 1,
        }
    }

    /// Whether `other` is the same repair (count aside).
    fn same(&self, other: &Warning) -> bool {
        (&self.key, &self.given, &self.used, &self.reason)
            == (&other.key, &other.given, &other.used, &other.reason)
    }

    /// The message for names in `lock=` or `controls=` that are no control's: which names,
    /// that they are left out, and what the page then does (an empty list locks nothing, or
    /// shows every control), without a particle after a name (its reading is unknown).
    fn not_a_control(&self, lang: Lang) -> String {
        let names: Vec<String> = self.given.split(',').map(|n| format!("“{n}”")).collect();
        let (names, many) = (names.join(", "), names.len() > 1);
        let kept = self.used.replace(',', ", ");
        let shows = self.key == "controls";
        match lang {
            Lang::En => {
                let what = if many {
                    "are not names of controls; left out"
                } else {
                    "is not the name of a control; left out"
                };
                let then = match (shows, kept.is_empty()) {
                    (false, true) => ", so no control is locked".to_string(),
                    (true, true) => ", so every control is shown".to_string(),
                    (false, false) => format!(" (locked: {kept})"),
                    (true, false) => format!(" (shown: {kept})"),
                };
                format!("{names} in {} {what}{then}.", self.key)
            }
            Lang::Ko => {
                let then = match (shows, kept.is_empty()) {
                    (false, true) => "잠그는 조작은 없습니다".to_string(),
                    (true, true) => "모든 조작을 보여 줍니다".to_string(),
                    (false, false) => format!("잠그는 조작: {kept}"),
                    (true, false) => format!("보여 주는 조작: {kept}"),
                };
                format!(
                    "{names}: {}에 쓸 수 있는 조작 이름이 아니라 뺐습니다. {then}.",
                    self.key
                )
            }
        }
    }

    /// Whether what this repair says is still what `s` shows: the key still holds the value
    /// used (and, for a minimum lowered to its maximum, the maximum is still that value). A
    /// field's note about a repair stays while this holds, through edits of other fields, and
    /// goes once it does not ("can't be more than Maximum VMs (1)" after the maximum is raised).
    pub fn still_holds(&self, s: &Scenario) -> bool {
        let is_used = |key: &str| {
            s.query_value(key).is_some_and(|v| match key {
                // A price override taken out for `NaN` falls back to the catalog: no value.
                k if k.starts_with("p_") && self.used == "catalog" => v.is_empty(),
                _ => v == self.used,
            })
        };
        match &self.reason {
            Reason::AboveMaximum { of } => is_used(&self.key) && is_used(of),
            _ => is_used(&self.key),
        }
    }

    /// A one-line message in `lang`. Korean ends on what was done ("최솟값(128)으로
    /// 맞췄습니다"), with the value in brackets so no particle depends on how it is read.
    pub fn message(&self, lang: Lang) -> String {
        let (key, of_name) = (field_name(&self.key, lang), |of: &str| field_name(of, lang));
        let (key, given, used) = (&key, &self.given, &self.used);
        // A bound or a maximum as the range and the fields show it (65,536, not 65536).
        let number = || self.used.parse::<f64>().map_or(used.clone(), bound_text);
        let mut out = match (&self.reason, lang) {
            (Reason::Invalid, Lang::En) => {
                let used = value_name(&self.key, used, lang);
                let mut m = format!("“{given}” is not a valid value for {key}; using {used}.");
                if let Some(all) = choices(&self.key) {
                    m.push_str(&format!(" Valid values: {}.", all.join(", ")));
                }
                m
            }
            (Reason::Invalid, Lang::Ko) if used == "catalog" => {
                format!("“{given}”: {key}에 쓸 수 없는 값이라 카탈로그 가격으로 되돌렸습니다.")
            }
            (Reason::Invalid, Lang::Ko) => {
                let used = value_name(&self.key, used, lang);
                let mut m =
                    format!("“{given}”: {key}에 쓸 수 없는 값이라 {used} 값으로 맞췄습니다.");
                if let Some(all) = choices(&self.key) {
                    m.push_str(&format!(" 쓸 수 있는 값: {}.", all.join(", ")));
                }
                m
            }
            (Reason::UnknownKey { nearest }, Lang::En) => {
                let raw = &self.key;
                match nearest {
                    Some(k) => format!(
                        "Unknown key “{raw}” ignored; did you mean {}?",
                        field_name(k, lang)
                    ),
                    None => format!("Unknown key “{raw}” ignored."),
                }
            }
            (Reason::UnknownKey { nearest }, Lang::Ko) => {
                let raw = &self.key;
                match nearest {
                    Some(k) => {
                        // The key itself is what to type: named with its field in Korean too.
                        let name = field_name(k, lang);
                        let name = if name == *k {
                            name
                        } else {
                            format!("{name}({k})")
                        };
                        format!(
                            "“{raw}”: 알 수 없는 키라 무시했습니다. {name} 키를 쓰려던 것인가요?"
                        )
                    }
                    None => format!("“{raw}”: 알 수 없는 키라 무시했습니다."),
                }
            }
            (Reason::OutOfRange { min, max }, Lang::En) => format!(
                "“{given}” is outside the range of {key}, {} to {}; using {}.",
                bound_text(*min),
                bound_text(*max),
                number()
            ),
            (Reason::OutOfRange { min, max }, Lang::Ko) => {
                let bound = match self.used.parse::<f64>() {
                    Ok(x) if x == *max => "최댓값",
                    Ok(x) if x == *min => "최솟값",
                    _ => "값",
                };
                format!(
                    "“{given}”: {key}의 범위({}~{})를 벗어나 {bound}({})으로 맞췄습니다.",
                    bound_text(*min),
                    bound_text(*max),
                    number()
                )
            }
            (Reason::AboveMaximum { of }, Lang::En) => {
                let used = number();
                format!(
                    "{key} {given} is above {}, which is {used}; using {used}.",
                    of_name(of)
                )
            }
            (Reason::AboveMaximum { of }, Lang::Ko) => format!(
                "{key} {given}: {}({})보다 커서 그 값으로 맞췄습니다.",
                of_name(of),
                number()
            ),
            (Reason::NotAControl, _) => self.not_a_control(lang),
        };
        if self.count > 1 {
            let n = crate::money::format_number(f64::from(self.count), 0);
            out.push_str(&match lang {
                Lang::En => format!(" ({n} times in the link)"),
                Lang::Ko => format!(" (링크에 {n}번 있음)"),
            });
        }
        out
    }
}

/// A link's key as a reader finds it on screen: the field's name, so the notice names the
/// field to look at; the key alone where no control sets it (`lang`, `seed`). English adds
/// the key after the name ("Function memory (mem)"), the text to fix in the link, which
/// there reads as the name's own abbreviation; Korean shows the visible name only
/// ("함수 메모리"): a Latin key inside a Korean sentence is a code the student never saw.
fn field_name(key: &str, lang: Lang) -> String {
    let names: Vec<&str> = control_label(key).iter().map(|t| t.get(lang)).collect();
    match (names.is_empty(), lang) {
        (true, _) => key.to_string(),
        (false, Lang::En) => format!("{} ({key})", names.join(" · ")),
        (false, Lang::Ko) => names.join(" · "),
    }
}

/// A limit as a person reads it, with every digit it has (`0.01`, `0.125`, `600,000`): a range
/// message that rounds a bound away says something false.
pub fn bound_text(x: f64) -> String {
    crate::money::format_number(x, 6)
}

/// Shortest text that parses back to exactly `x` (Rust's `Display` for `f64` round-trips).
fn num_text(x: f64) -> String {
    format!("{x}")
}

/// Reads a number the way links and number fields take it: decimal text (`1e3` too), where a
/// number too large for `f64` (a pasted 10,000-digit number, `1e999`) is ±infinity and so
/// clamps to a bound like any other too-large number. `NaN`, `inf` and text that is no
/// number give `None`. `-0` reads as `0`.
pub fn read_number(text: &str) -> Option<f64> {
    let t = text.trim();
    let x: f64 = t.parse().ok()?;
    let words = t
        .bytes()
        .any(|b| b.is_ascii_alphabetic() && !matches!(b, b'e' | b'E'));
    if x.is_nan() || (x.is_infinite() && words) {
        return None;
    }
    Some(x + 0.0)
}

/// A whole number `0..=u64::MAX` however it is spelt (`7`, `007`, `7.0`, `7e0`); one past
/// what `f64` counts exactly (2⁵³) only in plain digits.
fn whole_number(text: &str) -> Option<u64> {
    let t = text.trim();
    if let Ok(x) = t.trim_start_matches('+').parse::<u64>() {
        return Some(x);
    }
    let x = read_number(t)?;
    (x.fract() == 0.0 && (0.0..=9_007_199_254_740_992.0).contains(&x)).then_some(x as u64)
}

/// The number in a warning: as the URL would write it (`0020`, `2e1` and `20.000` all read
/// `20`), or as given (truncated) when it is too large for `f64`.
fn given_number(given: &str, x: f64) -> String {
    if x.is_finite() {
        num_text(x + 0.0)
    } else {
        given.to_string()
    }
}

/// What a number typed into a field means, checked against `range` as a link's value is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Typed {
    /// In range: used as typed.
    Valid(f64),
    /// Outside the range (however far, even past what `f64` holds): the nearer bound is used.
    Clamped(f64),
    /// Not a number: nothing changes.
    NotANumber,
}

/// Checks text typed into a number field (thousands separators allowed: `1,000`). Full-width
/// digits and signs (`１２０`, `－５`, `０．５`: what a Korean, Japanese or Chinese input method
/// types in its full-width mode) and the minus sign `−` read as their ASCII forms.
pub fn check_typed(text: &str, (min, max): (f64, f64)) -> Typed {
    let ascii: String = text
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')),
            '．' => Some('.'),
            '－' | '−' => Some('-'),
            '＋' => Some('+'),
            'ｅ' | 'Ｅ' => Some('e'),
            '，' | ',' => None,
            '\u{3000}' => Some(' '),
            c => Some(c),
        })
        .collect();
    match read_number(&ascii) {
        Some(x) if x >= min && x <= max => Typed::Valid(x),
        Some(x) => Typed::Clamped(x.clamp(min, max)),
        None => Typed::NotANumber,
    }
}

/// Keeps `x` (read from `given`) in `range`; an out-of-range number is clamped and reported.
fn in_range(w: &mut Vec<Warning>, key: &str, given: &str, x: f64, range: (f64, f64)) -> f64 {
    if x < range.0 || x > range.1 {
        let c = x.clamp(range.0, range.1);
        let reason = Reason::OutOfRange {
            min: range.0,
            max: range.1,
        };
        w.push(Warning::new(
            key,
            &given_number(given, x),
            num_text(c),
            reason,
        ));
        c
    } else {
        // `+ 0.0` turns -0 into 0, so "-0" never reaches a link or the screen.
        x + 0.0
    }
}

/// Parses a number and keeps it in `range`. Text that is no number (including `NaN` and `inf`)
/// keeps `current`; an out-of-range number is clamped. Either is reported.
fn parse_num(w: &mut Vec<Warning>, key: &str, value: &str, range: (f64, f64), current: f64) -> f64 {
    match read_number(value) {
        Some(x) => in_range(w, key, value, x, range),
        None => {
            w.push(Warning::new(key, value, num_text(current), Reason::Invalid));
            current
        }
    }
}

/// Like [`parse_num`] for whole numbers (a fraction is rounded without a warning).
fn parse_int(w: &mut Vec<Warning>, key: &str, value: &str, range: (f64, f64), current: u32) -> u32 {
    parse_num(w, key, value, range, current as f64).round() as u32
}

fn parse_bool(w: &mut Vec<Warning>, key: &str, value: &str, current: bool) -> bool {
    let number = read_number(value);
    match value.trim().to_ascii_lowercase().as_str() {
        _ if number == Some(1.0) => true,
        _ if number == Some(0.0) => false,
        "true" | "on" | "yes" => true,
        "false" | "off" | "no" => false,
        _ => {
            w.push(Warning::new(
                key,
                value,
                if current { "1" } else { "0" },
                Reason::Invalid,
            ));
            current
        }
    }
}

fn parse_code<T: Copy>(
    w: &mut Vec<Warning>,
    key: &str,
    value: &str,
    from: impl Fn(&str) -> Option<T>,
    current: T,
    code: impl Fn(T) -> &'static str,
) -> T {
    match from(value.trim()) {
        Some(v) => v,
        None => {
            w.push(Warning::new(key, value, code(current), Reason::Invalid));
            current
        }
    }
}

fn parse_price(w: &mut Vec<Warning>, key: &str, value: &str, current: Option<f64>) -> Option<f64> {
    if value.trim().is_empty() {
        return None;
    }
    match read_number(value) {
        Some(x) => Some(in_range(w, key, value, x, limits::PRICE_USD)),
        None => {
            w.push(Warning::new(
                key,
                value,
                current.map_or_else(|| "catalog".to_string(), num_text),
                Reason::Invalid,
            ));
            current
        }
    }
}

fn parse_module(
    w: &mut Vec<Warning>,
    key: &str,
    value: &str,
    current: Option<Module>,
) -> Option<Module> {
    match value.trim() {
        "" | "none" => None,
        v => match Module::from_code(v) {
            Some(m) => Some(m),
            None => {
                w.push(Warning::new(
                    key,
                    value,
                    current.map_or("none", Module::code),
                    Reason::Invalid,
                ));
                current
            }
        },
    }
}

/// Parses a comma-separated list of control names: unknown names are dropped and reported,
/// duplicates removed, and the rest kept in [`CONTROL_KEYS`] order so a link is a fixed point.
fn parse_keys(w: &mut Vec<Warning>, key: &str, value: &str) -> Vec<String> {
    let given: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .collect();
    let unknown: Vec<&str> = given
        .iter()
        .copied()
        .filter(|k| !CONTROL_KEYS.contains(k))
        .collect();
    let kept: Vec<String> = CONTROL_KEYS
        .iter()
        .filter(|k| given.contains(k))
        .map(|k| k.to_string())
        .collect();
    if !unknown.is_empty() {
        w.push(Warning::new(
            key,
            &unknown.join(","),
            kept.join(","),
            Reason::NotAControl,
        ));
    }
    kept
}

/// Parses a comma list of model-settings groups (`open=`): unknown names are dropped and
/// reported; `none` (or nothing) closes every group.
fn parse_sections(w: &mut Vec<Warning>, key: &str, value: &str) -> Sections {
    let mut open = Sections {
        onprem: false,
        vm: false,
        container: false,
        faas: false,
    };
    let mut unknown = Vec::new();
    for name in value.split(',').map(str::trim) {
        match Section::from_code(name) {
            Some(section) => open.set(section, true),
            None if name.is_empty() || name == "none" => {}
            None => unknown.push(name),
        }
    }
    if !unknown.is_empty() {
        w.push(Warning::new(
            key,
            &unknown.join(","),
            open.code(),
            Reason::Invalid,
        ));
    }
    open
}

/// Records the repairs one `key=value` pair needed. The last value of a repeated key is the one
/// used, so what it needed replaces what an earlier value needed (whose fallback is not used);
/// the same repair again only counts up, so a key repeated 5,000 times is said once.
fn said_once(said: &mut Vec<Warning>, key: &str, mut here: Vec<Warning>) {
    let key: String = key.chars().take(40).collect();
    let Some(at) = said.iter().position(|x| x.key == key) else {
        said.append(&mut here);
        return;
    };
    let before: Vec<Warning> = said.iter().filter(|x| x.key == key).cloned().collect();
    said.retain(|x| x.key != key);
    if here.len() == before.len() && here.iter().zip(&before).all(|(a, b)| a.same(b)) {
        for (a, b) in here.iter_mut().zip(&before) {
            a.count = a.count.saturating_add(b.count);
        }
    }
    said.splice(at..at, here);
}

/// Keeps a number field in `range` (`NaN` takes `default`), reporting any change.
fn num(w: &mut Vec<Warning>, key: &str, x: &mut f64, range: (f64, f64), default: f64) {
    if x.is_nan() {
        w.push(Warning::new(key, "NaN", num_text(default), Reason::Invalid));
        *x = default;
    } else {
        *x = in_range(w, key, &num_text(*x), *x, range);
    }
}

/// Keeps a whole-number field in `range`, reporting any change.
fn int(w: &mut Vec<Warning>, key: &str, x: &mut u32, range: (f64, f64)) {
    *x = in_range(w, key, &x.to_string(), f64::from(*x), range) as u32;
}

impl Scenario {
    /// Parses a URL query (with or without the leading `?`). Never fails; see the module docs.
    ///
    /// The keys (defaults in brackets): `view` [stack], `lang` [en], `theme` [system];
    /// traffic `pat` [diurnal], `peak` requests/s [100], `seed` [1]; workload `cpu` ms [50],
    /// `dur` ms [100], `mem` MB [512]; on-premises `head` % [30], `cores` [32]; VMs `vm`
    /// [m5.large], `n` fixed count [4], `tgt` % [65], `min` [1], `max` [100], `cd` cooldown s
    /// [300], `boot` s [150]; containers `ctr` [fargate], `vcpu` [1], `gb` [2], `cmin` [1],
    /// `cmax` [200], `ctgt` % [70]; functions `faas` [lambda], `arch` [x86_64], `free` [0],
    /// `gran` ms [1], `pc` provisioned [0], `quota` [1000], `legacy` [0], `rt` [python],
    /// `warm` min an idle environment stays warm [10], `ping` keep-warm ping every n min [0:
    /// off]; SaaS `seats` [50]; price overrides `p_req` (USD per 1M requests),
    /// `p_gbs` (per GB-s), `p_vm` (per VM-hour), `p_vcpu` (per vCPU-hour), `p_gbh` (per
    /// GB-hour), `p_srv` (per server), `p_ops` (per server-month), `p_seat` (per seat-month);
    /// `cur` [usd], `krw` won per dollar [1400]; MSA `fail` [none], `deploy` [none], `hop` ms [2];
    /// screen state `t` minute of the scaling day [the busiest], `step` story step [none],
    /// `cell` stack cell (e.g. `faas-data`) [none], `col` stack column (e.g. `faas`) [none],
    /// `hl` highlighted model [none], `chart` scaling chart
    /// (`traffic`, `cost`, `latency`, `breakeven`) [traffic], `speed` playback (`0.5`, `1`,
    /// `2`, `4`) [1], `math` "show the math" open [0], `open` model-settings groups open
    /// (comma list of `onprem`, `vm`, `ctr`, `faas`, or `none`) [vm,faas];
    /// presentation `embed` [0], `quiz` [0], `lock` and `controls` (comma lists of
    /// [`CONTROL_KEYS`], empty).
    ///
    /// Ranges are [`limits`]; a repeated key's last value counts, and each repair is reported
    /// once (with a count when the same one repeats). It ends with [`Scenario::repair`].
    pub fn from_query(query: &str) -> (Scenario, Vec<Warning>) {
        use limits::*;
        let mut s = Scenario::default();
        let mut said = Vec::new();
        for (key, value) in pairs(query) {
            let mut here = Vec::new();
            let (k, v, w) = (key.as_str(), value.as_str(), &mut here);
            match k {
                "view" => s.view = parse_code(w, k, v, View::from_code, s.view, View::code),
                "lang" => s.lang = parse_code(w, k, v, Lang::from_code, s.lang, Lang::code),
                "theme" => s.theme = parse_code(w, k, v, Theme::from_code, s.theme, Theme::code),
                "pat" => {
                    let t = &mut s.traffic;
                    t.pattern = parse_code(w, k, v, Pattern::from_code, t.pattern, Pattern::code)
                }
                "peak" => s.traffic.peak_rps = parse_num(w, k, v, PEAK_RPS, s.traffic.peak_rps),
                "seed" => match whole_number(v) {
                    Some(x) => s.traffic.seed = x,
                    None => {
                        let seed = s.traffic.seed.to_string();
                        w.push(Warning::new(k, v, seed, Reason::Invalid))
                    }
                },
                "cpu" => s.workload.cpu_ms = parse_num(w, k, v, CPU_MS, s.workload.cpu_ms),
                "dur" => {
                    s.workload.duration_ms = parse_num(w, k, v, DURATION_MS, s.workload.duration_ms)
                }
                "mem" => s.workload.memory_mb = parse_num(w, k, v, MEMORY_MB, s.workload.memory_mb),
                "head" => {
                    s.onprem.headroom_pct = parse_num(w, k, v, HEADROOM_PCT, s.onprem.headroom_pct)
                }
                "cores" => {
                    s.onprem.cores_per_server = parse_num(w, k, v, CORES, s.onprem.cores_per_server)
                }
                "vm" => {
                    let c = crate::catalog::catalog();
                    match c.vm(v.trim()) {
                        Some(t) => s.vm.instance = t.id.clone(),
                        None => {
                            let used = s.vm.instance.clone();
                            w.push(Warning::new(k, v, used, Reason::Invalid))
                        }
                    }
                }
                "n" => s.vm.fixed_count = parse_int(w, k, v, FIXED_COUNT, s.vm.fixed_count),
                "tgt" => s.vm.target_pct = parse_num(w, k, v, TARGET_PCT, s.vm.target_pct),
                "min" => s.vm.min = parse_int(w, k, v, COUNT, s.vm.min),
                "max" => s.vm.max = parse_int(w, k, v, FIXED_COUNT, s.vm.max),
                "cd" => s.vm.cooldown_s = parse_num(w, k, v, COOLDOWN_S, s.vm.cooldown_s),
                "boot" => s.vm.boot_s = parse_num(w, k, v, BOOT_S, s.vm.boot_s),
                "ctr" => {
                    let c = &mut s.container;
                    c.service = parse_code(
                        w,
                        k,
                        v,
                        ContainerService::from_code,
                        c.service,
                        ContainerService::code,
                    )
                }
                "vcpu" => s.container.vcpu = parse_num(w, k, v, VCPU, s.container.vcpu),
                "gb" => {
                    s.container.memory_gb = parse_num(w, k, v, MEMORY_GB, s.container.memory_gb)
                }
                "cmin" => {
                    s.container.min_instances = parse_int(w, k, v, COUNT, s.container.min_instances)
                }
                "cmax" => {
                    s.container.max_instances =
                        parse_int(w, k, v, FIXED_COUNT, s.container.max_instances)
                }
                "ctgt" => {
                    s.container.target_pct = parse_num(w, k, v, TARGET_PCT, s.container.target_pct)
                }
                "faas" => {
                    let f = &mut s.faas;
                    f.service = parse_code(
                        w,
                        k,
                        v,
                        FaasService::from_name,
                        f.service,
                        FaasService::code,
                    )
                }
                "arch" => {
                    s.faas.arch = parse_code(w, k, v, Arch::from_code, s.faas.arch, Arch::code)
                }
                "free" => s.faas.free_tier = parse_bool(w, k, v, s.faas.free_tier),
                "gran" => match read_number(v) {
                    Some(1.0) => s.faas.granularity_ms = 1,
                    Some(100.0) => s.faas.granularity_ms = 100,
                    _ => {
                        let used = s.faas.granularity_ms.to_string();
                        w.push(Warning::new(k, v, used, Reason::Invalid))
                    }
                },
                "pc" => s.faas.provisioned = parse_int(w, k, v, COUNT, s.faas.provisioned),
                "quota" => s.faas.quota = parse_int(w, k, v, QUOTA, s.faas.quota),
                "legacy" => s.faas.legacy_limits = parse_bool(w, k, v, s.faas.legacy_limits),
                "rt" => {
                    s.faas.runtime =
                        parse_code(w, k, v, Runtime::from_code, s.faas.runtime, Runtime::code)
                }
                "warm" => s.faas.warm_min = parse_int(w, k, v, WARM_MIN, s.faas.warm_min),
                "ping" => s.faas.ping_min = parse_int(w, k, v, PING_MIN, s.faas.ping_min),
                "seats" => s.saas.seats = parse_int(w, k, v, SEATS, s.saas.seats),
                "p_req" => {
                    let p = &mut s.prices.usd_per_million_requests;
                    *p = parse_price(w, k, v, *p)
                }
                "p_gbs" => s.prices.usd_per_gb_s = parse_price(w, k, v, s.prices.usd_per_gb_s),
                "p_vm" => s.prices.vm_usd_per_hour = parse_price(w, k, v, s.prices.vm_usd_per_hour),
                "p_vcpu" => {
                    s.prices.usd_per_vcpu_hour = parse_price(w, k, v, s.prices.usd_per_vcpu_hour)
                }
                "p_gbh" => {
                    s.prices.usd_per_gb_hour = parse_price(w, k, v, s.prices.usd_per_gb_hour)
                }
                "p_srv" => s.prices.server_usd = parse_price(w, k, v, s.prices.server_usd),
                "p_ops" => {
                    let p = &mut s.prices.opex_usd_per_server_month;
                    *p = parse_price(w, k, v, *p)
                }
                "p_seat" => {
                    s.prices.usd_per_seat_month = parse_price(w, k, v, s.prices.usd_per_seat_month)
                }
                "cur" => {
                    s.currency =
                        parse_code(w, k, v, Currency::from_code, s.currency, Currency::code)
                }
                "krw" => s.krw_per_usd = parse_num(w, k, v, KRW_PER_USD, s.krw_per_usd),
                "fail" => s.msa.fail = parse_module(w, k, v, s.msa.fail),
                "deploy" => s.msa.deploy = parse_module(w, k, v, s.msa.deploy),
                "hop" => s.msa.hop_ms = parse_num(w, k, v, HOP_MS, s.msa.hop_ms),
                "step" => {
                    s.step = match v.trim() {
                        "" => None,
                        _ => Some(parse_int(w, k, v, STORY_STEP, s.step.unwrap_or(1))),
                    }
                }
                "cell" => {
                    s.cell = match v.trim() {
                        "" | "none" => None,
                        code => match crate::stack::parse_cell(code) {
                            Some(cell) => Some(cell),
                            None => {
                                w.push(Warning::new(k, v, "none", Reason::Invalid));
                                s.cell
                            }
                        },
                    }
                }
                "col" => {
                    s.col = match v.trim() {
                        "" | "none" => None,
                        code => match crate::stack::ServiceModel::from_code(code) {
                            Some(model) => Some(model),
                            None => {
                                w.push(Warning::new(k, v, "none", Reason::Invalid));
                                s.col
                            }
                        },
                    }
                }
                "hl" => {
                    s.highlight = match v.trim() {
                        "" | "none" => None,
                        code => match crate::sim::ModelKind::from_code(code) {
                            Some(kind) => Some(kind),
                            None => {
                                w.push(Warning::new(k, v, "none", Reason::Invalid));
                                s.highlight
                            }
                        },
                    }
                }
                "embed" => s.present.embed = parse_bool(w, k, v, s.present.embed),
                "quiz" => s.present.quiz = parse_bool(w, k, v, s.present.quiz),
                "lock" => s.present.lock = parse_keys(w, k, v),
                "controls" => s.present.controls = parse_keys(w, k, v),
                "t" => {
                    s.minute = match v.trim() {
                        "" => None,
                        _ => Some(parse_int(w, k, v, MINUTE, s.minute.unwrap_or(0))),
                    }
                }
                "chart" => {
                    let c = crate::chart::Chart::ALL
                        .into_iter()
                        .find(|c| c.code() == v.trim());
                    match c {
                        Some(c) => s.chart = c,
                        None => w.push(Warning::new(k, v, s.chart.code(), Reason::Invalid)),
                    }
                }
                "speed" => s.speed = parse_code(w, k, v, Speed::from_number, s.speed, Speed::code),
                "math" => s.show_math = parse_bool(w, k, v, s.show_math),
                "open" => s.open = parse_sections(w, k, v),
                _ if k.is_empty() || is_tracking_key(k) => {}
                _ => {
                    let nearest = nearest_key(k);
                    w.push(Warning::new(k, v, "", Reason::UnknownKey { nearest }))
                }
            }
            said_once(&mut said, k, here);
        }
        said.extend(s.repair());
        (s, said)
    }

    /// Changes the scenario with `edit`, then [`repair`](Scenario::repair)s it: every control's
    /// change enters the scenario this way, so an edit meets the same rules as a link does.
    pub fn apply(&mut self, edit: impl FnOnce(&mut Scenario)) -> Vec<Warning> {
        edit(self);
        self.repair()
    }

    /// Brings every field into its accepted range, however it was set (a link, a field, an
    /// embedding page's locks, a preset), and says what it changed: a number outside its
    /// limits is clamped (`NaN` takes the default), an unknown instance type or billing step
    /// takes the default, the lists of locked and shown controls keep known names in
    /// [`CONTROL_KEYS`] order, and a minimum above its maximum is lowered to it.
    ///
    /// A repaired scenario is a fixed point of the URL form: `from_query(&s.to_query())`
    /// gives `s` back with no warnings.
    ///
    /// ```
    /// use skyscale_core::Scenario;
    /// let mut s = Scenario::default();
    /// let warnings = s.apply(|s| {
    ///     s.vm.min = 101;
    ///     s.workload.memory_mb = f64::NAN;
    /// });
    /// assert_eq!((s.vm.min, s.vm.max, s.workload.memory_mb), (100, 100, 512.0));
    /// assert_eq!(warnings.len(), 2);
    /// ```
    pub fn repair(&mut self) -> Vec<Warning> {
        use limits::*;
        let d = Scenario::default();
        let mut w = Vec::new();
        let w = &mut w;
        num(
            w,
            "peak",
            &mut self.traffic.peak_rps,
            PEAK_RPS,
            d.traffic.peak_rps,
        );
        let (wl, dw) = (&mut self.workload, &d.workload);
        num(w, "cpu", &mut wl.cpu_ms, CPU_MS, dw.cpu_ms);
        num(w, "dur", &mut wl.duration_ms, DURATION_MS, dw.duration_ms);
        num(w, "mem", &mut wl.memory_mb, MEMORY_MB, dw.memory_mb);
        let (o, dop) = (&mut self.onprem, &d.onprem);
        num(
            w,
            "head",
            &mut o.headroom_pct,
            HEADROOM_PCT,
            dop.headroom_pct,
        );
        num(
            w,
            "cores",
            &mut o.cores_per_server,
            CORES,
            dop.cores_per_server,
        );
        let (v, dv) = (&mut self.vm, &d.vm);
        if crate::catalog::catalog().vm(&v.instance).is_none() {
            w.push(Warning::new(
                "vm",
                &v.instance,
                dv.instance.clone(),
                Reason::Invalid,
            ));
            v.instance = dv.instance.clone();
        }
        int(w, "n", &mut v.fixed_count, FIXED_COUNT);
        num(w, "tgt", &mut v.target_pct, TARGET_PCT, dv.target_pct);
        int(w, "min", &mut v.min, COUNT);
        int(w, "max", &mut v.max, FIXED_COUNT);
        num(w, "cd", &mut v.cooldown_s, COOLDOWN_S, dv.cooldown_s);
        num(w, "boot", &mut v.boot_s, BOOT_S, dv.boot_s);
        let (c, dc) = (&mut self.container, &d.container);
        num(w, "vcpu", &mut c.vcpu, VCPU, dc.vcpu);
        num(w, "gb", &mut c.memory_gb, MEMORY_GB, dc.memory_gb);
        int(w, "cmin", &mut c.min_instances, COUNT);
        int(w, "cmax", &mut c.max_instances, FIXED_COUNT);
        num(w, "ctgt", &mut c.target_pct, TARGET_PCT, dc.target_pct);
        let f = &mut self.faas;
        if !matches!(f.granularity_ms, 1 | 100) {
            let given = f.granularity_ms.to_string();
            w.push(Warning::new("gran", &given, "1", Reason::Invalid));
            f.granularity_ms = 1;
        }
        int(w, "pc", &mut f.provisioned, COUNT);
        int(w, "quota", &mut f.quota, QUOTA);
        int(w, "warm", &mut f.warm_min, WARM_MIN);
        int(w, "ping", &mut f.ping_min, PING_MIN);
        int(w, "seats", &mut self.saas.seats, SEATS);
        let p = &mut self.prices;
        for (key, price) in [
            ("p_req", &mut p.usd_per_million_requests),
            ("p_gbs", &mut p.usd_per_gb_s),
            ("p_vm", &mut p.vm_usd_per_hour),
            ("p_vcpu", &mut p.usd_per_vcpu_hour),
            ("p_gbh", &mut p.usd_per_gb_hour),
            ("p_srv", &mut p.server_usd),
            ("p_ops", &mut p.opex_usd_per_server_month),
            ("p_seat", &mut p.usd_per_seat_month),
        ] {
            match *price {
                Some(x) if x.is_nan() => {
                    w.push(Warning::new(key, "NaN", "catalog", Reason::Invalid));
                    *price = None;
                }
                Some(x) => *price = Some(in_range(w, key, &num_text(x), x, PRICE_USD)),
                None => {}
            }
        }
        num(w, "krw", &mut self.krw_per_usd, KRW_PER_USD, d.krw_per_usd);
        num(w, "hop", &mut self.msa.hop_ms, HOP_MS, d.msa.hop_ms);
        if let Some(m) = self.minute.as_mut() {
            int(w, "t", m, MINUTE);
        }
        if let Some(step) = self.step.as_mut() {
            int(w, "step", step, STORY_STEP);
        }
        let pr = &mut self.present;
        for (key, list) in [("lock", &mut pr.lock), ("controls", &mut pr.controls)] {
            let known = parse_keys(w, key, &list.join(","));
            if *list != known {
                *list = known;
            }
        }
        // A minimum above the maximum cannot be met: the maximum wins.
        let v = &mut self.vm;
        if v.min > v.max {
            let reason = Reason::AboveMaximum { of: "max" };
            w.push(Warning::new(
                "min",
                &v.min.to_string(),
                v.max.to_string(),
                reason,
            ));
            v.min = v.max;
        }
        let c = &mut self.container;
        if c.min_instances > c.max_instances {
            let (min, max) = (c.min_instances, c.max_instances);
            let reason = Reason::AboveMaximum { of: "cmax" };
            w.push(Warning::new(
                "cmin",
                &min.to_string(),
                max.to_string(),
                reason,
            ));
            c.min_instances = max;
        }
        // Provisioned environments count against the account's concurrency quota: no more
        // can be kept ready than the quota allows, so the quota wins and says so.
        let f = &mut self.faas;
        if f.provisioned > f.quota {
            let reason = Reason::AboveMaximum { of: "quota" };
            w.push(Warning::new(
                "pc",
                &f.provisioned.to_string(),
                f.quota.to_string(),
                reason,
            ));
            f.provisioned = f.quota;
        }
        std::mem::take(w)
    }

    /// The query string for this scenario (no leading `?`). Values equal to their default are
    /// left out, so links stay short; the language is always written.
    pub fn to_query(&self) -> String {
        self.query_pairs()
            .into_iter()
            .filter(|(_, value, default)| value != default)
            .map(|(key, value, _)| format!("{key}={}", encode(&value)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The text a link would give `key` for this scenario (its default's text where the link
    /// leaves it out; empty for an unset override or screen state), or `None` for no key.
    pub fn query_value(&self, key: &str) -> Option<String> {
        self.query_pairs()
            .into_iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, value, _)| value)
    }

    /// Every key of the URL form with its value's text and its default's, in link order.
    fn query_pairs(&self) -> Vec<(&'static str, String, String)> {
        let d = Scenario::default();
        let mut parts: Vec<(&'static str, String, String)> = Vec::new();
        let mut put = |key: &'static str, value: String, default: String| {
            parts.push((key, value, default));
        };
        put("view", self.view.code().into(), d.view.code().into());
        // The language is always written: a shared link should open in the sender's language.
        put("lang", self.lang.code().into(), String::new());
        put("theme", self.theme.code().into(), d.theme.code().into());
        let (t, dt) = (&self.traffic, &d.traffic);
        put("pat", t.pattern.code().into(), dt.pattern.code().into());
        put("peak", num_text(t.peak_rps), num_text(dt.peak_rps));
        put("seed", t.seed.to_string(), dt.seed.to_string());
        let (wl, dw) = (&self.workload, &d.workload);
        put("cpu", num_text(wl.cpu_ms), num_text(dw.cpu_ms));
        put("dur", num_text(wl.duration_ms), num_text(dw.duration_ms));
        put("mem", num_text(wl.memory_mb), num_text(dw.memory_mb));
        put(
            "head",
            num_text(self.onprem.headroom_pct),
            num_text(d.onprem.headroom_pct),
        );
        put(
            "cores",
            num_text(self.onprem.cores_per_server),
            num_text(d.onprem.cores_per_server),
        );
        let (v, dv) = (&self.vm, &d.vm);
        put("vm", v.instance.clone(), dv.instance.clone());
        put("n", v.fixed_count.to_string(), dv.fixed_count.to_string());
        put("tgt", num_text(v.target_pct), num_text(dv.target_pct));
        put("min", v.min.to_string(), dv.min.to_string());
        put("max", v.max.to_string(), dv.max.to_string());
        put("cd", num_text(v.cooldown_s), num_text(dv.cooldown_s));
        put("boot", num_text(v.boot_s), num_text(dv.boot_s));
        let (c, dc) = (&self.container, &d.container);
        put("ctr", c.service.code().into(), dc.service.code().into());
        put("vcpu", num_text(c.vcpu), num_text(dc.vcpu));
        put("gb", num_text(c.memory_gb), num_text(dc.memory_gb));
        put(
            "cmin",
            c.min_instances.to_string(),
            dc.min_instances.to_string(),
        );
        put(
            "cmax",
            c.max_instances.to_string(),
            dc.max_instances.to_string(),
        );
        put("ctgt", num_text(c.target_pct), num_text(dc.target_pct));
        let (f, df) = (&self.faas, &d.faas);
        let b = |x: bool| if x { "1".to_string() } else { "0".to_string() };
        put("faas", f.service.code().into(), df.service.code().into());
        put("arch", f.arch.code().into(), df.arch.code().into());
        put("free", b(f.free_tier), b(df.free_tier));
        put(
            "gran",
            f.granularity_ms.to_string(),
            df.granularity_ms.to_string(),
        );
        put("pc", f.provisioned.to_string(), df.provisioned.to_string());
        put("quota", f.quota.to_string(), df.quota.to_string());
        put("legacy", b(f.legacy_limits), b(df.legacy_limits));
        put("rt", f.runtime.code().into(), df.runtime.code().into());
        put("warm", f.warm_min.to_string(), df.warm_min.to_string());
        put("ping", f.ping_min.to_string(), df.ping_min.to_string());
        put(
            "seats",
            self.saas.seats.to_string(),
            d.saas.seats.to_string(),
        );
        let p = &self.prices;
        let o = |x: Option<f64>| x.map(num_text).unwrap_or_default();
        put("p_req", o(p.usd_per_million_requests), String::new());
        put("p_gbs", o(p.usd_per_gb_s), String::new());
        put("p_vm", o(p.vm_usd_per_hour), String::new());
        put("p_vcpu", o(p.usd_per_vcpu_hour), String::new());
        put("p_gbh", o(p.usd_per_gb_hour), String::new());
        put("p_srv", o(p.server_usd), String::new());
        put("p_ops", o(p.opex_usd_per_server_month), String::new());
        put("p_seat", o(p.usd_per_seat_month), String::new());
        put("cur", self.currency.code().into(), d.currency.code().into());
        put("krw", num_text(self.krw_per_usd), num_text(d.krw_per_usd));
        let m = |x: Option<Module>| x.map_or("none", Module::code).to_string();
        put("fail", m(self.msa.fail), m(d.msa.fail));
        put("deploy", m(self.msa.deploy), m(d.msa.deploy));
        put("hop", num_text(self.msa.hop_ms), num_text(d.msa.hop_ms));
        if let Some(minute) = self.minute {
            put("t", minute.to_string(), String::new());
        }
        if let Some(step) = self.step {
            put("step", step.to_string(), String::new());
        }
        if let Some(cell) = self.cell {
            put("cell", crate::stack::cell_code(cell), String::new());
        }
        if let Some(model) = self.col {
            put("col", model.code().into(), String::new());
        }
        if let Some(kind) = self.highlight {
            put("hl", kind.code().into(), String::new());
        }
        put("chart", self.chart.code().into(), d.chart.code().into());
        put("speed", self.speed.code().into(), d.speed.code().into());
        put("math", b(self.show_math), b(d.show_math));
        put("open", self.open.code(), d.open.code());
        let pr = &self.present;
        put("embed", b(pr.embed), b(false));
        put("lock", pr.lock.join(","), String::new());
        put("controls", pr.controls.join(","), String::new());
        put("quiz", b(pr.quiz), b(false));
        parts
    }

    /// This scenario with the value of every control `base` locks taken from `base` (the
    /// scenario the embedding page asked for); `lock=all` keeps `base` whole but for what is
    /// open to read (`math`, `open`). The presentation
    /// keys always come from `base`, so an embedded student can neither unlock nor un-embed.
    pub fn with_locks_from(&self, base: &Scenario) -> Scenario {
        let present = &base.present;
        if present.lock.is_empty() && self.present == base.present {
            return self.clone();
        }
        if present.lock.iter().any(|k| k == "all") {
            // Opening "show the math" or a group of settings changes no number: a fixed
            // figure can still be read.
            let mut fixed = base.clone();
            fixed.show_math = self.show_math;
            fixed.open = self.open;
            return fixed;
        }
        let mine = pairs(&self.to_query());
        let theirs = pairs(&base.to_query());
        let query: Vec<String> = mine
            .into_iter()
            .filter(|(k, _)| !present.locked(k))
            .chain(theirs.into_iter().filter(|(k, _)| present.locked(k)))
            .map(|(k, v)| format!("{}={}", encode(&k), encode(&v)))
            .collect();
        let mut next = Scenario::from_query(&query.join("&")).0;
        next.present = base.present.clone();
        next
    }

    /// The query of the same scenario as a normal page: no `embed`, `lock`, `controls` or
    /// `quiz` (the "open in Skyscale" link of an embedded view).
    pub fn app_query(&self) -> String {
        let mut plain = self.clone();
        plain.present = Present::default();
        plain.to_query()
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
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_repair_holds_while_its_key_shows_the_value_used_and_no_longer() {
        // A minimum capped at its maximum: true through other edits, false once the maximum
        // is raised (the minimum stays 1, no longer "held to the maximum") or the minimum moves.
        let mut s = Scenario::default();
        let _ = s.apply(|s| s.vm.max = 1);
        let w = s.apply(|s| s.vm.min = 5).remove(0);
        assert_eq!((w.key.as_str(), w.used.as_str()), ("min", "1"));
        assert!(w.still_holds(&s));
        let _ = s.apply(|s| s.workload.memory_mb = 1024.0);
        assert!(w.still_holds(&s), "another field's edit leaves it true");
        let mut raised = s.clone();
        let _ = raised.apply(|s| s.vm.max = 10);
        assert!(
            !w.still_holds(&raised),
            "the maximum raised: it no longer holds"
        );
        let mut moved = s.clone();
        let _ = moved.apply(|s| s.vm.min = 0);
        assert!(!w.still_holds(&moved));
        // The same for the containers' minimum and provisioned concurrency under the quota.
        let w = s.apply(|s| s.container.min_instances = 500).remove(0);
        assert!(matches!(w.reason, Reason::AboveMaximum { of: "cmax" }) && w.still_holds(&s));
        let _ = s.apply(|s| s.container.max_instances = 300);
        assert!(!w.still_holds(&s));
        let w = s.apply(|s| s.faas.provisioned = 5_000).remove(0);
        assert!(matches!(w.reason, Reason::AboveMaximum { of: "quota" }) && w.still_holds(&s));
        let _ = s.apply(|s| s.faas.quota = 2_000);
        assert!(!w.still_holds(&s));
        // A number out of range: true while the field keeps the bound.
        let w = s.apply(|s| s.workload.memory_mb = 1e9).remove(0);
        assert!(matches!(w.reason, Reason::OutOfRange { .. }) && w.still_holds(&s));
        let _ = s.apply(|s| s.vm.max = 50);
        assert!(w.still_holds(&s));
        let _ = s.apply(|s| s.workload.memory_mb = 2048.0);
        assert!(!w.still_holds(&s));
        // Not a value (NaN, an unknown instance type, a billing step), a price override.
        let w = s.apply(|s| s.workload.cpu_ms = f64::NAN).remove(0);
        assert!(matches!(w.reason, Reason::Invalid) && w.still_holds(&s));
        let _ = s.apply(|s| s.workload.cpu_ms = 7.0);
        assert!(!w.still_holds(&s));
        let w = s.apply(|s| s.vm.instance = "z9.huge".into()).remove(0);
        assert!(w.still_holds(&s));
        let _ = s.apply(|s| s.vm.instance = "c5.large".into());
        assert!(!w.still_holds(&s));
        let w = s
            .apply(|s| s.prices.vm_usd_per_hour = Some(f64::NAN))
            .remove(0);
        assert!(w.still_holds(&s), "{w:?}");
        let _ = s.apply(|s| s.prices.vm_usd_per_hour = Some(0.5));
        assert!(!w.still_holds(&s));
        // Names that are no control's, from a link.
        let (mut s, w) = Scenario::from_query("lock=peak,zz");
        let w = w.into_iter().next().unwrap();
        assert!(matches!(w.reason, Reason::NotAControl) && w.still_holds(&s));
        s.present.lock = vec!["mem".into()];
        assert!(!w.still_holds(&s));
        // Every repair of a link holds for the scenario the link gives.
        let (s, w) = Scenario::from_query(
            "peak=1e999&dur=-7&mem=NaN&quota=99999999999&lang=zz&gran=7&min=9&max=3&open=zz&chart=zz&speed=9&vm=q&p_vm=-1&controls=qq",
        );
        assert!(w.len() >= 10, "{w:?}");
        for w in &w {
            assert!(w.still_holds(&s), "{w:?}");
        }
        // A key no field has never holds.
        let w = Warning::new("nope", "1", "1", Reason::Invalid);
        assert!(!w.still_holds(&s));
    }

    #[test]
    fn a_function_service_is_read_by_its_natural_names() {
        for (v, want) in [
            ("lambda", FaasService::Lambda),
            ("aws-lambda", FaasService::Lambda),
            ("AWS_Lambda", FaasService::Lambda),
            ("Lambda", FaasService::Lambda),
            ("azure", FaasService::Azure),
            ("azure-functions", FaasService::Azure),
            ("azure_functions", FaasService::Azure),
            ("Azure-Functions", FaasService::Azure),
        ] {
            let (s, w) = Scenario::from_query(&format!("faas={v}"));
            assert_eq!(s.faas.service, want, "{v}");
            assert!(w.is_empty(), "{v}: {w:?}");
        }
        // The link writes the short code back.
        let (s, _) = Scenario::from_query("faas=azure-functions");
        assert!(s.to_query().contains("faas=azure"));
        let (s, w) = Scenario::from_query("faas=gcf");
        assert_eq!((s.faas.service, w.len()), (FaasService::Lambda, 1));
    }

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

    /// Any valid Scenario (every field inside its accepted range).
    pub(crate) fn arb_scenario() -> impl Strategy<Value = Scenario> {
        use crate::catalog::catalog;
        fn pick<T: Copy + std::fmt::Debug + 'static>(
            all: &'static [T],
        ) -> impl Strategy<Value = T> {
            prop::sample::select(all.to_vec())
        }
        fn r((lo, hi): (f64, f64)) -> impl Strategy<Value = f64> {
            prop_oneof![Just(lo), Just(hi), lo..=hi]
        }
        fn i((lo, hi): (f64, f64)) -> impl Strategy<Value = u32> {
            prop_oneof![Just(lo as u32), Just(hi as u32), (lo as u32)..=(hi as u32)]
        }
        let price = || prop::option::of(r(limits::PRICE_USD));
        let vm_ids: Vec<String> = catalog().vm.iter().map(|v| v.id.clone()).collect();
        let module = || prop::option::of(pick(Module::ALL));
        (
            (
                prop::sample::select(View::ALL.to_vec()),
                prop::sample::select(Lang::ALL.to_vec()),
                prop::sample::select(Theme::ALL.to_vec()),
                pick(Pattern::ALL),
                r(limits::PEAK_RPS),
                any::<u64>(),
                r(limits::CPU_MS),
                r(limits::DURATION_MS),
                r(limits::MEMORY_MB),
                r(limits::HEADROOM_PCT),
                r(limits::CORES),
            ),
            (
                prop::sample::select(vm_ids),
                i(limits::FIXED_COUNT),
                r(limits::TARGET_PCT),
                i(limits::COUNT),
                i(limits::FIXED_COUNT),
                r(limits::COOLDOWN_S),
                r(limits::BOOT_S),
            ),
            (
                pick(ContainerService::ALL),
                r(limits::VCPU),
                r(limits::MEMORY_GB),
                i(limits::COUNT),
                i(limits::FIXED_COUNT),
                r(limits::TARGET_PCT),
            ),
            (
                pick(FaasService::ALL),
                pick(Arch::ALL),
                any::<bool>(),
                prop::sample::select(vec![1u32, 100]),
                i(limits::COUNT),
                i(limits::QUOTA),
                any::<bool>(),
                pick(Runtime::ALL),
                i(limits::WARM_MIN),
                i(limits::SEATS),
                i(limits::PING_MIN),
            ),
            (
                price(),
                price(),
                price(),
                price(),
                price(),
                price(),
                price(),
                price(),
            ),
            (
                prop::sample::select(Currency::ALL.to_vec()),
                r(limits::KRW_PER_USD),
                module(),
                module(),
                r(limits::HOP_MS),
                prop::option::of(i(limits::MINUTE)),
                prop::option::of(i(limits::STORY_STEP)),
                prop::option::of((
                    pick(&crate::stack::ServiceModel::ALL),
                    pick(&crate::stack::Layer::ALL),
                )),
                prop::option::of(pick(crate::sim::ModelKind::ALL)),
                prop::option::of(pick(&crate::stack::ServiceModel::ALL)),
                (
                    prop::sample::select(crate::chart::Chart::ALL.to_vec()),
                    pick(Speed::ALL),
                    any::<bool>(),
                    (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
                        |(onprem, vm, container, faas)| Sections {
                            onprem,
                            vm,
                            container,
                            faas,
                        },
                    ),
                ),
                (
                    any::<bool>(),
                    prop::sample::subsequence(CONTROL_KEYS.to_vec(), 0..4),
                    prop::sample::subsequence(CONTROL_KEYS[1..].to_vec(), 0..4),
                    any::<bool>(),
                )
                    .prop_map(|(embed, lock, controls, quiz)| Present {
                        embed,
                        lock: lock.into_iter().map(String::from).collect(),
                        controls: controls.into_iter().map(String::from).collect(),
                        quiz,
                    }),
            ),
        )
            .prop_map(|(a, v, c, f, p, m)| Scenario {
                view: a.0,
                lang: a.1,
                theme: a.2,
                traffic: Traffic {
                    pattern: a.3,
                    peak_rps: a.4,
                    seed: a.5,
                },
                workload: Workload {
                    cpu_ms: a.6,
                    duration_ms: a.7,
                    memory_mb: a.8,
                },
                onprem: OnPrem {
                    headroom_pct: a.9,
                    cores_per_server: a.10,
                },
                vm: Vm {
                    instance: v.0,
                    fixed_count: v.1,
                    target_pct: v.2,
                    min: v.3.min(v.4),
                    max: v.4,
                    cooldown_s: v.5,
                    boot_s: v.6,
                },
                container: Container {
                    service: c.0,
                    vcpu: c.1,
                    memory_gb: c.2,
                    min_instances: c.3.min(c.4),
                    max_instances: c.4,
                    target_pct: c.5,
                },
                faas: Faas {
                    service: f.0,
                    arch: f.1,
                    free_tier: f.2,
                    granularity_ms: f.3,
                    provisioned: f.4.min(f.5),
                    quota: f.5,
                    legacy_limits: f.6,
                    runtime: f.7,
                    warm_min: f.8,
                    ping_min: f.10,
                },
                saas: Saas { seats: f.9 },
                prices: Prices {
                    usd_per_million_requests: p.0,
                    usd_per_gb_s: p.1,
                    vm_usd_per_hour: p.2,
                    usd_per_vcpu_hour: p.3,
                    usd_per_gb_hour: p.4,
                    server_usd: p.5,
                    opex_usd_per_server_month: p.6,
                    usd_per_seat_month: p.7,
                },
                currency: m.0,
                krw_per_usd: m.1,
                msa: Msa {
                    fail: m.2,
                    deploy: m.3,
                    hop_ms: m.4,
                },
                minute: m.5,
                step: m.6,
                cell: m.7,
                col: m.9,
                highlight: m.8,
                chart: m.10.0,
                speed: m.10.1,
                show_math: m.10.2,
                open: m.10.3,
                present: m.11,
            })
    }

    #[test]
    fn every_key_round_trips_and_defaults_are_omitted() {
        assert_eq!(Scenario::default().to_query(), "lang=en");
        let q = "view=scaling&lang=ko&pat=flash&peak=2500.5&seed=9&cpu=20&dur=250&mem=1024&head=50\
                 &cores=16&vm=t3.micro&n=3&tgt=70&min=2&max=40&cd=120&boot=90&ctr=cloud-run\
                 &vcpu=2&gb=4&cmin=0&cmax=50&ctgt=60&faas=azure&arch=arm64&free=1&gran=100\
                 &pc=5&quota=3000&legacy=1&rt=java&warm=15&ping=5&seats=20&p_req=0.25&p_gbs=0.00002\
                 &p_vm=0.05&p_vcpu=0.05&p_gbh=0.005&p_srv=9000&p_ops=200&p_seat=6&cur=krw\
                 &krw=1350&fail=payments&deploy=dispatch&hop=5";
        let (s, w) = Scenario::from_query(q);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.view, View::Scaling);
        assert_eq!(s.traffic.peak_rps, 2500.5);
        assert_eq!(s.vm.instance, "t3.micro");
        assert_eq!(s.faas.runtime, Runtime::Java);
        assert_eq!(s.prices.usd_per_gb_s, Some(0.00002));
        assert_eq!(s.msa.fail, Some(Module::Payments));
        assert_eq!(s.currency, Currency::Krw);
        assert_eq!(Scenario::from_query(&s.to_query()), (s, vec![]));
    }

    #[test]
    fn out_of_range_is_clamped_and_malformed_falls_back() {
        let (s, w) = Scenario::from_query(
            "peak=5000000&mem=NaN&dur=inf&cpu=-3&vm=z9.huge&gran=7&free=maybe&seed=-1&p_req=abc&tgt=1e400",
        );
        assert_eq!(s.traffic.peak_rps, limits::PEAK_RPS.1);
        assert_eq!(s.workload.memory_mb, 512.0);
        assert_eq!(s.workload.duration_ms, 100.0);
        assert_eq!(s.workload.cpu_ms, limits::CPU_MS.0);
        assert_eq!(s.vm.instance, "m5.large");
        assert_eq!(s.faas.granularity_ms, 1);
        assert_eq!(s.prices.usd_per_million_requests, None);
        // A number too large for f64 is still a number: clamped, like any too-large one.
        assert_eq!(s.vm.target_pct, limits::TARGET_PCT.1);
        let keys: Vec<&str> = w.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "peak", "mem", "dur", "cpu", "vm", "gran", "free", "seed", "p_req", "tgt"
            ]
        );
        // Repeated keys: the last one wins.
        assert_eq!(
            Scenario::from_query("peak=1&peak=2").0.traffic.peak_rps,
            2.0
        );
        // A minimum above the maximum is lowered to it.
        let (s, w) = Scenario::from_query("min=10&max=5");
        assert_eq!((s.vm.min, s.vm.max), (5, 5));
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn a_repeated_repair_is_said_once_with_its_count() {
        let q = vec!["peak=1e308"; 5_000].join("&");
        let (s, w) = Scenario::from_query(&q);
        assert_eq!(s.traffic.peak_rps, limits::PEAK_RPS.1);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].count, 5_000);
        assert!(w[0].message(Lang::En).contains("5,000 times"));
        assert!(w[0].message(Lang::Ko).contains("5,000번"));
        // The last value of a repeated key is the one used: what an earlier one needed is
        // not said (its fallback was never used), and different repairs do not add up.
        assert_eq!(Scenario::from_query("peak=abc&peak=5").1, []);
        let (s, w) = Scenario::from_query("mem=abc&mem=-5");
        assert_eq!(s.workload.memory_mb, 128.0);
        assert_eq!((w.len(), w[0].given.as_str(), w[0].count), (1, "-5", 1));
        // Keys keep the order they first came in.
        let (_, w) = Scenario::from_query("cpu=x&peak=y&cpu=z");
        let keys: Vec<&str> = w.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(keys, ["cpu", "peak"]);
    }

    #[test]
    fn memory_clamps_to_what_every_function_service_runs() {
        let (s, w) = Scenario::from_query("mem=-5");
        assert_eq!(s.workload.memory_mb, 128.0);
        assert_eq!(
            w[0].reason,
            Reason::OutOfRange {
                min: 128.0,
                max: 65_536.0
            }
        );
        // Korean names the field as the screen does (no URL key) and says what was done,
        // with the value as the range shows it; English keeps the key, the text to fix.
        assert_eq!(
            w[0].message(Lang::Ko),
            "“-5”: 함수 메모리의 범위(128~65,536)를 벗어나 최솟값(128)으로 맞췄습니다."
        );
        let (_, w) = Scenario::from_query("mem=1e9");
        assert_eq!(
            w[0].message(Lang::Ko),
            "“1000000000”: 함수 메모리의 범위(128~65,536)를 벗어나 최댓값(65,536)으로 맞췄습니다."
        );
        assert_eq!(
            w[0].message(Lang::En),
            "“1000000000” is outside the range of Function memory (mem), 128 to 65,536; using \
             65,536."
        );
        // The lower bound is the smallest memory any function service (and limit set) takes.
        for service in FaasService::ALL {
            for legacy in [false, true] {
                let mut s = Scenario::default();
                s.faas.service = *service;
                s.faas.legacy_limits = legacy;
                s.workload.memory_mb = limits::MEMORY_MB.0;
                assert!(crate::sim::faas_limits(&s).0 <= limits::MEMORY_MB.0);
                assert!(
                    crate::sim::faas_runnable(&s).is_empty(),
                    "{service:?} {legacy}"
                );
            }
        }
    }

    #[test]
    fn range_messages_keep_every_digit_of_their_bounds() {
        assert_eq!(bound_text(0.01), "0.01");
        assert_eq!(bound_text(0.08), "0.08");
        assert_eq!(bound_text(0.125), "0.125");
        assert_eq!(bound_text(600_000.0), "600,000");
        let (_, w) = Scenario::from_query("cpu=0&vcpu=0&gb=0");
        assert!(
            w[0].message(Lang::En).contains(", 0.01 to 600,000;"),
            "{w:?}"
        );
        assert!(w[1].message(Lang::En).contains(", 0.08 to 16;"));
        assert!(w[2].message(Lang::Ko).contains("(0.125~120)"));
    }

    #[test]
    fn numbers_too_large_for_f64_clamp_and_words_do_not() {
        let huge = format!("1{}", "0".repeat(10_000));
        assert_eq!(read_number(&huge), Some(f64::INFINITY));
        assert_eq!(read_number(&format!("-{huge}")), Some(f64::NEG_INFINITY));
        assert_eq!(read_number("1e999"), Some(f64::INFINITY));
        for word in ["inf", "-Infinity", "NaN", "nan", "", "abc", "1e"] {
            assert_eq!(read_number(word), None, "{word}");
        }
        assert!(read_number("-0").unwrap().is_sign_positive());
        let range = limits::CPU_MS;
        assert_eq!(check_typed(&huge, range), Typed::Clamped(range.1));
        assert_eq!(check_typed("0", range), Typed::Clamped(0.01));
        assert_eq!(check_typed("1,000", range), Typed::Valid(1000.0));
        assert_eq!(check_typed("inf", range), Typed::NotANumber);
        // What a Korean input method types in its full-width mode reads as the same number.
        assert_eq!(check_typed("１，０００", range), Typed::Valid(1000.0));
        assert_eq!(check_typed("\u{3000}０．５ ", range), Typed::Valid(0.5));
        assert_eq!(check_typed("１ｅ３", range), Typed::Valid(1000.0));
        assert_eq!(check_typed("－５", range), Typed::Clamped(0.01));
        assert_eq!(check_typed("−５", range), Typed::Clamped(0.01));
        assert_eq!(check_typed("１２ａ", range), Typed::NotANumber);
        let (s, w) = Scenario::from_query(&format!("peak={huge}"));
        assert_eq!(s.traffic.peak_rps, limits::PEAK_RPS.1);
        assert!(matches!(w[0].reason, Reason::OutOfRange { .. }));
    }

    #[test]
    fn screen_state_keys_parse_report_and_round_trip() {
        use crate::chart::Chart;
        let (s, w) = Scenario::from_query("chart=cost&speed=4&math=1&open=ctr,onprem");
        assert_eq!(w, []);
        assert_eq!(
            (s.chart, s.speed, s.show_math),
            (Chart::Cost, Speed::X4, true)
        );
        assert!(s.open.onprem && s.open.container && !s.open.vm && !s.open.faas);
        assert_eq!(
            s.to_query(),
            "lang=en&chart=cost&speed=4&math=1&open=onprem%2Cctr"
        );
        assert_eq!(Scenario::from_query(&s.to_query()).0, s);
        // Every group closed is a link of its own; the default is left out.
        let (s, _) = Scenario::from_query("open=none");
        assert_eq!(s.open.code(), "none");
        assert_eq!(Scenario::from_query(&s.to_query()).0.open, s.open);
        assert_eq!(Scenario::from_query("open=vm,faas").0.to_query(), "lang=en");
        let (s, w) = Scenario::from_query("chart=pie&speed=3&math=maybe&open=vm,bogus");
        assert_eq!(
            (s.chart, s.speed, s.show_math),
            (Chart::Traffic, Speed::X1, false)
        );
        assert_eq!(s.open.code(), "vm");
        let keys: Vec<&str> = w.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(keys, ["chart", "speed", "math", "open"]);
    }

    #[test]
    fn repair_brings_any_edit_back_into_range() {
        let mut s = Scenario::default();
        let w = s.apply(|s| {
            s.container.min_instances = 1_000_000_000;
            s.traffic.peak_rps = f64::INFINITY;
            s.workload.cpu_ms = -0.0;
            s.vm.instance = "z9.huge".into();
            s.faas.granularity_ms = 7;
            s.present.lock = vec!["peak".into(), "bogus".into(), "all".into()];
        });
        assert_eq!(s.container.min_instances, s.container.max_instances);
        assert_eq!(s.traffic.peak_rps, limits::PEAK_RPS.1);
        assert_eq!(s.workload.cpu_ms, limits::CPU_MS.0);
        assert_eq!(s.vm.instance, "m5.large");
        assert_eq!(s.faas.granularity_ms, 1);
        assert_eq!(s.present.lock, ["all", "peak"]);
        let keys: Vec<&str> = w.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(
            keys,
            ["peak", "cpu", "vm", "cmin", "gran", "lock", "cmin"],
            "{w:?}"
        );
        assert_eq!(
            w.last().unwrap().reason,
            Reason::AboveMaximum { of: "cmax" }
        );
        assert_eq!(Scenario::from_query(&s.to_query()), (s, vec![]));
        // Lowering the maximum under the minimum takes the minimum down with it.
        let (mut s, _) = Scenario::from_query("min=50");
        let w = s.apply(|s| s.vm.max = 10);
        assert_eq!((s.vm.min, s.vm.max), (10, 10));
        assert_eq!((w[0].key.as_str(), w[0].used.as_str()), ("min", "10"));
        // The notice names the fields as the screen does, with the link's key after each.
        assert!(
            w[0].message(Lang::En).starts_with(
                "Minimum VMs (min) 50 is above Maximum VMs (max), which is 10; using 10."
            ),
            "{}",
            w[0].message(Lang::En)
        );
        assert_eq!(
            w[0].message(Lang::Ko),
            "최소 VM 50: 최대 VM(10)보다 커서 그 값으로 맞췄습니다."
        );
        // Provisioned concurrency above the quota is the quota, and says so (from a link or
        // from a field).
        let (s, w) = Scenario::from_query("pc=5000");
        assert_eq!(s.faas.provisioned, s.faas.quota);
        assert_eq!(
            (w[0].key.as_str(), &w[0].reason),
            ("pc", &Reason::AboveMaximum { of: "quota" })
        );
        let (mut s, _) = Scenario::from_query("pc=5");
        let w = s.apply(|s| s.faas.quota = 1);
        assert_eq!((s.faas.provisioned, s.faas.quota), (1, 1));
        assert_eq!((w[0].key.as_str(), w[0].used.as_str()), ("pc", "1"));
    }

    #[test]
    fn an_unknown_key_is_named_with_the_key_it_is_likely_a_typo_of() {
        let (s, w) = Scenario::from_query("peek=2000&foo=1&utm_source=lms&pat=flsh");
        assert_eq!(s.traffic.peak_rps, 100.0);
        let en: Vec<String> = w.iter().map(|w| w.message(Lang::En)).collect();
        let ko: Vec<String> = w.iter().map(|w| w.message(Lang::Ko)).collect();
        assert_eq!(w.len(), 3, "{en:?}");
        assert_eq!(
            en[0],
            "Unknown key “peek” ignored; did you mean Peak traffic (peak)?"
        );
        assert_eq!(
            ko[0],
            "“peek”: 알 수 없는 키라 무시했습니다. 최대 트래픽(peak) 키를 쓰려던 것인가요?"
        );
        assert_eq!(en[1], "Unknown key “foo” ignored.");
        assert_eq!(ko[1], "“foo”: 알 수 없는 키라 무시했습니다.");
        assert_eq!(
            en[2],
            "“flsh” is not a valid value for Traffic pattern (pat); using Business hours \
             (diurnal). Valid values: steady, diurnal, bursty, flash, batch, iot, growth."
        );
        assert!(ko[2].contains("업무 시간대(diurnal) 값으로 맞췄습니다. 쓸 수 있는 값: steady,"));
        assert_eq!(nearest_key("PEAK"), Some("peak"));
        assert_eq!(nearest_key("paek"), Some("peak"));
        assert_eq!(nearest_key("x"), None);
    }

    #[test]
    fn an_unknown_control_name_says_it_is_left_out_and_what_the_page_does() {
        let messages = |query: &str| -> Vec<(String, String)> {
            let (_, w) = Scenario::from_query(query);
            w.iter()
                .map(|w| (w.message(Lang::En), w.message(Lang::Ko)))
                .collect()
        };
        assert_eq!(
            messages("view=scaling&embed=1&lock=bogus&controls=nosuch"),
            [
                (
                    "“bogus” in lock is not the name of a control; left out, so no control is \
                     locked."
                        .to_string(),
                    "“bogus”: lock에 쓸 수 있는 조작 이름이 아니라 뺐습니다. 잠그는 조작은 \
                     없습니다."
                        .to_string()
                ),
                (
                    "“nosuch” in controls is not the name of a control; left out, so every \
                     control is shown."
                        .to_string(),
                    "“nosuch”: controls에 쓸 수 있는 조작 이름이 아니라 뺐습니다. 모든 조작을 \
                     보여 줍니다."
                        .to_string()
                ),
            ]
        );
        assert_eq!(
            messages("lock=peak,x,y&controls=mem,zz"),
            [
                (
                    "“x”, “y” in lock are not names of controls; left out (locked: peak)."
                        .to_string(),
                    "“x”, “y”: lock에 쓸 수 있는 조작 이름이 아니라 뺐습니다. 잠그는 조작: peak."
                        .to_string()
                ),
                (
                    "“zz” in controls is not the name of a control; left out (shown: mem)."
                        .to_string(),
                    "“zz”: controls에 쓸 수 있는 조작 이름이 아니라 뺐습니다. 보여 주는 조작: \
                     mem."
                        .to_string()
                ),
            ]
        );
        // No message says "using" with nothing after it.
        for (en, _) in messages("lock=bogus&controls=nosuch") {
            assert!(!en.contains("using ."), "{en}");
        }
    }

    #[test]
    fn the_msa_hints_point_up_to_the_buttons() {
        // The view puts the Fail and Deploy table above the blast-radius and deploy cards
        // (src/views/msa.rs: ModuleActions, then the panels), so a hint that names them says
        // "above", never "below".
        let p = |q: &str| Scenario::from_query(q).0.present;
        for hint in [p("view=msa").blast_hint(), p("view=msa").deploy_hint()] {
            let (en, ko) = (hint.get(Lang::En), hint.get(Lang::Ko));
            assert!(
                en.contains("in the table above") && !en.contains("below"),
                "{en}"
            );
            assert!(ko.contains("위 표") && !ko.contains("아래"), "{ko}");
        }
    }

    #[test]
    fn presentation_keys_parse_report_and_round_trip() {
        let (s, w) =
            Scenario::from_query("embed=1&quiz=yes&lock=peak,,bogus,pat,peak&controls=mem");
        assert!(s.present.embed && s.present.quiz);
        assert_eq!(s.present.lock, ["pat", "peak"]);
        assert_eq!(s.present.controls, ["mem"]);
        assert_eq!(w.len(), 1);
        assert_eq!((w[0].key.as_str(), w[0].given.as_str()), ("lock", "bogus"));
        assert_eq!(
            s.to_query(),
            "lang=en&embed=1&lock=pat%2Cpeak&controls=mem&quiz=1"
        );
        assert_eq!(s.app_query(), "lang=en");
        assert!(s.present.locked("peak") && !s.present.locked("mem"));
        assert!(s.present.shows("mem") && !s.present.shows("peak"));
    }

    #[test]
    fn a_lead_invites_only_what_the_page_lets_a_student_do() {
        let lead = |query: &str, lang: Lang| {
            let (s, _) = Scenario::from_query(query);
            s.present.lead(s.view, lang)
        };
        let (drag, play) = (Text::ScalingLeadDrag, Text::ScalingLeadPlay);
        for lang in Lang::ALL {
            let has = |query: &str, t: Text| lead(query, lang).contains(t.get(lang));
            assert!(has("view=scaling", drag) && has("view=scaling", play));
            // Play hidden (`controls=` without `t`) or locked: the lead does not mention it.
            assert!(has("view=scaling&controls=peak", drag));
            assert!(!has("view=scaling&controls=peak", play));
            assert!(!has("view=scaling&lock=t", play));
            // The peak fixed: no "drag", but Play still works.
            assert!(!has("view=scaling&lock=peak", drag));
            assert!(has("view=scaling&lock=peak", Text::ScalingLeadFixed));
            assert!(has("view=scaling&lock=peak", play));
            assert_eq!(
                lead("view=scaling&lock=all", lang),
                Text::ScalingLeadFixed.get(lang)
            );
            // Monolith vs microservices: what a click or a deploy can still do.
            assert!(has("view=msa", Text::MsaLeadFailDeploy));
            assert!(has("view=msa&lock=fail", Text::MsaLeadDeploy));
            assert!(has("view=msa&lock=deploy", Text::MsaLeadFail));
            assert!(has("view=msa&controls=hop", Text::MsaLeadCompare));
            // The fit presets set five keys: one locked or hidden and the buttons are gone.
            assert!(has("view=fit", Text::FitLeadButtons));
            assert!(has("view=fit&lock=mem", Text::FitLeadFixed));
            assert!(has(
                "view=fit&controls=pat,peak,cpu,dur",
                Text::FitLeadFixed
            ));
            assert!(has(
                "view=fit&controls=pat,peak,cpu,dur,mem",
                Text::FitLeadButtons
            ));
            assert_eq!(lead("view=stack&lock=all", lang), Text::StackDesc.get(lang));
        }
    }

    #[test]
    fn a_panel_hint_invites_only_what_the_page_lets_a_student_do() {
        let p = |query: &str| Scenario::from_query(query).0.present;
        assert_eq!(p("view=stack").stack_hint(), Text::LayerDetailsHint);
        assert_eq!(
            p("view=stack&lock=col").stack_hint(),
            Text::LayerDetailsHintCell
        );
        assert_eq!(
            p("view=stack&lock=cell").stack_hint(),
            Text::LayerDetailsHintCol
        );
        assert_eq!(
            p("view=stack&lock=cell,col").stack_hint(),
            Text::LayerDetailsHintFixed
        );
        assert_eq!(
            p("view=stack&lock=all").stack_hint(),
            Text::LayerDetailsHintFixed
        );
        assert_eq!(
            p("view=stack&controls=cell").stack_hint(),
            Text::LayerDetailsHintCell
        );
        assert_eq!(p("view=msa").blast_hint(), Text::MsaBlastNone);
        assert_eq!(
            p("view=msa&lock=fail").blast_hint(),
            Text::MsaBlastNoneFixed
        );
        assert_eq!(
            p("view=msa&controls=hop").blast_hint(),
            Text::MsaBlastNoneFixed
        );
        assert_eq!(p("view=msa").deploy_hint(), Text::MsaDeployNone);
        assert_eq!(
            p("view=msa&lock=deploy").deploy_hint(),
            Text::MsaDeployNoneFixed
        );
        // The fixed texts invite nothing, in either language.
        for lang in Lang::ALL {
            for t in [
                Text::LayerDetailsHintFixed,
                Text::MsaBlastNoneFixed,
                Text::MsaDeployNoneFixed,
            ] {
                let said = t.get(lang).to_lowercase();
                for verb in ["click", "press", "클릭", "누르"] {
                    assert!(!said.contains(verb), "{said}");
                }
            }
        }
    }

    #[test]
    fn locked_values_come_back_from_the_base() {
        let (base, _) = Scenario::from_query("embed=1&lock=peak&peak=500&mem=256");
        let mut moved = base.clone();
        moved.traffic.peak_rps = 9.0;
        moved.workload.memory_mb = 1024.0;
        moved.present = Present::default();
        let kept = moved.with_locks_from(&base);
        assert_eq!(kept.traffic.peak_rps, 500.0);
        assert_eq!(kept.workload.memory_mb, 1024.0);
        assert_eq!(kept.present, base.present);
        let (all, _) = Scenario::from_query("lock=all&peak=500");
        assert_eq!(moved.with_locks_from(&all), all);
        let free = Scenario::default();
        assert_eq!(moved.with_locks_from(&free), {
            let mut m = moved.clone();
            m.present = Present::default();
            m
        });
    }

    /// `value` (a canonical query value) spelt another way that reads as the same number:
    /// leading zeros, trailing decimal zeros, an exponent, a plus sign, spaces. Text that is
    /// no number is left alone.
    fn respell(value: &str, how: u8) -> String {
        let Some(x) = read_number(value) else {
            return value.to_string();
        };
        // Forms through `f64` only where it holds the number exactly (a seed past 2⁵³ does not).
        let exact = num_text(x) == value && x.abs() <= 9_007_199_254_740_992.0;
        let (sign, digits) = match value.strip_prefix('-') {
            Some(d) => ("-", d),
            None => ("", value),
        };
        match how % 6 {
            1 if exact && value.contains('.') => format!("{value}000"),
            1 if exact => format!("{value}.000"),
            2 if exact => format!("{x:e}"),
            3 if exact => format!("{x:E}"),
            4 => format!("+{value}"),
            5 => format!(" {value} "),
            _ => format!("{sign}00{digits}"),
        }
    }

    #[test]
    fn odd_spellings_read_as_the_number_and_are_said_canonically() {
        for (q, canonical) in [
            ("peak=0020", "peak=20"),
            ("peak=2e3", "peak=2000"),
            ("peak=2000.000", "peak=2000"),
            ("peak=%2B2E3", "peak=2000"),
            ("speed=2.0", "speed=2"),
            ("speed=05e-1", "speed=0.5"),
            ("gran=100.0", "gran=100"),
            ("gran=0100", "gran=100"),
            ("seed=007", "seed=7"),
            ("seed=7.0", "seed=7"),
            ("seed=7e0", "seed=7"),
            ("t=0600&step=03", "t=600&step=3"),
            ("math=1.0&free=01", "math=1&free=1"),
            ("krw=1400.0&hop=2.50", "hop=2.5"),
        ] {
            let (s, w) = Scenario::from_query(q);
            assert!(w.is_empty(), "{q}: {w:?}");
            assert_eq!(s, Scenario::from_query(canonical).0, "{q}");
            let written = s.to_query();
            for pair in canonical.split('&') {
                assert!(written.split('&').any(|p| p == pair), "{q}: {written}");
            }
        }
        // A number out of range is named as the link would write it, not as typed.
        for (q, given) in [
            ("peak=2e6", "2000000"),
            ("peak=02000000", "2000000"),
            ("peak=-0005.0", "-5"),
            ("mem=64.000", "64"),
            ("n=1e9", "1000000000"),
        ] {
            let (_, w) = Scenario::from_query(q);
            assert_eq!(w.len(), 1, "{q}: {w:?}");
            assert_eq!(w[0].given, given, "{q}");
            for lang in [Lang::En, Lang::Ko] {
                assert!(w[0].message(lang).contains(&format!("“{given}”")), "{q}");
            }
        }
        // Too large for `f64`: said as given.
        let (_, w) = Scenario::from_query("peak=1e999");
        assert_eq!(w[0].given, "1e999");
    }

    proptest! {
        #[test]
        fn a_number_spelt_any_way_reads_and_writes_back_canonically(
            s in arb_scenario(),
            hows in prop::collection::vec(any::<u8>(), 64),
        ) {
            let canonical = s.to_query();
            let odd: Vec<String> = canonical
                .split('&')
                .zip(hows.iter().cycle())
                .map(|(pair, &how)| {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    format!("{k}={}", encode(&respell(&decode(v), how)))
                })
                .collect();
            let odd = odd.join("&");
            let (parsed, warnings) = Scenario::from_query(&odd);
            prop_assert!(warnings.is_empty(), "{}: {:?}", odd, warnings);
            prop_assert_eq!(&parsed, &s, "{}", odd);
            // Written back as if chosen with the controls, and read again the same.
            prop_assert_eq!(parsed.to_query(), canonical);
            prop_assert_eq!(Scenario::from_query(&parsed.to_query()).0, parsed);
        }

        #[test]
        fn every_scenario_survives_a_url_round_trip(s in arb_scenario()) {
            let (back, warnings) = Scenario::from_query(&s.to_query());
            prop_assert!(warnings.is_empty(), "{:?}", warnings);
            prop_assert_eq!(back, s);
        }

        #[test]
        fn any_query_of_known_keys_parses(
            pairs in prop::collection::vec(
                (prop::sample::select(vec!["peak", "mem", "dur", "cpu", "vm", "n", "min", "max",
                    "pat", "free", "gran", "p_req", "krw", "fail", "seed", "tgt", "cmin", "cmax"]),
                 ".{0,12}"),
                0..12,
            )
        ) {
            let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
            let (s, _) = Scenario::from_query(&q.join("&"));
            prop_assert_eq!(Scenario::from_query(&s.to_query()).0, s);
        }

        #[test]
        fn any_query_parses_without_panic(q in ".*") {
            let (s, _) = Scenario::from_query(&q);
            prop_assert_eq!(Scenario::from_query(&s.to_query()).0, s);
        }
    }
}
