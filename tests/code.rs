//! Code twins: every argument a call used is written into its code exactly
//! (each literal is read back from the code and compared bit for bit), the
//! comment is the value the page shows for that framework, and the ways the
//! code builds what a framework lacks compute the page's numbers.
#![cfg(not(target_arch = "wasm32"))]

use losslab::calculator::parse_list;
use losslab::core::array::NdArray;
use losslab::core::fit::{fit_logistic, fit_logistic_with, FitOptions, FitWith};
use losslab::core::losses::{binary_focal_crossentropy, FocalOptions, LossOptions};
use losslab::core::softmax_fit::{fit_softmax, SoftmaxOptions};
use losslab::eval::evaluate;
use losslab::i18n::Lang;
use losslab::number::format::{numpy, numpy_array, readout};
use losslab::page::readouts::readouts;
use losslab::page::{code, markup, update, url, CodeBlock, Model, Msg};
use losslab::state::{CalcField, ControlInput, Setting};
use serde_json::{json, Value};

// ---- Reading Python back ------------------------------------------------

/// A Python literal as the list reader takes it.
fn python_to_list(text: &str) -> String {
    text.replace("-float(\"inf\")", "-inf").replace("float(\"inf\")", "inf").replace("float(\"nan\")", "nan")
}

/// The literal at the start of `text`: a bracketed list, or a bare number
/// up to the next `,` or `)`.
fn literal(text: &str) -> &str {
    if text.starts_with('[') {
        let mut depth = 0;
        for (i, c) in text.char_indices() {
            match c {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        return &text[..=i];
                    }
                }
                _ => {}
            }
        }
        text
    } else {
        let end = text.find([',', ')', ' ', '\n']).unwrap_or(text.len());
        &text[..end]
    }
}

/// The array assigned to `name`: `name = np.array(…)` or `name = torch.tensor(…)`,
/// on its line or, a long one, broken over the lines after it.
fn array(code: &str, name: &str) -> Option<NdArray<f64>> {
    let starts = [format!("{name} = np.array("), format!("{name} = torch.tensor(")];
    let at = code.lines().find(|l| starts.iter().any(|s| l.starts_with(s)))?;
    let from = at.as_ptr() as usize - code.as_ptr() as usize;
    let inner = &code[from + at.find('(')? + 1..];
    let text = literal(inner);
    Some(parse_list(&python_to_list(text)).unwrap_or_else(|e| panic!("{name}: {e:?} in {text}")))
}

/// The text after the first `key=`.
fn keyword<'a>(code: &'a str, key: &str) -> Option<&'a str> {
    let at = code.match_indices(&format!("{key}=")).find(|(i, _)| {
        let before = code[..*i].chars().last();
        before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
    })?;
    Some(literal(&code[at.0 + key.len() + 1..]))
}

fn number(text: &str) -> f64 {
    parse_list(&python_to_list(text)).unwrap_or_else(|e| panic!("{text}: {e:?}")).data[0]
}

fn same_bits(a: &NdArray<f64>, b: &NdArray<f64>) -> bool {
    a.shape == b.shape
        && a.data.iter().zip(&b.data).all(|(x, y)| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()))
}

/// The value the last line says the code prints (its comment in English
/// or in Chinese).
fn printed(code: &str) -> &str {
    let last = code.lines().last().unwrap();
    last.strip_prefix("# prints ")
        .or_else(|| last.strip_prefix("# 打印 "))
        .unwrap_or_else(|| panic!("no printed value: {last}"))
}

/// Why the closing comment says the page shows no value: the comment may
/// take several lines, broken at spaces.
fn refused(code: &str) -> Option<String> {
    let lines: Vec<&str> = code.lines().collect();
    let start = lines.iter().rposition(|l| l.starts_with("# The page shows no ") || l.starts_with("# 页面上没有"))?;
    let comment = lines[start..].iter().map(|l| l.strip_prefix("# ").unwrap()).collect::<Vec<_>>().join(" ");
    let (_, why) = comment.split_once(": ").or_else(|| comment.split_once("："))?;
    Some(why.to_owned())
}

/// Whether python3 reads each code as Python, where it is installed (one
/// process for them all); the first that it does not read, with why.
fn python_syntax(codes: &[String]) -> Result<(), String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let check = "import ast, json, sys\nfor code in json.load(sys.stdin):\n    try:\n        ast.parse(code)\n    except SyntaxError as e:\n        sys.exit(f'{e}\\n{code}')";
    let Ok(mut child) =
        Command::new("python3").args(["-c", check]).stdin(Stdio::piped()).stderr(Stdio::piped()).spawn()
    else {
        return Ok(()); // no Python here: the literal checks are the test
    };
    child.stdin.take().unwrap().write_all(json!(codes).to_string().as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// The widest a line of a twin may be, in columns (black's default; a
/// Chinese character takes two): about what a column of code on the page
/// shows, so that a twin scrolls sideways only on a phone.
const COLUMNS: usize = 88;

/// The lines of `code` wider than [`COLUMNS`], a last line with the value
/// the page shows aside (it is what Python prints, on one line).
fn too_wide(code: &str) -> Vec<&str> {
    let width = |line: &str| line.chars().map(|c| if c >= '\u{2e80}' { 2 } else { 1 }).sum::<usize>();
    let lines: Vec<&str> = code.lines().collect();
    let shown = lines.last().is_some_and(|l| l.starts_with("# prints ") || l.starts_with("# 打印 "));
    lines[..lines.len() - usize::from(shown)].iter().copied().filter(|l| width(l) > COLUMNS).collect()
}

fn parses_as_python(code: &str) -> bool {
    python_syntax(&[code.to_owned()]).map_err(|e| eprintln!("{e}")).is_ok()
}

// ---- Loss calls through `losslab eval` ----------------------------------

fn json_array(v: &Value) -> NdArray<f64> {
    losslab::eval::json::array(v).unwrap()
}

/// Every argument of a loss call is in its code, and the comment is the
/// result; the code, for a call that has one.
fn check_loss_call(call: &Value) -> Option<String> {
    let answer = evaluate(call);
    if answer.get("error").is_some() {
        return None;
    }
    let code = answer["code"].as_str().expect("a code for a call that asked for one");
    let args = &call["args"];
    let function = call["fn"].as_str().unwrap();
    let torch = call["code"] == "torch";
    let sparse = function == "sparse_categorical_crossentropy";
    let focal = function.contains("focal");
    let binary = function.starts_with("binary");
    let from_logits = args["from_logits"].as_bool().unwrap_or(torch && function == "binary_focal_crossentropy");
    let dtype = call["dtype"].as_str().unwrap_or("float32");
    let context = format!("{call}\n{code}");
    assert_eq!(too_wide(code), Vec::<&str>::new(), "{context}");

    let y_true = json_array(&args["y_true"]);
    let written = array(code, "y_true").unwrap();
    if sparse {
        assert_eq!(written.data, y_true.data, "{context}");
    } else {
        assert!(same_bits(&written, &y_true), "y_true: {context}");
    }
    assert!(same_bits(&array(code, "y_pred").unwrap(), &json_array(&args["y_pred"])), "y_pred: {context}");
    if !args["sample_weight"].is_null() {
        let name = if torch { "weight" } else { "sample_weight" };
        assert!(same_bits(&array(code, name).unwrap(), &json_array(&args["sample_weight"])), "weight: {context}");
    }
    let dtype_written = if torch { format!("dtype=torch.{dtype})") } else { format!("dtype=\"{dtype}\"") };
    assert!(code.contains(&dtype_written), "{dtype}: {context}");

    let ls = args["label_smoothing"].as_f64().unwrap_or(0.0);
    let reduction = args["reduction"].as_str().unwrap_or("sum_over_batch_size");
    if torch {
        if binary {
            let smoothed = code.lines().find_map(|l| l.strip_prefix("eps = torch.tensor("));
            assert_eq!(
                smoothed.map(|l| number(literal(l)).to_bits()),
                (ls != 0.0).then_some(ls.to_bits()),
                "{context}"
            );
        } else {
            assert_eq!(number(keyword(code, "label_smoothing").unwrap()).to_bits(), ls.to_bits(), "{context}");
        }
        let torch_reduction = if reduction == "sum_over_batch_size" { "mean" } else { reduction };
        let weighted_ce = !binary && !args["sample_weight"].is_null();
        if !weighted_ce {
            assert_eq!(keyword(code, "reduction"), Some(format!("\"{torch_reduction}\"").as_str()), "{context}");
        }
        let logits_form = match (binary, focal) {
            (true, false) => code.contains("binary_cross_entropy_with_logits("),
            (true, true) => !code.contains("torch.logit("),
            _ => !code.contains("torch.log(y_pred)"),
        };
        assert_eq!(logits_form, from_logits, "{context}");
    } else {
        let flag = if from_logits { "True" } else { "False" };
        assert_eq!(keyword(code, "from_logits"), Some(flag), "{context}");
        if !sparse {
            assert_eq!(number(keyword(code, "label_smoothing").unwrap()).to_bits(), ls.to_bits(), "{context}");
        }
        assert_eq!(keyword(code, "reduction"), Some(format!("\"{reduction}\"").as_str()), "{context}");
    }
    if focal {
        for (key, default) in [("gamma", 2.0), ("alpha", 0.25)] {
            let value = args[key].as_f64().unwrap_or(default);
            assert_eq!(number(keyword(code, key).unwrap()).to_bits(), value.to_bits(), "{key}: {context}");
        }
        if binary && !torch {
            let on = args["apply_class_balancing"].as_bool().unwrap_or(false);
            assert_eq!(keyword(code, "apply_class_balancing"), Some(if on { "True" } else { "False" }), "{context}");
        }
    }
    let result = &answer["result"];
    let value = match result {
        Value::Array(_) => {
            let a = json_array(result);
            numpy_array(&a.shape, &a.data)
        }
        _ => numpy(losslab::eval::json::number(result).unwrap()),
    };
    assert_eq!(printed(code), value, "{context}");
    Some(code.to_owned())
}

#[test]
fn every_argument_of_a_loss_call_is_in_its_code_and_the_comment_is_its_result() {
    let binary_inputs = [
        (
            json!([[0, 1], [0, 0]]),
            json!([[0.6, 0.4], [0.4, 0.6]]),
            json!([[-18.6, 0.51], [2.94, -12.8]]),
            json!([1, 0.5]),
        ),
        (json!([0, 0, 1, 1]), json!([1, 1, 1, 0]), json!([-1.5, 2.25, 1e-300, -0.0]), json!([1.5])),
    ];
    let categorical = (
        json!([[0, 1, 0], [0, 0, 1]]),
        json!([[0.05, 0.95, 0], [0.1, 0.8, 0.1]]),
        json!([[1.2, -0.3, 2.0], [0.1, 0.2, "-inf"]]),
        json!([0.3, 0.7]),
    );
    let mut calls = Vec::new();
    for function in [
        "binary_crossentropy",
        "binary_focal_crossentropy",
        "categorical_crossentropy",
        "sparse_categorical_crossentropy",
        "categorical_focal_crossentropy",
    ] {
        let inputs = if function.starts_with("binary") { binary_inputs.to_vec() } else { vec![categorical.clone()] };
        for (y_true, probabilities, logits, weight) in inputs {
            let y_true = if function.starts_with("sparse") { json!([1, 2]) } else { y_true };
            for from_logits in [false, true] {
                for ls in [0.0, 0.2] {
                    for reduction in ["sum_over_batch_size", "sum", "none"] {
                        for weighted in [false, true] {
                            for dtype in ["float32", "float64"] {
                                for framework in ["keras", "keras3", "torch"] {
                                    let mut args = json!({
                                        "y_true": y_true,
                                        "y_pred": if from_logits { &logits } else { &probabilities },
                                        "from_logits": from_logits,
                                        "label_smoothing": ls,
                                        "reduction": reduction,
                                    });
                                    if weighted {
                                        args["sample_weight"] = weight.clone();
                                    }
                                    if function.contains("focal") {
                                        args["gamma"] = json!(if ls == 0.0 { 2.0 } else { 0.5 });
                                        args["alpha"] = json!(if weighted { 0.6 } else { 0.25 });
                                        if function.starts_with("binary") {
                                            args["apply_class_balancing"] = json!(reduction != "sum");
                                        }
                                    }
                                    calls
                                        .push(json!({"fn": function, "args": args, "dtype": dtype, "code": framework}));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    let codes: Vec<String> = calls.iter().filter_map(check_loss_call).collect();
    // The calls the frameworks refuse (Keras' sparse CCE with label_smoothing,
    // torch's CE with sample weights, ...) are answered in words, without code.
    assert!(codes.len() > calls.len() / 2, "{} of {} calls checked", codes.len(), calls.len());
    python_syntax(&codes).unwrap();
}

#[test]
fn torch_cross_entropy_with_class_indices_and_the_seed_call() {
    let call = json!({"fn": "cross_entropy", "args": {"y_true": [1, 2], "y_pred": [[0.05, 0.95, 0], [0.1, 0.8, 0.1]],
        "label_smoothing": 0.1, "reduction": "none"}, "code": "torch"});
    assert!(check_loss_call(&call).is_some());
    let code = evaluate(&call)["code"].as_str().unwrap().to_owned();
    assert!(code.contains("y_true = torch.tensor([1, 2])\n"), "class indices stay integers:\n{code}");
    let seed = evaluate(
        &json!({"fn": "binary_crossentropy", "args": {"y_true": [0, 0, 1, 1], "y_pred": [1, 1, 1, 0]}, "code": "keras"}),
    );
    assert_eq!(printed(seed["code"].as_str().unwrap()), "11.522857");
}

#[test]
fn a_framework_that_cannot_write_a_call_says_so_in_words() {
    let error = |call: Value| evaluate(&call)["error"].as_str().unwrap_or("").to_owned();
    let loss = json!({"y_true": [1], "y_pred": [0.5]});
    assert_eq!(
        error(json!({"fn": "binary_crossentropy", "args": loss, "code": "sklearn"})),
        "binary_crossentropy has no sklearn code; ask for keras, keras3 or torch"
    );
    assert_eq!(
        error(json!({"fn": "binary_crossentropy", "args": loss, "code": "torch", "semantics": "exact"})),
        "code \"torch\" prints what torch prints, but the call asks for semantics \"exact\""
    );
    assert_eq!(
        error(json!({"fn": "logistic_fit", "args": {"x": [0, 1], "y": [0, 1]}, "code": "keras"})),
        "logistic_fit has no keras code; ask for sklearn"
    );
    assert_eq!(
        error(json!({"fn": "dataset", "args": {"name": "article"}, "code": "sklearn"})),
        "dataset has no code: it computes nothing a framework prints"
    );
    assert_eq!(
        error(json!({"fn": "binary_crossentropy", "args": loss, "code": "jax"})),
        "unknown code \"jax\"; expected keras, keras3, torch or sklearn"
    );
    // The same semantics named twice is no conflict.
    assert!(evaluate(&json!({"fn": "binary_crossentropy", "args": loss, "code": "keras3", "semantics": "keras3"}))
        .get("code")
        .is_some());
}

// ---- The fits ------------------------------------------------------------

const X: [f64; 10] = [-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6];
const Y: [f64; 10] = [0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0];

#[test]
fn the_logistic_fit_writes_its_points_and_c_and_prints_the_readouts() {
    for (c, y) in [
        (json!(1.0), Y.to_vec()),
        (json!(0.037), Y.to_vec()),
        (Value::Null, vec![0.1, 0.9, 0.3, 0.5, 0.0, 1.0, 0.7, 0.2, 0.6, 0.95]),
    ] {
        let call = json!({"fn": "logistic_fit", "args": {"x": X, "y": y, "C": c}, "code": "sklearn"});
        let answer = evaluate(&call);
        let code = answer["code"].as_str().unwrap();
        assert!(parses_as_python(code), "{code}");
        assert_eq!(array(code, "x").unwrap().data, X);
        assert_eq!(array(code, "y").unwrap().data, y);
        match c.as_f64() {
            Some(c) => assert_eq!(number(keyword(code, "C").unwrap()).to_bits(), c.to_bits()),
            None => assert_eq!(keyword(code, "penalty"), Some("None")),
        }
        let result = &answer["result"];
        let shown = ["coef", "intercept", "log_loss"].map(|k| readout(result[k].as_f64().unwrap(), 4)).join(" ");
        assert_eq!(printed(code), shown);
    }
}

/// The code's way to fit soft targets with hard labels — each point twice,
/// as class 1 weighted t and as class 0 weighted 1 − t — reaches the
/// page's own fit of the smoothed targets.
#[test]
fn soft_targets_as_weighted_copies_reach_the_pages_fit() {
    let ls = 0.2;
    let t: Vec<f64> = Y.iter().map(|y| y * (1.0 - ls) + 0.5 * ls).collect();
    let page = fit_logistic(&X, &t, &FitOptions::default()).unwrap();
    let x2: Vec<f64> = X.iter().chain(&X).copied().collect();
    let y2: Vec<f64> = [1.0; 10].into_iter().chain([0.0; 10]).collect();
    let w2: Vec<f64> = t.iter().copied().chain(t.iter().map(|t| 1.0 - t)).collect();
    let with = FitWith { sample_weight: Some(&w2), ..FitWith::default() };
    let copies = fit_logistic_with(&x2, &y2, &FitOptions::default(), &with).unwrap();
    assert!((page.model.coef - copies.model.coef).abs() < 1e-9, "{page:?} {copies:?}");
    assert!((page.model.intercept - copies.model.intercept).abs() < 1e-9);
}

/// The softmax twin doubles C for two classes, where scikit-learn fits one
/// weight vector: the binary fit with 2C has the two-class softmax fit's
/// probabilities.
#[test]
fn two_class_softmax_is_the_binary_fit_with_twice_the_c() {
    let points: Vec<Vec<f64>> = X.iter().map(|&x| vec![x]).collect();
    let labels: Vec<usize> = Y.iter().map(|&y| y as usize).collect();
    let c = 0.7;
    let softmax = fit_softmax(&points, &labels, &SoftmaxOptions { c: Some(c), ..SoftmaxOptions::default() }).unwrap();
    let binary = fit_logistic(&X, &Y, &FitOptions { c: Some(2.0 * c) }).unwrap();
    for (x, p) in points.iter().zip(&X) {
        let softmax_p = softmax.model.proba(x)[1];
        assert!((softmax_p - binary.model.proba(*p)).abs() < 1e-9, "{softmax_p} at {p}");
    }
    let call = json!({"fn": "softmax_fit", "args": {"x": X, "y": Y, "C": c}, "code": "sklearn"});
    let code = evaluate(&call)["code"].as_str().unwrap().to_owned();
    assert_eq!(number(keyword(&code, "C").unwrap()), 2.0 * c, "{code}");
}

#[test]
fn the_softmax_fit_writes_its_points_and_options_and_prints_loss_and_accuracy() {
    let x = json!([[0.6, 2.533], [1.229, 0.361], [-1.414, -0.386], [2.383, -0.542], [-1.782, 2.827], [0.0, -1e-3]]);
    let y = json!([2, 1, 0, 1, 0, 2]);
    for (c, ls, gamma) in
        [(json!(1.0), 0.0, 0.0), (json!(3.5), 0.1, 0.0), (Value::Null, 0.3, 2.0), (json!(0.5), 0.0, 1.5)]
    {
        let call = json!({"fn": "softmax_fit", "args": {"x": x, "y": y, "C": c, "label_smoothing": ls, "gamma": gamma}, "code": "sklearn"});
        let answer = evaluate(&call);
        let code = answer["code"].as_str().unwrap_or_else(|| panic!("{answer}"));
        assert!(parses_as_python(code), "{code}");
        assert!(same_bits(&array(code, "X").unwrap(), &json_array(&x)), "{code}");
        assert_eq!(array(code, "y").unwrap().data, json_array(&y).data);
        let k_ls = code.lines().find_map(|l| l.strip_prefix("K, eps = ")).unwrap();
        assert_eq!(k_ls.split("  #").next().unwrap(), format!("3, {}", losslab::number::format::python(ls)));
        if gamma != 0.0 {
            let line = code.lines().find_map(|l| l.strip_prefix("C, gamma, D = ")).unwrap();
            let c_text = c.as_f64().map_or("np.inf".to_owned(), losslab::number::format::python);
            assert_eq!(line, format!("{c_text}, {}, X.shape[1]", losslab::number::format::python(gamma)));
        } else {
            match c.as_f64() {
                Some(c) => assert_eq!(number(keyword(code, "C").unwrap()), c),
                None => assert_eq!(keyword(code, "penalty"), Some("None")),
            }
        }
        let result = &answer["result"];
        let labels: Vec<usize> = json_array(&y).data.iter().map(|&v| v as usize).collect();
        let proba = result["proba"].as_array().unwrap();
        let right = proba
            .iter()
            .zip(&labels)
            .filter(|(p, &label)| {
                let p: Vec<f64> = p.as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
                (0..p.len()).all(|k| p[k] <= p[label])
            })
            .count();
        let accuracy = losslab::number::format::percent_tenths(right as f64 / labels.len() as f64);
        // The code prints the cross-entropy of the points' own classes, whatever targets and γ fitted.
        let own: f64 = proba.iter().zip(&labels).map(|(p, &label)| -p[label].as_f64().unwrap().ln()).sum();
        assert_eq!(printed(code), format!("{} {accuracy}", readout(own / labels.len() as f64, 4)));
    }
}

// ---- The page's twins ----------------------------------------------------

fn page(query: &str) -> Model {
    let mut model = Model::new(url::read(query), false);
    update(&mut model, Msg::Frame);
    model
}

fn readout_text(model: &Model, name: &str) -> String {
    readouts(model).into_iter().find(|(n, _)| *n == name).unwrap().1
}

/// Each calculator twin ends with its framework's row of the table, or
/// with why that row shows no value; it writes the calculator's inputs.
fn check_calculators(model: &Model) {
    let lang = model.state.lang;
    for block in CodeBlock::ALL.into_iter().filter(|b| ["bce", "cce"].contains(&b.section())) {
        let which =
            if block.section() == "bce" { losslab::state::Calc::Binary } else { losslab::state::Calc::Categorical };
        let view = model.calculators.view(which, lang);
        let semantics = block.framework().semantics().unwrap();
        let row = view.rows.iter().find(|r| r.semantics == semantics.name()).unwrap();
        let text = code::code(model, block);
        assert!(parses_as_python(&text), "{text}");
        let last = text.lines().last().unwrap();
        assert_eq!(text.contains("# 打印") || text.contains("# 页面上"), lang == Lang::Zh, "{text}");
        if row.value == "—" {
            assert_eq!(refused(&text).as_deref(), Some(row.why.as_str()), "{last}");
        } else {
            assert_eq!(printed(&text), row.value, "{}", block.word());
        }
        let input = model.state.calculator(which);
        let y_pred = parse_list(&input.y_pred).unwrap();
        assert!(same_bits(&array(&text, "y_pred").unwrap(), &y_pred), "{text}");
    }
}

#[test]
fn the_calculators_twins_end_with_their_rows_in_both_languages() {
    for query in ["", "lang=zh"] {
        let mut model = page(query);
        check_calculators(&model);
        // A sample weight: torch's cross_entropy has none, and its row says so.
        let set = |model: &mut Model, field, text: &str| {
            let setting = Setting::Calculator(losslab::state::Calc::Categorical, field);
            update(model, Msg::Control { setting, input: ControlInput::Text(text.into()), finished: true });
        };
        set(&mut model, CalcField::SampleWeight, "[0.3, 0.7]");
        check_calculators(&model);
        let torch = code::code(&model, CodeBlock::CceTorch);
        assert!(
            torch.contains(
                "losses = F.cross_entropy(logits, y_true, label_smoothing=0.0, reduction=\"none\") * weight\nloss = losses.sum() / losses.numel()"
            ),
            "{torch}"
        );
        set(&mut model, CalcField::Reduction, "none");
        set(&mut model, CalcField::SampleWeight, "");
        set(&mut model, CalcField::LabelSmoothing, "0.25");
        check_calculators(&model);
        // A mistake keeps the last good answer, in the table and in the code.
        set(&mut model, CalcField::YTrue, "[[0, 1, 0]");
        check_calculators(&model);
        assert!(code::code(&model, CodeBlock::CceKeras).contains("label_smoothing=0.25"));
    }
}

#[test]
fn the_fit_twin_ends_with_the_fits_readouts() {
    let mut model = page("smooth=0.2&C=0.5");
    let text = code::code(&model, CodeBlock::FitSklearn);
    assert!(parses_as_python(&text), "{text}");
    let shown = ["coef", "intercept", "bce"].map(|name| readout_text(&model, name)).join(" ");
    assert_eq!(printed(&text), shown);
    assert_eq!(text.lines().find(|l| l.starts_with("eps = ")), Some("eps = 0.2  # ε, label smoothing"));
    assert_eq!(number(keyword(&text, "C").unwrap()), 0.5);
    let x: Vec<f64> = model.state.points.iter().map(|p| p.x).collect();
    assert_eq!(array(&text, "x").unwrap().data, x);
    // Mid-descent the page shows a step, the code the optimum it heads for.
    update(&mut model, Msg::Action(losslab::page::Action::Reset));
    update(&mut model, Msg::Action(losslab::page::Action::Step));
    update(&mut model, Msg::Frame);
    assert_ne!(readout_text(&model, "coef"), shown.split(' ').next().unwrap());
    let text = code::code(&model, CodeBlock::FitSklearn);
    assert!(printed(&text).starts_with(&shown) && printed(&text).contains("step 1 "), "{text}");
    // No optimum: the code says why, as the page does.
    let separable = page("reg=off&pts=-1:0,1:1");
    let text = code::code(&separable, CodeBlock::FitSklearn);
    let why = separable.fit.optimum().as_ref().unwrap_err().message().text(Lang::En);
    assert!(text.contains("penalty=None") && refused(&text).as_deref() == Some(why.as_str()), "{text}");
}

#[test]
fn the_softmax_twin_ends_with_the_planes_readouts() {
    let mut model = page("softmax-smoothing=0.2&softmax-gamma=1.5&softmax-C=0.5");
    let text = code::code(&model, CodeBlock::SoftmaxSklearn);
    assert!(parses_as_python(&text), "{text}");
    let shown = ["softmax-loss", "softmax-accuracy"].map(|name| readout_text(&model, name)).join(" ");
    assert_eq!(printed(&text), shown);
    assert_eq!(text.lines().find_map(|l| l.strip_prefix("K, eps = ")), Some("3, 0.2  # ε, label smoothing"));
    assert_eq!(text.lines().find_map(|l| l.strip_prefix("C, gamma, D = ")), Some("0.5, 1.5, X.shape[1]"));
    let points = model.state.plane_points();
    let x: Vec<f64> = points.iter().flat_map(|p| [p.x, p.y]).collect();
    assert_eq!(array(&text, "X").unwrap().data, x);
    let y: Vec<f64> = points.iter().map(|p| f64::from(p.class)).collect();
    assert_eq!(array(&text, "y").unwrap().data, y);
    // Mid-descent the page shows a step, the code the optimum it heads for.
    update(&mut model, Msg::Action(losslab::page::Action::SoftmaxReset));
    update(&mut model, Msg::Action(losslab::page::Action::SoftmaxStep));
    update(&mut model, Msg::Frame);
    assert_ne!(readout_text(&model, "softmax-loss"), shown.split(' ').next().unwrap());
    let text = code::code(&model, CodeBlock::SoftmaxSklearn);
    assert!(printed(&text).starts_with(&shown) && printed(&text).contains("step 1 "), "{text}");
    // Plain cross-entropy: scikit-learn itself, with the page's C.
    let plain = page("softmax-C=2");
    let text = code::code(&plain, CodeBlock::SoftmaxSklearn);
    assert_eq!(number(keyword(&text, "C").unwrap()), 2.0);
    assert_eq!(printed(&text), ["softmax-loss", "softmax-accuracy"].map(|name| readout_text(&plain, name)).join(" "));
    // No optimum: the code says why, as the page does.
    let separable = page("softmax-reg=off&softmax-pts=0:0:0,1:1:1,2:2:2");
    let text = code::code(&separable, CodeBlock::SoftmaxSklearn);
    let why = separable.softmax.optimum().as_ref().unwrap_err().message().text(Lang::En);
    assert!(text.contains("penalty=None") && refused(&text).as_deref() == Some(why.as_str()), "{text}");
}

#[test]
fn the_focal_twins_end_with_the_focal_readout_and_compute_it() {
    for query in ["", "gamma=0.5&alpha=0.6&balance=1", "gamma=5&smooth=0.3&lang=zh", "alpha=0&balance=1"] {
        let model = page(query);
        let shown = readout_text(&model, "focal");
        for block in [CodeBlock::FocalKeras, CodeBlock::FocalKeras3, CodeBlock::FocalTorch] {
            let text = code::code(&model, block);
            assert!(parses_as_python(&text), "{text}");
            assert_eq!(printed(&text), shown, "{query} {}", block.word());
            let coef_line = text.lines().find_map(|l| l.strip_prefix("coef, intercept = ")).unwrap();
            let (coef, intercept) = coef_line.split_once("  #").unwrap().0.split_once(", ").unwrap();
            let model_shown = model.scene.focal.model;
            assert_eq!((number(coef), number(intercept)), (model_shown.coef, model_shown.intercept));
            let gamma = number(keyword(&text, "gamma").unwrap());
            let alpha = number(keyword(&text, "alpha").unwrap());
            assert_eq!(gamma, model.state.gamma);
            // The framework's own loss, with the options the code passes, is the readout.
            let x = array(&text, "x").unwrap();
            let y_true = array(&text, "y_true").unwrap();
            let logits = NdArray::from_vec(x.data.iter().map(|&x| number(coef) * x + number(intercept)).collect());
            let framework = block.framework();
            let balancing = match framework {
                losslab::core::code::Framework::Torch => alpha >= 0.0,
                _ => keyword(&text, "apply_class_balancing") == Some("True"),
            };
            assert_eq!(balancing, model.state.class_balancing, "{text}");
            let options = LossOptions {
                semantics: framework.semantics().unwrap(),
                from_logits: true,
                focal: FocalOptions { gamma, alpha, apply_class_balancing: balancing },
                ..LossOptions::default()
            };
            let value = binary_focal_crossentropy::<f64>(&y_true, &logits, &options).unwrap().scalar().unwrap();
            assert_eq!(readout(value, 4), shown, "{} under {:?}", block.word(), options.semantics);
        }
    }
}

#[test]
fn copying_a_twin_copies_its_code() {
    let mut model = page("");
    for block in CodeBlock::ALL {
        let changes = update(&mut model, Msg::CopyCode(block));
        assert_eq!(changes.copy, Some((code::code(&model, block), losslab::page::CopyButton::Code(block))));
    }
}

#[test]
fn the_page_holds_one_block_per_code_twin() {
    let template = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap();
    let attribute = |html: &str, name: &str| -> Vec<String> {
        html.split(&format!("{name}=\"")).skip(1).map(|rest| rest[..rest.find('"').unwrap()].to_owned()).collect()
    };
    // The page's disclosures, in page order, each filled as the prerender
    // and the shell fill it.
    let html: String = attribute(&template, "data-code-for")
        .iter()
        .map(|section| {
            let twins = markup::code_twins(section, Lang::En);
            assert!(twins.contains("class=\"code-block\""), "{section} shows no code");
            twins
        })
        .collect();
    let words: Vec<String> = CodeBlock::ALL.iter().map(|b| b.word().to_owned()).collect();
    assert_eq!(attribute(&html, "data-code"), words);
    assert_eq!(attribute(&html, "data-copy-code"), words);
    assert_eq!(attribute(&html, "data-code-status"), words);
    let readouts: Vec<String> = words.iter().map(|w| format!("code-{w}")).collect();
    assert_eq!(attribute(&html, "data-readout"), readouts);
}

/// The code is the same in both languages; only its comments differ.
#[test]
fn chinese_code_twins_differ_only_in_their_comments() {
    let code_lines = |text: &str| -> Vec<String> {
        text.lines().map(|l| l.split("  #").next().unwrap().to_owned()).filter(|l| !l.starts_with('#')).collect()
    };
    for query in ["", "bw=[1, 0.5, 2, 1]&bls=0.2&smooth=0.1&balance=1"] {
        let (en, zh) = (page(query), page(&format!("{query}&lang=zh")));
        for block in CodeBlock::ALL {
            let (a, b) = (code::code(&en, block), code::code(&zh, block));
            assert_ne!(a, b, "{}: the comments are translated", block.word());
            assert_eq!(code_lines(&a), code_lines(&b), "{}", block.word());
        }
    }
}

/// Every page twin, in the page's states that write the most, keeps to
/// [`COLUMNS`]: its long lists broken between their items, its long calls
/// between their arguments.
#[test]
fn every_twin_keeps_to_black_s_columns() {
    let queries = [
        "",
        "lang=zh",
        "data=imbalanced&smooth=0.2&C=0.5",
        "data=overlap&lang=zh",
        "softmax-smoothing=0.2&softmax-gamma=1.5&softmax-C=0.5",
        "softmax-smoothing=0.1&lang=zh",
        "gamma=0.5&alpha=0.6&balance=1",
        "gamma=5&smooth=0.3&lang=zh",
        "bw=[1, 0.5, 2, 1]&bls=0.2&smooth=0.1&balance=1",
    ];
    for query in queries {
        let model = page(query);
        for block in CodeBlock::ALL {
            let text = code::code(&model, block);
            assert_eq!(too_wide(&text), Vec::<&str>::new(), "{query:?} {}:\n{text}", block.word());
        }
    }
}
