//! Property tests of the core and the evaluator.

#![cfg(not(target_arch = "wasm32"))]

use losslab::core::activation::{sigmoid, softmax};
use losslab::core::array::{ascending_order, NdArray};
use losslab::core::fit::{fit_focal, fit_logistic, FitError, FitOptions};
use losslab::core::losses::{
    cross_entropy, loss, loss_with_grad, CrossEntropy, FocalOptions, LossKind, LossOptions, LossValue,
};
use losslab::core::semantics::{Reduction, Semantics};
use losslab::core::smoothing::{smooth_binary, smooth_categorical};
use losslab::eval::{evaluate_call, parse_call};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// (rows, classes) and row-major data from `values`.
fn table(values: impl Strategy<Value = f64> + Clone) -> impl Strategy<Value = NdArray<f64>> {
    (1usize..5, 1usize..5).prop_flat_map(move |(n, k)| {
        prop::collection::vec(values.clone(), n * k).prop_map(move |data| NdArray { shape: vec![n, k], data })
    })
}

/// y_true, y_pred of the same shape.
fn pair(
    t: impl Strategy<Value = f64> + Clone,
    p: impl Strategy<Value = f64> + Clone,
) -> impl Strategy<Value = (NdArray<f64>, NdArray<f64>)> {
    (1usize..5, 1usize..5).prop_flat_map(move |(n, k)| {
        (prop::collection::vec(t.clone(), n * k), prop::collection::vec(p.clone(), n * k))
            .prop_map(move |(a, b)| (NdArray { shape: vec![n, k], data: a }, NdArray { shape: vec![n, k], data: b }))
    })
}

fn labels_for(p: &NdArray<f64>, seed: &[usize]) -> NdArray<f64> {
    let k = p.classes();
    NdArray { shape: vec![p.rows()], data: (0..p.rows()).map(|i| (seed[i % seed.len()] % k) as f64).collect() }
}

fn finite_non_negative(v: &LossValue<f32>) -> bool {
    v.values().iter().all(|x| x.is_finite() && *x >= 0.0)
}

const KERAS_KINDS: [LossKind; 5] = LossKind::ALL;

proptest! {
    #[test]
    fn keras_losses_are_finite_and_non_negative_on_probabilities(
        (y, p) in pair(0.0..=1.0f64, 0.0..=1.0f64),
        seed in prop::collection::vec(0usize..10, 1..5),
        ls in 0.0..=1.0f64,
        keras3 in any::<bool>(),
    ) {
        // A row of all zeros is not a probability distribution (0/0 in Keras too).
        prop_assume!((0..p.rows()).all(|i| p.row(i).iter().sum::<f64>() > 0.0));
        let semantics = if keras3 { Semantics::Keras3 } else { Semantics::Keras };
        for kind in KERAS_KINDS {
            let sparse = kind == LossKind::SparseCategoricalCrossentropy;
            let y = if sparse { labels_for(&p, &seed) } else { y.clone() };
            let o = LossOptions { semantics, label_smoothing: if sparse { 0.0 } else { ls }, ..Default::default() };
            let l = loss::<f32>(kind, &y, &p, &o).unwrap();
            prop_assert!(finite_non_negative(&l), "{kind:?}: {l:?}");
        }
    }

    #[test]
    fn keras_losses_are_finite_and_non_negative_on_logits(
        (y, x) in pair(0.0..=1.0f64, -1e4..=1e4f64),
        seed in prop::collection::vec(0usize..10, 1..5),
        keras3 in any::<bool>(),
    ) {
        let semantics = if keras3 { Semantics::Keras3 } else { Semantics::Keras };
        for kind in KERAS_KINDS {
            let y = if kind == LossKind::SparseCategoricalCrossentropy { labels_for(&x, &seed) } else { y.clone() };
            let o = LossOptions { semantics, from_logits: true, ..Default::default() };
            let l = loss::<f32>(kind, &y, &x, &o).unwrap();
            prop_assert!(finite_non_negative(&l), "{kind:?}: {l:?}");
        }
    }

    #[test]
    fn logits_form_equals_probability_form(
        (y, x) in pair(0.0..=1.0f64, -8.0..8.0f64),
        seed in prop::collection::vec(0usize..10, 1..5),
    ) {
        for kind in KERAS_KINDS {
            let binary = matches!(kind, LossKind::BinaryCrossentropy | LossKind::BinaryFocalCrossentropy);
            let probs = if binary {
                x.map(sigmoid)
            } else {
                let mut d = Vec::new();
                for i in 0..x.rows() { d.extend(softmax(x.row(i))); }
                NdArray { shape: x.shape.clone(), data: d }
            };
            let y = if kind == LossKind::SparseCategoricalCrossentropy { labels_for(&x, &seed) } else { y.clone() };
            let exact = LossOptions { semantics: Semantics::Exact, ..Default::default() };
            let a = loss::<f64>(kind, &y, &x, &LossOptions { from_logits: true, ..exact.clone() }).unwrap().scalar().unwrap();
            let b = loss::<f64>(kind, &y, &probs, &exact).unwrap().scalar().unwrap();
            prop_assert!((a - b).abs() <= 1e-9 * a.abs().max(1.0), "{kind:?}: {a} vs {b}");
        }
    }

    #[test]
    fn focal_with_gamma_zero_and_no_balancing_is_bce(
        (y, p) in pair(0.0..=1.0f64, 0.0..=1.0f64),
        from_logits in any::<bool>(),
        ls in 0.0..=1.0f64,
        sem in prop::sample::select(vec![Semantics::Keras, Semantics::Keras3, Semantics::Exact]),
    ) {
        let o = LossOptions { semantics: sem, from_logits, label_smoothing: ls, focal: FocalOptions { gamma: 0.0, ..Default::default() }, ..Default::default() };
        let bce = loss::<f32>(LossKind::BinaryCrossentropy, &y, &p, &o).unwrap().scalar().unwrap();
        let focal = loss::<f32>(LossKind::BinaryFocalCrossentropy, &y, &p, &o).unwrap().scalar().unwrap();
        prop_assert!(bce == focal || (bce.is_nan() && focal.is_nan()) || (bce - focal).abs() <= 1e-6 * bce.abs(), "{bce} vs {focal}");
    }

    #[test]
    fn the_cross_entropy_entry_gives_the_losses_bit_for_bit(
        (y, p) in pair(0.0..=1.0f64, -4.0..=4.0f64),
        seed in prop::collection::vec(0usize..10, 1..5),
        ls in 0.0..=1.0f64,
        from_logits in any::<bool>(),
        semantics in prop::sample::select(vec![Semantics::Keras, Semantics::Keras3, Semantics::Torch, Semantics::Exact]),
        reduction in prop::sample::select(vec![Reduction::SumOverBatchSize, Reduction::Sum, Reduction::None]),
    ) {
        let p = if from_logits { p } else { NdArray { data: p.data.iter().map(|v| sigmoid(*v)).collect(), ..p } };
        for kind in [CrossEntropy::Binary, CrossEntropy::Categorical, CrossEntropy::Sparse] {
            let sparse = kind == CrossEntropy::Sparse;
            let y = if sparse { labels_for(&p, &seed) } else { y.clone() };
            let o = LossOptions { semantics, from_logits, reduction, label_smoothing: if sparse { 0.0 } else { ls }, ..Default::default() };
            let bits = |v: Result<LossValue<f32>, _>| v.map(|v| v.values().iter().map(|x| x.to_bits()).collect::<Vec<_>>());
            prop_assert_eq!(bits(cross_entropy::<f32>(kind, &y, &p, &o)), bits(loss::<f32>(kind.into(), &y, &p, &o)), "{:?}", kind);
        }
    }

    #[test]
    fn ascending_order_is_a_stable_sort_by_total_cmp(
        keys in prop::collection::vec(prop_oneof![
            any::<f64>(),
            Just(0.0), Just(-0.0), Just(f64::NAN), Just(-f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY), Just(1.5),
        ], 0..60),
    ) {
        let mut expected: Vec<usize> = (0..keys.len()).collect();
        expected.sort_by(|&a, &b| keys[a].total_cmp(&keys[b]));
        prop_assert_eq!(ascending_order(&keys), expected);
    }

    #[test]
    fn smoothing_zero_is_the_identity(y in prop::collection::vec(0.0..=1.0f64, 1..8)) {
        prop_assert_eq!(smooth_categorical(&y, 0.0), y.clone());
        for &v in &y {
            prop_assert_eq!(smooth_binary(v, 0.0), v);
        }
    }

    #[test]
    fn gradients_match_central_differences(
        (y, p) in pair(0.0..=1.0f64, 0.02..0.98f64),
        x in table(-6.0..6.0f64),
        seed in prop::collection::vec(0usize..10, 1..5),
        kind in prop::sample::select(LossKind::ALL.to_vec()),
        sem in prop::sample::select(Semantics::ALL.to_vec()),
        from_logits in any::<bool>(),
        reduction in prop::sample::select(vec![Reduction::SumOverBatchSize, Reduction::Sum, Reduction::None]),
        ls in prop::sample::select(vec![0.0, 0.1]),
        weighted in any::<bool>(),
        gamma in 0.0..4.0f64,
        balance in any::<bool>(),
    ) {
        let y_pred = if from_logits { x } else { p };
        let y = if kind == LossKind::SparseCategoricalCrossentropy {
            labels_for(&y_pred, &seed)
        } else {
            // Same shape as y_pred: reuse the probabilities table when it fits.
            if y.shape == y_pred.shape { y } else { y_pred.map(|v| if v > 0.5 { 1.0 } else { 0.0 }) }
        };
        let sample_weight = weighted.then(|| NdArray::from_vec((0..y_pred.rows()).map(|i| 0.5 + i as f64).collect()));
        let o = LossOptions {
            semantics: sem, from_logits, reduction, label_smoothing: ls, sample_weight,
            focal: FocalOptions { gamma, apply_class_balancing: balance, ..Default::default() },
        };
        let Ok((_, grad)) = loss_with_grad::<f64>(kind, &y, &y_pred, &o) else {
            // Combinations a framework does not offer (torch's categorical
            // focal loss, keras' sparse label smoothing, …) are errors.
            return Ok(());
        };
        let total = |yp: &NdArray<f64>| -> f64 { loss::<f64>(kind, &y, yp, &o).unwrap().values().iter().sum() };
        for j in 0..y_pred.data.len() {
            let h = 1e-6 * y_pred.data[j].abs().max(1.0);
            let (mut up, mut down) = (y_pred.clone(), y_pred.clone());
            up.data[j] += h;
            down.data[j] -= h;
            let fd = (total(&up) - total(&down)) / (2.0 * h);
            let g = grad.data[j];
            prop_assert!((g - fd).abs() <= 1e-5 * g.abs().max(1.0), "{kind:?} {sem:?} logits={from_logits} [{j}]: dual {g} vs fd {fd}");
        }
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(vec![0.0, 1.0, -1.0, 0.5, 2.0, 1e308, -1e308, 1e-320, 3.0, 1e39]).prop_map(|f| json!(f)),
        prop::sample::select(vec![
            "inf", "-inf", "nan", "x", "", "sum", "none", "mean", "keras", "torch", "exact", "keras3", "float64"
        ])
        .prop_map(|s| json!(s)),
        (-3i64..5).prop_map(|i| json!(i)),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(((0.0..1.0f64), (0.0..1.0f64)), 0..4)
                .prop_map(|v| json!(v.iter().map(|(a, b)| vec![*a, *b]).collect::<Vec<_>>())),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "y_true",
                    "y_pred",
                    "from_logits",
                    "label_smoothing",
                    "reduction",
                    "sample_weight",
                    "gamma",
                    "alpha",
                    "apply_class_balancing",
                    "axis",
                    "x",
                    "C",
                    "zzz"
                ])
                .prop_map(String::from),
                inner,
                0..6,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn call_value() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(vec![
            "binary_crossentropy",
            "categorical_crossentropy",
            "sparse_categorical_crossentropy",
            "binary_focal_crossentropy",
            "categorical_focal_crossentropy",
            "logistic_fit",
            "cross_entropy",
            "nope",
        ]),
        json_value(),
        prop::sample::select(vec!["keras", "keras3", "torch", "exact", "bogus"]),
        prop::sample::select(vec!["float32", "float64"]),
        any::<bool>(),
        json_value(),
    )
        .prop_map(|(f, args, sem, dtype, grad, junk)| {
            // Mostly well-formed calls with random arguments, sometimes junk.
            if matches!(junk, Value::Bool(true)) {
                return args;
            }
            json!({"fn": f, "args": args, "semantics": sem, "dtype": dtype, "grad": grad})
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Random JSON never panics the evaluator (called without its panic
    /// guard): every call gets a result or an error.
    #[test]
    fn evaluator_never_panics(call in call_value()) {
        if let Ok(c) = parse_call(&call) {
            let _ = evaluate_call(&c);
        }
        let answer = losslab::eval::evaluate(&call);
        prop_assert!(answer.get("result").is_some() != answer.get("error").is_some());
    }

    /// Well-formed loss calls with random numbers: an answer or an error, never a panic.
    #[test]
    fn random_numeric_calls_never_panic(
        (y, p) in pair(prop::sample::select(vec![0.0, 1.0, 0.5, -1.0, 2.0, 1e308, 1e-310, f64::INFINITY]),
                       prop::sample::select(vec![0.0, 1.0, 0.5, -1.0, 2.0, 1e308, -1e308, 1e-310, 1e30, f64::NEG_INFINITY])),
        kind in prop::sample::select(LossKind::ALL.to_vec()),
        sem in prop::sample::select(Semantics::ALL.to_vec()),
        from_logits in any::<bool>(),
        grad in any::<bool>(),
    ) {
        let enc = |a: &NdArray<f64>| losslab::eval::json::array_to_json(a);
        let call = json!({"fn": kind.name(), "args": {"y_true": enc(&y), "y_pred": enc(&p), "from_logits": from_logits}, "semantics": sem.name(), "grad": grad});
        let c = parse_call(&call).unwrap();
        let _ = evaluate_call(&c);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Newton converges (or says why not) for any C, soft targets, up to 1000 points.
    #[test]
    fn fit_converges_or_explains(
        n in 1usize..1000,
        scale in prop::sample::select(vec![0.01, 1.0, 100.0]),
        soft in any::<bool>(),
        c in prop::sample::select(vec![None, Some(0.001), Some(0.1), Some(1.0), Some(1000.0)]),
        seed in any::<u64>(),
    ) {
        // A small deterministic generator: points whose labels follow a noisy sigmoid.
        let mut s = seed | 1;
        let mut rnd = || { s ^= s << 13; s ^= s >> 7; s ^= s << 17; (s >> 11) as f64 / (1u64 << 53) as f64 };
        let x: Vec<f64> = (0..n).map(|_| (rnd() * 8.0 - 4.0) * scale).collect();
        let y: Vec<f64> = x.iter().map(|&xi| {
            let p = sigmoid(1.5 * xi / scale + 0.3);
            if soft { p * 0.8 + 0.1 } else if rnd() < p { 1.0 } else { 0.0 }
        }).collect();
        let o = FitOptions { c };
        match fit_logistic(&x, &y, &o) {
            Ok(f) => {
                // The gradient of the objective vanishes at the answer.
                let inv_c = c.map_or(0.0, |c| 1.0 / c);
                let (mut gw, mut gb) = (f.model.coef * inv_c, 0.0);
                for (&xi, &yi) in x.iter().zip(&y) {
                    let r = f.model.proba(xi) - yi;
                    gw += r * xi;
                    gb += r;
                }
                let size: f64 = x.iter().map(|v| v.abs() + 1.0).sum();
                prop_assert!(gw.abs() <= 1e-7 * size && gb.abs() <= 1e-7 * size, "gradient {gw} {gb}");
                for gamma in [0.0, 0.5, 2.0, 5.0] {
                    let r = fit_focal(&x, &y, &FocalOptions { gamma, alpha: 0.25, apply_class_balancing: true }, &o);
                    prop_assert!(r.is_ok(), "focal γ={gamma}: {r:?}");
                }
            }
            Err(e) => prop_assert!(matches!(e, FitError::Separable | FitError::OneClass | FitError::NoSpread), "{e:?}"),
        }
    }
}

/// Two points far apart under a weak penalty: the intercept's curvature is
/// 1.5e-7, so the rounding of the gradient moves Newton's step by 1e-9, to
/// one point and back again. The fit stops there (it once circled until it
/// ran out of steps).
#[test]
fn a_nearly_flat_optimum_is_found_not_circled() {
    let (x, y) = ([-334.97330047152667, 320.25122889659156], [0.0, 1.0]);
    let f = fit_logistic(&x, &y, &FitOptions { c: Some(1000.0) }).unwrap();
    let (mut gw, mut gb) = (f.model.coef / 1000.0, 0.0);
    for (&xi, &yi) in x.iter().zip(&y) {
        gw += (f.model.proba(xi) - yi) * xi;
        gb += f.model.proba(xi) - yi;
    }
    assert!(gw.abs() < 1e-12 && gb.abs() < 1e-12, "gradient {gw} {gb}");
    assert!((f.model.coef - 0.050_022_589_29).abs() < 1e-11, "{}", f.model.coef);
    assert!(f.iterations < 30, "{} iterations", f.iterations);
}

#[test]
fn separable_data_without_penalty_is_an_error_not_a_loop() {
    let x = [-3.0, -2.0, -1.0, 1.0, 2.0, 3.0];
    let y = [0.0, 0.0, 0.0, 1.0, 1.0, 1.0];
    assert_eq!(fit_logistic(&x, &y, &FitOptions { c: None }), Err(FitError::Separable));
    assert_eq!(fit_focal(&x, &y, &FocalOptions::default(), &FitOptions { c: None }), Err(FitError::Separable));
    assert!(fit_logistic(&x, &y, &FitOptions::default()).is_ok());
    assert_eq!(fit_logistic(&x, &[1.0; 6], &FitOptions::default()), Err(FitError::OneClass));
}
