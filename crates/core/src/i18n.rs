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
                // One row per variant, in declaration order: a table lookup, not a 1,000-arm
                // match (which cost the wasm ~15 KB of code).
                const TABLE: &[[&str; 2]] = &[ $( [$en, $ko], )* ];
                TABLE[self as usize][lang as usize]
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
    // A diagram wider than its box on a phone: the cue over its edge, and the box's name.
    ScrollSideways => "Scroll sideways →", "옆으로 밀어 보기 →";
    ScrollsSideways => "Wider than the space it has: swipe or use the arrow keys",
        "보이는 폭보다 넓음: 밀거나 화살표 키로 보기";

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
    ExOnPrem => "Your own servers\nin your building\nor in an IDC", "직접 구매한 서버\n사내 전산실\n또는 IDC";
    ExIaas => "Amazon EC2, RDS\nKT, LG U+\nGoogle, MS, IBM, Oracle", "Amazon EC2, RDS\nKT, LG U+\nGoogle, MS, IBM, Oracle";
    ExPaas => "Google Cloud Platform\nFirebase\nNaver Cloud Platform", "Google Cloud Platform\nFirebase\n네이버 클라우드 플랫폼";
    ExFaas => "AWS Lambda\nAzure Functions\nGoogle Cloud Functions", "AWS Lambda\nAzure Functions\nGoogle Cloud Functions";
    ExSaas => "Gmail\nOffice 365", "Gmail\nOffice 365";
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

    // Compute models (scaling view, CLI tables).
    ModelOnPrem => "On-premises", "온프레미스";
    ModelVmFixed => "IaaS, fixed VMs", "IaaS, 고정 VM";
    ModelVmAuto => "IaaS, autoscaled VMs", "IaaS, 오토스케일링 VM";
    ModelContainer => "PaaS containers", "PaaS 컨테이너";
    ModelFaas => "FaaS functions", "FaaS 함수";
    ModelSaas => "SaaS subscription", "SaaS 구독";
    // Traffic patterns.
    PatternSteady => "Steady", "일정한 트래픽";
    PatternDiurnal => "Business hours", "업무 시간대";
    PatternBursty => "Irregular bursts", "불규칙한 폭주";
    PatternFlash => "Flash event (10–50× spike)", "이벤트성 급증(10–50배)";
    PatternBatch => "Scheduled batch (cron)", "주기적 배치(cron)";
    PatternIot => "IoT sensors", "IoT 센서";
    PatternGrowth => "Steady growth", "꾸준한 성장";
    // Math and table labels.
    MathRequests => "Requests", "요청";
    MathCompute => "Compute", "컴퓨팅";
    MathTotal => "Total", "합계";
    MathFreeTier => "free tier", "프리 티어";
    MathMonth => "per month", "월";
    ColModel => "Model", "모델";
    ColCost => "30-day bill", "30일 요금";
    ColMaxInstances => "Max instances (peak day)", "최대 인스턴스(피크일)";
    ColP95 => "p95 over the peak day", "피크일 전체 p95";
    ColDropped => "Dropped or throttled", "유실·스로틀링";
    ColColdStarts => "Cold starts", "콜드 스타트";
    NotRunnable => "Not runnable", "실행 불가";
    NoBillNotRunnable => "No bill: this workload cannot run here.", "요금 없음: 이 작업은 여기서 실행할 수 없습니다.";
    // Monolith vs microservices.
    MsaPassenger => "Passenger API", "승객 API";
    MsaDriver => "Driver API", "기사 API";
    MsaDispatch => "Dispatch / matching", "배차·매칭";
    MsaTrips => "Trips", "운행 관리";
    MsaPricing => "Pricing", "요금 계산";
    MsaPayments => "Payments", "결제";
    MsaNotifications => "Notifications", "알림";
    FeatureSignIn => "Sign in", "로그인";
    FeatureRequestRide => "Request a ride", "차량 호출";
    FeatureFare => "Fare estimate", "예상 요금";
    FeatureTrack => "Track the trip", "운행 추적";
    FeatureDriverOnline => "Driver goes online", "기사 운행 시작";
    FeaturePay => "Pay for the trip", "요금 결제";
    FeatureAlerts => "Trip alerts", "운행 알림";
    Monolith => "Monolith", "모놀리식";
    Microservices => "Microservices", "마이크로서비스";
    // Is serverless a fit? (the notes' seven cases and two counter-examples).
    FitUnpredictable => "1. Usage too irregular to provision for", "1. 사용 패턴이 일정치 않아 프로비저닝이 어려운 경우";
    FitQuick => "2. A simple function that runs fast", "2. 빨리 실행할 수 있는 간단한 기능";
    FitTiny => "3. A very small function", "3. 굉장히 작은 기능";
    FitParallelBatch => "4. Batch work that runs in parallel", "4. 병렬 처리가 필요한 배치성 기능";
    FitScheduled => "5. A scheduled job", "5. 주기적으로 도는 스케줄링 작업";
    FitIot => "6. IoT reacting to sensor values", "6. 센서 값에 따라 반응하는 IoT";
    FitEventApi => "7. Event APIs with unpredictable traffic", "7. 트래픽을 예측할 수 없는 이벤트성 API";
    FitSteadyHeavy => "Counter-example: heavy steady traffic", "반례: 꾸준히 많은 트래픽";
    FitLongRunning => "Counter-example: a 20-minute connection (WebSocket)", "반례: 20분 동안 유지되는 연결(웹 소켓)";
    FitVerdictGood => "Good fit.", "잘 맞습니다.";
    FitVerdictMixed => "Works, but costs more than the alternatives.", "동작하지만 대안보다 비쌉니다.";
    FitVerdictPoor => "Poor fit.", "맞지 않습니다.";

    // The app shell.
    ThemeLabel => "Theme", "테마";
    ThemeSystem => "System", "시스템";
    ThemeLight => "Light", "밝게";
    ThemeDark => "Dark", "어둡게";
    SkipToContent => "Skip to the view", "본문으로 건너뛰기";
    NoticeFixedUrl => "Some values in the link were repaired:", "링크의 일부 값을 고쳤습니다:";
    DiagramRegion => "Responsibility stack diagram", "책임 분담 다이어그램";
    FooterAbout => "Skyscale turns lecture notes on serverless computing into diagrams you can play with. Every diagram exports as SVG for slides and handouts.",
        "Skyscale은 서버리스 컴퓨팅 강의 노트를 직접 조작해 볼 수 있는 그림으로 바꿉니다. 모든 다이어그램은 슬라이드와 유인물용 SVG로 내보낼 수 있습니다.";
    ExportDone => "SVG downloaded.", "SVG 파일을 내려받았습니다.";

    // Shell: views, sharing, type size.
    ViewsNav => "Views", "화면";
    ViewScaling => "Scaling & cost", "확장과 비용";
    ViewMsa => "Monolith vs microservices", "모놀리식 vs 마이크로서비스";
    ViewFit => "Is serverless a fit?", "서버리스가 맞을까?";
    ShareLink => "Share link", "링크 공유";
    HeaderExport => "Export", "내보내기";
    HeaderExportNone => "This view has no diagram to export.", "이 화면에는 내보낼 다이어그램이 없습니다.";
    HeaderExportLabel => "Download this view's main diagram as SVG (each diagram also has its own export menu)", "이 화면의 주 다이어그램을 SVG로 내려받기(다이어그램마다 내보내기 메뉴도 있습니다)";
    ShareLinkLabel => "Copy a link that opens this exact screen", "지금 화면을 그대로 여는 링크 복사";
    LinkCopied => "Link copied.", "링크를 복사했습니다.";
    LinkCopyFailed => "Copy this link:", "이 링크를 복사하세요:";
    LargeType => "Large type", "큰 글씨";
    LargeTypeLabel => "Larger text for projectors", "프로젝터용 큰 글씨";

    // Service models lesson.
    StoryTitle => "The story: why serverless?", "이야기: 왜 서버리스인가?";
    StoryPrev => "Previous step", "이전 단계";
    StoryNext => "Next step", "다음 단계";
    StoryStepOf => "Step", "단계";
    Story1Title => "A company busy with servers", "서버 일에 바쁜 회사";
    Story1 => "A cosmetics company gets popular. Traffic grows, so it buys servers, hires specialists and builds a server room. Its people now spend their time growing servers instead of making cosmetics: it manages all nine layers.",
        "화장품 회사가 인기를 얻어 트래픽이 늘자 서버를 사고, 전문 인력을 뽑고, 전산실을 짓습니다. 이제 직원들은 화장품이 아니라 서버 증설에 시간을 씁니다. 아홉 계층을 모두 직접 관리합니다.";
    Story2Title => "IDC: someone else's building", "IDC: 남의 건물에 맡기기";
    Story2 => "Earthquake-proofing, cooling and physical security are hard for an ordinary company, so servers move to an Internet Data Center (IDC). The building is handled, but the company still buys and manages every server.",
        "내진 설계, 냉각, 물리 보안은 일반 회사가 감당하기 어려워 서버를 인터넷 데이터 센터(IDC)로 옮깁니다. 건물은 해결됐지만, 서버는 여전히 회사가 사고 관리합니다.";
    Story3Title => "IaaS: rent the infrastructure", "IaaS: 인프라를 빌리기";
    Story3 => "IaaS rents servers, storage, networking and virtualization as a service (Amazon EC2, KT, LG U+). You choose the O/S and install everything above it, and pay for each VM while it runs.",
        "IaaS는 서버, 스토리지, 네트워크, 가상화를 서비스로 빌려줍니다(Amazon EC2, KT, LG U+). 운영체제를 고르고 그 위를 모두 직접 설치하며, VM이 켜져 있는 동안 비용을 냅니다.";
    Story4Title => "PaaS: rent the platform", "PaaS: 플랫폼을 빌리기";
    Story4 => "PaaS adds the O/S, middleware and runtime. You deploy the whole application and its data; it runs around the clock on the provider's platform, and you pay while it runs (Google Cloud Platform, Firebase, Naver Cloud Platform).",
        "PaaS는 운영체제, 미들웨어, 런타임까지 제공합니다. 애플리케이션 전체와 데이터를 배포하면 제공자의 플랫폼에서 24시간 돌아가고, 돌아가는 동안 비용을 냅니다(Google Cloud Platform, Firebase, 네이버 클라우드 플랫폼).";
    Story5Title => "FaaS: deploy functions, not servers", "FaaS: 서버가 아니라 함수를 배포";
    Story5 => "FaaS runs your functions only when an event arrives and stops them when they finish (or time out). You pay per call and per execution time, nothing while idle, and it scales by itself (AWS Lambda, Azure Functions, Google Cloud Functions).",
        "FaaS는 이벤트가 올 때만 함수를 실행하고, 끝나면(또는 제한 시간이 지나면) 멈춥니다. 호출 횟수와 실행 시간만큼만 내고 쉬는 동안은 0원이며, 알아서 확장됩니다(AWS Lambda, Azure Functions, Google Cloud Functions).";
    Story6Title => "Serverless: focus on the business", "서버리스: 비즈니스에 집중";
    Story6 => "Serverless does not mean no servers: they exist, you just stop thinking about them. FaaS is one part of serverless (FaaS ⊂ Serverless): add managed databases, storage, queues and API gateways, and even the data your functions keep lives in services someone else runs. What is left is the business logic.",
        "서버리스는 서버가 없다는 뜻이 아닙니다. 서버는 있지만 신경 쓰지 않아도 됩니다. FaaS는 서버리스의 일부(FaaS ⊂ 서버리스)입니다. 관리형 데이터베이스, 스토리지, 큐, API 게이트웨이를 더하면 함수가 쓰는 데이터마저 남이 운영하는 서비스에 둡니다. 남는 것은 비즈니스 로직입니다.";
    StoryChange1 => "the company runs all nine layers and the facility under them itself.",
        "회사가 아홉 계층과 그 아래 시설까지 모두 직접 운영합니다.";
    StoryChange2 => "the building, power, cooling and physical security move to the IDC; the servers and all above them stay yours.",
        "건물, 전력, 냉각, 물리 보안이 IDC로 넘어갑니다. 서버와 그 위의 모든 것은 여전히 회사 몫입니다.";
    StoryChange3 => "virtualization, servers, storage and networking move to the provider; you keep the O/S and all above it.",
        "가상화, 서버, 스토리지, 네트워킹이 제공자에게 넘어갑니다. 운영체제와 그 위는 직접 관리합니다.";
    StoryChange4 => "the O/S, middleware and runtime move to the provider; you keep the application and its data.",
        "운영체제, 미들웨어, 런타임이 제공자에게 넘어갑니다. 애플리케이션과 데이터만 남습니다.";
    StoryChange5 => "you deploy functions, not a whole application: only the functions + config and the function data are yours.",
        "애플리케이션 전체가 아니라 함수를 배포합니다. 함수 코드 + 설정과 함수의 데이터만 직접 관리합니다.";
    StoryChange6 => "serverless is FaaS plus managed services: your data becomes data in managed DBs, still yours.",
        "서버리스는 FaaS에 관리형 서비스를 더한 것입니다. 데이터는 관리형 DB의 데이터가 되지만 여전히 내 것입니다.";
    ChangedAtStep => "changed at this step", "이 단계에서 바뀜";
    StoryChangeLine => "Step {n}: {change}", "{n}단계: {change}";
    CellHeadingLayer => "{model} · {cell} ({layer} layer)", "{model} · {cell}({layer} 계층)";
    Facility => "Facility", "시설";
    FacilityIdc => "Facility: IDC", "시설: IDC";
    FacilityParts => "power, cooling, security", "전력·냉각·보안";
    FacilityFull => "the building, power, cooling and physical security", "건물, 전력, 냉각, 물리 보안";
    IdcManages => "the IDC manages", "IDC 관리";
    ServerlessData => "Data in managed DBs", "관리형 DB의 데이터";
    ColOnPremIdcSub => "Your servers in an IDC", "IDC에 둔 내 서버";
    ColFaasServerlessSub => "FaaS + managed services", "FaaS + 관리형 서비스";
    HeaderYours => "you manage {n} of {t} layers", "계층 {t}개 중 {n}개를 직접 관리";
    ColumnSummaryTitle => "{model}: {sub}", "{model}: {sub}";
    YouKeepLabel => "What you still manage", "여전히 직접 관리하는 것";
    ProviderTakesLabel => "What the provider takes over", "제공자가 맡는 것";
    YourLayersLabel => "Your layers", "직접 관리하는 계층";
    ProviderLayersLabel => "The provider's layers", "제공자가 관리하는 계층";
    NoLayers => "none", "없음";
    KeepOnPrem => "Everything: the building, power and cooling, the servers bought for the peak, every layer up to the application and its data, and the specialists to run them.",
        "전부입니다. 건물·전력·냉각, 피크에 맞춰 산 서버, 애플리케이션과 데이터까지의 모든 계층, 그리고 이를 운영할 전문 인력까지.";
    TakesOnPrem => "Nothing, since there is no provider. With the servers in an IDC, the IDC runs the building, power, cooling and physical security, but the servers are still yours.",
        "제공자가 없으니 맡기는 것도 없습니다. 서버를 IDC에 두면 건물, 전력, 냉각, 물리 보안은 IDC가 맡지만 서버는 여전히 내 것입니다.";
    KeepIaas => "The O/S you choose and everything on it: middleware, runtime, your application and its data, with their updates and security patches.",
        "직접 고른 운영체제와 그 위의 모든 것: 미들웨어, 런타임, 애플리케이션과 데이터, 그리고 그 업데이트와 보안 패치.";
    TakesIaas => "The infrastructure as a service: servers, storage, networking (IPs, bandwidth), power and the virtualization that turns them into VMs (Amazon EC2, KT, LG U+).",
        "서비스 형태의 인프라: 서버, 스토리지, 네트워크(IP, 대역폭), 전력, 그리고 이를 VM으로 나누는 가상화(Amazon EC2, KT, LG U+).";
    KeepPaas => "Your whole application and its data: you deploy the application, and it runs around the clock on the platform.",
        "애플리케이션 전체와 데이터: 애플리케이션을 배포하면 플랫폼 위에서 24시간 돌아갑니다.";
    TakesPaas => "The platform: runtime, middleware and O/S, the infrastructure under them, and APIs to build on (Google Cloud Platform, Firebase, Naver Cloud Platform).",
        "플랫폼: 런타임, 미들웨어, 운영체제와 그 아래 인프라, 그리고 개발에 쓸 API(Google Cloud Platform, Firebase, 네이버 클라우드 플랫폼).";
    KeepFaas => "Functions + config: your code, split into functions, with their configuration (triggers, memory, timeout) and their permissions (who may call them, what they may reach). Function data: the data they use.",
        "함수 코드 + 설정: 함수로 나눈 코드와 그 설정(트리거, 메모리, 제한 시간), 권한(누가 호출할 수 있고 무엇에 접근할 수 있는지). 함수의 데이터: 함수가 쓰는 데이터.";
    KeepServerless => "Functions + config: your code, split into functions, with their configuration (triggers, memory, timeout) and their permissions (who may call them, what they may reach). Data in managed DBs: your data, kept in the provider's managed databases and storage, still yours to shape and protect.",
        "함수 코드 + 설정: 함수로 나눈 코드와 그 설정(트리거, 메모리, 제한 시간), 권한(누가 호출할 수 있고 무엇에 접근할 수 있는지). 관리형 DB의 데이터: 제공자의 관리형 DB와 스토리지에 두지만, 구조를 정하고 지키는 것은 여전히 내 몫인 데이터.";
    TakesFaas => "Everything that runs them: runtime, O/S updates and security patches, networking and machines. It starts a function when an event arrives, scales it per request and stops it when it finishes or times out, within limits on memory and run time.",
        "함수를 실행하는 모든 것: 런타임, 운영체제 업데이트와 보안 패치, 네트워크와 장비. 이벤트가 오면 함수를 실행하고, 요청만큼 확장하고, 끝나거나 제한 시간이 지나면 멈춥니다. 메모리와 실행 시간에는 한도가 있습니다.";
    KeepSaas => "Only how you use it: your users (seats), their settings and what they put in.",
        "쓰는 방법뿐입니다: 사용자(좌석), 설정, 그리고 사용자가 넣는 내용.";
    TakesSaas => "The whole product: the application, where its data is kept and everything below it.",
        "제품 전체: 애플리케이션, 데이터 저장, 그리고 그 아래 모든 것.";
    SeeItScale => "See this model scale", "이 모델의 확장 보기";
    LayerDetailsTitle => "Layer details", "계층 자세히 보기";
    LayerDetailsHint => "Tap or click any cell (or press Enter on it) to see who manages it, what is left for you to patch, and what the bill charges for it; a column's name or its facility band for what you keep under that model.",
        "칸을 누르거나(탭·클릭) Enter 키를 누르면 누가 관리하는지, 직접 패치해야 할 일, 요금이 무엇에 붙는지 볼 수 있습니다. 열 이름이나 시설 칸을 누르면 그 모델에서 직접 관리하는 것을 볼 수 있습니다.";
    LayerDetailsHintCell => "Tap or click any cell (or press Enter on it) to see who manages it, what is left for you to patch, and what the bill charges for it.",
        "칸을 누르거나(탭·클릭) Enter 키를 누르면 누가 관리하는지, 직접 패치해야 할 일, 요금이 무엇에 붙는지 볼 수 있습니다.";
    LayerDetailsHintCol => "Tap or click a column's name or its facility band (or press Enter on it) to see what you keep under that model and what the provider takes over.",
        "열 이름이나 시설 칸을 누르거나(탭·클릭) Enter 키를 누르면 그 모델에서 직접 관리하는 것과 제공자가 맡는 것을 볼 수 있습니다.";
    LayerDetailsHintFixed => "Each cell says who manages that layer under that model: you, or the provider.",
        "각 칸은 그 모델에서 그 계층을 누가 관리하는지(사용자 또는 제공자) 보여 줍니다.";
    WhoManagesIt => "Who manages it", "관리 주체";
    WhatItIs => "What it is", "무엇인가";
    YourChores => "What you still do", "여전히 직접 할 일";
    ProviderChores => "What the provider does for you", "제공자가 대신 하는 일";
    BillCharges => "What the bill charges for", "요금이 붙는 방식";
    AcrossModels => "The same layer across the models", "모델별 같은 계층";
    BillOnPrem => "You buy it up front — hardware, power, space and staff — and pay whether it is busy or idle.",
        "하드웨어, 전력, 공간, 인력을 미리 사서 바쁘든 한가하든 비용을 냅니다.";
    BillIaas => "Per second while each VM runs (60-second minimum), busy or idle.",
        "VM이 켜져 있는 동안 초 단위로(최소 60초) 냅니다. 바쁘든 한가하든 같습니다.";
    BillPaas => "Per vCPU-hour and GB-hour while your containers or app instances run.",
        "컨테이너나 앱 인스턴스가 도는 동안 vCPU-시간과 GB-시간 단위로 냅니다.";
    BillFaas => "Per request and per GB-second of execution; nothing while no request runs.",
        "요청 수와 실행 GB-초만큼 냅니다. 요청이 없으면 0원입니다.";
    BillSaas => "Per seat per month; no servers to pay for separately.",
        "사용자(좌석)당 월 구독료. 서버 비용은 따로 없습니다.";
    WhatApplications => "Your program: the features your users see.", "프로그램 자체, 사용자가 보는 기능입니다.";
    ChoreApplications => "Write, test and deploy the code; fix its bugs and vulnerable libraries.", "코드 작성·테스트·배포, 버그와 취약한 라이브러리 수정.";
    WhatData => "What the program stores: customers, orders, files.", "프로그램이 저장하는 것: 고객, 주문, 파일.";
    ChoreData => "Design the schema, back up, control who can read it, comply with privacy law.", "스키마 설계, 백업, 접근 권한 관리, 개인정보 보호법 준수.";
    WhatRuntime => "The language runtime the code runs on (JVM, Node.js, Python).", "코드가 도는 언어 런타임(JVM, Node.js, Python).";
    ChoreRuntime => "Install and upgrade the runtime; patch it when a CVE is published.", "런타임 설치와 업그레이드, 보안 취약점(CVE) 패치.";
    WhatMiddleware => "Web servers, message queues, caches between the O/S and the app.", "운영체제와 앱 사이의 웹 서버, 메시지 큐, 캐시.";
    ChoreMiddleware => "Configure, tune and patch web servers, queues and caches.", "웹 서버·큐·캐시 설정, 튜닝, 패치.";
    WhatOs => "The operating system: Linux or Windows.", "운영체제: 리눅스나 윈도우.";
    ChoreOs => "Apply security updates, upgrade the kernel, harden logins and firewalls.", "보안 업데이트, 커널 업그레이드, 로그인과 방화벽 강화.";
    WhatVirtualization => "The hypervisor that splits one machine into many VMs.", "한 대의 기계를 여러 VM으로 나누는 하이퍼바이저.";
    ChoreVirtualization => "Run and patch the hypervisor, place VMs on hosts.", "하이퍼바이저 운영과 패치, VM 배치.";
    WhatServers => "The physical machines: CPU and memory.", "물리 서버: CPU와 메모리.";
    ChoreServers => "Buy for the peak weeks ahead, replace failed parts, retire old machines.", "몇 주 앞서 피크에 맞춰 구매, 고장 부품 교체, 노후 장비 폐기.";
    WhatStorage => "Disks and storage arrays.", "디스크와 스토리지 장비.";
    ChoreStorage => "Add capacity, replace failed disks, keep copies off-site.", "용량 증설, 고장 디스크 교체, 원격지 사본 보관.";
    WhatNetworking => "Cables, switches, routers and the Internet link.", "케이블, 스위치, 라우터, 인터넷 회선.";
    ChoreNetworking => "Run switches and firewalls, buy bandwidth, defend against DDoS.", "스위치·방화벽 운영, 대역폭 구매, DDoS 방어.";
    ServerlessTitle => "FaaS ⊂ Serverless", "FaaS ⊂ 서버리스";
    ServerlessDesc => "Serverless is any service where you never manage servers. FaaS is one part of it; managed databases, storage, queues and API gateways are serverless too.",
        "서버리스는 서버를 전혀 관리하지 않는 모든 서비스입니다. FaaS는 그 일부이고, 관리형 데이터베이스, 스토리지, 큐, API 게이트웨이도 서버리스입니다.";
    ServerlessLabel => "Serverless", "서버리스";
    ServerlessFaas => "FaaS: functions", "FaaS: 함수";
    ServerlessFaasEx => "AWS Lambda · Azure Functions · Cloud Functions", "AWS Lambda · Azure Functions · Cloud Functions";
    ServerlessDb => "Managed databases", "관리형 데이터베이스";
    ServerlessDbEx => "DynamoDB · Aurora Serverless · Firestore", "DynamoDB · Aurora Serverless · Firestore";
    ServerlessStorage => "Object storage", "객체 스토리지";
    ServerlessStorageEx => "Amazon S3 · Azure Blob Storage", "Amazon S3 · Azure Blob Storage";
    ServerlessQueues => "Queues and events", "큐와 이벤트";
    ServerlessQueuesEx => "SQS · EventBridge · Pub/Sub", "SQS · EventBridge · Pub/Sub";
    ServerlessApi => "API gateways", "API 게이트웨이";
    ServerlessApiEx => "Amazon API Gateway · Azure API Management", "Amazon API Gateway · Azure API Management";
    NotServerlessEx => "ECS/EKS on fixed nodes", "고정 노드의 ECS/EKS";
    NotServerless => "Not serverless: VMs and fixed containers you size yourself", "서버리스 아님: 직접 크기를 정하는 VM, 고정 컨테이너";

    // -- scaling view --
    TrafficControls => "Traffic and workload", "트래픽과 작업량";
    PatternLabel => "Traffic pattern", "트래픽 패턴";
    PatternHelp => "The shape of a day's requests. A flash event happens on one day of the month and bursts differ from day to day; growth rises over the month; the other patterns repeat their day.",
        "하루 요청의 모양입니다. 급증은 한 달 중 하루에만 일어나고 폭주는 날마다 다릅니다. 성장 패턴은 한 달 동안 늘어나고, 나머지 패턴은 같은 하루를 되풀이합니다.";
    PeakLabel => "Peak traffic", "최대 트래픽";
    PeakExactLabel => "Peak traffic, exact value", "최대 트래픽 정확한 값";
    PeakExactHelp => "Any number from 0 to 1,000,000 requests per second; the slider follows it.",
        "초당 0부터 1,000,000건까지 아무 값이나 넣을 수 있고, 슬라이더가 따라 움직입니다.";
    PeakHelp => "The busiest minute of the day. The slider goes from 0 to 100,000 requests per second, each step the next number with two significant digits (…, 99, 100, 110, …), close to a log scale; the exact number takes up to 1,000,000.",
        "하루 중 가장 바쁜 1분의 요청 수입니다. 슬라이더는 0부터 초당 100,000건까지 한 칸마다 유효숫자 두 자리의 다음 값(…, 99, 100, 110, …)으로 바뀌어 로그 눈금에 가깝고, 정확한 값 입력란에는 1,000,000까지 넣을 수 있습니다.";
    UnitRps => "requests/s", "요청/초";
    UnitRpm => "requests/min", "요청/분";
    UnitRph => "requests/h", "요청/시간";
    UnitMs => "ms", "ms";
    UnitMb => "MB", "MB";
    UnitPct => "%", "%";
    DurationLabel => "Request duration", "요청 처리 시간";
    DurationHelp => "Wall time of one request or function call, including waiting on a database.",
        "요청(함수 호출) 하나가 걸리는 시간입니다. 데이터베이스를 기다리는 시간도 포함합니다.";
    CpuLabel => "CPU per request", "요청당 CPU";
    CpuHelp => "CPU time one request needs (milliseconds of one vCPU); sets how many servers the traffic needs.",
        "요청 하나에 필요한 CPU 시간(vCPU 1개 기준 ms)입니다. 필요한 서버 수를 정합니다.";
    MemoryLabel => "Function memory", "함수 메모리";
    MemoryHelp => "Memory of one function; FaaS bills GB-seconds, so it multiplies the compute price.",
        "함수 하나의 메모리입니다. FaaS는 GB-초로 과금하므로 컴퓨팅 요금에 곱해집니다.";
    OutOfRange => "Enter a number from {min} to {max}.", "{min}부터 {max} 사이의 숫자를 입력하세요.";
    NotANumber => "Enter a number.", "숫자를 입력하세요.";
    RoundedToWhole => "This counts whole units, so {value} is used.", "정수로 세는 값이라 반올림한 값({value})으로 맞췄습니다.";
    FieldCapped => "Can't be more than {other} ({max}), so {max} is used.", "{other}({max})보다 클 수 없어 그 값으로 맞췄습니다.";
    FieldLowered => "{other} was lowered to {value} to match.", "{other}도 같은 값({value})으로 낮췄습니다.";
    LanesTitle => "The same traffic through every model", "같은 트래픽, 모델별 확장";
    LanesDesc => "Each lane shows one way to run the workload at the chosen minute of the peak day: its instances (serving, starting, draining, or for functions running, starting and idle), how busy they are (functions: the share of the concurrency quota in use), the 95th-percentile latency, requests dropped or throttled, the peak day's cost so far and the 30-day bill.",
        "각 레인은 피크일 중 선택한 시각에 작업을 실행하는 한 가지 방식입니다: 인스턴스(처리 중, 시작 중, 종료 대기; 함수는 실행 중, 시작 중, 유휴), 사용률(함수는 동시성 한도 중 쓰는 비율), 95번째 백분위 지연 시간, 유실된 요청, 피크일의 누적 비용과 30일 요금을 보여 줍니다.";
    LaneTime => "Time of day", "시각";
    LaneDemand => "Demand", "수요";
    LaneServing => "serving", "처리 중";
    LaneBooting => "starting", "시작 중";
    LaneDraining => "draining", "종료 대기";
    LaneIdle => "idle (warm)", "유휴(웜)";
    LaneIdleShort => "idle", "유휴";
    LaneBusy => "running", "실행 중";
    LaneColdStart => "cold start", "콜드 스타트";
    LaneAverage => "≈ average", "≈ 평균";
    LaneIconScale => "1 icon = {n} {unit}", "아이콘당 {unit} {n}개";
    LaneIconScaleShort => "1 icon = {n}", "아이콘당 {n}";
    LaneInstances => "instances", "인스턴스";
    LaneInstance => "instance", "인스턴스";
    LaneEnvironment => "environment", "실행 환경";
    LaneEnvironments => "environments", "실행 환경";
    LaneUtil => "Busy", "사용률";
    LaneQuotaUsed => "Quota used", "동시성 한도 사용";
    /// The lane's p95 is the minute's, named apart from the table's p95 over the peak day.
    LaneP95 => "p95 this min", "이 시각 p95";
    LaneP95Short => "p95", "p95";
    /// A p95 whose wait reached the queue's timeout ({s} seconds).
    LatencyTimedOut => "timed out (> {s} s)", "시간 초과(> {s}초)";
    /// The same in the rows a phone shows, where the note under the table says "timed out".
    LatencyTimedOutShort => "> {s} s", "> {s}초";
    /// A latency with nothing to measure: no request arrived (or none was served) in the minute.
    LatencyNoRequests => "— (no requests)", "— (요청 없음)";
    LatencyNothingServed => "— (nothing served)", "— (처리한 요청 없음)";
    LaneDropped => "Dropped", "유실";
    LaneThrottled => "Throttled", "스로틀링";
    /// The peak day's cost up to the minute shown, in every layout of the lanes (one quantity,
    /// one name).
    LaneCostToday => "Peak day so far", "피크일 누적 비용";
    LaneMonth => "30-day bill", "30일 요금";
    LaneNone => "none", "없음";
    PerSecond => "/s", "/초";
    PerMinute => "/min", "/분";
    PerHour => "/h", "/시간";
    ScalingLeadDrag => "Drag the peak traffic and watch servers, containers and functions scale side by side while the bill moves.",
        "최대 트래픽을 끌어 보며 서버, 컨테이너, 함수가 나란히 확장되고 요금이 바뀌는 모습을 보세요.";
    ScalingLeadFixed => "Servers, containers and functions side by side at this traffic, with what each bills.",
        "이 트래픽에서 서버, 컨테이너, 함수를 나란히 놓고 각각의 요금을 보여 줍니다.";
    ScalingLeadPlay => "Play the day to see autoscaling lag behind a spike and functions start cold.",
        "하루를 재생하면 급증을 뒤쫓는 오토스케일링과 함수의 콜드 스타트가 보입니다.";
    Play => "Play", "재생";
    Pause => "Pause", "일시 정지";
    PlayLabel => "Play the simulated day (about 20 seconds at 1×)", "시뮬레이션한 하루를 재생(1× 속도로 약 20초)";
    ScrubLabel => "Time of day", "하루 중 시각";
    ScrubHelp => "Move through the simulated day, one minute per step.", "시뮬레이션한 하루를 1분 단위로 이동합니다.";
    SpeedLabel => "Speed", "속도";
    ModelSettings => "Model settings", "모델 설정";
    OnPremSettings => "On-premises", "온프레미스";
    HeadroomLabel => "Headroom bought above the peak", "피크 대비 여유 용량";
    HeadroomHelp => "Servers are bought weeks ahead for the planned peak plus this margin; they cannot grow within the month.",
        "서버는 몇 주 전에 계획한 피크에 이 여유분을 더해 삽니다. 한 달 안에는 늘릴 수 없습니다.";
    VmSettings => "Virtual machines (IaaS)", "가상 머신(IaaS)";
    InstanceTypeLabel => "Instance type", "인스턴스 유형";
    InstanceTypeHelp => "The EC2 type both VM lanes use; its hourly on-demand price is in the catalog.",
        "두 VM 레인이 쓰는 EC2 유형입니다. 시간당 온디맨드 가격은 가격표에 있습니다.";
    FixedCountLabel => "Fixed fleet size", "고정 VM 수";
    FixedCountHelp => "How many VMs the fixed lane runs all day, busy or not.", "고정 레인이 하루 종일 켜 두는 VM 수입니다.";
    TargetLabel => "Autoscaling CPU target", "오토스케일링 CPU 목표";
    TargetHelp => "Target tracking adds VMs when average CPU stays above this for 3 minutes.", "평균 CPU가 3분 동안 이 값을 넘으면 VM을 추가합니다.";
    MinLabel => "Minimum VMs", "최소 VM";
    MinHelp => "The autoscaled fleet never goes below this.", "오토스케일링 VM 수의 하한입니다.";
    MaxLabel => "Maximum VMs", "최대 VM";
    MaxHelp => "The autoscaled fleet never goes above this; beyond it requests queue and drop.", "오토스케일링 VM 수의 상한입니다. 넘으면 요청이 대기하다 유실됩니다.";
    BootLabel => "Boot + app start", "부팅 + 앱 시작";
    BootHelp => "Seconds before a new VM serves requests.", "새 VM이 요청을 받기까지 걸리는 초입니다.";
    UnitS => "s", "초";
    UnitGb => "GB", "GB";
    UnitVcpu => "vCPU", "vCPU";
    ContainerSettings => "Containers (PaaS)", "컨테이너(PaaS)";
    ContainerServiceLabel => "Service", "서비스";
    ContainerServiceHelp => "Whose container prices to use.", "어느 서비스의 컨테이너 가격을 쓸지 고릅니다.";
    CtrFargate => "AWS Fargate (Linux/x86)", "AWS Fargate(Linux/x86)";
    CtrAppRunner => "AWS App Runner", "AWS App Runner";
    CtrCloudRun => "Google Cloud Run (instance-based billing, Tier 1)", "Google Cloud Run(인스턴스 기반 과금, 1등급 리전)";
    VcpuLabel => "vCPU per container", "컨테이너당 vCPU";
    VcpuHelp => "CPU size of one container; billed per vCPU-hour while it runs.", "컨테이너 하나의 CPU 크기입니다. 실행 중 vCPU-시간으로 과금합니다.";
    MemGbLabel => "Memory per container", "컨테이너당 메모리";
    MemGbHelp => "Billed per GB-hour while the container runs.", "실행 중 GB-시간으로 과금합니다.";
    MinInstancesLabel => "Minimum containers", "최소 컨테이너";
    MinInstancesHelp => "0 lets the service scale to zero (and start cold); more keeps some warm and billed.",
        "0이면 0까지 줄어들고(콜드 스타트 발생), 더 크면 일부를 켜 둔 채 과금합니다.";
    MaxInstancesLabel => "Maximum containers", "최대 컨테이너";
    MaxInstancesHelp => "The service never runs more than this; beyond it requests queue and drop.", "컨테이너 수의 상한입니다. 넘으면 요청이 대기하다 유실됩니다.";
    FaasSettings => "Functions (FaaS)", "함수(FaaS)";
    FaasServiceLabel => "Service", "서비스";
    FaasServiceHelp => "AWS Lambda or Azure Functions prices and limits.", "AWS Lambda 또는 Azure Functions의 가격과 한도.";
    ArchLabel => "Architecture", "아키텍처";
    ArchHelp => "arm64 (Graviton) costs about 20% less per GB-second than x86_64.", "arm64(Graviton)는 GB-초당 x86_64보다 약 20% 쌉니다.";
    FreeTierLabel => "Apply the monthly free tier", "월 프리 티어 적용";
    FreeTierHelp => "1M requests and 400,000 GB-seconds free each month.", "매달 요청 100만 건과 400,000 GB-초가 무료입니다.";
    GranularityLabel => "Bill in 100 ms steps (before Dec 2020)", "100 ms 단위 과금(2020년 12월 이전)";
    GranularityHelp => "Today Lambda rounds each run up to 1 ms; it used to round to 100 ms.", "지금은 실행 시간을 1 ms 단위로 올림하지만, 예전에는 100 ms 단위였습니다.";
    ProvisionedLabel => "Provisioned concurrency", "프로비저닝된 동시성";
    ProvisionedHelp => "Environments kept initialised all month: no cold starts up to this many, billed even when idle.",
        "한 달 내내 초기화해 두는 실행 환경 수입니다. 이만큼은 콜드 스타트가 없지만 쉬어도 과금합니다.";
    WarmLabel => "Idle environment recycled after", "쉬는 실행 환경 회수까지";
    WarmHelp => "Minutes an idle environment stays warm; the next request after that starts cold. 10 is the low end of the 10–20 minutes measured on Azure Functions (Shahrad et al., USENIX ATC '20); AWS does not publish Lambda's.",
        "쉬는 실행 환경이 웜 상태로 남는 시간(분)입니다. 그 뒤의 첫 요청은 콜드 스타트를 겪습니다. 10분은 Azure Functions에서 측정된 10–20분의 하한입니다(Shahrad 외, USENIX ATC '20). AWS는 Lambda의 값을 공개하지 않습니다.";
    PingLabel => "Keep-warm ping every", "웜 유지 핑 간격";
    PingHelp => "A scheduled call every this many minutes (0: off) keeps one environment warm and is billed like a request; it does not help when traffic needs more environments. Beside provisioned concurrency it is not sent: it would land on a provisioned environment, warm anyway.",
        "이 간격(분)마다 예약 호출을 보내(0: 끄기) 실행 환경 하나를 웜 상태로 유지합니다. 요청처럼 과금되며, 트래픽이 환경을 더 필요로 할 때는 도움이 되지 않습니다. 프로비저닝된 동시성이 있으면 보내지 않습니다: 어차피 웜 상태인 프로비저닝된 환경에 닿을 뿐입니다.";
    UnitMin => "min", "분";
    QuotaLabel => "Account concurrency quota", "계정 동시성 한도";
    QuotaHelp => "At most this many functions run at once; requests above it are throttled.", "동시에 실행되는 함수 수의 한도입니다. 넘는 요청은 스로틀링됩니다.";
    LegacyLabel => "Use the notes' older limits (1,500 MB, 300 s)", "노트의 예전 한도 사용(1,500 MB, 300초)";
    LegacyHelp => "The lecture notes quote Lambda's old limits; today they are 10,240 MB and 900 s.", "강의 노트는 예전 Lambda 한도를 인용합니다. 지금은 10,240 MB, 900초입니다.";
    RuntimeLabel => "Runtime", "런타임";
    RuntimeHelp => "Sets the cold-start time (Java starts slowest).", "콜드 스타트 시간을 정합니다(Java가 가장 느림).";
    ShowMath => "Show the math", "계산 과정 보기";
    ShowMathLead => "Each model's 30-day bill as a formula with this scenario's numbers filled in.", "각 모델의 30일 요금을 이 시나리오의 숫자를 넣은 식으로 보여 줍니다.";
    MonthTitle => "30-day bill per model", "모델별 30일 요금";
    CurrencyLabel => "Currency", "통화";
    RateLabel => "Won per dollar", "환율(원/달러)";
    RateHelp => "The exchange rate used to show won; prices are published in US dollars.", "원화 표시에 쓰는 환율입니다. 가격은 미국 달러로 공시됩니다.";
    CheapestBadge => "cheapest", "가장 저렴";
    /// {target}: the p95 a model must stay within (the duration + {wait}).
    CheapestNote => "Cheapest among the models that serve the workload: they drop or throttle under 1% of requests and their p95 over the peak day is within {target} (the request's duration + {wait} of waiting), not timed out. A cheaper model that fails any of these has no ★.",
        "작업을 감당하는 모델 중 가장 저렴한 모델입니다: 요청 유실이 1% 미만이고 피크일 전체 p95가 {target}(요청의 실행 시간 + 대기 {wait}) 이내이며 시간 초과가 아닌 모델입니다. 더 싸더라도 이 조건 중 하나라도 못 지키면 ★가 없습니다.";
    MonthWhatIsWhose => "Bills, dropped or throttled requests and cold starts are the 30-day month's; max instances and p95 are the peak day's, the day the lanes show (p95 over all of that day's requests; a lane's p95 is the one minute it shows). ≈: functions' environments and cold starts are expected numbers (averages over random arrivals).",
        "요금, 유실, 콜드 스타트는 30일 한 달의 값이고, 최대 인스턴스와 p95는 레인이 보여 주는 피크일의 값입니다(p95는 그날 요청 전체의 값이고, 레인의 p95는 레인이 보여 주는 그 1분의 값입니다). ≈: 함수의 실행 환경과 콜드 스타트는 기댓값(무작위 도착에 대한 평균)입니다.";
    /// What "timed out" means in a p95 cell or lane ({s}: the queue's timeout in seconds).
    MonthTimedOutNote => "timed out (> {s} s): capacity was below demand, so the queue grew until requests waited the load balancer's {s} s timeout; the requests over capacity are dropped and counted as such. A p95 counts every request asked, a dropped or throttled one as slower than the timeout: with over 5% of them dropped, throttled or timed out, the p95 is timed out.",
        "시간 초과(> {s}초): 처리 용량이 수요보다 작아 대기열이 로드 밸런서의 제한 시간 {s}초까지 쌓였다는 뜻입니다. 용량을 넘는 요청은 유실되어 유실 수에 들어갑니다. p95는 들어온 요청 전체로 셈하며, 유실되거나 스로틀링된 요청은 제한 시간보다 느린 것으로 봅니다. 그래서 유실되거나 시간 초과된 요청이 5%를 넘으면 p95는 시간 초과입니다.";
    MathExpectedCounts => "expected numbers (averages over random arrivals), hence tenths", "기댓값(무작위 도착에 대한 평균)이라 소수로 표시";
    UnitKrwPerUsd => "₩ per $1", "원/1달러";
    Announce => "At this peak:", "이 최대 트래픽에서:";
    ChartsHeading => "Charts", "그래프";
    ChartPick => "Chart", "그래프 선택";
    ChartPickTraffic => "Traffic vs capacity", "트래픽 vs 처리 용량";
    ChartPickCost => "Cost so far", "누적 비용";
    ChartPickLatency => "Latency p95", "p95 지연 시간";
    ChartPickBreakeven => "Break-even", "손익분기점";

    // -- charts --
    ChartTrafficTitle => "Traffic and capacity over the peak day", "피크일의 트래픽과 처리 용량";
    ChartTrafficDesc => "Requests per second over the simulated peak day (filled area) against what each model's serving instances can take (one line per model, each with its own dash pattern and marker). Crosses mark when a model dropped or throttled requests.",
        "시뮬레이션한 피크일의 초당 요청 수(채운 영역)와 각 모델의 서비스 중인 인스턴스가 처리할 수 있는 양(모델마다 선 모양과 표시가 다른 선)을 비교합니다. X 표시는 모델이 요청을 버리거나 제한한 때입니다.";
    ChartCostTitle => "Cost so far over the peak day", "피크일의 누적 비용";
    ChartCostDesc => "What each model has billed since midnight of the simulated peak day, minute by minute (one line per model, each with its own dash pattern and marker).",
        "시뮬레이션한 피크일 자정부터 각 모델이 청구한 누적 금액을 분 단위로 보여 줍니다(모델마다 선 모양과 표시가 다른 선).";
    ChartLatencyTitle => "Latency p95 over the peak day", "피크일의 p95 지연 시간";
    ChartLatencyDesc => "The 95th-percentile latency of served requests, minute by minute, per model (one line per model, each with its own dash pattern and marker). Gaps are minutes with nothing served.",
        "처리된 요청의 95번째 백분위 지연 시간을 모델별로 분 단위로 보여 줍니다(모델마다 선 모양과 표시가 다른 선). 끊긴 곳은 처리한 요청이 없는 때입니다.";
    ChartBreakevenTitle => "Monthly cost against traffic: VMs, containers and functions", "트래픽에 따른 월 비용: VM, 컨테이너, 함수";
    ChartBreakevenDesc => "The monthly bill at a steady request rate, on log scales: VM and container fleets climb in steps (one more instance each step), functions grow with every request, from what this scenario's provisioned concurrency and keep-warm pings cost at any traffic. A circle marks each rate where the lines cross (after a step they may cross again; the notes list every range where functions are cheaper); the vertical line is this scenario's average rate.",
        "일정한 요청률에서의 월 청구액을 로그 눈금으로 보여 줍니다: VM과 컨테이너는 인스턴스가 하나씩 늘 때마다 계단처럼 오르고, 함수는 이 시나리오의 프로비저닝된 동시성과 예열 핑 비용(트래픽과 무관)에서 시작해 요청마다 늘어납니다. 원은 두 선이 만나는 곳마다 표시합니다(계단을 오른 뒤 두 선이 다시 교차할 수 있으며, 함수가 더 싼 구간은 모두 주석에 적습니다). 세로선은 이 시나리오의 평균 요청률입니다.";
    ChartAxisTime => "Time of day (HH:MM)", "시각 (HH:MM)";
    ChartAxisRps => "Requests per second (req/s)", "초당 요청 수 (요청/초)";
    ChartAxisCost => "Cost so far ({cur})", "누적 비용 ({cur})";
    ChartAxisLatency => "Latency p95 (ms)", "p95 지연 시간 (ms)";
    ChartAxisLatencyLog => "Latency p95 (ms, log scale)", "p95 지연 시간 (ms, 로그 눈금)";
    ChartAxisAvgRps => "Steady requests per second over a 30-day month (req/s, log scale)", "30일 동안 일정한 초당 요청 수 (요청/초, 로그 눈금)";
    ChartAxisMonthly => "Monthly cost ({cur}, log scale)", "월 비용 ({cur}, 로그 눈금)";
    ChartTraffic => "Traffic (demand)", "트래픽(수요)";
    ChartCapacity => "{model} capacity", "{model} 처리 용량";
    ChartDropped => "Dropped or throttled requests", "유실·스로틀링된 요청";
    ChartLostShare => "{pct}% dropped", "{pct}% 유실";
    ChartThrottledShare => "{pct}% throttled", "{pct}% 스로틀링";
    ChartOffScale => "above the chart, up to {n} req/s", "그래프 위로 벗어남, 최대 {n} 요청/초";
    ChartDayTotal => "{cost} on the peak day", "피크일 {cost}";
    ChartNothingServed => "nothing served", "처리한 요청 없음";
    ChartNotRunnable => "Functions cannot run this workload: {why}", "이 작업은 함수로 실행할 수 없습니다: {why}";
    ChartBeVm => "VMs ({instance}, {pct}% target)", "VM ({instance}, 목표 {pct}%)";
    ChartBeContainer => "Containers ({vcpu} vCPU, {gb} GB)", "컨테이너 ({vcpu} vCPU, {gb} GB)";
    ChartBeFaas => "Functions ({mb} MB, {ms} ms)", "함수 ({mb} MB, {ms} ms)";
    ChartBeFaasRun => "Functions ({mb} MB, {run} ms billed, {ms} ms asked)", "함수 ({mb} MB, 과금 {run} ms, 설정 {ms} ms)";
    ChartBeAtFaas => "At a steady {rps} req/s, this scenario's average, functions would cost {faas} a month and {fleet} {cost}: functions are cheaper", "이 시나리오의 평균인 {rps} 요청/초가 꾸준히 들어오면 함수는 월 {faas}, {fleet} 쪽은 월 {cost}입니다: 함수가 더 쌉니다";
    ChartBeAtFleet => "At a steady {rps} req/s, this scenario's average, functions would cost {faas} a month and {fleet} {cost}: functions cost more", "이 시나리오의 평균인 {rps} 요청/초가 꾸준히 들어오면 함수는 월 {faas}, {fleet} 쪽은 월 {cost}입니다: 함수가 더 비쌉니다";
    ChartBeAtSame => "At a steady {rps} req/s, this scenario's average, functions and {fleet} would both cost {faas} a month", "이 시나리오의 평균인 {rps} 요청/초가 꾸준히 들어오면 함수와 {fleet} 모두 월 {faas}입니다";
    ChartBeAtMonth => "The month table bills functions {bill}: this scenario's own traffic, which is not one steady rate", "월 표의 함수 요금은 일정한 요청률이 아니라 이 시나리오의 실제 트래픽으로 계산해 월 {bill}입니다";
    ChartBeLimitQuota => "up to {rps} req/s, the most the concurrency quota lets functions serve ({quota} at once × 1,000 ÷ {ms} ms)", "{rps} 요청/초까지: 동시성 한도가 허용하는 최대치, {quota}개 동시 × 1,000 ÷ {ms} ms";
    ChartBeLimitSearch => "up to {rps} req/s, where the search stopped", "탐색을 멈춘 {rps} 요청/초까지";
    ChartBeNeverCheaper => "Functions cost more than {fleet} at every rate {limit}", "모든 요청률에서 함수가 {fleet}보다 비쌉니다({limit})";
    ChartBeBelow => "Functions are cheaper than {fleet} below {rps} req/s and cost more from there {limit}", "{rps} 요청/초 미만에서는 함수가 {fleet}보다 싸고, 그 이상에서는 더 비쌉니다({limit})";
    ChartBeAbove => "Functions cost more than {fleet} below {rps} req/s and are cheaper from there {limit}", "{rps} 요청/초 미만에서는 함수가 {fleet}보다 비싸고, 그 이상에서는 더 쌉니다({limit})";
    ChartBeRangesOne => "{only} req/s", "{only} 요청/초";
    ChartBeRangesAnd => "{list} and {last} req/s", "{list}, {last} 요청/초";
    ChartBeRangesMore => "{list} req/s and {n} more ranges", "{list} 요청/초 외 {n}개 구간";
    ChartBeRangesMoreOne => "{list} req/s and 1 more range", "{list} 요청/초 외 1개 구간";
    ChartBeRanges => "The lines cross more than once: functions are cheaper than {fleet} at {list}; at the other rates they cost more {limit}", "두 선이 여러 번 교차합니다: 함수는 {list}에서 {fleet}보다 싸고, 나머지 요청률에서는 더 비쌉니다({limit})";
    ChartBeVmShort => "VMs", "VM";
    ChartBeContainerShort => "containers", "컨테이너";
    ChartBePoint => "Functions = {fleet} at {rps} req/s, {cost} a month", "{rps} 요청/초에서 함수 = {fleet}, 월 {cost}";
    ChartBeStepPoint => "{fleet} step up past functions at {rps} req/s (functions {cost} a month)", "{rps} 요청/초에서 {fleet} 계단이 함수(월 {cost})를 넘어섬";
    ChartBeCrossings => "The lines cross at: {list}.", "두 선이 만나는 곳: {list}.";
    ChartBeCrossingsMore => "{list} and {n} more crossings", "{list} 외 {n}곳";
    ChartBeNoneQuota => "Functions are cheaper than {fleet} at every rate up to {rps} req/s, the most the concurrency quota lets them serve ({quota} at once × 1,000 ÷ {ms} ms); above it they throttle", "{rps} 요청/초까지 모든 요청률에서 함수가 {fleet}보다 쌉니다. 동시성 한도가 허용하는 최대치({quota}개 동시 × 1,000 ÷ {ms} ms)이며, 그보다 많으면 함수가 제한(스로틀)됩니다";
    ChartBeNoneSearch => "Functions are cheaper than {fleet} at every rate the search tried, up to {rps} req/s", "탐색한 모든 요청률({rps} 요청/초까지)에서 함수가 {fleet}보다 쌉니다";
    ChartBeNow => "This scenario: {rps} req/s on average", "이 시나리오: 평균 {rps} 요청/초";
    ChartBeNoTraffic => "This scenario has no traffic, so it has no point on the log scale.", "이 시나리오는 트래픽이 없어 로그 눈금에 표시할 점이 없습니다.";
    ChartCsvTime => "time (HH:MM)", "시각 (HH:MM)";
    ChartCsvTraffic => "traffic", "트래픽";
    ChartCsvCapacity => "{model} capacity", "{model} 처리 용량";
    ChartCsvDropped => "{model} dropped or throttled", "{model} 유실·스로틀링된 요청";
    ChartCsvCost => "{model} cost so far", "{model} 누적 비용";
    ChartCsvLatency => "{model} latency p95", "{model} p95 지연 시간";
    ChartCsvRate => "steady request rate", "일정한 요청률";
    MathPricesRead => "Prices: {provider} read {date}, source {url}", "가격: {provider} {date} 확인, 출처 {url}";
    MathPricesEntered => "Prices: {provider} CPU baseline entered {date} (not read from the page that day), source {url}", "가격: {provider} CPU 기준선 {date} 입력(그날 페이지에서 확인한 값 아님), 출처 {url}";
    MathPricesAssumed => "Prices: {provider} as of {date}: {url}", "가격: {provider}, {date} 기준: {url}";
    PriceOnprem => "On-premises (an assumption)", "온프레미스(가정)";
    PriceOnpremAssumed => "a 2-socket 1U server at list price, amortised; power at 500 W on average, colocation space and a share of an operator's time", "2소켓 1U 서버를 정가로 사서 감가상각하고, 평균 500 W 전력, 코로케이션 공간, 운영자 시간의 일부를 더한 값";
    PriceSaas => "SaaS (an assumption)", "SaaS(가정)";
    PriceSaasAssumed => "a typical business office-suite seat (e.g. workspace.google.com/pricing)", "업무용 오피스 제품군의 보통 좌석 요금(예: workspace.google.com/pricing)";
    PriceFx => "USD/KRW (an assumption)", "원/달러 환율(가정)";
    PriceFxAssumed => "an approximate rate; change it in the field Won per dollar (krw= in a link)", "대략의 환율이며 환율(원/달러) 칸에서 바꿀 수 있음(링크에서는 krw=)";
    MathPricesOverride => "Prices: {provider}: a price set in this scenario", "가격: {provider}: 이 시나리오에서 지정한 가격";
    CsvUnitRps => "req/s", "요청/초";
    CsvUnitMs => "ms", "밀리초";
    CsvUnitUsd => "USD", "달러";
    CsvUnitKrw => "KRW", "원";
    CsvUnitPerMonth => "{cur}/month", "{cur}/월";
    ChartCsvMonthly => "{model} monthly cost", "{model} 월 비용";
    ChartBeLegend => "Break-even: functions cost as much as the fleet", "손익분기점: 함수 비용 = 서버 비용";

    // -- msa view --
    MsaLead => "The ride-hailing app from the notes (the Uber case), built two ways and fed the same traffic.",
        "노트의 차량 호출 앱(Uber 사례)을 두 가지 방식으로 만들고 같은 트래픽을 보냅니다.";
    MsaLeadFailDeploy => "Tap or click a module in either diagram to make it fail, or deploy a new version of one, and compare what each architecture loses.",
        "어느 그림에서든 모듈을 눌러 장애를 내거나 새 버전을 배포해 보고, 각 아키텍처가 무엇을 잃는지 비교해 보세요.";
    MsaLeadFail => "Tap or click a module in either diagram to make it fail, and compare what each architecture loses.",
        "어느 그림에서든 모듈을 눌러 장애를 내 보고, 각 아키텍처가 무엇을 잃는지 비교해 보세요.";
    MsaLeadDeploy => "Deploy a new version of a module and compare what each architecture loses.",
        "모듈의 새 버전을 배포해 보고, 각 아키텍처가 무엇을 잃는지 비교해 보세요.";
    MsaLeadCompare => "Compare what each architecture loses.", "각 아키텍처가 무엇을 잃는지 비교해 보세요.";
    MsaMonoSub => "1 deployable · {n} replicas at peak", "배포 단위 1개 · 피크 때 복제본 {n}개";
    MsaServicesSub => "{k} services · {n} replicas at peak", "서비스 {k}개 · 피크 때 복제본 {n}개";
    MsaPassengerApp => "Passenger app", "승객 앱";
    MsaDriverApp => "Driver app", "기사 앱";
    MsaUiLayer => "User interface · REST API", "사용자 인터페이스 · REST API";
    MsaLogicLayer => "Business logic (one process)", "비즈니스 로직(프로세스 하나)";
    MsaDataLayer => "Data access layer", "데이터 접근 계층";
    MsaSharedDb => "One shared database (MySQL)", "공유 데이터베이스 하나(MySQL)";
    MsaGateway => "API gateway", "API 게이트웨이";
    MsaDb => "DB", "DB";
    MsaReplicasAtPeak => "Replicas at peak", "피크 때 복제본";
    MsaReplicaCount => "{n} replicas", "복제본 {n}개";
    MsaMonoReplicaNote => "Each replica runs all {k} modules ({gb} GB).", "복제본마다 모듈 {k}개 전부를 실행합니다({gb} GB).";
    MsaHardCall => "waits for the answer (hard dependency)", "응답을 기다림(강한 의존)";
    MsaSoftCall => "fire-and-forget (soft dependency)", "보내고 잊음(약한 의존)";
    MsaOwnDbLegend => "each service owns its database", "서비스마다 자기 데이터베이스";
    MsaFeatures => "User features", "사용자 기능";
    MsaUp => "works", "정상";
    MsaDown => "down", "중단";
    MsaDegraded => "works, alerts delayed", "동작, 알림 지연";
    MsaReduced => "less capacity while deploying", "배포 중 처리 용량 감소";
    MsaFailedBadge => "failed", "장애";
    MsaRestarting => "restarting", "재시작 중";
    MsaWholeDown => "Whole process down", "프로세스 전체 중단";
    MsaWholeRestart => "Whole app restarts", "앱 전체 재시작";
    MsaTitleMono => "{module}, a module of the one process: {state}", "{module}(단일 프로세스 안의 모듈): {state}";
    MsaTitleService => "{module} service, {replicas}: {state}; {needed} of {t} features need it",
        "{module} 서비스, {replicas}: {state}. 기능 {t}개 중 {needed}개가 이 서비스를 씁니다";
    MsaStateRunning => "running", "실행 중";
    MsaStateFailed => "failed", "장애";
    MsaStateStopped => "stopped, the whole process is down", "중단, 프로세스 전체가 멈춤";
    MsaStateRestarting => "restarting", "재시작 중";
    MsaStateAppRestarting => "restarting with the whole app", "앱 전체와 함께 재시작 중";
    MsaCountAllUp => "all {t} working", "{t}개 모두 정상";
    MsaCountDown => "{n} of {t} down", "{t}개 중 {n}개 중단";
    MsaCountAllDown => "all {t} down", "{t}개 모두 중단";
    MsaCountReduced => "{n} of {t} with less capacity", "{t}개 중 {n}개 용량 감소";
    MsaCountAllReduced => "all {t} with less capacity", "{t}개 모두 용량 감소";
    MsaCountDegraded => "{n} of {t} with delayed alerts", "{t}개 중 {n}개 알림 지연";
    MsaProfileCalls => "Calls per request", "요청당 호출";
    MsaProfileCpu => "CPU per call", "호출당 CPU";
    MsaProfileMemory => "Memory", "메모리";
    MsaProfileNote => "What sets each module's replicas: the calls it receives for every request that comes in, the CPU each call takes and the memory of its code. Memory comes in 128 MB steps: a monolith replica is 256 MB for its runtime plus all seven modules (at least the scenario's container memory), a service replica 128 MB plus its one module, at least 0.5 GB. The scaling view's CPU, duration and memory settings describe a single function and do not apply to this app.",
        "모듈마다 복제본 수를 정하는 것: 들어오는 요청 하나마다 받는 호출 수, 호출 한 번의 CPU 시간, 코드가 차지하는 메모리입니다. 메모리는 128 MB 단위입니다. 모놀리식 복제본은 런타임 256 MB에 일곱 모듈 전부를 더한 크기(시나리오의 컨테이너 메모리 이상)이고, 서비스 복제본은 128 MB에 자기 모듈 하나를 더한 크기(최소 0.5 GB)입니다. 확장 화면의 CPU·실행 시간·메모리 설정은 함수 하나를 위한 값이라 이 앱에는 쓰이지 않습니다.";
    MsaModulesTitle => "Fail or deploy a module", "모듈에 장애 내기 · 배포하기";
    MsaModuleCol => "Module", "모듈";
    MsaFailButton => "Fail", "장애 내기";
    MsaFailLabel => "Make {module} fail (again to bring it back)", "{module}에 장애 내기(다시 누르면 복구)";
    MsaDeployButton => "Deploy", "배포";
    MsaDeployLabel => "Deploy a new version of {module} (again to stop)", "{module}의 새 버전 배포(다시 누르면 해제)";
    MsaReset => "Reset: nothing failed or deploying", "초기화: 장애·배포 없음";
    MsaHopLabel => "Network hop between services", "서비스 간 네트워크 홉";
    MsaHopHelp => "Latency of one call from one service to another (the monolith's calls are in-process).",
        "한 서비스가 다른 서비스를 한 번 호출하는 지연 시간입니다(모놀리식은 프로세스 안에서 호출합니다).";
    MsaBlastTitle => "Blast radius", "장애 영향 범위";
    MsaBlastNone => "Nothing has failed. Tap or click a module in either diagram, or press Fail in the table above, to see which features break.",
        "아직 장애가 없습니다. 그림에서 모듈을 누르거나 위 표의 ‘장애 내기’를 눌러 어떤 기능이 멈추는지 보세요.";
    MsaBlastNoneFixed => "Nothing has failed: every feature works in both architectures.",
        "장애가 없습니다. 두 아키텍처 모두 모든 기능이 동작합니다.";
    MsaBlastSummary => "{module} failed. Monolith: {m} of {t} features down. Microservices: {s} of {t} down.",
        "{module} 장애. 모놀리식: 기능 {t}개 중 {m}개 중단. 마이크로서비스: {t}개 중 {s}개 중단.";
    MsaDeployTitle => "What a deploy restarts", "배포 때 재시작되는 것";
    MsaDeployNone => "Press Deploy on a module in the table above to see what restarts and for how long capacity drops.",
        "위 표에서 모듈의 ‘배포’를 누르면 무엇이 재시작되고 얼마 동안 처리 용량이 줄어드는지 보입니다.";
    MsaDeployNoneFixed => "No deploy is under way: every replica serves.",
        "진행 중인 배포가 없습니다. 모든 복제본이 요청을 처리합니다.";
    MsaDeployMono => "Monolith: deploying {module} restarts all {k} modules: {n} of {n} replicas, one at a time, for {dur}. Capacity is {pct}% lower meanwhile and {f} of {t} features are affected.",
        "모놀리식: {module} 하나만 배포해도 모듈 {k}개가 모두 재시작합니다. 복제본 {n}개 전부가 하나씩, {dur} 동안. 그동안 처리 용량이 {pct}% 줄고 기능 {t}개 중 {f}개가 영향을 받습니다.";
    MsaDeployMsa => "Microservices: only {module} restarts: {n} of {total} replicas, one at a time, for {dur}. Its capacity is {pct}% lower meanwhile; {f} of {t} features are affected and the deploy takes none down.",
        "마이크로서비스: {module}만 재시작합니다. 복제본 {total}개 중 {n}개가 하나씩, {dur} 동안. 그동안 이 서비스의 처리 용량이 {pct}% 줄고, 기능 {t}개 중 {f}개가 영향을 받지만 배포 때문에 멈추는 기능은 없습니다.";
    MsaCompareTitle => "Side by side at this traffic", "이 트래픽에서 나란히 비교";
    MsaMeasure => "Measure", "항목";
    MsaRowCost => "Monthly cost", "월 비용";
    MsaRowReplicas => "Replicas at peak", "피크 때 복제본";
    MsaRowVcpu => "vCPU at peak", "피크 때 vCPU";
    MsaRowMemory => "Memory at peak", "피크 때 메모리";
    MsaRowIdle => "Footprint at zero traffic", "트래픽 0일 때 점유";
    MsaRowLatency => "Latency: {feature}", "지연: {feature}";
    MsaLatencyCell => "{ms} ms · {h} hops", "{ms} ms · 홉 {h}번";
    MsaLatencyCellOne => "{ms} ms · 1 hop", "{ms} ms · 홉 1번";
    MsaLatencyNote => "Latency here is without queueing: the CPU time along the longest chain of synchronous calls, plus {hop} ms and the RPC work for every network hop. Both run as managed containers priced by the scenario's container settings.",
        "여기의 지연은 대기열을 뺀 값입니다: 가장 긴 동기 호출 사슬을 따라 쓰는 CPU 시간에 네트워크 홉마다 {hop} ms와 RPC 처리 시간을 더합니다. 두 아키텍처 모두 시나리오의 컨테이너 설정 가격으로 관리형 컨테이너에서 실행합니다.";
    MsaProsCons => "Pros and cons, measured", "장단점, 숫자로 보기";
    MsaPros => "Pros", "장점";
    MsaCons => "Cons", "단점";
    MonoProSimple => "Simple to build and run: one deployable and one database, {n} replicas at peak.",
        "구조가 단순하고 개발이 쉽습니다: 배포 단위 하나, 데이터베이스 하나, 피크 때 복제본 {n}개.";
    MonoProCalls => "Modules call each other in-process: 0 network hops, so {feature} takes {ms} ms.",
        "모듈끼리 프로세스 안에서 호출합니다: 네트워크 홉이 0번이라 {feature}에 {ms} ms가 걸립니다.";
    MonoConFailure => "Tight coupling: if {module} fails, {down} of {total} features go down.",
        "강한 결합: {module}에 장애가 나면 기능 {total}개 중 {down}개가 멈춥니다.";
    MonoConDeploy => "Deploying only {module} still restarts all {n} replicas of the whole app, one at a time: {dur}.",
        "{module}만 배포해도 앱 전체의 복제본 {n}개가 하나씩 재시작합니다: {dur}.";
    MonoConScale => "Scales only as a whole: {n} replicas × {gb} GB = {total} GB at peak, every module copied into each.",
        "전체로만 확장됩니다: 피크 때 복제본 {n}개 × {gb} GB = {total} GB, 복제본마다 모든 모듈이 들어갑니다.";
    MsaProDeploy => "Deploy one service at a time: {module} restarts {n} of {total} replicas for {dur}, and no feature goes down.",
        "서비스별로 배포합니다: {module} 배포 때는 복제본 {total}개 중 {n}개만 {dur} 동안 재시작하고, 멈추는 기능은 없습니다.";
    MsaProScale => "Each service scales on its own: {big} runs {bn} replicas while {small} runs {sn}.",
        "서비스마다 따로 확장합니다: {big} 복제본 {bn}개, {small} 복제본 {sn}개.";
    MsaProScaleFloor => "Each service scales on its own; at this traffic none needs more than its minimum, so all {k} run {n} replicas.",
        "서비스마다 따로 확장합니다. 이 트래픽에서는 최소치보다 더 필요한 서비스가 없어 {k}개 모두 복제본 {n}개입니다.";
    MsaProScaleEven => "Each service scales on its own; at this traffic all {k} happen to need {n} replicas.",
        "서비스마다 따로 확장합니다. 이 트래픽에서는 {k}개 모두 마침 복제본 {n}개가 필요합니다.";
    MsaProIsolation => "Failures stay contained: if {module} fails, {up} of {total} features keep working.",
        "장애가 격리됩니다: {module}에 장애가 나도 기능 {total}개 중 {up}개는 계속 동작합니다.";
    MsaProCost => "Cheaper at this traffic: {msa} a month against {mono}, because only the busy services grow.",
        "이 트래픽에서는 더 쌉니다: 월 {msa}, 모놀리식은 {mono}. 바쁜 서비스만 늘어나기 때문입니다.";
    MsaConCostSame => "No cheaper at this traffic: {msa} a month, the same as the monolith's {mono}.",
        "이 트래픽에서는 더 싸지 않습니다: 월 {msa}, 모놀리식도 {mono}입니다.";
    MsaConCost => "Dearer at this traffic: {msa} a month against {mono}; every service keeps its minimum replicas and pays RPC work on each call.",
        "이 트래픽에서는 더 비쌉니다: 월 {msa}, 모놀리식은 {mono}. 서비스마다 최소 복제본을 유지하고 호출마다 RPC 처리 비용을 치르기 때문입니다.";
    MsaConLatency => "Calls cross the network: {feature} makes {hops} hops and takes {ms} ms more than in the monolith.",
        "서비스 간 통신이 지연을 더합니다: ‘{feature}’ 요청은 홉 {hops}번을 거쳐 모놀리식보다 {ms} ms 더 걸립니다.";
    MsaConFloor => "More to configure and run: {k} services × {min} replicas = {n} replicas even at zero traffic ({gb} GB against the monolith's {mgb} GB).",
        "설정하고 운영할 것이 늘어납니다: 트래픽이 0이어도 서비스 {k}개 × 복제본 {min}개 = {n}개({gb} GB, 모놀리식은 {mgb} GB).";
    MsaConData => "Data is split over {k} databases: {feature} reads from {db} of them, which makes tracking data across them hard.",
        "데이터가 데이터베이스 {k}개에 나뉩니다: ‘{feature}’ 기능은 그중 {db}개를 읽으므로 데이터베이스 사이의 데이터 추적이 어렵습니다.";
    DurSeconds => "{n} s", "{n}초";
    DurMinutes => "{n} min", "{n}분";

    // -- fit view --
    FitLead => "The notes list seven kinds of system that suit serverless.", "노트는 서버리스에 적합한 시스템 일곱 가지를 꼽습니다.";
    FitLeadButtons => "Each button below loads one as a workload, runs it through every model for a simulated month and gives the simulator's verdict on functions, with the reasons and the numbers behind them. The counter-examples show where functions stop fitting.",
        "아래 버튼마다 그중 하나를 작업량으로 불러와 모든 모델로 한 달을 시뮬레이션하고, 함수에 대한 판정과 그 이유, 근거가 되는 숫자를 보여 줍니다. 반례는 함수가 맞지 않게 되는 지점을 보여 줍니다.";
    FitLeadFixed => "Here one workload runs through every model for a simulated month, with the simulator's verdict on functions, the reasons and the numbers behind them.",
        "여기서는 작업량 하나를 모든 모델로 한 달 동안 시뮬레이션하고, 함수에 대한 판정과 그 이유, 근거가 되는 숫자를 보여 줍니다.";
    FitGoodCases => "The notes' seven good fits", "노트가 꼽은 서버리스에 적합한 시스템 일곱 가지";
    FitCounterCases => "Counter-examples", "반례";
    FitTranscode => "Counter-example: a 20-minute video transcode", "반례: 20분 걸리는 동영상 인코딩";
    FitLocalDisk => "Counter-example: a job that keeps state on local disk", "반례: 로컬 디스크에 상태를 두는 작업";
    FitCurrent => "Workload", "작업량";
    FitCustom => "Your own values (no preset matches)", "직접 정한 값(해당하는 프리셋 없음)";
    FitWorkloadLine => "{pattern} · peak {peak} req/s · {cpu} ms CPU · {dur} per call · {mem} MB",
        "{pattern} · 최대 {peak} 요청/초 · CPU {cpu} ms · 호출당 {dur} · {mem} MB";
    FitAdjust => "Adjust the workload", "작업량 직접 조정";
    FitVerdictTitle => "The simulator's verdict", "시뮬레이터의 판정";
    FitRatingGood => "Good fit for functions", "함수에 잘 맞습니다";
    FitRatingMixed => "Runs on functions, but costs more than the alternatives", "함수로 돌릴 수 있지만 대안보다 비쌉니다";
    FitRatingPoor => "Poor fit for functions", "함수에 맞지 않습니다";
    FitRatingNotRunnable => "Cannot run as a function as it stands", "지금 형태로는 함수로 실행할 수 없습니다";
    FitWhy => "Why", "이유";
    FitNumbers => "Key numbers for a month", "한 달 주요 수치";
    FitModelCol => "Model", "모델";
    FitMonthCol => "Monthly cost", "월 비용";
    FitLostCol => "Dropped or throttled", "유실·스로틀링";
    FitCheapestMark => "cheapest", "최저가";
    /// What the mark means, under the rows it marks: a model that drops more can cost less.
    FitCheapestNote => "cheapest: the lowest monthly cost of the models that serve the load (under 1% of requests dropped or throttled, and a p95 over the peak day within {target}, not timed out), as the scaling view's ★",
        "최저가: 부하를 감당하는 모델(요청 유실 1% 미만, 피크일 전체 p95가 {target} 이내이고 시간 초과 아님) 중 월 비용이 가장 낮은 모델로, 스케일링 화면의 ★와 같습니다";
    FitNotRunnableCell => "cannot run", "실행 불가";
    FitCannotRunCell => "cannot run: {why}", "실행 불가: {why}";
    FitWhyMemLow => "memory below the minimum", "메모리가 최소치 미만";
    FitWhyMemHigh => "memory over the limit", "메모리가 한도 초과";
    FitWhyTimeout => "runs longer than the timeout", "실행 시간이 제한 시간 초과";
    FitWhyState => "needs state on local disk", "로컬 디스크에 상태가 필요";
    FitLimitsRow => "Function limits", "함수 한도";
    FitLimitsCell => "{min}–{max} MB of memory, {timeout} timeout ({which})", "메모리 {min}–{max} MB, 제한 시간 {timeout}({which})";
    FitLimitsLambdaNow => "AWS Lambda today", "현재 AWS Lambda";
    FitLimitsLambdaNotes => "the notes' older Lambda limits", "노트의 예전 Lambda 한도";
    FitLimitsAzure => "Azure Functions, Consumption plan", "Azure Functions 소비 플랜";
    FitLegacyAzure => "The older limits are Lambda's; this scenario uses Azure Functions, whose limits do not change.",
        "예전 한도는 Lambda의 한도입니다. 이 시나리오는 Azure Functions를 쓰므로 한도가 바뀌지 않습니다.";
    FitFigCosts => "A month on each model", "모델별 한 달 비용";
    FitFigLost => "{pct} dropped", "{pct} 유실";
    FitFigThrottled => "{pct} throttled", "{pct} 스로틀링";
    FitFigLimits => "Function limits: {which}", "함수 한도: {which}";
    FitFigMemory => "Memory: {mem} MB (allowed {min}–{max} MB)", "메모리: {mem} MB(허용 {min}–{max} MB)";
    FitFigDuration => "Run time per call: {dur} (timeout {timeout})", "호출당 실행 시간: {dur}(제한 시간 {timeout})";
    FitFigLimitMark => "limit {v}", "한도 {v}";
    FitColdStarts => "Cold starts", "콜드 스타트";
    FitColdCell => "{n} a month · {pct}% of requests", "월 {n}번 · 요청의 {pct}%";
    FitP95 => "Function p95 latency", "함수 p95 지연";
    FitP95Cell => "{p95} ms (warm: {warm} ms)", "{p95} ms(웜: {warm} ms)";
    FitThrottles => "Throttled requests", "스로틀링된 요청";
    FitThrottleCell => "{n} a month · {pct}%", "월 {n}건 · {pct}%";
    FitReasonCheapest => "Functions are the cheapest way to serve this load: {faas} a month against {other} for {model}.",
        "이 부하를 처리하는 가장 싼 방법은 함수입니다: 월 {faas}. 대안 중 가장 싼 {model}: 월 {other}.";
    FitReasonDearer => "{model} is the cheapest at {other} a month; functions cost {faas}, {x}× as much.",
        "가장 싼 것은 {model}입니다(월 {other}). 함수는 월 {faas}, 그 {x}배입니다.";
    FitReasonDearerFree => "{model} is the cheapest at {other} a month; functions cost {faas}.",
        "가장 싼 것은 {model}입니다(월 {other}). 함수는 월 {faas}입니다.";
    FitReasonOnlyFaas => "Functions cost {faas} a month, and no other model serves this load: each drops or throttles 1% of requests or more, or its p95 misses the target.",
        "함수는 월 {faas}입니다. 다른 모델은 이 부하를 감당하지 못합니다: 모두 요청 유실이 1% 이상이거나 p95 목표를 넘깁니다.";
    /// Functions can run but do not serve the load; `{why}` is one of the FitWhyFaas… texts.
    FitReasonFaasFails => "Functions cost {faas} a month but do not serve this load: {why}.",
        "함수 요금은 월 {faas}입니다. 그러나 {why} 이 부하를 감당하지 못합니다.";
    FitWhyFaasLost => "{pct}% of their requests are throttled (1% or more)", "요청의 {pct}%가 스로틀링되어";
    FitWhyFaasTimedOut => "their p95 over the peak day timed out", "피크일 p95가 시간 초과되어";
    FitWhyFaasSlow => "their p95 over the peak day, {p95}, is over the {target} target (the request's duration + {wait} of waiting)",
        "피크일 전체 p95({p95})가 목표치({target}, 요청의 실행 시간 + 대기 {wait})를 넘어";
    FitReasonServesInstead => "{model} is the cheapest model that serves it, at {other} a month.",
        "이 부하를 감당하는 가장 싼 모델은 {model}입니다: 월 {other}.";
    FitReasonNoneServes => "No model serves this load: each drops or throttles 1% of requests or more, or its p95 misses the target.",
        "이 부하를 감당하는 모델이 없습니다: 모두 요청 유실이 1% 이상이거나 p95 목표를 넘깁니다.";
    FitReasonIdle => "Traffic is near zero for {pct}% of the day; functions bill nothing while idle, servers bill every hour.",
        "하루의 {pct}% 동안 트래픽이 거의 없습니다. 함수는 쉬는 동안 요금이 없지만 서버는 매시간 요금이 나옵니다.";
    /// Traffic near its peak all day: `{avg}` and `{low}` are the day's mean and lowest minute, % of the peak.
    FitReasonBusy => "Traffic stays near its peak all day ({avg}% of it on average, never under {low}%), so always-on instances stay busy and pay off.",
        "트래픽이 하루 종일 피크 가까이 유지됩니다(평균 피크의 {avg}%, 최저 {low}%). 항상 켜 둔 인스턴스가 계속 바쁘므로 본전을 뽑습니다.";
    /// Traffic that never stops but is far under its peak for part of the day.
    FitReasonBaseLoad => "Traffic never stops (never under {low}% of its peak, {avg}% on average): a base load that instances serve for less than per-request billing.",
        "트래픽이 멈추지 않습니다(피크의 {low}% 아래로 내려가지 않고 평균 {avg}%): 이런 기본 부하는 요청마다 내는 요금보다 인스턴스로 처리하는 편이 쌉니다.";
    FitReasonCold => "{pct}% of requests hit a cold start ({n} a month), each adding about {ms} ms: p95 is {p95} ms against {warm} ms warm.",
        "요청의 {pct}%가 콜드 스타트를 겪고(월 {n}번) 한 번에 약 {ms} ms가 더해집니다: p95가 {p95} ms(웜 상태는 {warm} ms)입니다.";
    FitReasonColdRare => "Cold starts are too few to reach the p95: {n} a month, {pct}% of requests, so p95 stays at {p95} ms (warm: {warm} ms).",
        "콜드 스타트가 p95에 닿을 만큼 많지 않습니다: 월 {n}번, 요청의 {pct}%라서 p95가 {p95} ms에 머뭅니다(웜 상태 {warm} ms).";
    /// The warm run is the CPU time on the memory's CPU share, longer than the duration.
    FitReasonCpuShare => "The CPU share sets the warm run: {mem} MB gets {share} of a vCPU, so {cpu} ms of CPU take {cpu} × {mbpv} ÷ {mem} {eq} {run} ms, longer than the {dur} ms duration; more memory runs it faster.",
        "웜 상태의 실행 시간을 정하는 것은 CPU 몫입니다: {mem} MB는 vCPU의 {share}만 받으므로 CPU 시간 {cpu} ms가 {cpu} × {mbpv} ÷ {mem} {eq} {run} ms 걸려 실행 시간 {dur} ms보다 깁니다. 메모리를 늘리면 빨라집니다.";
    FitReasonInstead => "{model} can run it instead, for {other} a month.", "대신 {model}에서 실행할 수 있습니다: 월 {other}.";
    FitReasonThrottled => "{pct}% of requests are throttled at the concurrency quota of {quota}.",
        "요청의 {pct}%가 동시 실행 한도 {quota}에 걸려 스로틀링됩니다.";
    FitReasonStateful => "It keeps state on local disk between runs, but functions are stateless: an environment's disk is wiped whenever it is recycled. Move the state to object storage (S3) or a database first.",
        "실행 사이에 로컬 디스크에 상태를 두지만 함수는 무상태입니다: 실행 환경이 교체될 때마다 디스크가 지워집니다. 먼저 상태를 객체 스토리지(S3)나 데이터베이스로 옮겨야 합니다.";
    FitReasonLimitsAt => "Function limits in force: {min}–{max} MB of memory and a {timeout} timeout.",
        "적용 중인 함수 한도: 메모리 {min}–{max} MB, 제한 시간 {timeout}.";
    FitAboutUnpredictable => "Irregular bursts over a low base: servers sized for the bursts sit idle most of the day.",
        "낮은 기본 트래픽 위로 불규칙한 폭증이 옵니다: 폭증에 맞춘 서버는 하루 대부분을 놀게 됩니다.";
    FitAboutQuick => "A small API that answers in 20 ms during business hours.", "업무 시간에 20 ms 안에 답하는 작은 API입니다.";
    FitAboutTiny => "A tiny function called a couple of times a second at most.", "많아야 초당 두어 번 불리는 아주 작은 함수입니다.";
    FitAboutParallelBatch => "A batch job fanned out over thousands of parallel one-second calls, a few times a day.",
        "하루 몇 번, 수천 개의 1초짜리 호출로 나뉘어 병렬로 도는 배치 작업입니다.";
    FitAboutScheduled => "A cron job: nothing for hours, then a short run.", "크론 작업: 몇 시간 동안 아무것도 없다가 잠깐 실행됩니다.";
    FitAboutIot => "Many sensors each sending a small reading every few minutes.", "센서 여러 대가 몇 분마다 작은 측정값을 보냅니다.";
    FitAboutEventApi => "An event API that is quiet until a sudden 10–50× spike (a sale, a ticket launch).",
        "조용하다가 갑자기 10–50배로 폭증하는 이벤트 API입니다(세일, 티켓 오픈).";
    FitAboutSteadyHeavy => "Thousands of requests a second, all day, every day.", "하루 종일, 매일 초당 수천 건의 요청입니다.";
    FitAboutLongRunning => "Each connection (a WebSocket) stays open for 20 minutes, longer than a function may run.",
        "연결(웹 소켓) 하나가 20분 동안 열려 있습니다. 함수가 실행될 수 있는 시간보다 깁니다.";
    FitAboutTranscode => "Each video takes 20 minutes of work in one run, longer than a function may run.",
        "동영상 하나를 한 번에 20분 동안 처리합니다. 함수가 실행될 수 있는 시간보다 깁니다.";
    FitAboutLocalDisk => "A job that reads and updates a cache or index on its local disk from one run to the next.",
        "실행할 때마다 로컬 디스크의 캐시나 인덱스를 읽고 고치는 작업입니다.";
    // -- export/embed --
    ExportMore => "More formats", "다른 형식";
    ExportPng => "PNG (2×)", "PNG (2배)";
    ExportCsv => "CSV data", "CSV 데이터";
    CopySvg => "Copy SVG", "SVG 복사";
    SvgCopied => "SVG copied to the clipboard.", "SVG를 클립보드에 복사했습니다.";
    SvgCopyFailed => "The browser did not allow copying here: use Export SVG to download the file.", "이 브라우저(또는 이 페이지)에서는 복사가 허용되지 않았습니다. ‘SVG 내보내기’로 파일을 내려받으세요.";
    CopyFailed => "The browser did not allow copying.", "브라우저가 복사를 허용하지 않았습니다.";
    ExportFileDone => "File downloaded.", "파일을 내려받았습니다.";
    ExportFailed => "The export did not work in this browser.", "이 브라우저에서는 내보내기가 되지 않았습니다.";
    ExportCurrentTheme => "Use the current theme (light otherwise)", "현재 테마 사용(아니면 밝은 테마)";
    OpenInSkyscale => "Open in Skyscale", "Skyscale에서 열기";
    OpenInSkyscaleLabel => "Open in Skyscale: this view, in a new tab", "이 화면을 Skyscale에서 열기(새 탭)";
    EmbedOpen => "Embed", "임베드";
    EmbedOpenLabel => "Get the HTML to put this view into a course page", "이 화면을 강의 페이지에 넣을 HTML 받기";
    EmbedTitle => "Embed this view in a course page", "이 화면을 강의 페이지에 넣기";
    EmbedMode => "Students may", "학생이 할 수 있는 것";
    EmbedLive => "change the controls (live)", "조작 바꾸기(실시간)";
    EmbedLockAll => "only look (a fixed figure)", "보기만 하기(고정된 그림)";
    EmbedLockSome => "Lock only these controls (names from the list below, comma-separated, e.g. peak,pat)",
        "이 조작만 잠그기(아래 목록의 이름을 쉼표로, 예: peak,pat)";
    EmbedControls => "Show only these controls (empty: all)", "이 조작만 보이기(비우면 모두)";
    EmbedUnknown => "Left out of the snippet, not a name on this page: {names}. The list below has the names.",
        "이 페이지에 없는 이름이라 코드에서 빠졌습니다: {names}. 쓸 수 있는 이름은 아래 목록에 있습니다.";
    EmbedKeys => "The names this view's controls go by", "이 화면의 조작 이름";
    KeyFail => "Failed module (a tap or click on a module)", "장애 난 모듈(모듈 누르기)";
    KeyDeploy => "Module being deployed", "배포 중인 모듈";
    KeyStep => "Story step", "이야기 단계";
    KeyCell => "Selected cell (a tap or click on a cell)", "선택한 칸(칸 누르기)";
    KeyCol => "Column summary (a tap or click on a header or facility band)", "열 요약(머리글·시설 칸 누르기)";
    EmbedQuiz => "Quiz: hide the numbers until students predict", "퀴즈: 학생이 예측할 때까지 숫자 숨기기";
    EmbedSnippet => "HTML for the course page", "강의 페이지에 붙여 넣을 HTML";
    EmbedPlainLink => "Or share a plain link", "또는 일반 링크로 공유";
    EmbedResizeNote => "Paste both lines. The script (embed.js, from this Skyscale address) makes the frame as tall as its content and keeps it so as students change things; it reads height messages only from Skyscale frames and sends them nothing. If the course page removes scripts, the frame stays {h} px tall, which holds the view in a column 960 px wide; a column 720 px wide needs height=\"{narrow}\", and a phone 360 px wide height=\"{phone}\".",
        "두 줄을 모두 붙여 넣으세요. 스크립트(이 Skyscale 주소의 embed.js)는 프레임 높이를 내용에 맞추고, 학생이 조작해 내용이 바뀌어도 계속 맞춥니다. Skyscale 프레임이 보낸 높이 메시지만 읽고, 프레임에는 아무것도 보내지 않습니다. 강의 페이지가 스크립트를 지우면 프레임은 {h}px 높이로 남으며, 이 높이는 너비 960px 단에 화면이 다 들어갑니다. 너비 720px 단에는 height=\"{narrow}\", 너비 360px 휴대폰에는 height=\"{phone}\" 값이 필요합니다.";
    EmbedResizeNoteSingle => "This is the one-file build, with no embed.js beside it, so the HTML carries the sizing script inline. If the course page removes scripts or blocks inline ones, the frame stays {h} px tall, which holds the view in a column 960 px wide; a column 720 px wide needs height=\"{narrow}\", and a phone 360 px wide height=\"{phone}\".",
        "파일 하나로 된 빌드라 옆에 embed.js가 없어서, 크기를 맞추는 스크립트를 HTML 안에 직접 넣었습니다. 강의 페이지가 스크립트를 지우거나 인라인 스크립트를 막으면 프레임은 {h}px 높이로 남으며, 이 높이는 너비 960px 단에 화면이 다 들어갑니다. 너비 720px 단에는 height=\"{narrow}\", 너비 360px 휴대폰에는 height=\"{phone}\" 값이 필요합니다.";
    EmbedFromFile => "This page was opened from a file: a course page on the web cannot show it in a frame. Put Skyscale on a web server, open it there and copy the HTML again.",
        "이 페이지는 파일에서 열었기 때문에 웹의 강의 페이지가 프레임 안에 보여 줄 수 없습니다. Skyscale을 웹 서버에 올리고 거기서 연 다음 HTML을 다시 복사하세요.";
    Copy => "Copy", "복사";
    Copied => "Copied.", "복사했습니다.";
    Close => "Close", "닫기";
    Locked => "Fixed by the course page", "강의 페이지에서 고정함";
    LockedAllNote => "The course page fixes this figure: its settings do not change here.",
        "강의 페이지가 이 그림을 고정했습니다. 여기서는 설정이 바뀌지 않습니다.";
    LockedSomeNote => "Controls with a dashed outline are fixed by the course page.",
        "점선 테두리의 컨트롤은 강의 페이지에서 고정했습니다.";
    QuizTitle => "Predict first", "먼저 예측해 보세요";
    QuizLead => "The numbers stay hidden until you commit your prediction.", "예측을 제출할 때까지 숫자는 가려져 있습니다.";
    QuizCheapest => "Which model is cheapest for this traffic over a month?", "이 트래픽이라면 한 달 동안 가장 저렴한 모델은?";
    QuizNone => "None of them serves it", "감당하는 모델이 없음";
    QuizPeakVms => "How many autoscaled VMs run at the busiest minute?", "가장 바쁜 1분에 자동 확장 VM은 몇 대가 돌아갈까요?";
    QuizSubmit => "Commit and reveal", "제출하고 확인하기";
    QuizAnswerFirst => "Answer both questions first.", "먼저 두 문제에 모두 답하세요.";
    QuizHidden => "Hidden until you predict", "예측 전까지 숨김";
    QuizRight => "Right.", "정답입니다.";
    QuizWrong => "Not quite.", "아쉽지만 틀렸습니다.";
    QuizCheapestWhy => "{model} is cheapest at {cost} a month; next is {second} at {next}. Usage-billed models pay only for the requests that come; servers and fixed fleets pay for the peak all day.",
        "한 달 동안 가장 저렴한 모델은 {model}입니다(월 {cost}). 그다음은 {second}입니다(월 {next}). 사용량 과금 모델은 들어온 요청만큼만 내고, 서버와 고정 대수는 하루 종일 피크에 맞춘 값을 냅니다.";
    QuizCheapestOnly => "{model} is the only model that serves this workload (drops or throttles under 1% of it, p95 within the bill's target), at {cost} a month.",
        "이 작업을 감당하는(요청 유실 1% 미만, p95가 요금표의 목표 이내) 모델은 {model} 하나뿐입니다(월 {cost}).";
    QuizAnswersHidden => "Hidden until you commit your prediction above.", "위에서 예측을 제출할 때까지 숨겨 둡니다.";
    QuizExportHidden => "Nothing to export yet: the diagrams appear once you commit your prediction.",
        "아직 내보낼 것이 없습니다. 예측을 제출하면 다이어그램이 나타납니다.";
    QuizNoneWhy => "No model serves this workload (drops or throttles under 1% of it, p95 within the bill's target): look at the dropped or throttled requests and the p95 in the bill.",
        "이 작업을 감당하는(요청 유실 1% 미만, p95가 요금표의 목표 이내) 모델이 없습니다. 청구서의 유실·스로틀링 요청과 p95를 보세요.";
    QuizVmsWhy => "At the busiest minute the autoscaler ran {n} VMs (you said {guess}; within 25% counts). It adds VMs when CPU stays above the {target}% target, and each new one serves only after its boot delay.",
        "가장 바쁜 1분에 자동 확장 VM은 {n}대였습니다(예측: {guess}, 25% 이내면 정답). CPU가 목표 {target}%를 넘는 상태가 이어지면 VM을 늘리고, 새 VM은 부팅 지연이 지나야 요청을 처리합니다.";
    QuizRetry => "Predict again", "다시 예측하기";
    HandoutQuestions => "Questions", "생각해 볼 문제";
    HandoutName => "Name", "이름";
    HandoutStack1 => "In PaaS, who patches the runtime and the operating system? What do you still own?",
        "PaaS에서는 런타임과 운영체제를 누가 패치하나요? 여러분에게 남는 것은 무엇인가요?";
    HandoutStack2 => "Name one layer you manage with FaaS but not with SaaS, and say why.",
        "FaaS에서는 직접 관리하지만 SaaS에서는 관리하지 않는 계층 하나를 들고 이유를 쓰세요.";
    HandoutScaling1 => "At which time of day does each model drop requests, and why?",
        "하루 중 언제 각 모델에서 요청이 유실되나요? 왜 그런가요?";
    HandoutScaling2 => "Which model is cheapest here? Would it still be at ten times the peak?",
        "여기서 가장 저렴한 모델은 무엇인가요? 피크가 열 배가 되어도 그럴까요?";
    HandoutMsa1 => "What does one failed module take down in the monolith, and in the microservices?",
        "모듈 하나가 멈추면 모놀리스와 마이크로서비스에서 각각 무엇이 멈추나요?";
    HandoutMsa2 => "Why does every service keep a minimum footprint, and what does that cost?",
        "서비스마다 최소 자원을 유지하는 이유는 무엇이고, 그 비용은 얼마인가요?";
    HandoutFit1 => "Which function limit rules this workload in or out?", "어떤 함수 한도가 이 작업의 적합 여부를 가르나요?";
    HandoutFit2 => "At what traffic would VMs or containers become cheaper than functions here?",
        "트래픽이 얼마일 때 VM이나 컨테이너가 함수보다 저렴해지나요?";
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

    #[test]
    fn a_request_rate_has_one_unit_name_in_korean() {
        // The student met 요청/초 in the lanes, req/s on the axes and in the math, 건/초 in
        // the CSV: one quantity, one name on a Korean page.
        for text in Text::ALL {
            let ko = text.get(Lang::Ko);
            assert!(
                !ko.contains("req/s") && !ko.contains("건/초"),
                "{text:?}: {ko}"
            );
        }
    }

    #[test]
    fn no_particle_that_depends_on_a_reading_follows_a_placeholder() {
        // After a number (or a name, money, a quoted value) the particle depends on how its
        // last syllable is read: `height="1860"가` should be `이` (영). A value is followed by
        // a word (`값이`), a unit (`px`, `ms`, `%`) or an invariant particle (의, 에, 도, 만).
        // (`이` covers 이며, 이고, 이나, 이라 and 이면 too.)
        const PAIRED: [&str; 10] = ["이", "가", "을", "를", "은", "는", "과", "와", "으로", "로"];
        for t in Text::ALL {
            let ko = t.get(Lang::Ko);
            for (i, _) in ko.match_indices('}') {
                let after = ko[i + 1..].trim_start_matches(['"', '”', '’']);
                // (A particle after a closing bracket belongs to the word before the bracket,
                // `값({value})으로`, and is not checked.)
                assert!(
                    !PAIRED.iter().any(|p| after.starts_with(p)),
                    "{t:?}: a particle after a placeholder: {ko}"
                );
            }
        }
        let note = Text::EmbedResizeNote.get(Lang::Ko);
        assert!(
            note.contains("height=\"{phone}\" 값이 필요합니다"),
            "{note}"
        );
    }

    #[test]
    fn a_lost_request_has_one_name_in_each_language() {
        // The student met 유실, 손실 and 버려지거나 for the same requests. Korean says 유실
        // (and 유실·스로틀링 where functions' throttling is counted too); English says
        // "dropped" (and "dropped or throttled"), never "lost" or "lose" for them.
        for text in Text::ALL {
            let ko = text.get(Lang::Ko);
            for other in ["손실", "버려", "요청을 잃", "제한된 요청"] {
                assert!(!ko.contains(other), "{text:?}: {ko}");
            }
            let en = text.get(Lang::En).to_lowercase();
            for word in en.split(|c: char| !c.is_alphabetic()) {
                assert!(
                    !matches!(word, "lost" | "lose" | "losing")
                        && (word != "loses" || en.contains("architecture loses")),
                    "{text:?}: {en}"
                );
            }
        }
        assert_eq!(Text::LaneDropped.get(Lang::Ko), "유실");
        assert_eq!(Text::ColDropped.get(Lang::Ko), "유실·스로틀링");
        assert!(
            Text::ChartDropped
                .get(Lang::Ko)
                .starts_with("유실·스로틀링")
        );
        assert!(
            Text::ChartCsvDropped
                .get(Lang::Ko)
                .contains("유실·스로틀링")
        );
        assert_eq!(
            Text::ChartDropped.get(Lang::En),
            "Dropped or throttled requests"
        );
    }

    #[test]
    fn a_time_of_day_is_written_one_way() {
        // Every clock the app writes is `HH:MM` (`lanes::clock`): the axis and the CSV header
        // name it so in both languages, never 시:분.
        for text in Text::ALL {
            assert!(!text.get(Lang::Ko).contains("시:분"), "{text:?}");
        }
        for lang in Lang::ALL {
            assert!(Text::ChartAxisTime.get(lang).contains("(HH:MM)"));
            assert!(Text::ChartCsvTime.get(lang).contains("(HH:MM)"));
        }
        assert_eq!(crate::lanes::clock(9 * 60 + 5), "09:05");
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
