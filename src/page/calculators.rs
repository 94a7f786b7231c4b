//! The two calculators' answers as the page shows them: the last good
//! answer of each, what is wrong with the current input, and every line of
//! text their tables and notes hold, in the reader's language.

use crate::calculator::{self, Answer, InputError, Loss};
use crate::core::array::NdArray;
use crate::core::losses::renormalize;
use crate::i18n::{fill, t, Lang, Message};
use crate::number::format;
use crate::scene::CceScene;
use crate::state::{Calc, CalcField, State};

/// The last good answer of each calculator, and the current error, if any.
#[derive(Clone, Debug, Default)]
pub struct Calculators {
    binary: Shown,
    categorical: Shown,
}

#[derive(Clone, Debug, Default)]
struct Shown {
    last_good: Option<Answer>,
    error: Option<InputError>,
    /// The sparse form of the categorical call (labels, keras result).
    sparse: Option<(Vec<usize>, Result<String, Message>)>,
}

/// One calculator as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct CalculatorView {
    /// What is wrong with the input, and that the last good answer stays.
    pub error: Option<String>,
    /// The fields the error is about (`aria-invalid`).
    pub invalid: Option<CalcField>,
    /// The answer is the last good one, not the current input's.
    pub stale: bool,
    pub rows: Vec<RowView>,
}

/// One framework's row.
#[derive(Clone, Debug, PartialEq)]
pub struct RowView {
    /// `keras`, `keras3`, `torch`, `exact`: the readout is `<calc>-<semantics>`.
    pub semantics: &'static str,
    pub label: &'static str,
    /// As the framework prints it, or "—".
    pub value: String,
    pub why: String,
}

impl Calc {
    /// The calculator's name on the page (`bce`, `cce`).
    pub fn name(self) -> &'static str {
        match self {
            Calc::Binary => "bce",
            Calc::Categorical => "cce",
        }
    }

    fn loss(self) -> Loss {
        match self {
            Calc::Binary => Loss::Binary,
            Calc::Categorical => Loss::Categorical,
        }
    }
}

impl Calculators {
    pub fn new(state: &State) -> Calculators {
        let mut calculators = Calculators::default();
        calculators.evaluate_all(state);
        calculators
    }

    pub fn evaluate_all(&mut self, state: &State) {
        self.evaluate(state, Calc::Binary);
        self.evaluate(state, Calc::Categorical);
    }

    /// Calculator `which`'s last good answer: what its table shows.
    pub fn answer(&self, which: Calc) -> Option<&Answer> {
        self.shown(which).last_good.as_ref()
    }

    fn shown(&self, which: Calc) -> &Shown {
        match which {
            Calc::Binary => &self.binary,
            Calc::Categorical => &self.categorical,
        }
    }

    /// Re-evaluates calculator `which` from the state's inputs.
    pub fn evaluate(&mut self, state: &State, which: Calc) {
        let input = state.calculator(which);
        let shown = match which {
            Calc::Binary => &mut self.binary,
            Calc::Categorical => &mut self.categorical,
        };
        match calculator::evaluate(which.loss(), input) {
            Ok(answer) => {
                if which == Calc::Categorical {
                    shown.sparse = calculator::sparse_equivalent(input, &answer);
                }
                shown.last_good = Some(answer);
                shown.error = None;
            }
            Err(error) => shown.error = Some(error),
        }
    }

    /// Marks calculator `which`'s `field` as unusable for `problem`, keeping
    /// its last good answer.
    pub fn refuse(&mut self, which: Calc, field: &'static str, problem: Message) {
        let shown = match which {
            Calc::Binary => &mut self.binary,
            Calc::Categorical => &mut self.categorical,
        };
        shown.error = Some(InputError { field, problem });
    }

    /// The `cce` figure's data: the categorical calculator's last good rows
    /// (the article's example until there is one).
    pub fn cce_scene(&self) -> CceScene {
        let Some(answer) = &self.categorical.last_good else { return CceScene::seed() };
        let sparse = calculator::one_hot_indices(&answer.y_true).unwrap_or_default();
        let rows = |a: &NdArray<f64>| a.to_rows().unwrap_or_default();
        CceScene::build(&rows(&answer.y_true), &rows(&answer.y_pred), &sparse)
    }

    /// Calculator `which` as the page shows it, in `lang`.
    pub fn view(&self, which: Calc, lang: Lang) -> CalculatorView {
        let shown = self.shown(which);
        let error = shown.error.as_ref().map(|error| {
            let stale = if shown.last_good.is_some() { format!(" {}", t(lang, "calc.stale")) } else { String::new() };
            format!("{}.{stale}", error.message().text(lang))
        });
        let invalid = shown.error.as_ref().and_then(|e| field_named(e.field));
        let rows = shown.last_good.as_ref().map_or_else(Vec::new, |answer| {
            answer
                .rows
                .iter()
                .map(|row| {
                    let (value, why) = match &row.answer {
                        Ok(text) => (text.clone(), why_text(which, row.semantics, lang).to_owned()),
                        Err(message) => ("—".to_owned(), message.text(lang)),
                    };
                    RowView { semantics: row.semantics, label: semantics_label(row.semantics, lang), value, why }
                })
                .collect()
        });
        CalculatorView { error, invalid, stale: shown.error.is_some(), rows }
    }

    /// Under the categorical calculator: Keras' row renormalisation, before
    /// and after, and the sparse form of the same call; `None` until there is
    /// an answer.
    pub fn categorical_notes(&self, lang: Lang) -> Option<String> {
        let shown = &self.categorical;
        let answer = shown.last_good.as_ref()?;
        let mut lines = Vec::new();
        for (i, values) in answer.y_pred.to_rows().unwrap_or_default().iter().enumerate() {
            let after = renormalize(values);
            if after.iter().zip(values).any(|(a, b)| (a - b).abs() > 1e-12) {
                let values = [
                    ("row", (i + 1).to_string()),
                    ("before", format::row(values, 4)),
                    ("after", format::row(&after, 4)),
                ];
                lines.push(fill(t(lang, "cce.rows"), &values));
            }
        }
        if lines.is_empty() {
            lines.push(t(lang, "cce.rows.normalised").to_owned());
        }
        match &shown.sparse {
            Some((labels, result)) => {
                let labels = format::shape(labels);
                let sparse = match result {
                    Ok(v) => v.clone(),
                    Err(e) => e.text(lang),
                };
                lines.push(fill(t(lang, "cce.sparse"), &[("labels", labels), ("sparse", sparse)]));
            }
            None => lines.push(t(lang, "cce.sparse.na").to_owned()),
        }
        Some(lines.join(" "))
    }
}

/// The field an input error names (`y_true` → [`CalcField::YTrue`]).
fn field_named(field: &str) -> Option<CalcField> {
    match field {
        "y_true" => Some(CalcField::YTrue),
        "y_pred" => Some(CalcField::YPred),
        "sample_weight" => Some(CalcField::SampleWeight),
        "label_smoothing" => Some(CalcField::LabelSmoothing),
        _ => None,
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

/// One sentence on why `semantics` prints what it prints, for calculator `which`.
fn why_text(which: Calc, semantics: &str, lang: Lang) -> &'static str {
    match (which, semantics) {
        (Calc::Binary, "keras") => t(lang, "why.keras"),
        (Calc::Binary, "keras3") => t(lang, "why.keras3"),
        (Calc::Binary, "torch") => t(lang, "why.torch"),
        (Calc::Binary, _) => t(lang, "why.exact"),
        (Calc::Categorical, "keras") => t(lang, "why.cce.keras"),
        (Calc::Categorical, "keras3") => t(lang, "why.cce.keras3"),
        (Calc::Categorical, "torch") => t(lang, "why.cce.torch"),
        (Calc::Categorical, _) => t(lang, "why.cce.exact"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_articles_calls_as_the_page_shows_them() {
        let calculators = Calculators::new(&State::default());
        let binary = calculators.view(Calc::Binary, Lang::En);
        let values: Vec<&str> = binary.rows.iter().map(|r| r.value.as_str()).collect();
        assert_eq!(values, ["11.522857", "12.000716", "75.0", "inf"]);
        assert_eq!(binary.error, None);
        assert_eq!(calculators.view(Calc::Categorical, Lang::En).rows[0].value, "1.1769392");
        let notes = calculators.categorical_notes(Lang::En).unwrap();
        assert!(notes.contains("[1, 2]"), "{notes}");
    }

    #[test]
    fn a_bad_edit_keeps_the_last_answer_and_names_the_field() {
        let mut state = State::default();
        let mut calculators = Calculators::new(&state);
        state.bce_calc.y_true = "[0,1".into();
        calculators.evaluate(&state, Calc::Binary);
        let view = calculators.view(Calc::Binary, Lang::En);
        assert_eq!(view.invalid, Some(CalcField::YTrue));
        assert!(view.stale);
        assert_eq!(
            view.error.as_deref(),
            Some("y_true: the '[' at character 1 is never closed. Showing the last valid result.")
        );
        assert_eq!(view.rows[0].value, "11.522857");
        let zh = calculators.view(Calc::Binary, Lang::Zh).error.unwrap();
        assert!(zh.contains("没有闭合"), "{zh}");
    }
}
