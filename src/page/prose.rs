//! The sentences of the article that depend on the state: each is written
//! from the same model the figures draw, so no sentence quotes a number (or
//! names a slider, a section or a sign) that a control can change without
//! the sentence changing too. The shell writes them, like every readout,
//! into their `[data-readout]` paragraphs.

use super::model::Model;
use crate::core::fit::Sigmoid;
use crate::core::smoothing::smooth_binary;
use crate::i18n::Placeholders;
use crate::number::format::{fixed, readout, trimmed};
use crate::scene::{BinaryScene, FocalScene};

/// Each state-dependent paragraph's name (`data-readout`) and its text.
///
/// - `bce-smoothing-note`, under the BCE formula: which targets the page's
///   BCE is taken against and, with label smoothing on, the other
///   cross-entropy (against the labels) that the −log figure and the focal
///   section show.
/// - `keras-smoothing-note`: binary label smoothing, and the slider that
///   applies it to the points, named by its own label and its section's title.
/// - `focal-alpha-note`, beside the focal-loss formula: what α_t is now.
/// - `focal-fit-note`: how the sigmoid and its boundary change under focal
///   loss, and how much of that the L2 penalty accounts for.
pub fn paragraphs(model: &Model) -> Vec<(&'static str, String)> {
    let state = &model.state;
    let lang = state.lang;
    let scene = &model.scene;
    let points = &scene.binary.points;
    let e = state.smoothing;
    let a = state.focal_alpha;
    let against_labels = points.iter().map(|p| p.neg_log_p).sum::<f64>() / points.len() as f64;
    let mut words = Placeholders::new(lang);
    words.put("e", readout(e, 2));
    words.put("lo", trimmed(smooth_binary(0.0, e)));
    words.put("hi", trimmed(smooth_binary(1.0, e)));
    words.put("bce", readout(scene.binary.bce.unwrap_or(f64::NAN), 4));
    words.put("ce", readout(against_labels, 4));
    words.put_word("slider", "control.smoothing");
    words.put_word("section", "bce.title");
    words.put("a", readout(a, 2));
    words.put("b", readout(1.0 - a, 2));
    let bce = match (points.is_empty(), e == 0.0) {
        (true, _) => "fig.note.no-points",
        (false, true) => "bce.formula.labels",
        (false, false) => "bce.formula.smoothed",
    };
    let alpha = if state.class_balancing { "focal.alpha.on" } else { "focal.alpha.off" };
    let fit = focal_fit(&scene.focal, &scene.binary, &mut words);
    vec![
        ("bce-smoothing-note", words.say(&[bce])),
        ("keras-smoothing-note", words.say(&["keras.smoothing"])),
        ("focal-alpha-note", words.say(&[alpha])),
        ("focal-fit-note", words.say(&fit)),
    ]
}

/// A boundary moved by less than this share of the x axis "barely moves".
const BARELY: f64 = 0.05;

/// The sentences under the focal fit, adding their values to `words`.
fn focal_fit(scene: &FocalScene, binary: &BinaryScene, words: &mut Placeholders) -> Vec<&'static str> {
    let (ce, focal) = match (&scene.ce_fit, &scene.focal_fit) {
        (Ok(ce), Ok(focal)) => (ce.model, focal.model),
        (Err(e), _) | (_, Err(e)) => {
            words.put("why", e.message().text(words.lang));
            return vec!["focal.fit.none"];
        }
    };
    let (x0, x1) = (boundary(ce), boundary(focal));
    let flatter = focal.coef.abs() < ce.coef.abs();
    let moves = match (x0, x1) {
        (Some(x0), Some(x1)) if (x1 - x0).abs() < BARELY * (binary.x_range.1 - binary.x_range.0).abs() => {
            "focal.fit.barely"
        }
        _ => "focal.fit.moves",
    };
    let at = |x: Option<f64>| x.map_or_else(|| "—".to_owned(), |x| fixed(x, 3));
    words.put("g", fixed(scene.gamma, 1));
    words.put("w0", fixed(ce.coef, 3));
    words.put("w1", fixed(focal.coef, 3));
    words.put("x0", at(x0));
    words.put("x1", at(x1));
    words.put_word("shape", if flatter { "focal.fit.flattens" } else { "focal.fit.steepens" });
    words.put_word("moves", moves);
    if scene.gamma == 0.0 && scene.alpha.is_none() {
        // FL is then CE exactly, and so are the fits.
        return vec!["focal.fit.same"];
    }
    // With γ = 0 nothing is down-weighted for being well classified: only
    // α_t (class balancing) acts.
    let why = if scene.gamma == 0.0 { "focal.fit.why-alpha" } else { "focal.fit.why" };
    if words.get("w0") == words.get("w1") && words.get("x0") == words.get("x1") {
        return vec!["focal.fit.close", why];
    }
    let mut keys = vec![if x0.is_some() && x1.is_some() { "focal.fit" } else { "focal.fit.no-boundary" }, why];
    if scene.alpha.is_some() && scene.gamma > 0.0 {
        keys.push("focal.fit.balanced");
    }
    keys.push(penalty(scene, flatter, words));
    keys
}

/// Where `m` crosses p = 0.5, if it crosses at all.
fn boundary(m: Sigmoid) -> Option<f64> {
    let x = -m.intercept / m.coef;
    (m.coef != 0.0 && x.is_finite()).then_some(x)
}

/// The L2 penalty's part in the change, from the fits without it.
fn penalty(scene: &FocalScene, flatter: bool, words: &mut Placeholders) -> &'static str {
    let Some(free) = &scene.unpenalised else { return "focal.fit.unpenalised" };
    let (ce, focal) = match (&free.ce, &free.focal) {
        (Ok(ce), Ok(focal)) => (ce, focal),
        (Err(e), _) | (_, Err(e)) => {
            words.put("why", e.message().text(words.lang));
            return "focal.fit.free-none";
        }
    };
    words.put("v0", fixed(ce.coef, 3));
    words.put("v1", fixed(focal.coef, 3));
    match (scene.mean_ce, scene.mean_focal) {
        // A smaller loss against the same penalty: the penalty pulls w
        // towards 0 harder, which is part of a flattening, never of a steepening.
        (Some(ce_loss), Some(fl)) if flatter && fl > 0.0 && ce_loss > fl => {
            words.put("ratio", fixed(ce_loss / fl, 1));
            // Unpenalised, focal loss may not flatten the sigmoid at all:
            // then the whole flattening is the penalty's.
            if focal.coef.abs() >= ce.coef.abs() {
                "focal.fit.penalty-all"
            } else {
                "focal.fit.penalty"
            }
        }
        _ => "focal.fit.free",
    }
}
