//! Strings of the page around the figures: headings, prose, controls, readouts, errors.
use super::Entry;

pub const STRINGS: &[Entry] = &[
    ("page.title", "losslab — classification losses, seen", "losslab — 看得见的分类损失函数"),
];
