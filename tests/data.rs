//! The data sets: the same seed gives the same points (here, natively, and
//! in the WebAssembly build: `the_bits_are_the_same_on_every_machine` runs
//! in both), the sizes, balances and splits the page promises, and the
//! `dataset` call of `losslab eval`.

use losslab::core::data::{BinaryDataSet, PlaneDataSet, PLANE_CLASSES, X_LIMIT};
use losslab::core::fit::{fit_logistic, FitOptions};
use losslab::eval::evaluate;
use serde_json::{json, Value};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test;

/// FNV-1a over the bits of every coordinate, label and split flag of every
/// set at seeds 0, 1, 2 and 2⁶⁴ − 1, for every number of classes.
fn fingerprint() -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    let mut eat = |v: u64| {
        for b in v.to_le_bytes() {
            h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01B3);
        }
    };
    for seed in [0, 1, 2, u64::MAX] {
        for set in BinaryDataSet::ALL {
            let d = set.generate(seed);
            d.x.iter().chain(&d.y).for_each(|v| eat(v.to_bits()));
            d.train.iter().for_each(|&t| eat(t as u64));
        }
        for set in PlaneDataSet::ALL {
            for k in PLANE_CLASSES {
                let d = set.generate(k, seed).unwrap();
                d.x.iter().flatten().for_each(|v| eat(v.to_bits()));
                d.y.iter().for_each(|&c| eat(c as u64));
                d.train.iter().for_each(|&t| eat(t as u64));
            }
        }
    }
    h
}

/// Pinned: if this changes, every URL with a seed shows other points.
/// Run in wasm too: `cargo test --target wasm32-unknown-unknown --no-default-features --test data`.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn the_bits_are_the_same_on_every_machine() {
    assert_eq!(fingerprint(), FINGERPRINT, "the generated points changed: {:#018x}", fingerprint());
}

const FINGERPRINT: u64 = 0x9f5b_8ac1_fec5_896c;

#[test]
fn a_few_values_of_seed_1() {
    let overlap = BinaryDataSet::Overlap.generate(1);
    assert_eq!(&overlap.x[..4], &[-0.21, -1.098, 0.243, -0.304]);
    let imbalanced = BinaryDataSet::Imbalanced.generate(1);
    assert_eq!(&imbalanced.x[..3], &[-0.225, -1.036, -1.427]);
    assert_eq!(BinaryDataSet::Outlier.generate(1).x[10], 9.195);
    assert_eq!(&PlaneDataSet::Blobs.generate(3, 1).unwrap().x[0], &[-0.262, 2.054]);
}

#[test]
fn sizes_and_balances_are_as_promised() {
    let count = |set: BinaryDataSet| {
        let d = set.generate(7);
        let positives = d.y.iter().filter(|&&y| y == 1.0).count();
        let train = d.train.iter().filter(|&&t| t).count();
        (d.x.len(), positives, train)
    };
    assert_eq!(count(BinaryDataSet::Article), (10, 7, 10));
    assert_eq!(count(BinaryDataSet::Overlap), (200, 100, 140));
    assert_eq!(count(BinaryDataSet::Imbalanced), (400, 20, 280));
    assert_eq!(count(BinaryDataSet::Outlier), (11, 7, 11));
    let (n, _, train) = count(BinaryDataSet::Noisy);
    assert_eq!((n, train), (200, 140));
}

#[test]
fn the_split_is_stratified() {
    let d = BinaryDataSet::Imbalanced.generate(3);
    let held_positive = (0..d.x.len()).filter(|&i| !d.train[i] && d.y[i] == 1.0).count();
    assert_eq!(held_positive, 6);
    for (k, want) in [(3, vec![30, 6, 2]), (5, vec![30, 6, 2, 2, 2])] {
        let p = PlaneDataSet::Imbalanced.generate(k, 3).unwrap();
        let held: Vec<usize> = (0..k).map(|c| (0..p.x.len()).filter(|&i| p.y[i] == c && !p.train[i]).count()).collect();
        assert_eq!(held, want);
    }
}

#[test]
fn the_same_seed_gives_the_same_points_and_another_seed_others() {
    for set in BinaryDataSet::ALL {
        assert_eq!(set.generate(5), set.generate(5));
    }
    assert_ne!(BinaryDataSet::Overlap.generate(5).x, BinaryDataSet::Overlap.generate(6).x);
    assert_eq!(BinaryDataSet::Article.generate(5), BinaryDataSet::Article.generate(6));
}

#[test]
fn noisy_is_overlap_with_a_tenth_of_the_labels_flipped() {
    for seed in 0..5 {
        let (clean, noisy) = (BinaryDataSet::Overlap.generate(seed), BinaryDataSet::Noisy.generate(seed));
        assert_eq!((&clean.x, &clean.train), (&noisy.x, &noisy.train));
        let flipped = clean.y.iter().zip(&noisy.y).filter(|(a, b)| a != b).count();
        assert_eq!(flipped, 20);
    }
}

#[test]
fn every_coordinate_is_within_the_plotting_range_and_rounded() {
    let ok = |v: f64| v.abs() <= X_LIMIT && ((v * 1000.0).round() / 1000.0 == v);
    for seed in 0..20 {
        for set in BinaryDataSet::ALL {
            let d = set.generate(seed);
            // The outlier is far away on purpose, past the range.
            let n = if set == BinaryDataSet::Outlier { 10 } else { d.x.len() };
            assert!(d.x[..n].iter().all(|&v| ok(v)), "{set:?} {seed}");
        }
        for set in PlaneDataSet::ALL {
            for k in PLANE_CLASSES {
                let d = set.generate(k, seed).unwrap();
                assert!(d.x.iter().flatten().all(|&v| ok(v)), "{set:?} {k} {seed}");
                assert!(d.x.len() <= 400);
                assert!((0..k).all(|c| d.y.contains(&c)));
            }
        }
    }
}

#[test]
fn the_ring_class_surrounds_the_others() {
    let d = PlaneDataSet::Ring.generate(4, 2).unwrap();
    let radius = |p: &[f64; 2]| (p[0] * p[0] + p[1] * p[1]).sqrt();
    let ring_min = (0..d.x.len()).filter(|&i| d.y[i] == 0).map(|i| radius(&d.x[i])).fold(f64::INFINITY, f64::min);
    let inner_max = (0..d.x.len()).filter(|&i| d.y[i] != 0).map(|i| radius(&d.x[i])).fold(0.0, f64::max);
    assert!(ring_min >= 3.499 && inner_max < ring_min, "{ring_min} {inner_max}");
}

#[test]
fn the_outlier_drags_the_unregularised_fit() {
    let free = FitOptions { c: None };
    let (x, y) = BinaryDataSet::Article.generate(1).training();
    let before = fit_logistic(&x, &y, &free).unwrap().model;
    for seed in 0..10 {
        let (x, y) = BinaryDataSet::Outlier.generate(seed).training();
        let after = fit_logistic(&x, &y, &free).unwrap().model;
        // The slope falls from 1.64 to nearly flat: the far red point pulls hard.
        assert!(after.coef < 0.1 * before.coef, "seed {seed}: {after:?}");
        assert!((9.0..=12.0).contains(&x[10]) && y[10] == 0.0);
    }
}

fn result(call: Value) -> Value {
    let a = evaluate(&call);
    assert!(a.get("error").is_none(), "{a}");
    a["result"].clone()
}

fn error(call: Value) -> String {
    evaluate(&call)["error"].as_str().unwrap_or_else(|| panic!("no error for {call}")).to_owned()
}

#[test]
fn the_dataset_call_gives_the_points_and_the_split() {
    let r = result(json!({"fn": "dataset", "args": {"name": "imbalanced", "seed": 1}}));
    let d = BinaryDataSet::Imbalanced.generate(1);
    assert_eq!(r["x"], json!(d.x));
    assert_eq!(r["train"], json!(d.train));
    assert_eq!(r["y"].as_array().unwrap().iter().filter(|v| **v == json!(1)).count(), 20);
    assert_eq!(r["classes"], 2);
    // The plane presets: with classes, or by a name only the plane has.
    let p = result(json!({"fn": "dataset", "args": {"name": "overlap", "classes": 4, "seed": 2}}));
    assert_eq!(p["x"][0].as_array().unwrap().len(), 2);
    assert_eq!(p["classes"], 4);
    let ring = result(json!({"fn": "dataset", "args": {"name": "ring"}}));
    assert_eq!(ring["classes"], 3);
    assert_eq!(ring, result(json!({"fn": "dataset", "args": {"name": "ring", "seed": 0, "classes": 3}})));
}

#[test]
fn a_bad_dataset_call_is_answered_in_words() {
    assert!(error(json!({"fn": "dataset", "args": {"name": "spiral"}})).contains("unknown data set \"spiral\""));
    assert!(error(json!({"fn": "dataset", "args": {"name": "article", "classes": 3}})).contains("takes no \"classes\""));
    assert!(error(json!({"fn": "dataset", "args": {"name": "blobs", "classes": 7}})).contains("from 2 to 6, got 7"));
    assert!(error(json!({"fn": "dataset", "args": {"name": "overlap", "seed": -1}}))
        .contains("seed must be a whole number"));
    assert!(error(json!({"fn": "dataset", "args": {"name": "overlap", "seed": 1.5}})).contains("got 1.5"));
    assert!(error(json!({"fn": "dataset", "args": {"seed": 1}})).contains("missing argument \"name\""));
    assert!(error(json!({"fn": "dataset", "args": {"name": "overlap", "size": 3}})).contains("no option \"size\""));
}

#[test]
fn data_errors_read_in_chinese_too() {
    use losslab::core::data::DataError;
    use losslab::i18n::Lang;
    let m = DataError::Classes("9".into()).message();
    assert_eq!(m.text(Lang::Zh), "classes 必须是 2 到 6 之间的整数，却得到 9");
    assert_eq!(m.text(Lang::En), "classes must be a whole number from 2 to 6, got 9");
}
