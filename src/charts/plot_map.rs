//! Where a figure's data sits on its backend's pixels, both ways: what the
//! page needs to map a pointer to data and back.

/// How one axis maps data to the screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scale {
    Linear,
    /// sign(v)·log10(1 + |v|): linear near 0, logarithmic far out, for
    /// ranges like −1000 … 1000 where both 16 and 1000 matter.
    SymLog,
}

impl Scale {
    #[inline(always)]
    pub fn forward(self, v: f64) -> f64 {
        match self {
            Scale::Linear => v,
            Scale::SymLog => v.signum() * v.abs().ln_1p() / std::f64::consts::LN_10,
        }
    }

    pub fn inverse(self, u: f64) -> f64 {
        match self {
            Scale::Linear => u,
            Scale::SymLog => u.signum() * (10f64.powf(u.abs()) - 1.0),
        }
    }
}

/// One axis: its data range and scale. For figures with one slot per point
/// or class (bars side by side), the data coordinate is the slot index.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    pub min: f64,
    pub max: f64,
    pub scale: Scale,
}

impl Axis {
    pub const fn linear(min: f64, max: f64) -> Axis {
        Axis { min, max, scale: Scale::Linear }
    }

    /// Where `v` falls between `min` (0) and `max` (1).
    pub fn fraction(&self, v: f64) -> f64 {
        self.fractions().of(v)
    }

    /// The axis' mapping to fractions, its ends scaled once: for the many
    /// points of a curve.
    pub fn fractions(&self) -> Fractions {
        let a = self.scale.forward(self.min);
        Fractions { scale: self.scale, a, span: self.scale.forward(self.max) - a }
    }

    pub fn at_fraction(&self, f: f64) -> f64 {
        let (a, b) = (self.scale.forward(self.min), self.scale.forward(self.max));
        self.scale.inverse(a + f * (b - a))
    }
}

/// An axis' mapping from data to fractions, its ends scaled once.
#[derive(Clone, Copy, Debug)]
pub struct Fractions {
    scale: Scale,
    /// The scaled `min`.
    a: f64,
    /// The scaled `max` less the scaled `min`.
    span: f64,
}

impl Fractions {
    /// Where `v` falls between the axis' `min` (0) and `max` (1).
    #[inline(always)]
    pub fn of(&self, v: f64) -> f64 {
        (self.scale.forward(v) - self.a) / self.span
    }
}

/// Where a figure's plot sits, in backend pixels, and what it shows: enough
/// for the page to map a mouse position to data and back (high-DPI included,
/// since the backend's pixels are the canvas' pixels). For figures with two
/// panels this is the main (first) panel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotMap {
    /// Left edge of the plot area (x = `x.min`).
    pub left: f64,
    /// Top edge (y = `y.max`).
    pub top: f64,
    /// Right edge (x = `x.max`).
    pub right: f64,
    /// Bottom edge (y = `y.min`).
    pub bottom: f64,
    pub x: Axis,
    pub y: Axis,
}

impl PlotMap {
    /// The backend pixel of a data point.
    pub fn to_pixel(&self, x: f64, y: f64) -> (f64, f64) {
        (self.x_pixel(x), self.y_pixel(y))
    }

    /// The backend pixel column of data x: a curve maps hundreds of points,
    /// so one coordinate is not computed for the sake of the other.
    pub fn x_pixel(&self, x: f64) -> f64 {
        self.column(self.x.fraction(x))
    }

    /// The backend pixel row of data y.
    pub fn y_pixel(&self, y: f64) -> f64 {
        self.row(self.y.fraction(y))
    }

    /// The backend pixel column a fraction of the way from the plot's left to its right.
    #[inline(always)]
    fn column(&self, fraction: f64) -> f64 {
        self.left + fraction * (self.right - self.left)
    }

    /// The backend pixel row a fraction of the way from the plot's bottom to its top.
    #[inline(always)]
    fn row(&self, fraction: f64) -> f64 {
        self.bottom - fraction * (self.bottom - self.top)
    }

    /// The mapping to backend pixels with what does not depend on the point
    /// worked out once: for the many points of a curve.
    pub fn projection(&self) -> Projection {
        Projection { map: *self, x: self.x.fractions(), y: self.y.fractions() }
    }

    /// The data point under a backend pixel.
    pub fn to_data(&self, px: f64, py: f64) -> (f64, f64) {
        (
            self.x.at_fraction((px - self.left) / (self.right - self.left)),
            self.y.at_fraction((self.bottom - py) / (self.bottom - self.top)),
        )
    }

    /// True when the pixel lies inside the plot area.
    pub fn contains(&self, px: f64, py: f64) -> bool {
        (self.left..=self.right).contains(&px) && (self.top..=self.bottom).contains(&py)
    }
}

/// A plot map's mapping from data to backend pixels, each axis' ends scaled
/// once (`PlotMap::projection`).
#[derive(Clone, Copy, Debug)]
pub struct Projection {
    map: PlotMap,
    x: Fractions,
    y: Fractions,
}

impl Projection {
    /// The backend pixel column of data x.
    #[inline(always)]
    pub fn x_pixel(&self, x: f64) -> f64 {
        self.map.column(self.x.of(x))
    }

    /// The backend pixel row of data y.
    #[inline(always)]
    pub fn y_pixel(&self, y: f64) -> f64 {
        self.map.row(self.y.of(y))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symlog_round_trips() {
        for v in [-1000.0, -16.6, 0.0, 0.5, 88.7, 1000.0] {
            assert!((Scale::SymLog.inverse(Scale::SymLog.forward(v)) - v).abs() < 1e-9);
        }
    }
}
