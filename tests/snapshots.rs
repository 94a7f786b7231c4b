//! Every figure of a few states, exported as SVG, held to the copies checked
//! in under `tests/snapshots/`: a change that moves one pixel of any figure
//! shows up here. A deliberate change of a figure rewrites the copies with
//! `LOSSLAB_BLESS=1 cargo test --test snapshots`, and the diff is reviewed.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use losslab::charts::export::{size, style_for, svg_string};
use losslab::charts::Figure;
use losslab::scene::Scene;
use losslab::state::State;

/// The states whose figures are held: a folder name and the page's URL query.
const STATES: [(&str, &str); 7] = [
    ("default", ""),
    ("dark-zh-cb", "theme=dark&lang=zh&palette=cb"),
    (
        "sliders",
        "reg=off&smooth=0.2&gamma=0.5&alpha=0.6&balance=1&ls=0.3&K=5\
         &softmax-data=imbalanced&softmax-classes=6&softmax-C=10&softmax-smoothing=0.2&softmax-gamma=1",
    ),
    (
        "edited",
        "C=0.05&gamma=5&pts=-3:1,-1:0,0.5:1,2:0,3.5:1,4:1&cp=[[0.05,0.95,0],[0.2,1.6,0.2]]\
         &softmax-reg=off&softmax-pts=-2:0:0,-1:1:0,2:0:1,3:1:1,0:3:2,1:4:2&softmax-point=3",
    ),
    ("one-class", "reg=off&ls=0&K=10&pts=-1:1,1:1&softmax-data=ring&softmax-reg=off"),
    ("imbalanced", "data=imbalanced&seed=1&smooth=0.2&bins=12&threshold=0.3"),
    ("held-out", "pts=-2:0,-1:0h,-0.5:1,0.3:0,0.6:1h,1:1,2:1,2.5:0h,3:1&gamma=4"),
];

fn folder(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(name)
}

#[test]
fn every_figure_draws_as_its_checked_in_copy() {
    let bless = std::env::var_os("LOSSLAB_BLESS").is_some();
    let mut differ = Vec::new();
    for (name, query) in STATES {
        let parsed = State::from_query(query);
        assert!(parsed.notices.is_empty(), "{name}: {:?}", parsed.notices);
        let state = parsed.state;
        let scene = Scene::from_state(&state);
        let style = style_for(&state);
        let dir = folder(name);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
        }
        for figure in Figure::ALL {
            let svg = svg_string(figure, &scene, &style, size(figure)).unwrap();
            let path = dir.join(format!("{}.svg", figure.name()));
            if bless {
                std::fs::write(&path, &svg).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(svg.as_str()) {
                differ.push(format!("{name}/{}.svg", figure.name()));
            }
        }
        let files = std::fs::read_dir(&dir).map_or(0, |d| d.count());
        assert_eq!(files, Figure::ALL.len(), "{name}: one file per figure, no other");
    }
    assert!(
        differ.is_empty(),
        "figures that no longer draw as their copies (LOSSLAB_BLESS=1 rewrites them): {differ:?}"
    );
}
