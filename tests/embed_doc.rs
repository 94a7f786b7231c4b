//! docs/EMBED.md lists every key a link may hold. Its two tables of keys are
//! written here, from the view's keys and the table of settings, and the
//! test fails when the document says anything else: a key added, renamed,
//! given another range or default, shows up here first.
//! `LOSSLAB_BLESS=1 cargo test --test embed_doc` rewrites the tables.
#![cfg(not(target_arch = "wasm32"))]

use losslab::charts::Figure;
use losslab::number::format::shortest;
use losslab::page::url::{embed_height, EMBED_WIDTH};
use losslab::page::view::VIEW_KEYS;
use losslab::page::{Question, Section};
use losslab::state::{link_text, Calc, CalcField, Kind, Setting, State, SETTINGS};

const DOC: &str = "docs/EMBED.md";

/// What each setting sets, as the document says it. A new setting must be
/// described here before the test compiles.
fn what(setting: Setting) -> String {
    let text = match setting {
        Setting::Data => "the binary figures' data set (its points replace the article's)",
        Setting::Seed => "the seed the data set is drawn from",
        Setting::Regularization => "the fit's penalty: none, or scikit-learn's L2",
        Setting::C => "scikit-learn's `C`, the inverse strength of the L2 penalty",
        Setting::Smoothing => "binary label smoothing of the points' targets, `y·(1 − ls) + ls/2`",
        Setting::Gamma => "focal loss' γ",
        Setting::FocalAlpha => "focal loss' α",
        Setting::ClassBalancing => "Keras' `apply_class_balancing`",
        Setting::LabelSmoothing => "categorical label smoothing ε",
        Setting::Classes => "the number of classes K of the label-smoothing figures",
        Setting::Bins => "the calibration figure's bins",
        Setting::Threshold => "the confusion counts' threshold",
        Setting::Palette => "the article's colours, or colour-blind-safe ones",
        Setting::Theme => "light, dark, or the system's",
        Setting::Lang => "the page's language",
        Setting::Points => "the points themselves",
        Setting::SoftmaxData => "the plane's data set (its points replace the preset's)",
        Setting::SoftmaxClasses => "the number of classes K in the plane",
        Setting::SoftmaxRegularization => "the plane's fit's penalty: none, or scikit-learn's L2",
        Setting::SoftmaxC => "scikit-learn's `C` for the plane's fit",
        Setting::SoftmaxSmoothing => "label smoothing ε of the plane's fit",
        Setting::SoftmaxGamma => "focal γ of the plane's fit",
        Setting::SoftmaxClass => "the class of a point added to the plane",
        Setting::SoftmaxPoint => "the plane's chosen point, by its index",
        Setting::SoftmaxPoints => "the plane's points themselves",
        Setting::Calculator(which, field) => {
            let calculator = match which {
                Calc::Binary => "binary",
                Calc::Categorical => "categorical",
            };
            let argument = match field {
                CalcField::YTrue => "y_true",
                CalcField::YPred => "y_pred",
                CalcField::FromLogits => "from_logits",
                CalcField::LabelSmoothing => "label_smoothing",
                CalcField::Reduction => "reduction",
                CalcField::SampleWeight => "sample_weight",
            };
            return format!("`{argument}` of the {calculator} calculator");
        }
    };
    text.to_owned()
}

fn code_list(words: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    words.into_iter().map(|w| format!("`{}`", w.as_ref())).collect::<Vec<_>>().join(", ")
}

fn values(kind: &Kind) -> String {
    match kind {
        Kind::Number(range) => format!("a number, {} … {}", shortest(*range.start()), shortest(*range.end())),
        Kind::LogNumber(range) => format!("a number, {} … {}", shortest(*range.start()), shortest(*range.end())),
        Kind::Whole(range) => format!("a whole number, {} … {}", range.start(), range.end()),
        Kind::Flag => "`1` or `0`".to_owned(),
        Kind::Word(words) => code_list(words.iter()),
        Kind::Text => "text, as typed into the field".to_owned(),
        Kind::Points => "`x:label` pairs, label `1` green or `0` red, `h` after it for a held-out point \
                         (`-2.2:0,0.4:1h`), or `none`"
            .to_owned(),
        Kind::PlanePoints => "`x:y:class` triples (`1.2:-0.5:2,0:3:0`)".to_owned(),
    }
}

fn default_of(setting: Setting) -> String {
    if matches!(setting, Setting::Points | Setting::SoftmaxPoints) {
        return "the data set's".to_owned();
    }
    match link_text(setting.get(&State::default())) {
        text if text.is_empty() => "empty".to_owned(),
        text => format!("`{text}`"),
    }
}

/// The view's keys: what a link shows, rather than the state it shows.
fn view_rows() -> Vec<[String; 4]> {
    let figures = code_list(Figure::ALL.iter().map(|f| f.name()));
    let row = |key: &str, what: &str, values: String, default: &str| {
        [format!("`{key}`"), what.to_owned(), values, default.to_owned()]
    };
    let rows = vec![
        row(
            "embed",
            "show these figures alone, in this order, for an `<iframe>`",
            format!("figures: {figures}"),
            "the whole page",
        ),
        row("controls", "show the embedded figures' controls", "`1` or `0`".into(), "`1`"),
        row(
            "show",
            "show only these sections of the page",
            code_list(Section::ALL.iter().map(|s| s.word())),
            "every section",
        ),
        row(
            "lock",
            "show these controls switched off, saying the link locks them",
            "controls, as the *control* column below names them".into(),
            "none",
        ),
        row("ask", "open this question on arrival", code_list(Question::ALL.iter().map(|q| q.word())), "none"),
        row("api", "talk to the page around the embed (see *The embed API*)", "`1` or `0`".into(), "`0`"),
        row(
            "origin",
            "the page around the embed: its messages alone are heard, and only it hears the state",
            "an origin, `https://host[:port]`".into(),
            "none: any page, no state",
        ),
    ];
    let keys: Vec<&str> = rows.iter().map(|r| r[0].trim_matches('`')).collect();
    assert_eq!(keys, VIEW_KEYS, "every view key has a row, in order");
    rows
}

fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!("| {} |\n|{}\n", header.join(" | "), " --- |".repeat(header.len()));
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out
}

fn generated() -> (String, String) {
    let view: Vec<Vec<String>> = view_rows().into_iter().map(Vec::from).collect();
    let state: Vec<Vec<String>> = SETTINGS
        .iter()
        .map(|spec| {
            vec![
                format!("`{}`", spec.key),
                format!("`{}`", spec.control),
                what(spec.setting),
                values(&spec.kind),
                default_of(spec.setting),
            ]
        })
        .collect();
    (
        table(&["key", "what it does", "values", "default"], &view),
        table(&["key", "control", "what it sets", "values", "default"], &state),
    )
}

/// The document with its two tables replaced by `view` and `state`.
fn with_tables(doc: &str, view: &str, state: &str) -> String {
    let mut out = doc.to_owned();
    for (name, table) in [("view-keys", view), ("state-keys", state)] {
        let (start, end) = (format!("<!-- {name}: start -->\n"), format!("<!-- {name}: end -->"));
        let from = out.find(&start).unwrap_or_else(|| panic!("{DOC} has no {start:?}")) + start.len();
        let to = out[from..].find(&end).unwrap_or_else(|| panic!("{DOC} has no {end:?}")) + from;
        out.replace_range(from..to, table);
    }
    out
}

#[test]
fn the_documented_keys_are_the_links_keys() {
    let doc = std::fs::read_to_string(DOC).unwrap();
    let (view, state) = generated();
    let expected = with_tables(&doc, &view, &state);
    if std::env::var_os("LOSSLAB_BLESS").is_some() {
        std::fs::write(DOC, &expected).unwrap();
        return;
    }
    assert!(doc == expected, "{DOC}'s tables of keys are out of date: run LOSSLAB_BLESS=1 cargo test --test embed_doc");
}

#[test]
fn the_document_names_every_message_and_the_embed_codes_size() {
    let doc = std::fs::read_to_string(DOC).unwrap();
    for message in ["losslab:ready", "losslab:change", "losslab:answer", "losslab:resize", "losslab:set"] {
        assert!(doc.contains(&format!("`{message}`")), "{message} is documented");
    }
    assert!(doc.contains(&format!("width=\"{EMBED_WIDTH}\"")));
    let height = embed_height(Figure::FocalCurves);
    assert!(doc.contains(&format!("height=\"{height}\"")), "the example's height is the copied code's: {height}");
}
