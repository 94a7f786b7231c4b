//! The page: state, controls, event wiring, render scheduling.
