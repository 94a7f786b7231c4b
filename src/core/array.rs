//! A minimal n-dimensional array: a shape and its values in row-major order.
//! The last axis is the class axis, as in Keras.

/// Values in row-major order with their shape; a scalar has shape `[]`.
///
/// ```
/// use losslab::core::array::NdArray;
/// let a = NdArray::from_rows(vec![vec![0.0, 1.0, 0.0], vec![0.0, 0.0, 1.0]]).unwrap();
/// assert_eq!(a.shape, vec![2, 3]);
/// assert_eq!(a.row(1), &[0.0, 0.0, 1.0]);
/// assert_eq!(a.to_rows().unwrap()[0], [0.0, 1.0, 0.0]);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NdArray<T> {
    /// The extent of each axis.
    pub shape: Vec<usize>,
    /// The values, last axis fastest.
    pub data: Vec<T>,
}

impl<T: Copy> NdArray<T> {
    /// A scalar (shape `[]`).
    pub fn scalar(v: T) -> Self {
        NdArray { shape: vec![], data: vec![v] }
    }
    /// A 1-D array (in Keras: ONE sample whose classes are the entries).
    pub fn from_vec(v: Vec<T>) -> Self {
        NdArray { shape: vec![v.len()], data: v }
    }
    /// A 2-D array from equally long rows; `None` if the rows are ragged.
    pub fn from_rows(rows: Vec<Vec<T>>) -> Option<Self> {
        let cols = rows.first().map_or(0, Vec::len);
        if rows.iter().any(|r| r.len() != cols) {
            return None;
        }
        let shape = vec![rows.len(), cols];
        Some(NdArray { shape, data: rows.into_iter().flatten().collect() })
    }
    /// The rows of a 2-D array (the inverse of [`NdArray::from_rows`]);
    /// `None` for any other rank.
    pub fn to_rows(&self) -> Option<Vec<Vec<T>>> {
        (self.rank() == 2).then(|| (0..self.rows()).map(|i| self.row(i).to_vec()).collect())
    }
    /// Values and shape, checked to agree.
    pub fn new(shape: Vec<usize>, data: Vec<T>) -> Option<Self> {
        (shape.iter().product::<usize>() == data.len()).then_some(NdArray { shape, data })
    }
    /// The number of dimensions.
    pub fn rank(&self) -> usize {
        self.shape.len()
    }
    /// The length of the last (class) axis; 1 for a scalar.
    pub fn classes(&self) -> usize {
        self.shape.last().copied().unwrap_or(1)
    }
    /// The number of rows (samples): the product of all but the last axis.
    pub fn rows(&self) -> usize {
        match self.shape.split_last() {
            Some((_, lead)) => lead.iter().product(),
            None => 1,
        }
    }
    /// Row `i` (a slice along the last axis).
    pub fn row(&self, i: usize) -> &[T] {
        let k = self.classes();
        &self.data[i * k..(i + 1) * k]
    }
    /// The same shape with every value mapped.
    pub fn map<U: Copy>(&self, f: impl FnMut(T) -> U) -> NdArray<U> {
        NdArray { shape: self.shape.clone(), data: self.data.iter().copied().map(f).collect() }
    }
}

/// The indices that put `keys` in ascending order (by `total_cmp`: NaN
/// last), equal keys in their given order. Every sort the page does goes
/// through this one function, so its module carries the sorting code once
/// rather than once per element type.
///
/// ```
/// use losslab::core::array::ascending_order;
/// assert_eq!(ascending_order(&[0.5, f64::NAN, -1.0, 0.5]), [2, 0, 3, 1]);
/// ```
pub fn ascending_order(keys: &[f64]) -> Vec<usize> {
    // Each key as an integer that orders as `total_cmp` orders the float,
    // beside its index: a heap of plain integers sorts them with little code.
    let ordered = |x: f64| {
        let bits = x.to_bits() as i64;
        ((bits ^ (((bits >> 63) as u64) >> 1) as i64) as u64) ^ (1 << 63)
    };
    let heap: std::collections::BinaryHeap<(u64, usize)> =
        keys.iter().enumerate().map(|(i, &k)| (ordered(k), i)).collect();
    heap.into_sorted_vec().into_iter().map(|(_, i)| i).collect()
}

/// numpy's broadcasting of two shapes: align from the right; each pair of
/// extents must be equal or one of them 1. `None` when they are incompatible.
pub fn broadcast_shape(a: &[usize], b: &[usize]) -> Option<Vec<usize>> {
    let n = a.len().max(b.len());
    let mut out = vec![0; n];
    for i in 0..n {
        let da = if i + a.len() >= n { a[i + a.len() - n] } else { 1 };
        let db = if i + b.len() >= n { b[i + b.len() - n] } else { 1 };
        out[i] = match (da, db) {
            (x, y) if x == y => x,
            (1, y) => y,
            (x, 1) => x,
            _ => return None,
        };
    }
    Some(out)
}

/// For each element of the broadcast shape `out`, the flat index into an array
/// of shape `src` that broadcasts to it.
pub fn broadcast_indices(src: &[usize], out: &[usize]) -> Vec<usize> {
    let total: usize = out.iter().product();
    let offset = out.len() - src.len();
    // Row-major strides of `src`, 0 along broadcast axes.
    let mut strides = vec![0; out.len()];
    let mut acc = 1;
    for i in (0..src.len()).rev() {
        strides[i + offset] = if src[i] == 1 { 0 } else { acc };
        acc *= src[i];
    }
    let mut idx = Vec::with_capacity(total);
    let mut counter = vec![0usize; out.len()];
    for _ in 0..total {
        idx.push(counter.iter().zip(&strides).map(|(c, s)| c * s).sum());
        for ax in (0..out.len()).rev() {
            counter[ax] += 1;
            if counter[ax] < out[ax] {
                break;
            }
            counter[ax] = 0;
        }
    }
    idx
}

/// The first index of the largest value, with that value: on ties the
/// first, as `numpy.argmax`; `(0, −∞)` for no values. Meant for finite
/// values: a NaN wins only in the first place, where nothing beats it.
///
/// ```
/// use losslab::core::array::first_max;
/// assert_eq!(first_max(&[0.5, 2.0, 2.0, -1.0]), (1, 2.0));
/// assert_eq!(first_max(&[]), (0, f64::NEG_INFINITY));
/// ```
pub fn first_max(values: &[f64]) -> (usize, f64) {
    let mut best = (0, f64::NEG_INFINITY);
    for (i, &v) in values.iter().enumerate() {
        if i == 0 || v > best.1 {
            best = (i, v);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_largest_wins_and_a_nan_only_in_front() {
        assert_eq!(first_max(&[3.0, 1.0, 3.0]), (0, 3.0));
        assert_eq!(first_max(&[-2.0, -1.0, -1.0]), (1, -1.0));
        assert_eq!(first_max(&[1.0, f64::NAN, 3.0]), (2, 3.0));
        assert_eq!(first_max(&[f64::NAN, 1.0]).0, 0);
    }

    #[test]
    fn broadcasting_follows_numpy() {
        assert_eq!(broadcast_shape(&[2], &[2, 1]), Some(vec![2, 2]));
        assert_eq!(broadcast_shape(&[], &[3]), Some(vec![3]));
        assert_eq!(broadcast_shape(&[2], &[3]), None);
        assert_eq!(broadcast_indices(&[2, 1], &[2, 3]), vec![0, 0, 0, 1, 1, 1]);
        assert_eq!(broadcast_indices(&[3], &[2, 3]), vec![0, 1, 2, 0, 1, 2]);
        assert_eq!(broadcast_indices(&[], &[2]), vec![0, 0]);
    }
}
