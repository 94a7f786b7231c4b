//! Which parts of the scene a figure reads.

/// Which parts of the scene a figure reads, so the page redraws only the
/// figures whose inputs changed. A change of theme, palette, language or
/// size redraws every figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Deps(u8);

impl Deps {
    pub const NONE: Deps = Deps(0);
    /// Points, labels, the displayed sigmoid, regularisation, binary smoothing, hover.
    pub const BINARY: Deps = Deps(1);
    /// γ, focal α, class balancing.
    pub const FOCAL: Deps = Deps(1 << 1);
    /// The categorical calculator's rows.
    pub const CCE: Deps = Deps(1 << 2);
    /// Categorical label smoothing ε and K.
    pub const LABEL_SMOOTHING: Deps = Deps(1 << 3);
    /// Nothing the reader sets: the f32 stability curves.
    pub const STABILITY: Deps = Deps(1 << 4);
    /// The four fits compared on data: the points, every loss setting, the
    /// reliability bins and the threshold.
    pub const COMPARISON: Deps = Deps(1 << 5);
    /// The softmax demo in the plane: its points, K, the fit and its options, the chosen point.
    pub const SOFTMAX: Deps = Deps(1 << 6);
    /// Every part.
    pub const ALL: Deps = Deps(0b111_1111);
    /// The points changed (moved, flipped, added, removed) or the fit's
    /// objective did: the binary figures, the focal ones and the comparison,
    /// which refit.
    pub const POINTS: Deps = Deps::BINARY.union(Deps::FOCAL).union(Deps::COMPARISON);
    /// A focal-loss setting changed: the focal figures and the comparison's focal fit.
    pub const FOCAL_FIT: Deps = Deps::FOCAL.union(Deps::COMPARISON);

    pub const fn union(self, other: Deps) -> Deps {
        Deps(self.0 | other.0)
    }

    /// True when the two share any part.
    pub const fn intersects(self, other: Deps) -> bool {
        self.0 & other.0 != 0
    }

    pub const fn contains(self, other: Deps) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for Deps {
    type Output = Deps;
    fn bitor(self, other: Deps) -> Deps {
        self.union(other)
    }
}

impl std::ops::BitOrAssign for Deps {
    fn bitor_assign(&mut self, other: Deps) {
        *self = self.union(other);
    }
}
