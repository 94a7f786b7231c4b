//! `losslab eval` as a user runs it: the built binary on standard input and
//! on a file, and the evaluator's answers to bad calls.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use losslab::charts::Figure;
use serde_json::{json, Value};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_losslab"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("the binary finishes")
}

const SEED: &str = r#"[{"fn": "binary_crossentropy", "args": {"y_true": [0,0,1,1], "y_pred": [1,1,1,0]}, "semantics": "keras", "dtype": "float32"}]"#;

fn answers(out: &Output) -> Vec<Value> {
    serde_json::from_slice::<Value>(&out.stdout).expect("stdout is JSON").as_array().expect("an array").clone()
}

#[test]
fn seed_call_on_stdin_prints_keras_value() {
    let out = run(&["eval"], SEED);
    assert!(out.status.success());
    let a = answers(&out);
    assert_eq!(a.len(), 1);
    let r = a[0]["result"].as_f64().unwrap();
    assert_eq!(format!("{r:.6}"), "11.522857");
}

#[test]
fn dash_and_file_read_the_same_calls() {
    let dash = run(&["eval", "-"], SEED);
    let path = std::env::temp_dir().join(format!("losslab-eval-{}.json", std::process::id()));
    std::fs::write(&path, SEED).unwrap();
    let file = run(&["eval", path.to_str().unwrap()], "");
    let _ = std::fs::remove_file(&path);
    assert!(dash.status.success() && file.status.success());
    assert_eq!(dash.stdout, file.stdout);
}

#[test]
fn non_json_exits_2_with_a_message() {
    let out = run(&["eval"], "this is not json");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not JSON"));
    let out = run(&["eval"], r#"{"fn": "binary_crossentropy"}"#);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_lists_subcommands() {
    let out = run(&["--help"], "");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("eval"));
}

#[test]
fn the_four_semantics_of_the_seed_call() {
    let calls: Vec<Value> = ["keras", "keras3", "torch", "exact"]
        .iter()
        .map(|s| json!({"fn": "binary_crossentropy", "args": {"y_true": [0,0,1,1], "y_pred": [1,1,1,0]}, "semantics": s}))
        .collect();
    let out = run(&["eval"], &Value::Array(calls).to_string());
    let a = answers(&out);
    assert_eq!(a[0]["result"].as_f64().map(|v| format!("{v:.6}")), Some("11.522857".into()));
    assert_eq!(a[1]["result"].as_f64().map(|v| format!("{v:.6}")), Some("12.000716".into()));
    assert_eq!(a[2]["result"], json!(75.0));
    assert_eq!(a[3]["result"], json!("inf"));
}

/// Each bad call gets an error in its own slot; the good ones are still answered.
#[test]
fn bad_calls_get_errors_in_their_slots() {
    let bad = [
        json!({"fn": "hinge"}),
        json!({"fn": "binary_crossentropy", "args": {"y_true": [0, 1], "y_pred": [0.5, 0.5], "bogus": 1}}),
        json!({"fn": "binary_crossentropy", "args": {"y_true": [0, 1], "y_pred": [0.5, 0.5]}, "semantics": "jax"}),
        json!({"fn": "binary_crossentropy", "args": {"y_true": [[0, 1], [1]], "y_pred": [[0.5, 0.5], [0.5]]}}),
        json!({"fn": "binary_crossentropy", "args": {"y_true": [0, 1, 1], "y_pred": [0.5, 0.5]}}),
        json!({"fn": "binary_crossentropy", "args": {"y_true": [0, 1], "y_pred": [0.5, "nan"]}}),
        json!({"fn": "binary_crossentropy", "args": {"y_true": [0, 1], "y_pred": [0.5, "half"]}}),
        json!({"fn": "binary_crossentropy", "args": {"y_true": [], "y_pred": []}}),
        json!({"fn": "binary_crossentropy", "args": {"y_true": [0, 1], "y_pred": [0.5, 1e308]}}),
        json!({"fn": "binary_crossentropy", "args": {"y_true": [0, 1], "y_pred": [0.5, 0.5], "label_smoothing": 1.5}}),
        json!({"fn": "binary_crossentropy", "args": {"y_true": [0, 0, 1, 1], "y_pred": [1, 1, 1, 0], "sample_weight": [1, 2, 3, 4]}}),
        json!({"fn": "sparse_categorical_crossentropy", "args": {"y_true": [3], "y_pred": [[0.2, 0.3, 0.5]]}}),
        json!({"fn": "sparse_categorical_crossentropy", "args": {"y_true": [1], "y_pred": [[0.2, 0.3, 0.5]], "label_smoothing": 0.1}}),
        json!({"fn": "binary_focal_crossentropy", "args": {"y_true": [0, 1], "y_pred": [0.5, 0.5], "gamma": -1}}),
        json!({"fn": "binary_crossentropy", "args": {"y_true": [0, 1], "y_pred": [0.5, 1.5]}, "semantics": "torch"}),
        json!({"fn": "categorical_focal_crossentropy", "args": {"y_true": [0, 1], "y_pred": [0.5, 0.5]}, "semantics": "torch"}),
        json!({"fn": "logistic_fit", "args": {"x": [0, 1], "y_true": [0, 1], "C": null}}),
        json!([1, 2, 3]),
    ];
    let mut calls = vec![serde_json::from_str::<Value>(SEED).unwrap()[0].clone()];
    calls.extend(bad.iter().cloned());
    let out = run(&["eval"], &Value::Array(calls).to_string());
    assert!(out.status.success());
    let a = answers(&out);
    assert_eq!(a.len(), bad.len() + 1);
    assert!(a[0]["result"].is_number());
    for (call, answer) in bad.iter().zip(&a[1..]) {
        let msg = answer["error"].as_str().unwrap_or_else(|| panic!("{call} should be an error, got {answer}"));
        assert!(msg.len() > 10, "{call}: {msg}");
    }
}

#[test]
fn gradients_and_fits_have_their_shapes() {
    let calls = json!([
        {"fn": "categorical_crossentropy", "args": {"y_true": [[0, 1, 0], [0, 0, 1]], "y_pred": [[1.0, 2.0, 0.5], [0.1, 0.2, 3.0]], "from_logits": true}, "grad": true},
        {"fn": "logistic_fit", "args": {"x": [-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6], "y_true": [0, 0, 1, 0, 1, 1, 1, 1, 1, 1], "C": 1.0}},
    ]);
    let a = answers(&run(&["eval"], &calls.to_string()));
    let g = a[0]["result"]["grad"].as_array().unwrap();
    assert_eq!(g.len(), 2);
    assert_eq!(g[0].as_array().unwrap().len(), 3);
    // softmax(z) − y, over the batch of 2: every row sums to 0.
    let s: f64 = g[0].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).sum();
    assert!(s.abs() < 1e-6);
    let fit = &a[1]["result"];
    assert_eq!(format!("{:.7}", fit["coef"].as_f64().unwrap()), "0.9719345");
    assert_eq!(fit["proba"].as_array().unwrap().len(), 10);
}

/// `losslab figures` writes every figure as SVG, in the state the query names.
#[test]
fn figures_writes_every_figure_in_the_given_state() {
    let dir = std::env::temp_dir().join(format!("losslab-figures-{}", std::process::id()));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_losslab"))
        .args(["figures", "--out", dir.to_str().unwrap(), "--state", "gamma=3&K=9999"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), Figure::ALL.len());
    assert!(String::from_utf8_lossy(&output.stderr).contains("K = 9999 is out of range; using 10."));
    let curves = std::fs::read_to_string(dir.join("focal-curves.svg")).unwrap();
    assert!(curves.contains("γ = 3"), "the reader's γ is labelled");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `losslab figures --list` names every figure of the table, in page order,
/// and `embed=` in the state writes only those figures.
#[test]
fn figures_lists_and_embeds_the_tables_figures() {
    let list = std::process::Command::new(env!("CARGO_BIN_EXE_losslab")).args(["figures", "--list"]).output().unwrap();
    assert!(list.status.success());
    let names: Vec<String> = String::from_utf8_lossy(&list.stdout).lines().map(String::from).collect();
    let table: Vec<&str> = losslab::charts::Figure::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(names, table);
    let dir = std::env::temp_dir().join(format!("losslab-embed-{}", std::process::id()));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_losslab"))
        .args(["figures", "--out", dir.to_str().unwrap(), "--state", "embed=neglog,fit"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 2);
    assert!(
        output.stderr.is_empty(),
        "embed is a key of the page's links: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
