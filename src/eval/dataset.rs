//! The `dataset` call: the points and the training/held-out split that the
//! page shows for a data set and seed.
//!
//! `{"fn": "dataset", "args": {"name": "imbalanced", "seed": 1}}` answers
//! `{"x": [...], "y": [...], "train": [true, false, ...], "classes": 2}`:
//! one `x` per point for the sets of one feature (`article`, `overlap`,
//! `imbalanced`, `noisy`, `outlier`), `[x₁, x₂]` for the plane presets
//! (`blobs`, `overlap`, `imbalanced`, `ring`), which a `classes` argument
//! (2 … 6) asks for; `blobs` and `ring` are plane presets anyway (3 classes
//! unless given). `seed` defaults to 0.

use serde_json::{json, Map, Value};

use super::json::written;
use crate::core::data::{BinaryData, BinaryDataSet, DataError, PlaneData, PlaneDataSet, DEFAULT_PLANE_CLASSES};
use crate::i18n::Message;

/// Which data set a call asks for, validated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatasetRequest {
    Binary { set: BinaryDataSet, seed: u64 },
    Plane { set: PlaneDataSet, classes: usize, seed: u64 },
}

/// A generated data set.
#[derive(Clone, Debug, PartialEq)]
pub enum Dataset {
    Binary(BinaryData),
    Plane(PlaneData),
}

fn whole_number(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n
            .as_u64()
            .or_else(|| n.as_f64().filter(|f| *f >= 0.0 && f.fract() == 0.0 && *f < 2f64.powi(64)).map(|f| f as u64)),
        _ => None,
    }
}

/// Reads `name`, `seed` and `classes`; a mistake in words.
pub(super) fn parse_dataset_args(args: &Map<String, Value>) -> Result<DatasetRequest, Message> {
    let mut name = None;
    let mut seed = 0u64;
    let mut classes = None;
    for (key, v) in args {
        if v.is_null() {
            continue;
        }
        match key.as_str() {
            "name" => name = Some(v),
            "seed" => seed = whole_number(v).ok_or_else(|| DataError::Seed(written(v)).message())?,
            "classes" => {
                let k = whole_number(v)
                    .filter(|k| *k <= usize::MAX as u64)
                    .ok_or_else(|| DataError::Classes(written(v)).message())?;
                classes = Some(k as usize);
            }
            other => return Err(Message::new("error.call.option").with("function", "dataset").with("option", other)),
        }
    }
    let name = name.ok_or_else(|| Message::new("error.call.missing").with("arg", "name"))?;
    let text = name.as_str().unwrap_or("");
    let unknown = || DataError::UnknownName(written(name)).message();
    let request = match (PlaneDataSet::parse(text), BinaryDataSet::parse(text), classes) {
        (Some(set), _, Some(classes)) => DatasetRequest::Plane { set, classes, seed },
        (Some(set), None, None) => DatasetRequest::Plane { set, classes: DEFAULT_PLANE_CLASSES, seed },
        (_, Some(set), None) => DatasetRequest::Binary { set, seed },
        (None, Some(_), Some(_)) => return Err(DataError::NotAPlaneSet(written(name)).message()),
        (None, None, _) => return Err(unknown()),
    };
    Ok(request)
}

/// Generates the requested set.
pub(super) fn generate(request: &DatasetRequest) -> Result<Dataset, Message> {
    Ok(match *request {
        DatasetRequest::Binary { set, seed } => Dataset::Binary(set.generate(seed)),
        DatasetRequest::Plane { set, classes, seed } => {
            Dataset::Plane(set.generate(classes, seed).map_err(|e| e.message())?)
        }
    })
}

/// The answer's `result`.
pub(super) fn to_json(d: &Dataset) -> Value {
    match d {
        Dataset::Binary(b) => json!({
            "x": b.x,
            "y": b.y.iter().map(|&y| y as u8).collect::<Vec<_>>(),
            "train": b.train,
            "classes": 2,
        }),
        Dataset::Plane(p) => json!({ "x": p.x, "y": p.y, "train": p.train, "classes": p.classes }),
    }
}
