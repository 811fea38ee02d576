//! The responsibility stack: who manages each layer under On-premises, IaaS, PaaS, FaaS, SaaS.
//!
//! The matrix is data ([`manager`]); [`build`] lays it out as a [`Scene`]. Each cell says who
//! manages it three ways — fill (solid vs. pale), outline (none vs. dashed) and a marker (filled
//! vs. hollow circle) — plus its `<title>` text, so colour is never the only signal. Under the
//! nine layers of the notes' figure a band shows who runs the facility (building, power,
//! cooling, physical security): the notes' step from a company's own server room to an IDC
//! changes only that band.
//!
//! The [`STORY`] walks the notes' history. Each step is about one column, in the [`Stage`] the
//! step introduces (the on-premises servers housed in an IDC; FaaS with managed back-end
//! services, which is what the notes call serverless), and [`changed`] names the cells that differ
//! from the step before; the picture marks them with a corner flag and a dashed outline, and
//! says what changed in a line under the title. Column headers are buttons too: a column's
//! summary ([`ServiceModel::you_keep`], [`ServiceModel::provider_takes`], and the cells on each
//! side from [`summary_cells`], in the words the cells show) is what the `col` key selects. A
//! layer has one name everywhere: the cell's label, which the lists, the column's prose and the
//! story's change line use too.

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

    /// The column's summary: what you still manage under this model (from the notes).
    pub fn you_keep(self) -> Text {
        match self {
            ServiceModel::OnPrem => Text::KeepOnPrem,
            ServiceModel::Iaas => Text::KeepIaas,
            ServiceModel::Paas => Text::KeepPaas,
            ServiceModel::Faas => Text::KeepFaas,
            ServiceModel::Saas => Text::KeepSaas,
        }
    }

    /// The column's summary: what the provider takes over (from the notes).
    pub fn provider_takes(self) -> Text {
        match self {
            ServiceModel::OnPrem => Text::TakesOnPrem,
            ServiceModel::Iaas => Text::TakesIaas,
            ServiceModel::Paas => Text::TakesPaas,
            ServiceModel::Faas => Text::TakesFaas,
            ServiceModel::Saas => Text::TakesSaas,
        }
    }

    /// The layers you manage under this model, top to bottom (the matrix's column).
    pub fn your_layers(self) -> Vec<Layer> {
        Layer::ALL
            .into_iter()
            .filter(|&l| manager(self, l) == Manager::You)
            .collect()
    }

    /// The layers the provider manages under this model, top to bottom.
    pub fn provider_layers(self) -> Vec<Layer> {
        Layer::ALL
            .into_iter()
            .filter(|&l| manager(self, l) == Manager::Provider)
            .collect()
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

/// A column as a story step shows it: as the matrix has it, or in one of the two variants the
/// notes' history passes through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Stage {
    #[default]
    Plain,
    /// On-premises servers housed in an Internet Data Center: the IDC runs the facility.
    Idc,
    /// FaaS with managed back-end services (databases, storage, queues): serverless, as the
    /// notes define it (FaaS ⊂ Serverless).
    Serverless,
}

/// One step of the story mode: the notes' history from a company busy scaling servers to
/// serverless, each step pointing at the column it explains, in the stage it introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoryStep {
    pub title: Text,
    pub body: Text,
    /// What changed at this step, in one line (drawn under the stack's title).
    pub change: Text,
    pub model: ServiceModel,
    pub stage: Stage,
}

/// The story, in order.
pub const STORY: [StoryStep; 6] = [
    StoryStep {
        title: Text::Story1Title,
        body: Text::Story1,
        change: Text::StoryChange1,
        model: ServiceModel::OnPrem,
        stage: Stage::Plain,
    },
    StoryStep {
        title: Text::Story2Title,
        body: Text::Story2,
        change: Text::StoryChange2,
        model: ServiceModel::OnPrem,
        stage: Stage::Idc,
    },
    StoryStep {
        title: Text::Story3Title,
        body: Text::Story3,
        change: Text::StoryChange3,
        model: ServiceModel::Iaas,
        stage: Stage::Plain,
    },
    StoryStep {
        title: Text::Story4Title,
        body: Text::Story4,
        change: Text::StoryChange4,
        model: ServiceModel::Paas,
        stage: Stage::Plain,
    },
    StoryStep {
        title: Text::Story5Title,
        body: Text::Story5,
        change: Text::StoryChange5,
        model: ServiceModel::Faas,
        stage: Stage::Plain,
    },
    StoryStep {
        title: Text::Story6Title,
        body: Text::Story6,
        change: Text::StoryChange6,
        model: ServiceModel::Faas,
        stage: Stage::Serverless,
    },
];

/// A cell of the stack: one of the nine layers, or the facility band under them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Row {
    Layer(Layer),
    Facility,
}

/// Who manages `row` of `model`'s column in `stage`, and what the cell says.
pub fn cell_at(model: ServiceModel, row: Row, stage: Stage) -> (Manager, Text) {
    match row {
        Row::Facility => match (model, stage) {
            (ServiceModel::OnPrem, Stage::Idc) => (Manager::Provider, Text::FacilityIdc),
            (ServiceModel::OnPrem, _) => (Manager::You, Text::Facility),
            _ => (Manager::Provider, Text::Facility),
        },
        Row::Layer(layer) => {
            let label = match (model, layer, stage) {
                (ServiceModel::Faas, Layer::Data, Stage::Serverless) => Text::ServerlessData,
                _ => cell_label(model, layer),
            };
            (manager(model, layer), label)
        }
    }
}

/// Every row, top to bottom.
pub fn rows() -> impl Iterator<Item = Row> {
    Layer::ALL
        .into_iter()
        .map(Row::Layer)
        .chain([Row::Facility])
}

/// The cells of step `index` (0-based) that differ from the step before: who manages them or
/// what they say. The first step changes nothing (it is where the story starts).
pub fn changed(index: usize) -> Vec<Row> {
    let (Some(now), Some(before)) = (
        STORY.get(index),
        index.checked_sub(1).and_then(|i| STORY.get(i)),
    ) else {
        return Vec::new();
    };
    rows()
        .filter(|&row| {
            let a = cell_at(now.model, row, now.stage);
            let b = cell_at(before.model, row, before.stage);
            // The facility band changes hands once (to the IDC); who runs it after that (the
            // IDC or the cloud provider's own data centre) is not what a later step is about.
            match row {
                Row::Facility => a.0 != b.0,
                Row::Layer(_) => a != b,
            }
        })
        .collect()
}

/// What the stack diagram emphasises: a highlighted column (story mode, or the model shown in
/// the scaling view), the story step shown (0-based), a selected column (its summary is open)
/// and a selected cell (its details are open).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Focus {
    pub highlight: Option<ServiceModel>,
    pub step: Option<usize>,
    pub column: Option<ServiceModel>,
    pub selected: Option<(ServiceModel, Layer)>,
}

impl Focus {
    /// The stage `model`'s column is drawn in.
    pub fn stage(&self, model: ServiceModel) -> Stage {
        self.step
            .and_then(|i| STORY.get(i))
            .filter(|st| st.model == model)
            .map_or(Stage::Plain, |st| st.stage)
    }
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
pub fn cell_label(model: ServiceModel, layer: Layer) -> Text {
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
/// The facility band: a gap above it, and its height.
const FACILITY_GAP: f64 = 10.0;
const FACILITY_H: f64 = 44.0;

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

/// The story step a scenario shows (0-based), if the story has started.
pub fn story_index(scenario: &Scenario) -> Option<usize> {
    let i = (scenario.step? as usize).checked_sub(1)?;
    (i < STORY.len()).then_some(i)
}

/// The emphasis the scenario asks for: the story step's column, the selected column and cell.
/// A selected cell is the more specific choice: with both in a link, the cell is what shows.
pub fn focus(scenario: &Scenario) -> Focus {
    let step = story_index(scenario);
    Focus {
        highlight: step.map(|i| STORY[i].model),
        step,
        column: scenario.col.filter(|_| scenario.cell.is_none()),
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
    let facility_y = cells_bottom - ROW_GAP + FACILITY_GAP;
    let columns_bottom = facility_y + FACILITY_H;
    let examples_y = columns_bottom + 26.0;
    let legend_y = examples_y + 92.0;
    let height = legend_y + 40.0;
    let changed_rows = focus.step.map(changed).unwrap_or_default();

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
    // Under the title: the lead, or during the story what changed at this step.
    let lead = match focus.step.and_then(|i| STORY.get(i).map(|st| (i, st))) {
        Some((i, st)) => Node::text(
            MARGIN,
            68.0,
            Text::StoryChangeLine
                .get(lang)
                .replace("{n}", &(i + 1).to_string())
                .replace("{change}", st.change.get(lang)),
            14.0,
            Role::Ink,
        )
        .bold()
        .id("stack-change"),
        None => Node::text(
            MARGIN,
            68.0,
            Text::StackLead.get(lang),
            14.0,
            Role::InkMuted,
        ),
    };
    scene.push(lead);

    for (i, model) in ServiceModel::ALL.into_iter().enumerate() {
        let x = column_x(i);
        if focus.highlight == Some(model) {
            scene.push(
                Node::rect(
                    x - 6.0,
                    HEADER_Y - 6.0,
                    col_w + 12.0,
                    columns_bottom - HEADER_Y + 12.0,
                    Role::None,
                )
                .radius(10.0)
                .stroke(Stroke::solid(Role::Accent, 3.0))
                .id("stack-highlight")
                .class(format!("highlight col-{}", model.code())),
            );
        }
        let selected = focus.selected.filter(|(m, _)| *m == model).map(|(_, l)| l);
        let look = ColumnLook {
            stage: focus.stage(model),
            selected,
            header_selected: focus.column == Some(model),
            changed: if focus.highlight == Some(model) {
                changed_rows.clone()
            } else {
                Vec::new()
            },
            header_clickable: scenario.present.can_change("col"),
            cells_clickable: scenario.present.can_change("cell"),
        };
        scene.push(column(lang, model, x, col_w, facility_y, examples_y, &look));
    }
    scene.push(legend(lang, legend_y, !changed_rows.is_empty()));
    scene
}

/// How one column is drawn: its stage, its selected cell and header, the cells that changed.
struct ColumnLook {
    stage: Stage,
    selected: Option<Layer>,
    header_selected: bool,
    changed: Vec<Row>,
    /// Whether a click on the header (`col`) or on a cell (`cell`) can do anything: not when
    /// an embed locks the key (or everything).
    header_clickable: bool,
    cells_clickable: bool,
}

/// A column header's tooltip: the model and how much of the stack you keep (a description).
/// `subtitle` is the one the header shows (a story step may show another than the model's own),
/// so the name a screen reader hears starts with the words on screen.
fn header_title(lang: Lang, model: ServiceModel, subtitle: Text) -> String {
    format!(
        "{} ({}): {}",
        model.name().get(lang),
        subtitle.get(lang),
        Text::HeaderYours
            .get(lang)
            .replace("{n}", &model.your_layers().len().to_string())
            .replace("{t}", &Layer::ALL.len().to_string())
    )
}

fn column(
    lang: Lang,
    model: ServiceModel,
    x: f64,
    w: f64,
    facility_y: f64,
    examples_y: f64,
    look: &ColumnLook,
) -> Node {
    let name = model.name().get(lang);
    let mid = x + w / 2.0;
    let subtitle = subtitle_at(model, look.stage);
    let mut header = Node::rect(x, HEADER_Y - 2.0, w, 52.0, Role::Background).radius(8.0);
    if look.header_selected {
        header = header.stroke(Stroke::solid(Role::Accent, 3.0));
    }
    let mut children = vec![
        Node::group(vec![
            header,
            Node::text(mid, HEADER_Y + 22.0, name, 20.0, Role::Ink)
                .bold()
                .anchor(Anchor::Middle),
            Node::text(
                mid,
                HEADER_Y + 42.0,
                subtitle.get(lang),
                12.0,
                Role::InkMuted,
            )
            .anchor(Anchor::Middle),
        ])
        .id(format!("stack-head-{}", model.code()))
        .class(if look.header_selected {
            "col-head selected"
        } else {
            "col-head"
        })
        .title(header_title(lang, model, subtitle))
        .interactive_if(look.header_clickable),
    ];
    for (row, layer) in Layer::ALL.into_iter().enumerate() {
        let y = CELLS_Y + row as f64 * (ROW_H + ROW_GAP);
        children.push(
            cell(
                lang,
                model,
                layer,
                (x, y, w),
                look.stage,
                look.selected == Some(layer),
                look.changed.contains(&Row::Layer(layer)),
            )
            .interactive_if(look.cells_clickable),
        );
    }
    children.push(
        facility(
            lang,
            model,
            (x, facility_y, w),
            look.stage,
            look.changed.contains(&Row::Facility),
        )
        .interactive_if(look.header_clickable),
    );
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

/// The fill, ink and outline of a cell managed by `who`.
fn look_of(who: Manager) -> (Role, Role, Option<Stroke>) {
    match who {
        Manager::You => (Role::You, Role::YouInk, None),
        Manager::Provider => (
            Role::Provider,
            Role::ProviderInk,
            Some(Stroke::dashed(Role::ProviderLine, 1.2, "5 3")),
        ),
    }
}

/// The flag in a changed cell's top-right corner: a shape, so the mark does not rest on colour
/// or on a glyph a font may lack.
fn flag(x: f64, y: f64) -> Node {
    Node::polygon(vec![(x - 16.0, y), (x, y), (x, y + 16.0)], Role::Accent).class("changed-flag")
}

fn cell(
    lang: Lang,
    model: ServiceModel,
    layer: Layer,
    (x, y, w): (f64, f64, f64),
    stage: Stage,
    selected: bool,
    changed: bool,
) -> Node {
    let (who, label) = cell_at(model, Row::Layer(layer), stage);
    let label = label.get(lang);
    let (fill, ink, stroke) = look_of(who);
    let mut rect = Node::rect(x, y, w, ROW_H, fill).radius(6.0);
    if selected {
        rect = rect.stroke(Stroke::solid(Role::Accent, 3.0));
    } else if changed {
        rect = rect.stroke(Stroke::dashed(Role::Accent, 3.0, "6 3"));
    } else if let Some(s) = stroke {
        rect = rect.stroke(s);
    }
    let mut title = format!(
        "{} · {}: {}",
        model.name().get(lang),
        label,
        who.label().get(lang)
    );
    if changed {
        title = format!("{title} ({})", Text::ChangedAtStep.get(lang));
    }
    let who_class = match who {
        Manager::You => "you",
        Manager::Provider => "provider",
    };
    let mut kids = vec![
        rect,
        marker(who, x + 16.0, y + ROW_H / 2.0),
        Node::text(x + 30.0, y + ROW_H / 2.0 + 5.0, label, 14.0, ink).class("layer-name"),
    ];
    if changed {
        kids.push(flag(x + w, y));
    }
    Node::group(kids)
        .id(format!("stack-{}-{}", model.code(), layer.code()))
        .class(format!(
            "cell {who_class} layer-{}{}{}",
            layer.code(),
            if selected { " selected" } else { "" },
            if changed { " changed" } else { "" }
        ))
        .title(title)
}

/// Who runs `model`'s facility as the stack shows it for `scenario` (at the story's IDC step,
/// the IDC), in words: the same words as the band's title.
pub fn facility_manager(scenario: &Scenario, model: ServiceModel) -> (Manager, Text) {
    let stage = focus(scenario).stage(model);
    let (who, _) = cell_at(model, Row::Facility, stage);
    let words = if stage == Stage::Idc && model == ServiceModel::OnPrem {
        Text::IdcManages
    } else {
        who.label()
    };
    (who, words)
}

/// A column's subtitle as drawn in `stage` ("FaaS + managed services" at the story's last step).
pub fn subtitle_at(model: ServiceModel, stage: Stage) -> Text {
    match stage {
        Stage::Idc => Text::ColOnPremIdcSub,
        Stage::Serverless => Text::ColFaasServerlessSub,
        Stage::Plain => model.subtitle(),
    }
}

/// The column summary's title and "what you still manage" for `scenario`, in the words the
/// column is drawn with (at the serverless step the data is "Data in managed DBs").
pub fn column_words(scenario: &Scenario, model: ServiceModel) -> (Text, Text) {
    let stage = focus(scenario).stage(model);
    let keep = match stage {
        Stage::Serverless => Text::KeepServerless,
        _ => model.you_keep(),
    };
    (subtitle_at(model, stage), keep)
}

/// The cells of `model`'s column that `who` manages as the stack draws them for `scenario`,
/// top to bottom (the facility band last), each in the words its cell shows ("Functions +
/// config" under FaaS, "Facility: IDC" at the story's IDC step): the column summary's lists.
pub fn summary_cells(scenario: &Scenario, model: ServiceModel, who: Manager) -> Vec<Text> {
    let stage = focus(scenario).stage(model);
    rows()
        .map(|row| cell_at(model, row, stage))
        .filter(|&(w, _)| w == who)
        .map(|(_, label)| label)
        .collect()
}

/// The facility band under a column: who runs the building, power, cooling and security.
/// It opens the column's summary when activated, which says who runs it (a tap target like
/// the layers above it).
fn facility(
    lang: Lang,
    model: ServiceModel,
    (x, y, w): (f64, f64, f64),
    stage: Stage,
    changed: bool,
) -> Node {
    let (who, label) = cell_at(model, Row::Facility, stage);
    let (fill, ink, stroke) = look_of(who);
    let mut rect = Node::rect(x, y, w, FACILITY_H, fill).radius(6.0);
    if changed {
        rect = rect.stroke(Stroke::dashed(Role::Accent, 3.0, "6 3"));
    } else if let Some(s) = stroke {
        rect = rect.stroke(s);
    }
    let manager = if stage == Stage::Idc && model == ServiceModel::OnPrem {
        Text::IdcManages
    } else {
        who.label()
    };
    // The name holds the band's visible words (label and parts), then what they stand for.
    let mut title = format!(
        "{} · {} {} ({}): {}",
        model.name().get(lang),
        label.get(lang),
        Text::FacilityParts.get(lang),
        Text::FacilityFull.get(lang),
        manager.get(lang)
    );
    if changed {
        title = format!("{title} ({})", Text::ChangedAtStep.get(lang));
    }
    let mut kids = vec![
        rect,
        marker(who, x + 16.0, y + FACILITY_H / 2.0),
        Node::text(x + 30.0, y + 19.0, label.get(lang), 13.0, ink)
            .bold()
            .class("layer-name"),
        Node::text(x + 30.0, y + 35.0, Text::FacilityParts.get(lang), 10.5, ink),
    ];
    if changed {
        kids.push(flag(x + w, y));
    }
    let who_class = match who {
        Manager::You => "you",
        Manager::Provider => "provider",
    };
    Node::group(kids)
        .id(format!("stack-{}-facility", model.code()))
        .class(format!(
            "cell facility {who_class}{}",
            if changed { " changed" } else { "" }
        ))
        .title(title)
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

fn legend(lang: Lang, y: f64, story: bool) -> Node {
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
        let (fill, _, stroke) = look_of(who);
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
    if story {
        items.push(
            Node::rect(x, y - 12.0, 34.0, 24.0, Role::Background)
                .radius(4.0)
                .stroke(Stroke::dashed(Role::Accent, 3.0, "6 3")),
        );
        items.push(flag(x + 34.0, y - 12.0));
        items.push(Node::text(
            x + 44.0,
            y + 5.0,
            Text::ChangedAtStep.get(lang),
            14.0,
            Role::Ink,
        ));
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
    // The story's last two steps point here: FaaS (step 5), then serverless as a whole, FaaS
    // and the managed back-end services around it (step 6).
    match story_index(scenario).and_then(|i| STORY.get(i)) {
        Some(StoryStep {
            model: ServiceModel::Faas,
            stage: Stage::Serverless,
            ..
        }) => scene.push(
            Node::rect(MARGIN - 6.0, 50.0, 712.0, 312.0, Role::None)
                .radius(32.0)
                .stroke(Stroke::solid(Role::Accent, 3.0))
                .id("serverless-highlight")
                .class("highlight set"),
        ),
        Some(StoryStep {
            model: ServiceModel::Faas,
            ..
        }) => scene.push(
            Node::rect(MARGIN + 18.0, 98.0, 312.0, 132.0, Role::None)
                .radius(24.0)
                .stroke(Stroke::solid(Role::Accent, 3.0))
                .id("serverless-highlight")
                .class("highlight faas"),
        ),
        _ => {}
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

    /// How many elements of the on-screen stack the keyboard stops on.
    fn focusable(query: &str) -> usize {
        let (s, _) = Scenario::from_query(query);
        let svg = write(&build(&s), &Options::screen(crate::svg::Palette::Light));
        svg.matches("tabindex=\"0\"").count()
    }

    #[test]
    fn a_locked_embed_leaves_no_dead_stops_for_the_keyboard() {
        let columns = ServiceModel::ALL.len();
        let cells = columns * Layer::ALL.len();
        // Each column's header and its facility band open the column's summary.
        assert_eq!(focusable("view=stack"), 2 * columns + cells);
        // A fixed figure: nothing in it does anything, so nothing takes focus.
        assert_eq!(focusable("view=stack&embed=1&lock=all"), 0);
        // Only the cells locked: the headers and facility bands still open their summaries.
        assert_eq!(focusable("view=stack&embed=1&lock=cell"), 2 * columns);
        assert_eq!(focusable("view=stack&embed=1&lock=col"), cells);
        // Controls left out of an embed's `controls` list are not there to use: an embed that
        // shows only the story's steps has no clickable cells or headers.
        assert_eq!(focusable("view=stack&embed=1&controls=step"), 0);
        assert_eq!(
            focusable("view=stack&embed=1&controls=step,col"),
            2 * columns
        );
        assert_eq!(focusable("view=stack&embed=1&controls=cell"), cells);
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
            ..Focus::default()
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

    fn at_step(step: u32, lang: &str) -> (Scene, Scene) {
        let (s, w) = Scenario::from_query(&format!("lang={lang}&step={step}"));
        assert!(w.is_empty());
        (build(&s), serverless(&s))
    }

    fn class(scene: &Scene, id: &str) -> String {
        scene
            .find(id)
            .and_then(|n| n.meta.class.clone())
            .unwrap_or_default()
    }

    #[test]
    fn every_story_step_shows_on_the_stack_what_changed() {
        // Step 2 (IDC): the facility moves to the IDC, the servers stay yours.
        let (one, _) = at_step(1, "en");
        let (two, _) = at_step(2, "en");
        assert_ne!(one, two);
        assert!(class(&one, "stack-onprem-facility").contains("you"));
        assert!(class(&two, "stack-onprem-facility").contains("provider"));
        assert!(class(&two, "stack-onprem-facility").contains("changed"));
        assert!(class(&two, "stack-onprem-servers").contains("you"));
        assert!(!class(&two, "stack-onprem-servers").contains("changed"));
        assert!(two.texts().any(|t| t == "Facility: IDC"));
        assert_eq!(changed(1), vec![Row::Facility]);
        // Every later step changes something, and the picture marks exactly those cells.
        for (i, step) in STORY.iter().enumerate().skip(1) {
            let rows = changed(i);
            assert!(!rows.is_empty(), "step {}", i + 1);
            let (scene, _) = at_step(i as u32 + 1, "ko");
            let model = step.model.code();
            for row in super::rows() {
                let id = match row {
                    Row::Layer(l) => format!("stack-{model}-{}", l.code()),
                    Row::Facility => format!("stack-{model}-facility"),
                };
                assert_eq!(
                    class(&scene, &id).contains("changed"),
                    rows.contains(&row),
                    "step {} {id}",
                    i + 1
                );
            }
            // Said in words too, under the title.
            let line = scene.find("stack-change").unwrap();
            assert!(
                matches!(&line.kind, crate::scene::Kind::Text { text, .. } if text.starts_with(&format!("{}단계", i + 1)))
            );
        }
        assert!(changed(0).is_empty());
        use Layer::*;
        assert_eq!(
            changed(2),
            [Virtualization, Servers, Storage, Networking].map(Row::Layer)
        );
        assert_eq!(changed(3), [Runtime, Middleware, Os].map(Row::Layer));
        assert_eq!(changed(4), [Applications, Data].map(Row::Layer));
        assert_eq!(changed(5), vec![Row::Layer(Data)]);
    }

    #[test]
    fn step_six_is_serverless_not_saas() {
        let (stack, set) = at_step(6, "en");
        assert!(class(&stack, "stack-highlight").contains("col-faas"));
        assert!(stack.texts().any(|t| t == "Data in managed DBs"));
        assert!(class(&set, "serverless-highlight").contains("set"));
        // Step 5 points at FaaS inside the set; before the story nothing is highlighted.
        let (_, set5) = at_step(5, "en");
        assert!(class(&set5, "serverless-highlight").contains("faas"));
        assert!(
            serverless(&Scenario::default())
                .find("serverless-highlight")
                .is_none()
        );
        assert!(STORY.iter().all(|st| st.model != ServiceModel::Saas));
    }

    #[test]
    fn story_lines_fit_under_the_title() {
        for lang in Lang::ALL {
            for (i, st) in STORY.iter().enumerate() {
                let line = Text::StoryChangeLine
                    .get(lang)
                    .replace("{n}", &(i + 1).to_string())
                    .replace("{change}", st.change.get(lang));
                // 14 px bold in the 952 px between the margins.
                assert!(crate::scene::text_width(&line) <= 122, "{lang:?} {line}");
            }
            // The facility band's small line, 10.5 px in the ~146 px right of the marker.
            let parts = Text::FacilityParts.get(lang);
            assert!(crate::scene::text_width(parts) <= 26, "{parts}");
        }
    }

    #[test]
    fn column_headers_are_buttons_with_a_summary() {
        let (s, _) = Scenario::from_query("lang=en&col=faas");
        let scene = build(&s);
        for model in ServiceModel::ALL {
            let head = scene.find(&format!("stack-head-{}", model.code())).unwrap();
            assert!(head.meta.interactive);
            let title = head.meta.title.as_deref().unwrap();
            assert!(title.starts_with(model.name().get(Lang::En)), "{title}");
            assert!(title.contains(&format!("you manage {} of 9", model.your_layers().len())));
        }
        assert!(class(&scene, "stack-head-faas").contains("selected"));
        assert!(!class(&scene, "stack-head-paas").contains("selected"));
        // The name a screen reader hears starts with the words the header shows, at every
        // story step ("FaaS (FaaS + managed services)" at the serverless step).
        for step in 1..=STORY.len() {
            for lang in Lang::ALL {
                let (s, _) = Scenario::from_query(&format!("lang={}&step={step}", lang.code()));
                let scene = build(&s);
                for model in ServiceModel::ALL {
                    let head = scene.find(&format!("stack-head-{}", model.code())).unwrap();
                    let shown: Vec<&str> = head
                        .walk()
                        .filter_map(|n| match &n.kind {
                            crate::scene::Kind::Text { text, .. } => Some(text.as_str()),
                            _ => None,
                        })
                        .collect();
                    let title = head.meta.title.as_deref().unwrap();
                    let expected = format!("{} ({})", shown[0], shown[1]);
                    assert!(title.starts_with(&expected), "step {step}: {title}");
                }
            }
        }
        // A selected cell is the more specific choice.
        let (s, _) = Scenario::from_query("lang=en&col=faas&cell=iaas-os");
        assert!(!class(&build(&s), "stack-head-faas").contains("selected"));
        // The summary's layers are the matrix's column.
        use Layer::*;
        assert_eq!(ServiceModel::Faas.your_layers(), vec![Applications, Data]);
        assert_eq!(ServiceModel::Saas.your_layers(), vec![]);
        for model in ServiceModel::ALL {
            assert_eq!(
                model.your_layers().len() + model.provider_layers().len(),
                Layer::ALL.len()
            );
            for lang in Lang::ALL {
                assert!(!model.you_keep().get(lang).is_empty());
                assert!(!model.provider_takes().get(lang).is_empty());
            }
        }
        assert!(
            ServiceModel::Faas
                .you_keep()
                .get(Lang::En)
                .contains("permissions")
        );
    }

    /// The words of each cell the stack draws in `model`'s column, by who manages it.
    fn drawn_cells(scene: &Scene, model: ServiceModel, who: Manager) -> Vec<String> {
        let side = match who {
            Manager::You => "you",
            Manager::Provider => "provider",
        };
        super::rows()
            .filter_map(|row| {
                let id = match row {
                    Row::Layer(l) => format!("stack-{}-{}", model.code(), l.code()),
                    Row::Facility => format!("stack-{}-facility", model.code()),
                };
                let cell = scene.find(&id).unwrap();
                let class = cell.meta.class.as_deref().unwrap_or_default();
                class.split(' ').any(|c| c == side).then(|| {
                    cell.walk()
                        .find(|n| n.meta.class.as_deref() == Some("layer-name"))
                        .and_then(|n| match &n.kind {
                            crate::scene::Kind::Text { text, .. } => Some(text.clone()),
                            _ => None,
                        })
                        .unwrap()
                })
            })
            .collect()
    }

    #[test]
    fn every_layer_name_a_summary_uses_is_the_name_the_diagram_shows() {
        for lang in Lang::ALL {
            for step in 0..=STORY.len() {
                let query = if step == 0 {
                    format!("lang={}", lang.code())
                } else {
                    format!("lang={}&step={step}", lang.code())
                };
                let (s, _) = Scenario::from_query(&query);
                let scene = build(&s);
                for model in ServiceModel::ALL {
                    for who in [Manager::You, Manager::Provider] {
                        let listed: Vec<String> = summary_cells(&s, model, who)
                            .into_iter()
                            .map(|t| t.get(lang).to_string())
                            .collect();
                        assert_eq!(listed, drawn_cells(&scene, model, who), "{query} {model:?}");
                    }
                }
            }
            // Where a cell's words are not the plain layer name, the column's prose and the
            // story line of the step that changed it use the cell's words.
            let stem = |t: Text| {
                let words = t.get(lang).to_lowercase();
                words
                    .split('(')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_string()
            };
            // At every story step (and outside the story), in the words the column is drawn
            // with at that step: "Data in managed DBs" at the serverless step, not "Function
            // data"; the summary's title carries the subtitle the header shows.
            let plain: Vec<Text> = Layer::ALL.iter().map(|l| l.name()).collect();
            for step in 0..=STORY.len() {
                for model in ServiceModel::ALL {
                    let query = format!("lang={}&step={step}&col={}", lang.code(), model.code());
                    let (s, _) = Scenario::from_query(&query);
                    let (sub, keep) = column_words(&s, model);
                    assert_eq!(sub, subtitle_at(model, focus(&s).stage(model)), "{query}");
                    let keep = keep.get(lang).to_lowercase();
                    for label in summary_cells(&s, model, Manager::You) {
                        if let Some(layer) = Layer::ALL.iter().find(|l| {
                            manager(model, **l) == Manager::You
                                && cell_at(model, Row::Layer(**l), focus(&s).stage(model)).1
                                    == label
                        }) && !plain.contains(&label)
                        {
                            assert!(keep.contains(&stem(label)), "{query} {layer:?}: {keep}");
                        }
                    }
                }
            }
            for (i, st) in STORY.iter().enumerate() {
                let line = st.change.get(lang).to_lowercase();
                for row in changed(i) {
                    if let Row::Layer(_) = row {
                        let (_, label) = cell_at(st.model, row, st.stage);
                        assert!(
                            line.contains(&stem(label)),
                            "{lang:?} step {}: {line}",
                            i + 1
                        );
                    }
                }
            }
        }
        // FaaS's own words, in both lists of its column.
        let (s, _) = Scenario::from_query("lang=en&col=faas");
        assert_eq!(
            summary_cells(&s, ServiceModel::Faas, Manager::You),
            vec![Text::FaasApplications, Text::FaasData]
        );
        let (s, _) = Scenario::from_query("lang=en&step=2");
        assert_eq!(
            summary_cells(&s, ServiceModel::OnPrem, Manager::Provider),
            vec![Text::FacilityIdc]
        );
    }

    #[test]
    fn the_on_prem_summary_says_there_is_no_provider_once() {
        for lang in Lang::ALL {
            let takes = ServiceModel::OnPrem.provider_takes().get(lang);
            let word = match lang {
                Lang::En => "provider",
                Lang::Ko => "제공자",
            };
            assert_eq!(takes.matches(word).count(), 1, "{takes}");
        }
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
