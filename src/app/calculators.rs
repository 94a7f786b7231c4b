//! The two calculators on the page (binary and categorical cross-entropy).
//! Their fields live in the state; answers come from `crate::calculator`.
//! A bad edit shows a message beside the fields and keeps the last good answer.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::dom;
use crate::calculator::{self, Answer, InputError, Loss};
use crate::core::array::NdArray;
use crate::i18n::{self, t};
use crate::scene::CceScene;
use crate::state::{CalculatorInput, Lang, State};

/// The last good answer of each calculator, and the current error, if any.
pub struct Calculators {
    bce: Shown,
    cce: Shown,
}

#[derive(Default)]
struct Shown {
    last_good: Option<Answer>,
    error: Option<InputError>,
    /// The sparse form of the categorical call (labels, keras result).
    sparse: Option<(Vec<usize>, Result<String, crate::i18n::Message>)>,
}

const FIELDS: [&str; 6] = ["y-true", "y-pred", "sample-weight", "from-logits", "label-smoothing", "reduction"];

pub fn is_field(name: &str) -> bool {
    calc_and_field(name).is_some()
}

fn calc_and_field(name: &str) -> Option<(&str, &str)> {
    let (calc, field) = name.split_once('-')?;
    (matches!(calc, "bce" | "cce") && FIELDS.contains(&field)).then_some((calc, field))
}

fn input_of<'a>(state: &'a mut State, calc: &str) -> &'a mut CalculatorInput {
    if calc == "bce" {
        &mut state.bce_calc
    } else {
        &mut state.cce_calc
    }
}

/// Reads one field from its element into the state.
pub fn read_field(state: &mut State, name: &str, element: &Element) {
    let Some((calc, field)) = calc_and_field(name) else { return };
    let input = input_of(state, calc);
    let text = element
        .dyn_ref::<HtmlInputElement>()
        .map(|i| if field == "from-logits" { i.checked().to_string() } else { i.value() })
        .or_else(|| element.dyn_ref::<HtmlSelectElement>().map(|s| s.value()))
        .unwrap_or_default();
    match field {
        "y-true" => input.y_true = text,
        "y-pred" => input.y_pred = text,
        "sample-weight" => input.sample_weight = text,
        "from-logits" => input.from_logits = text == "true",
        // An unparsable number field is out of range: the calculator says so in words.
        "label-smoothing" => input.label_smoothing = crate::number::parse_f64(text.trim()).unwrap_or(f64::NAN),
        "reduction" => input.reduction = text,
        _ => {}
    }
}

/// Writes every calculator field from the state.
pub fn write_fields(root: &Element, state: &State) {
    for (calc, input) in [("bce", &state.bce_calc), ("cce", &state.cce_calc)] {
        for (field, value) in [("y-true", &input.y_true), ("y-pred", &input.y_pred), ("sample-weight", &input.sample_weight)] {
            if let Some(el) = dom::input(root, &format!("{calc}-{field}")) {
                el.set_value(value);
            }
        }
        if let Some(el) = dom::input(root, &format!("{calc}-from-logits")) {
            el.set_checked(input.from_logits);
        }
        if let Some(el) = dom::input(root, &format!("{calc}-label-smoothing")) {
            el.set_value(&format!("{}", input.label_smoothing));
        }
        if let Some(el) = dom::select(root, &format!("{calc}-reduction")) {
            el.set_value(&input.reduction);
        }
    }
}

/// The article's categorical examples, one button each.
pub fn apply_preset(state: &mut State, preset: &str) {
    let defaults = State::default().cce_calc;
    let calc = &mut state.cce_calc;
    *calc = defaults;
    match preset {
        "cce-weighted" => calc.sample_weight = "[0.3, 0.7]".into(),
        "cce-none" => calc.reduction = "none".into(),
        "cce-unnormalised" => calc.y_pred = "[[0.05, 0.95, 0], [0.2, 1.6, 0.2]]".into(),
        _ => {}
    }
}

impl Calculators {
    pub fn new(state: &State) -> Calculators {
        let mut calculators = Calculators { bce: Shown::default(), cce: Shown::default() };
        calculators.evaluate_all(state);
        calculators
    }

    pub fn evaluate_all(&mut self, state: &State) {
        self.changed(state, "bce");
        self.changed(state, "cce");
    }

    /// Re-evaluates the calculator a field of `name` belongs to.
    pub fn changed(&mut self, state: &State, name: &str) {
        let (loss, input, shown) = if name.starts_with("bce") {
            (Loss::Binary, &state.bce_calc, &mut self.bce)
        } else {
            (Loss::Categorical, &state.cce_calc, &mut self.cce)
        };
        match calculator::evaluate(loss, input) {
            Ok(answer) => {
                if loss == Loss::Categorical {
                    shown.sparse = calculator::sparse_equivalent(input, &answer);
                }
                shown.last_good = Some(answer);
                shown.error = None;
            }
            Err(error) => shown.error = Some(error),
        }
    }

    /// The `cce` figure's data: the categorical calculator's last good rows
    /// (the article's example until there is one).
    pub fn cce_scene(&self) -> CceScene {
        let Some(answer) = &self.cce.last_good else { return CceScene::seed() };
        let sparse = calculator::one_hot_indices(&answer.y_true).unwrap_or_default();
        let rows = |a: &NdArray<f64>| a.to_rows().unwrap_or_default();
        CceScene::build(&rows(&answer.y_true), &rows(&answer.y_pred), &sparse)
    }

    pub fn render(&self, root: &Element, lang: Lang) {
        for (name, shown) in [("bce", &self.bce), ("cce", &self.cce)] {
            render_one(root, name, shown, lang);
        }
        render_cce_notes(root, &self.cce, lang);
    }
}

fn render_one(root: &Element, name: &str, shown: &Shown, lang: Lang) {
    if let Some(error_el) = dom::find::<Element>(root, &format!("[data-error=\"{name}\"]")) {
        match &shown.error {
            Some(error) => {
                let stale = if shown.last_good.is_some() { format!(" {}", t(lang, "calc.stale")) } else { String::new() };
                error_el.set_text_content(Some(&format!("{error}.{stale}")));
                dom::set_hidden(&error_el, false);
            }
            None => dom::set_hidden(&error_el, true),
        }
    }
    for field in ["y-true", "y-pred", "sample-weight", "label-smoothing"] {
        if let Some(el) = dom::input(root, &format!("{name}-{field}")) {
            let bad = shown.error.as_ref().is_some_and(|e| e.field.replace('_', "-") == field);
            let _ = el.set_attribute("aria-invalid", if bad { "true" } else { "false" });
        }
    }
    let Some(table) = dom::find::<Element>(root, &format!("[data-results=\"{name}\"]")) else { return };
    let _ = table.class_list().toggle_with_force("stale", shown.error.is_some());
    let Some(body) = dom::find::<Element>(&table, "tbody") else { return };
    body.set_inner_html("");
    let Some(answer) = &shown.last_good else { return };
    for row in &answer.rows {
        let tr = dom::create("tr");
        if row.semantics == "keras" {
            tr.set_class_name("main");
        }
        let _ = tr.set_attribute("data-semantics", row.semantics);
        let label = dom::create("td");
        label.set_text_content(Some(semantics_label(row.semantics, lang)));
        let value = dom::create("td");
        value.set_class_name("value");
        let _ = value.set_attribute("data-readout", &format!("{name}-{}", row.semantics));
        let why = dom::create("td");
        match &row.answer {
            Ok(text) => {
                value.set_text_content(Some(text));
                why.set_text_content(Some(why_text(name, row.semantics, lang)));
            }
            Err(message) => {
                value.set_text_content(Some("—"));
                why.set_text_content(Some(&message.text(lang)));
            }
        }
        for cell in [&label, &value, &why] {
            let _ = tr.append_child(cell);
        }
        let _ = body.append_child(&tr);
    }
}

fn semantics_label(semantics: &str, lang: Lang) -> &'static str {
    match semantics {
        "keras" => t(lang, "sem.keras"),
        "keras3" => t(lang, "sem.keras3"),
        "torch" => t(lang, "sem.torch"),
        _ => t(lang, "sem.exact"),
    }
}

/// One sentence on why `semantics` prints what it prints, for calculator `name`.
fn why_text(name: &str, semantics: &str, lang: Lang) -> &'static str {
    match (name, semantics) {
        ("bce", "keras") => t(lang, "why.keras"),
        ("bce", "keras3") => t(lang, "why.keras3"),
        ("bce", "torch") => t(lang, "why.torch"),
        ("bce", _) => t(lang, "why.exact"),
        (_, "keras") => t(lang, "why.cce.keras"),
        (_, "keras3") => t(lang, "why.cce.keras3"),
        (_, "torch") => t(lang, "why.cce.torch"),
        _ => t(lang, "why.cce.exact"),
    }
}

/// Under the categorical calculator: Keras' row renormalisation, before and
/// after, and the sparse form of the same call.
fn render_cce_notes(root: &Element, shown: &Shown, lang: Lang) {
    let Some(answer) = &shown.last_good else { return };
    let mut lines = Vec::new();
    let rows = answer.y_pred.to_rows().unwrap_or_default();
    let mut any_changed = false;
    for (i, values) in rows.iter().enumerate() {
        let after = crate::core::losses::renormalize(values);
        if after.iter().zip(values).any(|(a, b)| (a - b).abs() > 1e-12) {
            any_changed = true;
            let fmt = |v: &[f64]| format!("[{}]", v.iter().map(|x| format!("{:.4}", x)).collect::<Vec<_>>().join(", "));
            lines.push(i18n::fill(
                t(lang, "cce.rows"),
                &[("row", &(i + 1).to_string()), ("before", &fmt(values)), ("after", &fmt(&after))],
            ));
        }
    }
    if !any_changed {
        lines.push(t(lang, "cce.rows.normalised").to_owned());
    }
    match &shown.sparse {
        Some((labels, result)) => {
            let labels = format!("{labels:?}");
            let sparse = match result {
                Ok(v) => v.clone(),
                Err(e) => e.text(lang),
            };
            lines.push(i18n::fill(t(lang, "cce.sparse"), &[("labels", &labels), ("sparse", &sparse)]));
        }
        None => lines.push(t(lang, "cce.sparse.na").to_owned()),
    }
    dom::set_readout(root, "cce-rows", &lines.join(" "));
}
