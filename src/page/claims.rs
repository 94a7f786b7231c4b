//! The readouts of the claims on data: each fit's calibration, pull and
//! recall, and one sentence per figure that says what the numbers show on
//! the points as they are now — including when an effect is small or goes
//! the other way.

use crate::core::calibration::Reliability;
use crate::core::comparison::{Contender, Scorecard};
use crate::i18n::{fill, t, t_count, Lang};
use crate::number::format::{fixed, percent_whole, readout};
use crate::scene::ComparisonScene;
use crate::state::State;

/// Each contender's readouts, by `data-readout` name: ECE, Brier, held-out
/// log loss, minority recall and the misclassified share of the pull.
const NAMES: [[&str; 5]; 4] = [
    ["ece-ce", "brier-ce", "nll-ce", "minority-recall-ce", "pull-share-ce"],
    ["ece-focal", "brier-focal", "nll-focal", "minority-recall-focal", "pull-share-focal"],
    ["ece-smoothed", "brier-smoothed", "nll-smoothed", "minority-recall-smoothed", "pull-share-smoothed"],
    ["ece-balanced", "brier-balanced", "nll-balanced", "minority-recall-balanced", "pull-share-balanced"],
];

/// Differences in ECE below this read as "about the same".
const SAME_ECE: f64 = 0.005;

/// Every readout of the comparison, name and text.
pub fn claim_readouts(scene: &ComparisonScene, state: &State) -> Vec<(&'static str, String)> {
    let lang = state.lang;
    let mut out = Vec::new();
    for (fit, names) in scene.fits.iter().zip(NAMES) {
        let card = fit.card.as_ref();
        let number = |f: fn(&Scorecard) -> f64| card.map_or_else(|| "—".to_owned(), |c| readout(f(c), 4));
        let share = |f: fn(&Scorecard) -> Option<f64>| card.and_then(f).map_or_else(|| "—".to_owned(), percent_whole);
        out.push((names[0], number(|c| c.calibration.ece)));
        out.push((names[1], number(|c| c.calibration.brier)));
        out.push((names[2], number(|c| c.calibration.log_loss)));
        out.push((names[3], share(|c| c.minority_recall)));
        out.push((names[4], share(|c| c.pull_share)));
    }
    out.push(("data-summary", data_summary(scene, state)));
    out.push(("bins-value", state.bins.to_string()));
    out.push(("threshold-value", readout(state.threshold, 2)));
    out.push(("calibration-verdict", calibration_verdict(scene, state)));
    out.push(("gradients-verdict", gradients_verdict(scene, lang)));
    out.push(("confusion-verdict", confusion_verdict(scene, state)));
    out
}

fn card(scene: &ComparisonScene, contender: Contender) -> Option<&Scorecard> {
    scene.fit(contender).card.as_ref()
}

/// "400 points: 280 for training (14 green), 120 held out (6 green)."
fn data_summary(scene: &ComparisonScene, state: &State) -> String {
    let lang = state.lang;
    let green_training = scene.training.iter().filter(|p| p.green).count();
    let n = state.points.len().to_string();
    let training = scene.training.len().to_string();
    let green = green_training.to_string();
    if scene.judged_on_held_out {
        let held = scene.evaluated.to_string();
        let held_green = scene.evaluated_green.to_string();
        fill(
            t(lang, "claims.summary.split"),
            &[("n", &n), ("train", &training), ("green", &green), ("held", &held), ("held_green", &held_green)],
        )
    } else {
        let all = t_count(lang, state.points.len(), ["claims.summary.all", "claims.summary.all-one"]);
        fill(all, &[("n", &n), ("green", &green)])
    }
}

/// Whether a fit's probabilities sit closer to ½ than the outcomes
/// (under-confident, > 0) or further (over-confident, < 0): the count-weighted
/// mean of (fraction green − mean prediction) signed by the side of ½.
fn confidence_lean(r: &Reliability) -> f64 {
    let total: usize = r.counts.iter().sum();
    if total == 0 {
        return 0.0;
    }
    let lean: f64 = (r.prob_true.iter().zip(&r.prob_pred).zip(&r.counts))
        .map(|((truth, pred), &n)| (pred - 0.5).signum() * (truth - pred) * n as f64)
        .sum();
    lean / total as f64
}

/// The words for which way a fit leans: under-confident, over-confident or neither.
fn lean_key(r: &Reliability) -> &'static str {
    let lean = confidence_lean(r);
    if lean > 0.01 {
        "claims.lean.under"
    } else if lean < -0.01 {
        "claims.lean.over"
    } else {
        "claims.lean.none"
    }
}

/// How a fit's ECE compares with cross-entropy's, and which way it leans.
fn against_ce(scene: &ComparisonScene, contender: Contender, lang: Lang) -> Option<String> {
    let (ce, other) = (card(scene, Contender::CrossEntropy)?, card(scene, contender)?);
    let (a, b) = (other.calibration.ece, ce.calibration.ece);
    let how = if (a - b).abs() < SAME_ECE {
        "claims.how.same"
    } else if a < b {
        "claims.how.better"
    } else {
        "claims.how.worse"
    };
    let lean = lean_key(&other.calibration.reliability);
    Some(fill(
        t(lang, "claims.against-ce"),
        &[("ece", fixed(a, 3)), ("ce", fixed(b, 3)), ("how", t(lang, how).into()), ("lean", t(lang, lean).into())],
    ))
}

fn calibration_verdict(scene: &ComparisonScene, state: &State) -> String {
    let lang = state.lang;
    let Some(ce) = card(scene, Contender::CrossEntropy) else { return t(lang, "claims.no-fit").into() };
    let ce_lean = lean_key(&ce.calibration.reliability);
    let mut parts = vec![fill(
        t(lang, "claims.cal.ce"),
        &[("ece", fixed(ce.calibration.ece, 3)), ("lean", t(lang, ce_lean).into())],
    )];
    let focal_is_ce = state.gamma == 0.0 && !state.class_balancing;
    parts.push(if focal_is_ce {
        t(lang, "claims.cal.focal-is-ce").into()
    } else {
        let g = fixed(state.gamma, 1);
        let verdict = against_ce(scene, Contender::Focal, lang).unwrap_or_default();
        fill(t(lang, "claims.cal.focal"), &[("g", g), ("verdict", verdict)])
    });
    parts.push(if state.smoothing == 0.0 {
        t(lang, "claims.cal.smoothed-is-ce").into()
    } else {
        let verdict = against_ce(scene, Contender::Smoothed, lang).unwrap_or_default();
        fill(t(lang, "claims.cal.smoothed"), &[("e", fixed(state.smoothing, 2)), ("verdict", verdict)])
    });
    parts.join(lang.sentence_gap())
}

fn gradients_verdict(scene: &ComparisonScene, lang: Lang) -> String {
    let share = |c| card(scene, c).and_then(|card| card.pull_share);
    let (Some(ce), Some(focal)) = (share(Contender::CrossEntropy), share(Contender::Focal)) else {
        return t(lang, "claims.no-fit").into();
    };
    if ce == 0.0 && focal == 0.0 {
        return t(lang, "claims.pull.none-wrong").into();
    }
    let key = if (focal - ce).abs() < 0.01 {
        "claims.pull.same"
    } else if focal > ce {
        "claims.pull.up"
    } else {
        "claims.pull.down"
    };
    fill(t(lang, key), &[("ce", percent_whole(ce)), ("focal", percent_whole(focal))])
}

fn confusion_verdict(scene: &ComparisonScene, state: &State) -> String {
    let lang = state.lang;
    let Some(ce) = card(scene, Contender::CrossEntropy) else { return t(lang, "claims.no-fit").into() };
    // The smaller class of the judged points (green on a tie), as the recall readouts count it.
    let green = scene.evaluated_green;
    let red = scene.evaluated - green;
    let minority_green = green <= red;
    let m = if minority_green { green } else { red };
    if m == 0 {
        return t(lang, "claims.recall.one-class").into();
    }
    let found = |c: Contender| {
        card(scene, c)
            .and_then(|card| card.minority_recall)
            .map_or_else(|| "—".to_owned(), |r| ((r * m as f64).round() as usize).to_string())
    };
    let false_alarms = |card: &Scorecard| {
        if minority_green {
            card.confusion.false_positives
        } else {
            card.confusion.false_negatives
        }
    };
    let class = t(lang, if minority_green { "claims.class.green" } else { "claims.class.red" });
    let mut text = fill(
        t_count(lang, m, ["claims.recall", "claims.recall-one"]),
        &[
            ("m", m.to_string()),
            ("class", class.into()),
            ("ce", found(Contender::CrossEntropy)),
            ("focal", found(Contender::Focal)),
            ("smoothed", found(Contender::Smoothed)),
            ("balanced", found(Contender::Balanced)),
        ],
    );
    let focal_is_ce = state.gamma == 0.0 && !state.class_balancing;
    if !focal_is_ce && found(Contender::Focal) == found(Contender::CrossEntropy) {
        text.push_str(lang.sentence_gap());
        if state.class_balancing {
            let (a, b) = (fixed(state.focal_alpha, 2), fixed(1.0 - state.focal_alpha, 2));
            text.push_str(&fill(t(lang, "claims.recall.focal-same-alpha"), &[("a", a), ("b", b)]));
        } else {
            text.push_str(t(lang, "claims.recall.focal-same"));
        }
    }
    if let Some(balanced) = card(scene, Contender::Balanced) {
        text.push_str(lang.sentence_gap());
        text.push_str(&fill(
            t(lang, "claims.recall.cost"),
            &[
                ("fa", false_alarms(balanced).to_string()),
                ("fa_ce", false_alarms(ce).to_string()),
                ("ece", fixed(balanced.calibration.ece, 3)),
                ("ece_ce", fixed(ce.calibration.ece, 3)),
            ],
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(query: &str, name: &str) -> String {
        let state = State::from_query(query).state;
        let scene = ComparisonScene::build(&state, None);
        claim_readouts(&scene, &state).into_iter().find(|(n, _)| *n == name).unwrap().1
    }

    #[test]
    fn the_verdicts_follow_the_numbers() {
        // At γ = 0 focal loss is cross-entropy, and at ε = 0 so is the smoothed fit: the text says so.
        let cal = text("gamma=0", "calibration-verdict");
        assert!(cal.contains("γ = 0") && cal.contains("ε = 0"), "{cal}");
        // The imbalanced set: six green points held out; balanced weights find more of them.
        let rec = text("data=imbalanced&seed=1", "confusion-verdict");
        assert!(rec.starts_with("Of the 6 green points"), "{rec}");
        let summary = text("data=imbalanced&seed=1", "data-summary");
        assert_eq!(summary, "400 points: 280 for training (14 green), 120 held out (6 green).");
        let zh = text("data=imbalanced&seed=1&lang=zh", "data-summary");
        assert!(zh.contains("280") && zh.contains('，'), "{zh}");
    }

    #[test]
    fn the_recall_sentence_quotes_the_alpha_and_the_false_alarms_of_its_state() {
        // On the imbalanced set, with class balancing at α = 0.7 and γ = 0,
        // focal loss finds as many green points as cross-entropy: the
        // sentence names the α of the slider, not Keras' default.
        for lang in ["en", "zh"] {
            let query = format!("data=imbalanced&seed=1&balance=1&alpha=0.7&gamma=0&lang={lang}");
            let rec = text(&query, "confusion-verdict");
            assert!(rec.contains("α = 0.70") && rec.contains("1 − α = 0.30") && !rec.contains("0.25"), "{rec}");
        }
        // The false alarms and ECE are the scorecards' own, whichever way they go:
        // on the noisy set balanced weights raise fewer false alarms than cross-entropy.
        let state = State::from_query("data=noisy&seed=1").state;
        let scene = ComparisonScene::build(&state, None);
        let (ce, balanced) =
            (card(&scene, Contender::CrossEntropy).unwrap(), card(&scene, Contender::Balanced).unwrap());
        let (fa, fa_ce) = (balanced.confusion.false_negatives, ce.confusion.false_negatives);
        assert!(fa < fa_ce, "{fa} {fa_ce}");
        let rec = confusion_verdict(&scene, &state);
        let said = format!("False alarms: {fa} with balanced class weights, {fa_ce} with cross-entropy");
        assert!(rec.contains(&said), "{rec}");
    }

    #[test]
    fn a_lean_reads_under_and_over_confidence() {
        let under = Reliability { prob_true: vec![0.0, 1.0], prob_pred: vec![0.3, 0.7], counts: vec![5, 5] };
        assert!(confidence_lean(&under) > 0.0);
        let over = Reliability { prob_true: vec![0.4, 0.6], prob_pred: vec![0.1, 0.9], counts: vec![5, 5] };
        assert!(confidence_lean(&over) < 0.0);
    }
}
