//! The responsibility stack: who manages each layer under On-premises, IaaS, PaaS, FaaS, SaaS.
//!
//! The matrix is data ([`manager`]); [`build`] lays it out as a [`Scene`]. Each cell says who
//! manages it three ways — fill (solid vs. pale), outline (none vs. dashed) and a marker (filled
//! vs. hollow circle) — plus its `<title>` text, so colour is never the only signal.

use crate::i18n::{Lang, Text};
use crate::scenario::Scenario;
use crate::scene::{Anchor, Node, Role, Scene, Stroke};

/// A way to run software, from owning everything to renting a finished product.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServiceModel {
    OnPrem,
    Iaas,
    Paas,
    Faas,
    Saas,
}

impl ServiceModel {
    /// Left to right, in the order the provider takes over more of the stack.
    pub const ALL: [ServiceModel; 5] = [
        ServiceModel::OnPrem,
        ServiceModel::Iaas,
        ServiceModel::Paas,
        ServiceModel::Faas,
        ServiceModel::Saas,
    ];

    /// Stable id used in element ids and URLs.
    pub fn code(self) -> &'static str {
        match self {
            ServiceModel::OnPrem => "onprem",
            ServiceModel::Iaas => "iaas",
            ServiceModel::Paas => "paas",
            ServiceModel::Faas => "faas",
            ServiceModel::Saas => "saas",
        }
    }

    pub fn name(self) -> Text {
        match self {
            ServiceModel::OnPrem => Text::ColOnPrem,
            ServiceModel::Iaas => Text::ColIaas,
            ServiceModel::Paas => Text::ColPaas,
            ServiceModel::Faas => Text::ColFaas,
            ServiceModel::Saas => Text::ColSaas,
        }
    }

    pub fn subtitle(self) -> Text {
        match self {
            ServiceModel::OnPrem => Text::ColOnPremSub,
            ServiceModel::Iaas => Text::ColIaasSub,
            ServiceModel::Paas => Text::ColPaasSub,
            ServiceModel::Faas => Text::ColFaasSub,
            ServiceModel::Saas => Text::ColSaasSub,
        }
    }

    /// What the bill charges for under this model.
    pub fn bill(self) -> Text {
        match self {
            ServiceModel::OnPrem => Text::BillOnPrem,
            ServiceModel::Iaas => Text::BillIaas,
            ServiceModel::Paas => Text::BillPaas,
            ServiceModel::Faas => Text::BillFaas,
            ServiceModel::Saas => Text::BillSaas,
        }
    }

    /// The compute model the scaling view shows for this column (SaaS has no servers to
    /// scale, so none).
    pub fn compute_model(self) -> Option<crate::sim::ModelKind> {
        use crate::sim::ModelKind;
        match self {
            ServiceModel::OnPrem => Some(ModelKind::OnPrem),
            ServiceModel::Iaas => Some(ModelKind::VmAuto),
            ServiceModel::Paas => Some(ModelKind::Container),
            ServiceModel::Faas => Some(ModelKind::Faas),
            ServiceModel::Saas => None,
        }
    }

    /// Parses [`ServiceModel::code`].
    pub fn from_code(code: &str) -> Option<ServiceModel> {
        ServiceModel::ALL.into_iter().find(|m| m.code() == code)
    }

    /// Real services of this kind, one group per line (from the lecture notes).
    pub fn examples(self) -> Text {
        match self {
            ServiceModel::OnPrem => Text::ExOnPrem,
            ServiceModel::Iaas => Text::ExIaas,
            ServiceModel::Paas => Text::ExPaas,
            ServiceModel::Faas => Text::ExFaas,
            ServiceModel::Saas => Text::ExSaas,
        }
    }
}

/// One layer of the stack, top (closest to the business) to bottom (closest to the metal).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    Applications,
    Data,
    Runtime,
    Middleware,
    Os,
    Virtualization,
    Servers,
    Storage,
    Networking,
}

impl Layer {
    pub const ALL: [Layer; 9] = [
        Layer::Applications,
        Layer::Data,
        Layer::Runtime,
        Layer::Middleware,
        Layer::Os,
        Layer::Virtualization,
        Layer::Servers,
        Layer::Storage,
        Layer::Networking,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Layer::Applications => "applications",
            Layer::Data => "data",
            Layer::Runtime => "runtime",
            Layer::Middleware => "middleware",
            Layer::Os => "os",
            Layer::Virtualization => "virtualization",
            Layer::Servers => "servers",
            Layer::Storage => "storage",
            Layer::Networking => "networking",
        }
    }

    pub fn name(self) -> Text {
        match self {
            Layer::Applications => Text::LayerApplications,
            Layer::Data => Text::LayerData,
            Layer::Runtime => Text::LayerRuntime,
            Layer::Middleware => Text::LayerMiddleware,
            Layer::Os => Text::LayerOs,
            Layer::Virtualization => Text::LayerVirtualization,
            Layer::Servers => Text::LayerServers,
            Layer::Storage => Text::LayerStorage,
            Layer::Networking => Text::LayerNetworking,
        }
    }
}

impl Layer {
    /// Parses [`Layer::code`].
    pub fn from_code(code: &str) -> Option<Layer> {
        Layer::ALL.into_iter().find(|l| l.code() == code)
    }

    /// One sentence on what the layer is.
    pub fn what(self) -> Text {
        match self {
            Layer::Applications => Text::WhatApplications,
            Layer::Data => Text::WhatData,
            Layer::Runtime => Text::WhatRuntime,
            Layer::Middleware => Text::WhatMiddleware,
            Layer::Os => Text::WhatOs,
            Layer::Virtualization => Text::WhatVirtualization,
            Layer::Servers => Text::WhatServers,
            Layer::Storage => Text::WhatStorage,
            Layer::Networking => Text::WhatNetworking,
        }
    }

    /// The work of managing the layer (patching, upgrading, buying), whoever does it.
    pub fn chores(self) -> Text {
        match self {
            Layer::Applications => Text::ChoreApplications,
            Layer::Data => Text::ChoreData,
            Layer::Runtime => Text::ChoreRuntime,
            Layer::Middleware => Text::ChoreMiddleware,
            Layer::Os => Text::ChoreOs,
            Layer::Virtualization => Text::ChoreVirtualization,
            Layer::Servers => Text::ChoreServers,
            Layer::Storage => Text::ChoreStorage,
            Layer::Networking => Text::ChoreNetworking,
        }
    }
}

/// One step of the story mode: the notes' history from a company busy scaling servers to
/// serverless, each step pointing at the column it explains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoryStep {
    pub title: Text,
    pub body: Text,
    pub model: ServiceModel,
}

/// The story, in order.
pub const STORY: [StoryStep; 6] = [
    StoryStep {
        title: Text::Story1Title,
        body: Text::Story1,
        model: ServiceModel::OnPrem,
    },
    StoryStep {
        title: Text::Story2Title,
        body: Text::Story2,
        model: ServiceModel::OnPrem,
    },
    StoryStep {
        title: Text::Story3Title,
        body: Text::Story3,
        model: ServiceModel::Iaas,
    },
    StoryStep {
        title: Text::Story4Title,
        body: Text::Story4,
        model: ServiceModel::Paas,
    },
    StoryStep {
        title: Text::Story5Title,
        body: Text::Story5,
        model: ServiceModel::Faas,
    },
    StoryStep {
        title: Text::Story6Title,
        body: Text::Story6,
        model: ServiceModel::Saas,
    },
];

/// What the stack diagram emphasises: a highlighted column (story mode, or the model shown in
/// the scaling view) and a selected cell (the one whose details are open).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Focus {
    pub highlight: Option<ServiceModel>,
    pub selected: Option<(ServiceModel, Layer)>,
}

/// Who manages a layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Manager {
    You,
    Provider,
}

impl Manager {
    pub fn label(self) -> Text {
        match self {
            Manager::You => Text::YouManage,
            Manager::Provider => Text::ProviderManages,
        }
    }
}

/// The responsibility matrix, as the notes' figure draws it (plus FaaS, where you keep only
/// the function code, its data and its configuration).
pub fn manager(model: ServiceModel, layer: Layer) -> Manager {
    use Layer::*;
    let yours = match model {
        ServiceModel::OnPrem => true,
        ServiceModel::Iaas => matches!(layer, Applications | Data | Runtime | Middleware | Os),
        ServiceModel::Paas | ServiceModel::Faas => matches!(layer, Applications | Data),
        ServiceModel::Saas => false,
    };
    if yours {
        Manager::You
    } else {
        Manager::Provider
    }
}

/// What a cell says: the layer name, except where FaaS narrows what "yours" means.
fn cell_label(model: ServiceModel, layer: Layer) -> Text {
    match (model, layer) {
        (ServiceModel::Faas, Layer::Applications) => Text::FaasApplications,
        (ServiceModel::Faas, Layer::Data) => Text::FaasData,
        _ => layer.name(),
    }
}

// Layout, in px of the 1000-wide viewBox.
const WIDTH: f64 = 1000.0;
const MARGIN: f64 = 24.0;
const GAP: f64 = 12.0;
const HEADER_Y: f64 = 96.0;
const CELLS_Y: f64 = 156.0;
const ROW_H: f64 = 40.0;
const ROW_GAP: f64 = 6.0;

fn column_x(i: usize) -> f64 {
    MARGIN + i as f64 * (column_width() + GAP)
}

fn column_width() -> f64 {
    (WIDTH - 2.0 * MARGIN - 4.0 * GAP) / 5.0
}

/// `iaas-os` for (IaaS, O/S): the `cell` URL value.
pub fn cell_code((model, layer): (ServiceModel, Layer)) -> String {
    format!("{}-{}", model.code(), layer.code())
}

/// Parses [`cell_code`]'s form.
pub fn parse_cell(code: &str) -> Option<(ServiceModel, Layer)> {
    let (model, layer) = code.split_once('-')?;
    Some((ServiceModel::from_code(model)?, Layer::from_code(layer)?))
}

/// The emphasis the scenario asks for: the story step's column and the selected cell.
pub fn focus(scenario: &Scenario) -> Focus {
    Focus {
        highlight: scenario
            .step
            .and_then(|step| STORY.get((step as usize).checked_sub(1)?))
            .map(|step| step.model),
        selected: scenario.cell,
    }
}

/// Builds the responsibility-stack diagram in the scenario's language, with the emphasis the
/// scenario asks for (story step, selected cell).
pub fn build(scenario: &Scenario) -> Scene {
    build_with(scenario, focus(scenario))
}

/// Builds the diagram with a highlighted column and/or a selected cell.
pub fn build_with(scenario: &Scenario, focus: Focus) -> Scene {
    let lang = scenario.lang;
    let col_w = column_width();
    let cells_bottom = CELLS_Y + Layer::ALL.len() as f64 * (ROW_H + ROW_GAP);
    let examples_y = cells_bottom + 26.0;
    let legend_y = examples_y + 92.0;
    let height = legend_y + 40.0;

    let mut scene = Scene::new(
        WIDTH,
        height,
        Text::StackTitle.get(lang),
        Text::StackDesc.get(lang),
    );
    scene.push(
        Node::text(MARGIN, 40.0, Text::StackTitle.get(lang), 22.0, Role::Ink)
            .bold()
            .id("stack-title"),
    );
    scene.push(Node::text(
        MARGIN,
        68.0,
        Text::StackLead.get(lang),
        14.0,
        Role::InkMuted,
    ));

    for (i, model) in ServiceModel::ALL.into_iter().enumerate() {
        let x = column_x(i);
        if focus.highlight == Some(model) {
            scene.push(
                Node::rect(
                    x - 6.0,
                    HEADER_Y - 6.0,
                    col_w + 12.0,
                    cells_bottom - HEADER_Y + 4.0,
                    Role::None,
                )
                .radius(10.0)
                .stroke(Stroke::solid(Role::Accent, 3.0))
                .id("stack-highlight")
                .class(format!("highlight col-{}", model.code())),
            );
        }
        let selected = focus.selected.filter(|(m, _)| *m == model).map(|(_, l)| l);
        scene.push(column(lang, model, x, col_w, examples_y, selected));
    }
    scene.push(legend(lang, legend_y));
    scene
}

fn column(
    lang: Lang,
    model: ServiceModel,
    x: f64,
    w: f64,
    examples_y: f64,
    selected: Option<Layer>,
) -> Node {
    let name = model.name().get(lang);
    let mid = x + w / 2.0;
    let mut children = vec![
        Node::text(mid, HEADER_Y + 22.0, name, 20.0, Role::Ink)
            .bold()
            .anchor(Anchor::Middle),
        Node::text(
            mid,
            HEADER_Y + 42.0,
            model.subtitle().get(lang),
            12.0,
            Role::InkMuted,
        )
        .anchor(Anchor::Middle),
    ];
    for (row, layer) in Layer::ALL.into_iter().enumerate() {
        let y = CELLS_Y + row as f64 * (ROW_H + ROW_GAP);
        children.push(cell(lang, model, layer, x, y, w, selected == Some(layer)));
    }
    children.push(
        Node::text(
            x + 2.0,
            examples_y,
            Text::ExamplesLabel.get(lang),
            12.0,
            Role::InkMuted,
        )
        .bold(),
    );
    for (k, line) in model.examples().get(lang).split('\n').enumerate() {
        children.push(Node::text(
            x + 2.0,
            examples_y + 20.0 + k as f64 * 18.0,
            line,
            13.0,
            Role::Ink,
        ));
    }
    Node::group(children)
        .id(format!("stack-col-{}", model.code()))
        .class(format!("stack-col col-{}", model.code()))
}

fn cell(
    lang: Lang,
    model: ServiceModel,
    layer: Layer,
    x: f64,
    y: f64,
    w: f64,
    selected: bool,
) -> Node {
    let who = manager(model, layer);
    let label = cell_label(model, layer).get(lang);
    let (fill, ink, stroke) = match who {
        Manager::You => (Role::You, Role::YouInk, None),
        Manager::Provider => (
            Role::Provider,
            Role::ProviderInk,
            Some(Stroke::dashed(Role::ProviderLine, 1.2, "5 3")),
        ),
    };
    let mut rect = Node::rect(x, y, w, ROW_H, fill).radius(6.0);
    if selected {
        rect = rect.stroke(Stroke::solid(Role::Accent, 3.0));
    } else if let Some(s) = stroke {
        rect = rect.stroke(s);
    }
    let title = format!(
        "{} · {}: {}",
        model.name().get(lang),
        label,
        who.label().get(lang)
    );
    let who_class = match who {
        Manager::You => "you",
        Manager::Provider => "provider",
    };
    Node::group(vec![
        rect,
        marker(who, x + 16.0, y + ROW_H / 2.0),
        Node::text(x + 30.0, y + ROW_H / 2.0 + 5.0, label, 14.0, ink).class("layer-name"),
    ])
    .id(format!("stack-{}-{}", model.code(), layer.code()))
    .class(format!(
        "cell {who_class} layer-{}{}",
        layer.code(),
        if selected { " selected" } else { "" }
    ))
    .title(title)
    .interactive()
}

/// The shape that says who manages a cell without colour: a filled disc for "you", a hollow
/// ring for "provider".
fn marker(who: Manager, cx: f64, cy: f64) -> Node {
    match who {
        Manager::You => Node::circle(cx, cy, 6.0, Role::YouInk),
        Manager::Provider => {
            Node::circle(cx, cy, 5.5, Role::None).stroke(Stroke::solid(Role::ProviderLine, 2.0))
        }
    }
}

fn legend(lang: Lang, y: f64) -> Node {
    let mut items = vec![
        Node::text(
            MARGIN,
            y + 5.0,
            Text::LegendTitle.get(lang),
            13.0,
            Role::InkMuted,
        )
        .bold(),
    ];
    let mut x = MARGIN + 70.0;
    for who in [Manager::You, Manager::Provider] {
        let (fill, stroke) = match who {
            Manager::You => (Role::You, None),
            Manager::Provider => (
                Role::Provider,
                Some(Stroke::dashed(Role::ProviderLine, 1.2, "5 3")),
            ),
        };
        let mut swatch = Node::rect(x, y - 12.0, 34.0, 24.0, fill).radius(4.0);
        if let Some(s) = stroke {
            swatch = swatch.stroke(s);
        }
        items.push(swatch);
        items.push(marker(who, x + 17.0, y));
        items.push(Node::text(
            x + 44.0,
            y + 5.0,
            who.label().get(lang),
            14.0,
            Role::Ink,
        ));
        x += 220.0;
    }
    Node::group(items).id("stack-legend").class("legend")
}

/// "FaaS ⊂ Serverless": the set of serverless services, with FaaS as one member of it and
/// self-sized VMs and containers outside.
pub fn serverless(scenario: &Scenario) -> Scene {
    let lang = scenario.lang;
    let (w, h) = (1000.0, 380.0);
    let mut scene = Scene::new(
        w,
        h,
        Text::ServerlessTitle.get(lang),
        Text::ServerlessDesc.get(lang),
    );
    scene.push(
        Node::text(
            MARGIN,
            36.0,
            Text::ServerlessTitle.get(lang),
            22.0,
            Role::Ink,
        )
        .bold(),
    );
    // The outer set.
    scene.push(
        Node::group(vec![
            Node::rect(MARGIN, 56.0, 700.0, 300.0, Role::Provider)
                .radius(28.0)
                .stroke(Stroke::solid(Role::ProviderLine, 2.0)),
            Node::text(
                MARGIN + 24.0,
                88.0,
                Text::ServerlessLabel.get(lang),
                18.0,
                Role::ProviderInk,
            )
            .bold(),
        ])
        .id("serverless-set")
        .class("set serverless"),
    );
    // FaaS, the subset, drawn as a filled inner set.
    scene.push(
        Node::group(vec![
            Node::rect(MARGIN + 24.0, 104.0, 300.0, 120.0, Role::You).radius(20.0),
            Node::text(
                MARGIN + 44.0,
                140.0,
                Text::ServerlessFaas.get(lang),
                17.0,
                Role::YouInk,
            )
            .bold(),
            Node::text(MARGIN + 44.0, 170.0, "AWS Lambda", 13.0, Role::YouInk),
            Node::text(MARGIN + 44.0, 190.0, "Azure Functions", 13.0, Role::YouInk),
            Node::text(
                MARGIN + 44.0,
                210.0,
                "Google Cloud Functions",
                13.0,
                Role::YouInk,
            ),
        ])
        .id("serverless-faas")
        .class("set faas"),
    );
    let others = [
        (Text::ServerlessDb, Text::ServerlessDbEx),
        (Text::ServerlessStorage, Text::ServerlessStorageEx),
        (Text::ServerlessQueues, Text::ServerlessQueuesEx),
        (Text::ServerlessApi, Text::ServerlessApiEx),
    ];
    for (i, (name, ex)) in others.into_iter().enumerate() {
        let x = MARGIN + 348.0;
        let y = 104.0 + i as f64 * 60.0;
        scene.push(
            Node::group(vec![
                Node::rect(x, y, 330.0, 50.0, Role::Background)
                    .radius(10.0)
                    .stroke(Stroke::dashed(Role::ProviderLine, 1.2, "5 3")),
                Node::text(x + 14.0, y + 21.0, name.get(lang), 14.0, Role::Ink).bold(),
                Node::text(x + 14.0, y + 40.0, ex.get(lang), 12.0, Role::InkMuted),
            ])
            .class("set-member"),
        );
    }
    // Outside the set.
    let ox = MARGIN + 730.0;
    scene.push(
        Node::group(vec![
            Node::rect(ox, 104.0, 222.0, 120.0, Role::Background)
                .radius(10.0)
                .stroke(Stroke::solid(Role::Border, 1.5)),
            Node::text(ox + 12.0, 130.0, "EC2 · VM", 14.0, Role::Ink).bold(),
            Node::text(
                ox + 12.0,
                150.0,
                Text::NotServerlessEx.get(lang),
                13.0,
                Role::Ink,
            ),
        ])
        .id("not-serverless")
        .class("outside"),
    );
    for (k, line) in crate::scene::wrap(Text::NotServerless.get(lang), 30)
        .iter()
        .enumerate()
    {
        scene.push(Node::text(
            ox + 12.0,
            176.0 + k as f64 * 17.0,
            line.clone(),
            12.0,
            Role::InkMuted,
        ));
    }
    scene
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::svg::{Options, write};

    fn scene(lang: Lang) -> Scene {
        build(&Scenario {
            lang,
            ..Scenario::default()
        })
    }

    fn check(model: ServiceModel, yours: &[Layer]) {
        for layer in Layer::ALL {
            let expected = if yours.contains(&layer) {
                Manager::You
            } else {
                Manager::Provider
            };
            assert_eq!(manager(model, layer), expected, "{model:?} {layer:?}");
        }
    }

    #[test]
    fn the_matrix_matches_the_notes_figure() {
        use Layer::*;
        check(ServiceModel::OnPrem, &Layer::ALL);
        check(
            ServiceModel::Iaas,
            &[Applications, Data, Runtime, Middleware, Os],
        );
        check(ServiceModel::Paas, &[Applications, Data]);
        check(ServiceModel::Faas, &[Applications, Data]);
        check(ServiceModel::Saas, &[]);
    }

    #[test]
    fn every_layer_name_is_drawn_in_both_languages() {
        for lang in Lang::ALL {
            let scene = scene(lang);
            let texts: Vec<&str> = scene.texts().collect();
            for layer in Layer::ALL {
                assert!(
                    texts.contains(&layer.name().get(lang)),
                    "{layer:?} in {lang:?}"
                );
            }
            for model in ServiceModel::ALL {
                assert!(texts.contains(&model.name().get(lang)));
            }
        }
    }

    #[test]
    fn faas_keeps_only_code_data_and_config_and_cells_say_who_without_colour() {
        let scene = scene(Lang::En);
        let cell = scene.find("stack-faas-applications").unwrap();
        assert!(cell.meta.class.as_deref().unwrap().contains("you"));
        assert!(cell.meta.title.as_deref().unwrap().contains("You manage"));
        let runtime = scene.find("stack-faas-runtime").unwrap();
        assert!(
            runtime
                .meta
                .title
                .as_deref()
                .unwrap()
                .contains("Provider manages")
        );
        let texts: Vec<&str> = scene.texts().collect();
        assert!(texts.contains(&"Functions + config"));
        assert!(texts.iter().any(|t| t.contains("AWS Lambda")));
        assert!(texts.iter().any(|t| t.contains("KT, LG U+")));
    }

    #[test]
    fn focus_highlights_a_column_and_selects_a_cell() {
        let s = Scenario::default();
        let focus = Focus {
            highlight: Some(ServiceModel::Paas),
            selected: Some((ServiceModel::Iaas, Layer::Os)),
        };
        let scene = build_with(&s, focus);
        let frame = scene.find("stack-highlight").unwrap();
        assert!(frame.meta.class.as_deref().unwrap().contains("col-paas"));
        let cell = scene.find("stack-iaas-os").unwrap();
        assert!(cell.meta.class.as_deref().unwrap().contains("selected"));
        assert!(build(&s).find("stack-highlight").is_none());
        for step in STORY {
            assert!(!step.body.get(Lang::Ko).is_empty());
        }
        assert_eq!(STORY[4].model, ServiceModel::Faas);
    }

    #[test]
    fn serverless_contains_faas_and_more() {
        let scene = serverless(&Scenario::default());
        let texts: Vec<&str> = scene.texts().collect();
        assert!(texts.contains(&"FaaS ⊂ Serverless"));
        assert!(texts.contains(&"Managed databases"));
        assert!(scene.find("serverless-faas").is_some());
        assert_eq!(
            crate::scene::wrap("a bb ccc dddd", 6),
            vec!["a bb", "ccc", "dddd"]
        );
        assert_eq!(crate::scene::wrap("가나 다라", 5), vec!["가나", "다라"]);
    }

    #[test]
    fn the_exported_file_is_standalone_and_holds_the_labels() {
        let svg = write(&scene(Lang::Ko), &Options::file());
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root = doc.root_element();
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        for attr in ["viewBox", "width", "height", "font-family"] {
            assert!(root.attribute(attr).is_some(), "{attr}");
        }
        assert!(
            root.attribute("font-family")
                .unwrap()
                .contains("Noto Sans KR")
        );
        let title = root.children().find(|n| n.has_tag_name("title")).unwrap();
        assert_eq!(title.text(), Some(Text::StackTitle.get(Lang::Ko)));
        assert!(root.children().any(|n| n.has_tag_name("desc")));
        assert!(!svg.contains("foreignObject"));
        assert!(!svg.contains("<style"));
        assert!(!svg.contains("var(--"));
        let texts: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect();
        assert!(texts.contains(&"가상화"));
        let http: Vec<_> = svg.match_indices("http").collect();
        assert_eq!(http.len(), 1, "only the SVG namespace may be a URL");
    }
}
