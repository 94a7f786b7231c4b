//! Fuzzing `losslab eval`'s JSON reader: every generated input, valid JSON
//! or not, is answered with JSON, each bad call with an error message.

use super::fuzz;
use super::generate::{random_text, Rng};

#[test]
fn the_json_evaluator_answers_every_generated_call() {
    fuzz("eval_json", 3, json_calls, check_eval_json);
}

/// The answer parses as JSON; for an array of calls it is an array of as
/// many answers, each `{"result": …}` or `{"error": "<words>"}`.
fn check_eval_json(input: &str) -> Result<bool, String> {
    let output = losslab::eval::eval_json(input);
    let answer: serde_json::Value =
        serde_json::from_str(&output).map_err(|e| format!("answer is not JSON ({e}): {output}"))?;
    let has_error = |value: &serde_json::Value| {
        value
            .get("error")
            .and_then(|e| e.as_str())
            .is_some_and(|message| !message.trim().is_empty())
    };
    match serde_json::from_str::<serde_json::Value>(input) {
        Ok(serde_json::Value::Array(calls)) => {
            let answers = answer
                .as_array()
                .ok_or_else(|| format!("answer is not an array: {output}"))?;
            if answers.len() != calls.len() {
                return Err(format!("{} calls, {} answers", calls.len(), answers.len()));
            }
            let mut any_error = false;
            for answer in answers {
                if has_error(answer) {
                    any_error = true;
                } else if answer.get("result").is_none() {
                    return Err(format!("neither result nor error: {answer}"));
                }
            }
            Ok(any_error)
        }
        _ if has_error(&answer) || answer.as_array().is_some_and(|a| a.iter().any(has_error)) => {
            Ok(true)
        }
        _ => Err(format!(
            "input that is no array of calls got no error: {output}"
        )),
    }
}

const FUNCTIONS: &[&str] = &[
    "binary_crossentropy",
    "categorical_crossentropy",
    "sparse_categorical_crossentropy",
    "binary_focal_crossentropy",
    "categorical_focal_crossentropy",
    "hinge",
    "",
];
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "0.5",
    "-1",
    "2",
    "1e-7",
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
    let rows = rng.below(5);
    let columns = 1 + rng.below(4);
    let pred_rows = rows + usize::from(rng.chance(8));
    let mut args = vec![
        format!("\"y_true\": {}", tensor(rng, rows, columns)),
        format!("\"y_pred\": {}", tensor(rng, pred_rows, columns)),
    ];
    let optional = [
        format!(
            "\"from_logits\": {}",
            rng.pick(&["true", "false", "1", "\"yes\""])
        ),
        format!("\"label_smoothing\": {}", rng.pick(NUMBERS)),
        format!(
            "\"reduction\": {}",
            rng.pick(&[
                "\"sum_over_batch_size\"",
                "\"sum\"",
                "\"none\"",
                "\"mean\"",
                "3"
            ])
        ),
        format!("\"sample_weight\": {}", tensor(rng, rows, 1)),
        format!("\"gamma\": {}", rng.pick(NUMBERS)),
        format!("\"alpha\": {}", rng.pick(NUMBERS)),
    ];
    for arg in optional {
        if rng.chance(3) {
            args.push(arg);
        }
    }
    format!(
        "{{\"fn\": \"{}\", \"args\": {{{}}}, \"semantics\": {}, \"dtype\": {}}}",
        rng.pick(FUNCTIONS),
        args.join(", "),
        rng.pick(&[
            "\"keras\"",
            "\"keras3\"",
            "\"torch\"",
            "\"exact\"",
            "\"tf1\"",
            "null"
        ]),
        rng.pick(&["\"float32\"", "\"float64\"", "\"float16\"", "7"]),
    )
}

/// A nested array of `rows` × `columns` numbers (a flat one when `rows`
/// is 0), with odd numbers and odd shapes now and then.
fn tensor(rng: &mut Rng, rows: usize, columns: usize) -> String {
    let number = |rng: &mut Rng| {
        if rng.chance(6) {
            rng.pick(NUMBERS).to_owned()
        } else {
            format!("{}", rng.below(1001) as f64 / 1000.0)
        }
    };
    let row = |rng: &mut Rng, columns: usize| {
        let values: Vec<String> = (0..columns).map(|_| number(rng)).collect();
        format!("[{}]", values.join(", "))
    };
    if rows == 0 {
        return row(rng, columns);
    }
    let rows: Vec<String> = (0..rows)
        .map(|_| {
            let ragged = rng.chance(10);
            row(rng, columns + usize::from(ragged))
        })
        .collect();
    format!("[{}]", rows.join(", "))
}
