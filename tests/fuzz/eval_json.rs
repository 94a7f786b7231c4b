//! Fuzzing `losslab eval`'s JSON reader: every generated input, valid JSON
//! or not, is answered with JSON, each bad call with an error message.

use super::fuzz;
use super::generate::{random_text, Rng};

#[test]
fn the_json_evaluator_answers_every_generated_call() {
    fuzz("eval_json", 3, json_calls, check_eval_json);
}

/// Text that is no JSON array of calls gets an [`EvalError`] in words; an
/// array of calls gets an array of as many answers, each `{"result": …}` or
/// `{"error": "<words>"}`, and never the error the evaluator reports for a
/// panic it caught.
///
/// [`EvalError`]: losslab::eval::EvalError
fn check_eval_json(input: &str) -> Result<bool, String> {
    let calls = match serde_json::from_str::<serde_json::Value>(input) {
        Ok(serde_json::Value::Array(calls)) => Some(calls.len()),
        _ => None,
    };
    let output = match (losslab::eval::eval_json(input), calls) {
        (Err(error), None) if !error.to_string().trim().is_empty() => return Ok(true),
        (Err(error), _) => return Err(format!("error {error:?} for an array of calls or without words")),
        (Ok(output), Some(_)) => output,
        (Ok(output), None) => return Err(format!("no error for input that is no array: {output}")),
    };
    let answer: serde_json::Value =
        serde_json::from_str(&output).map_err(|e| format!("answer is not JSON ({e}): {output}"))?;
    let answers = answer.as_array().ok_or_else(|| format!("answer is not an array: {output}"))?;
    if Some(answers.len()) != calls {
        return Err(format!("{calls:?} calls, {} answers", answers.len()));
    }
    let mut any_error = false;
    for answer in answers {
        match answer.get("error").map(|e| e.as_str()) {
            Some(Some(message)) if message.contains("internal error") => {
                return Err(format!("internal error (a caught panic?): {answer}"))
            }
            Some(Some(message)) if !message.trim().is_empty() => any_error = true,
            None if answer.get("result").is_some() => {}
            _ => return Err(format!("neither a result nor an error in words: {answer}")),
        }
    }
    Ok(any_error)
}

/// Mostly one of `good`, now and then one of `bad`: each wrong part is
/// rare, so most calls get deep into the evaluator and some get a result.
fn mostly(rng: &mut Rng, good: &[&'static str], bad: &[&'static str]) -> &'static str {
    if rng.chance(15) {
        rng.pick(bad)
    } else {
        rng.pick(good)
    }
}

/// Numbers that are wrong or at an edge.
const ODD_NUMBERS: &[&str] = &[
    "-1",
    "2",
    "1e-45",
    "5e-324",
    "1e308",
    "-1e308",
    "1e309",
    "0.9999999",
    "\"NaN\"",
    "\"inf\"",
    "null",
    "true",
    "\"x\"",
    "[]",
    "{}",
];

/// A JSON array of calls, mostly well formed, with wrong shapes, types and
/// numbers mixed in; sometimes cut short or not JSON at all.
fn json_calls(rng: &mut Rng) -> String {
    if rng.chance(10) {
        return random_text(rng, 200);
    }
    let calls: Vec<String> = (0..rng.below(6)).map(|_| call(rng)).collect();
    let text = format!("[{}]", calls.join(","));
    if rng.chance(10) {
        let cut = rng.below(text.len() + 1);
        return String::from_utf8_lossy(&text.as_bytes()[..cut]).into_owned();
    }
    text
}

fn call(rng: &mut Rng) -> String {
    if rng.chance(6) {
        return logistic_fit(rng);
    }
    let (function, labels) = rng.pick(&[
        ("binary_crossentropy", Labels::Binary),
        ("binary_focal_crossentropy", Labels::Binary),
        ("binary_cross_entropy", Labels::Binary),
        ("binary_cross_entropy_with_logits", Labels::Binary),
        ("sigmoid_focal_loss", Labels::Binary),
        ("categorical_crossentropy", Labels::OneHot),
        ("categorical_focal_crossentropy", Labels::OneHot),
        ("sparse_categorical_crossentropy", Labels::Sparse),
        ("cross_entropy", Labels::Sparse),
        ("hinge", Labels::Binary),
    ]);
    let rows = rng.below(5);
    let columns = 1 + rng.below(4);
    let pred_rows = rows + usize::from(rng.chance(15));
    let mut args = vec![
        format!("\"y_true\": {}", labels.tensor(rng, rows, columns)),
        format!("\"y_pred\": {}", numbers(rng, pred_rows, columns)),
    ];
    if rng.chance(3) {
        args.push(format!("\"from_logits\": {}", mostly(rng, &["true", "false"], &["1", "\"yes\""])));
    }
    if rng.chance(3) {
        args.push(format!("\"label_smoothing\": {}", number(rng)));
    }
    if rng.chance(3) {
        let reduction = mostly(rng, &["\"sum_over_batch_size\"", "\"sum\"", "\"none\""], &["\"mean\"", "3"]);
        args.push(format!("\"reduction\": {reduction}"));
    }
    if rng.chance(4) {
        args.push(format!("\"sample_weight\": {}", numbers(rng, 0, rows.max(1))));
    }
    if function.contains("focal") || rng.chance(15) {
        for option in ["gamma", "alpha"] {
            if rng.chance(2) {
                args.push(format!("\"{option}\": {}", number(rng)));
            }
        }
        if rng.chance(3) {
            args.push(format!("\"apply_class_balancing\": {}", mostly(rng, &["true", "false"], &["0"])));
        }
    }
    if rng.chance(10) {
        args.push(format!("\"axis\": {}", mostly(rng, &["-1"], &["0", "1", "\"x\""])));
    }
    format!(
        "{{\"fn\": \"{function}\", \"args\": {{{}}}, \"grad\": {}, \"semantics\": {}, \"dtype\": {}}}",
        args.join(", "),
        mostly(rng, &["false", "true", "null"], &["1"]),
        mostly(rng, &["\"keras\"", "\"keras3\"", "\"torch\"", "\"exact\"", "null"], &["\"tf1\"", "3"]),
        mostly(rng, &["\"float32\"", "\"float64\"", "null"], &["\"float16\"", "7"]),
    )
}

/// How a loss wants its labels.
#[derive(Clone, Copy)]
enum Labels {
    /// 0 or 1 (or a soft target) per prediction.
    Binary,
    /// One row per sample, one 1 among 0s.
    OneHot,
    /// One class index per sample.
    Sparse,
}

impl Labels {
    fn tensor(self, rng: &mut Rng, rows: usize, columns: usize) -> String {
        if rng.chance(15) {
            return numbers(rng, rows, columns);
        }
        let row = |rng: &mut Rng| match self {
            Labels::Binary => {
                let values: Vec<&str> = (0..columns).map(|_| rng.pick(&["0", "1", "1", "0", "0.3"])).collect();
                format!("[{}]", values.join(", "))
            }
            Labels::OneHot => {
                let hot = rng.below(columns);
                let values: Vec<&str> = (0..columns).map(|c| if c == hot { "1" } else { "0" }).collect();
                format!("[{}]", values.join(", "))
            }
            Labels::Sparse => {
                let out_of_range = rng.chance(15);
                rng.below(columns + usize::from(out_of_range)).to_string()
            }
        };
        match (self, rows) {
            (Labels::Sparse, 0) => format!("[{}]", row(rng)),
            (_, 0) => row(rng),
            _ => {
                let values: Vec<String> = (0..rows).map(|_| row(rng)).collect();
                format!("[{}]", values.join(", "))
            }
        }
    }
}

/// A probability-like number, or now and then an odd one.
fn number(rng: &mut Rng) -> String {
    if rng.chance(12) {
        rng.pick(ODD_NUMBERS).to_owned()
    } else {
        format!("{}", rng.below(1001) as f64 / 1000.0)
    }
}

/// A one-feature logistic fit, scikit-learn style, with odd data at times
/// (separable points, constant labels, mismatched lengths).
fn logistic_fit(rng: &mut Rng) -> String {
    let n = rng.below(12);
    let x: Vec<String> = (0..n).map(|_| format!("{}", rng.below(2001) as f64 / 100.0 - 10.0)).collect();
    let labels: Vec<&str> =
        (0..n + usize::from(rng.chance(15))).map(|_| mostly(rng, &["0", "1"], &["2", "0.5"])).collect();
    format!(
        "{{\"fn\": \"logistic_fit\", \"args\": {{\"x\": [{}], \"y_true\": [{}], \"C\": {}, \"penalty\": {}}}}}",
        x.join(", "),
        labels.join(", "),
        mostly(rng, &["1", "0.1", "100", "1e-3"], &["0", "-1", "1e309", "\"x\""]),
        mostly(rng, &["\"l2\"", "null"], &["\"none\"", "\"l1\""]),
    )
}

/// A nested array of `rows` × `columns` numbers (a flat one when `rows`
/// is 0), now and then with an odd number or a ragged row.
fn numbers(rng: &mut Rng, rows: usize, columns: usize) -> String {
    let row = |rng: &mut Rng, columns: usize| {
        let values: Vec<String> = (0..columns).map(|_| number(rng)).collect();
        format!("[{}]", values.join(", "))
    };
    if rows == 0 {
        return row(rng, columns);
    }
    let rows: Vec<String> = (0..rows)
        .map(|_| {
            let ragged = rng.chance(15);
            row(rng, columns + usize::from(ragged))
        })
        .collect();
    format!("[{}]", rows.join(", "))
}
