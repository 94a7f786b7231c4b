//! The numbers each figure shows, derived from the state.
