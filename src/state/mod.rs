//! Everything a reader can set: the points, every slider and toggle, the
//! calculators' inputs, language and theme. The page keeps one [`State`];
//! its URL form (a query string, see [`State::to_query`] and
//! [`State::from_query`]) reproduces the view, and pasted CSV text
//! ([`parse_points_csv`]) replaces the points.
//!
//! The ranges below are the border: [`State::from_query`] clamps into them,
//! and everything past it may assume [`State::is_within_ranges`].

mod fields;
mod notice;
mod percent;
mod points_csv;
mod query;
mod read_value;
mod settings;

pub use fields::{
    data_points, CalculatorInput, Palette, PlanePoint, Point, Regularization, SoftmaxSettings, State, Theme,
    ARTICLE_POINTS, BINS_RANGE, CLASSES_RANGE, C_RANGE, GAMMA_RANGE, MAX_POINTS, PLANE_CLASSES_RANGE, PLANE_X_RANGE,
    PLANE_Y_RANGE, REDUCTIONS, SEED_RANGE, UNIT_RANGE, X_RANGE,
};
pub use notice::{Expected, Notice};
pub use points_csv::{parse_points_csv, points_csv, CsvError};
pub use query::{join_pairs, link_text, query_of, query_part, state_keys, Parsed};
pub use read_value::{split_pairs, Reader};
pub use settings::{Calc, CalcField, ControlInput, Kind, Put, Setting, Spec, Value, OWN_POINTS, SETTINGS};

/// The language is part of the state; the word tables define it.
pub use crate::i18n::Lang;
