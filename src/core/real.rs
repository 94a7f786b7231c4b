//! The scalar types the core computes in: `f32` (what the frameworks print),
//! `f64` (exact), and [`Dual`] numbers, which carry a derivative along so that
//! every gradient comes from the very code path that computes the loss.

use std::cmp::Ordering;
use std::fmt::Debug;
use std::num::FpCategory;
use std::ops::{Add, Div, Mul, Neg, Rem, Sub};

use num_traits::{Float, Num, NumCast, One, ToPrimitive, Zero};

/// A floating-point scalar of the core: [`Float`] plus the few conversions
/// the losses need.
///
/// ```
/// use losslab::core::real::Real;
/// // 1 − 1e-7 in float32 is 0.99999988, the reason Keras prints 11.522857.
/// let hi = f32::ONE - f32::lit(1e-7);
/// assert_eq!(hi, 0.99999988_f32);
/// ```
pub trait Real: Float + Debug + Default + ZeroConst + 'static {
    /// `1`, spelled as a constant for readability in formulas.
    const ONE: Self;
    /// Whether this is (or carries values of) IEEE single precision.
    const SINGLE: bool;
    /// An `f64` literal rounded to this type, as a framework casts its inputs.
    fn lit(x: f64) -> Self;
    /// The value as `f64` (exact for `f32`; the value part of a [`Dual`]).
    fn as_f64(self) -> f64;
    /// Subnormal values flushed to (signed) zero, as TensorFlow's CPU kernels
    /// run with flush-to-zero on: `exp(−100)` is `0` in Keras, `3.8e-44` in torch.
    fn flush(self) -> Self;
}

impl Real for f32 {
    const ONE: Self = 1.0;
    const SINGLE: bool = true;
    fn lit(x: f64) -> Self {
        x as f32
    }
    fn as_f64(self) -> f64 {
        self as f64
    }
    fn flush(self) -> Self {
        if self.is_subnormal() {
            0.0_f32.copysign(self)
        } else {
            self
        }
    }
}

impl Real for f64 {
    const ONE: Self = 1.0;
    const SINGLE: bool = false;
    fn lit(x: f64) -> Self {
        x
    }
    fn as_f64(self) -> f64 {
        self
    }
    fn flush(self) -> Self {
        if self.is_subnormal() {
            0.0_f64.copysign(self)
        } else {
            self
        }
    }
}

/// A forward-mode dual number `v + d·ε` with `ε² = 0`: evaluating a function
/// on `Dual { v: x, d: 1 }` gives `f(x)` and `f'(x)` at once.
///
/// ```
/// use losslab::core::real::{Dual, Real};
/// use num_traits::Float;
/// let x = Dual::variable(2.0_f64);
/// let y = x * x + x.ln();
/// assert_eq!(y.v, 4.0 + 2.0_f64.ln());
/// assert_eq!(y.d, 4.0 + 0.5);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Dual<R> {
    /// The value.
    pub v: R,
    /// The derivative with respect to the seeded variable.
    pub d: R,
}

impl<R: Real> Dual<R> {
    /// A constant (derivative 0).
    pub fn constant(v: R) -> Self {
        Dual { v, d: R::zero() }
    }
    /// The variable we differentiate by (derivative 1).
    pub fn variable(v: R) -> Self {
        Dual { v, d: R::one() }
    }
    fn chain(self, v: R, dv: R) -> Self {
        Dual { v, d: self.d * dv }
    }
}

impl<R: Real> PartialEq for Dual<R> {
    fn eq(&self, other: &Self) -> bool {
        self.v == other.v
    }
}
impl<R: Real> PartialOrd for Dual<R> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.v.partial_cmp(&other.v)
    }
}

impl<R: Real> Add for Dual<R> {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        Dual { v: self.v + o.v, d: self.d + o.d }
    }
}
impl<R: Real> Sub for Dual<R> {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        Dual { v: self.v - o.v, d: self.d - o.d }
    }
}
impl<R: Real> Mul for Dual<R> {
    type Output = Self;
    fn mul(self, o: Self) -> Self {
        // Skip the zero-derivative side so that 0·∞ never turns a finite
        // derivative into NaN (e.g. y·log p with y = 0 and p = 0).
        let d = match (self.d == R::zero(), o.d == R::zero()) {
            (true, true) => R::zero(),
            (true, false) => self.v * o.d,
            (false, true) => self.d * o.v,
            (false, false) => self.d * o.v + self.v * o.d,
        };
        Dual { v: self.v * o.v, d }
    }
}
impl<R: Real> Div for Dual<R> {
    type Output = Self;
    fn div(self, o: Self) -> Self {
        let v = self.v / o.v;
        let d = if o.d == R::zero() { self.d / o.v } else { (self.d - v * o.d) / o.v };
        Dual { v, d }
    }
}
impl<R: Real> Rem for Dual<R> {
    type Output = Self;
    fn rem(self, o: Self) -> Self {
        Dual { v: self.v % o.v, d: self.d }
    }
}
impl<R: Real> Neg for Dual<R> {
    type Output = Self;
    fn neg(self) -> Self {
        Dual { v: -self.v, d: -self.d }
    }
}
impl<R: Real> Zero for Dual<R> {
    fn zero() -> Self {
        Dual::constant(R::zero())
    }
    fn is_zero(&self) -> bool {
        self.v.is_zero()
    }
}
impl<R: Real> One for Dual<R> {
    fn one() -> Self {
        Dual::constant(R::one())
    }
}
impl<R: Real> Num for Dual<R> {
    type FromStrRadixErr = R::FromStrRadixErr;
    fn from_str_radix(s: &str, radix: u32) -> Result<Self, Self::FromStrRadixErr> {
        R::from_str_radix(s, radix).map(Dual::constant)
    }
}
impl<R: Real> ToPrimitive for Dual<R> {
    fn to_i64(&self) -> Option<i64> {
        self.v.to_i64()
    }
    fn to_u64(&self) -> Option<u64> {
        self.v.to_u64()
    }
    fn to_f64(&self) -> Option<f64> {
        self.v.to_f64()
    }
}
impl<R: Real> NumCast for Dual<R> {
    fn from<T: ToPrimitive>(n: T) -> Option<Self> {
        <R as NumCast>::from(n).map(Dual::constant)
    }
}

impl<R: Real> Float for Dual<R> {
    fn nan() -> Self {
        Dual::constant(R::nan())
    }
    fn infinity() -> Self {
        Dual::constant(R::infinity())
    }
    fn neg_infinity() -> Self {
        Dual::constant(R::neg_infinity())
    }
    fn neg_zero() -> Self {
        Dual::constant(R::neg_zero())
    }
    fn min_value() -> Self {
        Dual::constant(R::min_value())
    }
    fn min_positive_value() -> Self {
        Dual::constant(R::min_positive_value())
    }
    fn max_value() -> Self {
        Dual::constant(R::max_value())
    }
    fn epsilon() -> Self {
        Dual::constant(R::epsilon())
    }
    fn is_nan(self) -> bool {
        self.v.is_nan()
    }
    fn is_infinite(self) -> bool {
        self.v.is_infinite()
    }
    fn is_finite(self) -> bool {
        self.v.is_finite()
    }
    fn is_normal(self) -> bool {
        self.v.is_normal()
    }
    fn classify(self) -> FpCategory {
        self.v.classify()
    }
    fn floor(self) -> Self {
        Dual::constant(self.v.floor())
    }
    fn ceil(self) -> Self {
        Dual::constant(self.v.ceil())
    }
    fn round(self) -> Self {
        Dual::constant(self.v.round())
    }
    fn trunc(self) -> Self {
        Dual::constant(self.v.trunc())
    }
    fn fract(self) -> Self {
        Dual { v: self.v.fract(), d: self.d }
    }
    fn abs(self) -> Self {
        if self.v < R::zero() {
            -self
        } else {
            self
        }
    }
    fn signum(self) -> Self {
        Dual::constant(self.v.signum())
    }
    fn is_sign_positive(self) -> bool {
        self.v.is_sign_positive()
    }
    fn is_sign_negative(self) -> bool {
        self.v.is_sign_negative()
    }
    fn mul_add(self, a: Self, b: Self) -> Self {
        self * a + b
    }
    fn recip(self) -> Self {
        Self::one() / self
    }
    fn powi(self, n: i32) -> Self {
        let v = self.v.powi(n);
        if n == 0 {
            return Dual::constant(v);
        }
        self.chain(v, R::lit(n as f64) * self.v.powi(n - 1))
    }
    fn powf(self, n: Self) -> Self {
        let v = self.v.powf(n.v);
        let mut d = if self.d == R::zero() || n.v == R::zero() {
            R::zero()
        } else {
            self.d * n.v * self.v.powf(n.v - R::one())
        };
        if n.d != R::zero() {
            d = d + n.d * v * self.v.ln();
        }
        Dual { v, d }
    }
    fn sqrt(self) -> Self {
        let v = self.v.sqrt();
        self.chain(v, R::lit(0.5) / v)
    }
    fn exp(self) -> Self {
        let v = self.v.exp();
        self.chain(v, v)
    }
    fn exp2(self) -> Self {
        let v = self.v.exp2();
        self.chain(v, v * R::lit(std::f64::consts::LN_2))
    }
    fn ln(self) -> Self {
        self.chain(self.v.ln(), self.v.recip())
    }
    fn log(self, base: Self) -> Self {
        self.ln() / base.ln()
    }
    fn log2(self) -> Self {
        self.chain(self.v.log2(), (self.v * R::lit(std::f64::consts::LN_2)).recip())
    }
    fn log10(self) -> Self {
        self.chain(self.v.log10(), (self.v * R::lit(std::f64::consts::LN_10)).recip())
    }
    fn max(self, o: Self) -> Self {
        if o.v > self.v || self.v.is_nan() {
            o
        } else {
            self
        }
    }
    fn min(self, o: Self) -> Self {
        if o.v < self.v || self.v.is_nan() {
            o
        } else {
            self
        }
    }
    #[allow(deprecated)]
    fn abs_sub(self, o: Self) -> Self {
        if self.v > o.v {
            self - o
        } else {
            Self::zero()
        }
    }
    fn cbrt(self) -> Self {
        let v = self.v.cbrt();
        self.chain(v, (R::lit(3.0) * v * v).recip())
    }
    fn hypot(self, o: Self) -> Self {
        (self * self + o * o).sqrt()
    }
    fn sin(self) -> Self {
        self.chain(self.v.sin(), self.v.cos())
    }
    fn cos(self) -> Self {
        self.chain(self.v.cos(), -self.v.sin())
    }
    fn tan(self) -> Self {
        let c = self.v.cos();
        self.chain(self.v.tan(), (c * c).recip())
    }
    fn asin(self) -> Self {
        self.chain(self.v.asin(), (R::one() - self.v * self.v).sqrt().recip())
    }
    fn acos(self) -> Self {
        self.chain(self.v.acos(), -(R::one() - self.v * self.v).sqrt().recip())
    }
    fn atan(self) -> Self {
        self.chain(self.v.atan(), (R::one() + self.v * self.v).recip())
    }
    fn atan2(self, o: Self) -> Self {
        let r2 = self.v * self.v + o.v * o.v;
        Dual { v: self.v.atan2(o.v), d: (o.v * self.d - self.v * o.d) / r2 }
    }
    fn sin_cos(self) -> (Self, Self) {
        (self.sin(), self.cos())
    }
    fn exp_m1(self) -> Self {
        self.chain(self.v.exp_m1(), self.v.exp())
    }
    fn ln_1p(self) -> Self {
        self.chain(self.v.ln_1p(), (R::one() + self.v).recip())
    }
    fn sinh(self) -> Self {
        self.chain(self.v.sinh(), self.v.cosh())
    }
    fn cosh(self) -> Self {
        self.chain(self.v.cosh(), self.v.sinh())
    }
    fn tanh(self) -> Self {
        let t = self.v.tanh();
        self.chain(t, R::one() - t * t)
    }
    fn asinh(self) -> Self {
        self.chain(self.v.asinh(), (self.v * self.v + R::one()).sqrt().recip())
    }
    fn acosh(self) -> Self {
        self.chain(self.v.acosh(), (self.v * self.v - R::one()).sqrt().recip())
    }
    fn atanh(self) -> Self {
        self.chain(self.v.atanh(), (R::one() - self.v * self.v).recip())
    }
    fn integer_decode(self) -> (u64, i16, i8) {
        self.v.integer_decode()
    }
}

impl<R: Real> Real for Dual<R> {
    const ONE: Self = Dual { v: R::ONE, d: R::ZERO_CONST };
    const SINGLE: bool = R::SINGLE;
    fn lit(x: f64) -> Self {
        Dual::constant(R::lit(x))
    }
    fn as_f64(self) -> f64 {
        self.v.as_f64()
    }
    fn flush(self) -> Self {
        Dual { v: self.v.flush(), d: self.d.flush() }
    }
}

/// Zero as an associated constant (needed to build [`Dual`]'s `ONE`).
pub trait ZeroConst {
    const ZERO_CONST: Self;
}
impl ZeroConst for f32 {
    const ZERO_CONST: Self = 0.0;
}
impl ZeroConst for f64 {
    const ZERO_CONST: Self = 0.0;
}
impl<R: Real> ZeroConst for Dual<R> {
    const ZERO_CONST: Self = Dual { v: R::ZERO_CONST, d: R::ZERO_CONST };
}

/// Sum by pairwise (cascade) summation, as numpy and the frameworks' reduce
/// kernels do in blocks: the rounding error grows with `log n`, not `n`.
pub fn pairwise_sum<R: Real>(xs: &[R]) -> R {
    if xs.len() <= 8 {
        xs.iter().fold(R::zero(), |acc, &x| acc + x)
    } else {
        let mid = xs.len() / 2;
        pairwise_sum(&xs[..mid]) + pairwise_sum(&xs[mid..])
    }
}
