//! The sentences of the article that depend on the state: each is written
//! from the same model the figures draw, so no sentence quotes a number (or
//! names a slider, a section or a sign) that a control can change without
//! the sentence changing too. The shell writes them, like every readout,
//! into their `[data-readout]` paragraphs.

use super::model::Model;
use crate::core::fit::{FitError, Sigmoid};
use crate::core::smoothing::smooth_binary;
use crate::i18n::{fill, sentences, t, Lang};
use crate::number::format::{fixed, readout, trimmed};
use crate::scene::{BinaryScene, FocalScene};
use crate::state::State;

/// Each state-dependent paragraph's name (`data-readout`) and its text.
pub fn paragraphs(model: &Model) -> Vec<(&'static str, String)> {
    let state = &model.state;
    let lang = state.lang;
    let scene = &model.scene;
    vec![
        ("bce-smoothing-note", bce_smoothing(state, &scene.binary, lang)),
        ("keras-smoothing-note", keras_smoothing(state, lang)),
        ("focal-alpha-note", focal_alpha(state, lang)),
        ("focal-fit-note", focal_fit(&scene.focal, &scene.binary, lang)),
    ]
}

/// Under the BCE formula: which targets the page's BCE is taken against,
/// and, with label smoothing on, the other cross-entropy (against the
/// labels) that the −log figure and the focal section show.
fn bce_smoothing(state: &State, scene: &BinaryScene, lang: Lang) -> String {
    let n = scene.points.len();
    let (Some(bce), false) = (scene.bce, n == 0) else { return t(lang, "fig.note.no-points").to_owned() };
    let against_labels = scene.points.iter().map(|p| p.neg_log_p).sum::<f64>() / n as f64;
    let e = state.smoothing;
    if e == 0.0 {
        return fill(t(lang, "bce.formula.labels"), &[("bce", readout(bce, 4))]);
    }
    let values = [
        ("e", readout(e, 2)),
        ("bce", readout(bce, 4)),
        ("lo", trimmed(smooth_binary(0.0, e))),
        ("hi", trimmed(smooth_binary(1.0, e))),
        ("ce", readout(against_labels, 4)),
    ];
    fill(t(lang, "bce.formula.smoothed"), &values)
}

/// In the Keras section: binary label smoothing, and the slider (in the BCE
/// section, named by its own label and that section's title) that applies
/// it to the points, at its current value.
fn keras_smoothing(state: &State, lang: Lang) -> String {
    let e = state.smoothing;
    let values = [
        ("slider", t(lang, "control.smoothing").to_owned()),
        ("section", t(lang, "bce.title").to_owned()),
        ("e", readout(e, 2)),
        ("lo", trimmed(smooth_binary(0.0, e))),
        ("hi", trimmed(smooth_binary(1.0, e))),
    ];
    fill(t(lang, "keras.smoothing"), &values)
}

/// Beside the focal-loss formula: what α_t is for the points now.
fn focal_alpha(state: &State, lang: Lang) -> String {
    if state.class_balancing {
        let a = state.focal_alpha;
        fill(t(lang, "focal.alpha.on"), &[("a", readout(a, 2)), ("b", readout(1.0 - a, 2))])
    } else {
        t(lang, "focal.alpha.off").to_owned()
    }
}

/// A boundary moved by less than this share of the x axis "barely moves".
const BARELY: f64 = 0.05;

/// Under the focal fit: how the sigmoid and its boundary change under focal
/// loss, and how much of that the L2 penalty accounts for.
fn focal_fit(scene: &FocalScene, binary: &BinaryScene, lang: Lang) -> String {
    let (ce, focal) = match (&scene.ce_fit, &scene.focal_fit) {
        (Ok(ce), Ok(focal)) => (ce.model, focal.model),
        (Err(e), _) | (_, Err(e)) => return fill(t(lang, "focal.fit.none"), &[("why", e.message().text(lang))]),
    };
    let g = fixed(scene.gamma, 1);
    let w = |m: Sigmoid| fixed(m.coef, 3);
    if scene.gamma == 0.0 && scene.alpha.is_none() {
        // FL is then CE exactly, and so are the fits.
        let x = boundary(ce).map_or_else(|| "—".to_owned(), |x| fixed(x, 3));
        return fill(t(lang, "focal.fit.same"), &[("g", g), ("w", w(ce)), ("x", x)]);
    }
    let flatter = focal.coef.abs() < ce.coef.abs();
    let shape = t(lang, if flatter { "focal.fit.flattens" } else { "focal.fit.steepens" });
    // With γ = 0 nothing is down-weighted by how well it is classified:
    // only α_t (class balancing) acts.
    let why = t(lang, if scene.gamma == 0.0 { "focal.fit.why-alpha" } else { "focal.fit.why" }).to_owned();
    let (x0, x1) = (boundary(ce), boundary(focal));
    let shown = |x: Option<f64>| x.map_or_else(|| "—".to_owned(), |x| fixed(x, 3));
    if w(ce) == w(focal) && shown(x0) == shown(x1) {
        let values = [("g", g), ("w", w(ce)), ("x", shown(x0))];
        return sentences(lang, [fill(t(lang, "focal.fit.close"), &values), why]);
    }
    let mut parts = Vec::new();
    match (x0, x1) {
        (Some(x0), Some(x1)) => {
            let width = (binary.x_range.1 - binary.x_range.0).abs();
            let moves = t(lang, if (x1 - x0).abs() < BARELY * width { "focal.fit.barely" } else { "focal.fit.moves" });
            let values = [
                ("g", g),
                ("shape", shape.to_owned()),
                ("w0", w(ce)),
                ("w1", w(focal)),
                ("moves", moves.to_owned()),
                ("x0", fixed(x0, 3)),
                ("x1", fixed(x1, 3)),
            ];
            parts.push(fill(t(lang, "focal.fit"), &values));
        }
        _ => {
            let values = [("g", g), ("shape", shape.to_owned()), ("w0", w(ce)), ("w1", w(focal))];
            parts.push(fill(t(lang, "focal.fit.no-boundary"), &values));
        }
    }
    parts.push(why);
    if let (Some(a), true) = (scene.alpha, scene.gamma > 0.0) {
        parts.push(fill(t(lang, "focal.fit.balanced"), &[("a", readout(a, 2)), ("b", readout(1.0 - a, 2))]));
    }
    parts.push(penalty(scene, flatter, lang));
    sentences(lang, parts)
}

/// Where `m` crosses p = 0.5, if it crosses at all.
fn boundary(m: Sigmoid) -> Option<f64> {
    let x = -m.intercept / m.coef;
    (m.coef != 0.0 && x.is_finite()).then_some(x)
}

/// The L2 penalty's part in the change, from the fits without it.
fn penalty(scene: &FocalScene, flatter: bool, lang: Lang) -> String {
    let Some(free) = &scene.unpenalised else { return t(lang, "focal.fit.unpenalised").to_owned() };
    let (ce, focal) = match (&free.ce, &free.focal) {
        (Ok(ce), Ok(focal)) => (ce, focal),
        (Err(e), _) | (_, Err(e)) => return no_free_optimum(e, lang),
    };
    let without = [("w0", fixed(ce.coef, 3)), ("w1", fixed(focal.coef, 3))];
    let ratio = match (scene.mean_ce, scene.mean_focal) {
        (Some(ce), Some(fl)) if fl > 0.0 && ce > fl => Some(ce / fl),
        _ => None,
    };
    match ratio {
        // A smaller loss against the same penalty: the penalty pulls w
        // towards 0 harder, which is part of a flattening, never of a steepening.
        Some(ratio) if flatter => {
            let mut values = without.to_vec();
            values.push(("ratio", fixed(ratio, 1)));
            fill(t(lang, "focal.fit.penalty"), &values)
        }
        _ => fill(t(lang, "focal.fit.free"), &without),
    }
}

fn no_free_optimum(e: &FitError, lang: Lang) -> String {
    fill(t(lang, "focal.fit.free-none"), &[("why", e.message().text(lang))])
}
