//! Finding a catalog's row for an enum value.
//!
//! The variants of a catalog's enums have explicit discriminants that never change (a hash of
//! the documented string), so they say nothing of a variant's place in its table. The place is
//! found by a binary search in an index sorted by discriminant, built at compile time from the
//! enum's `ALL`. (Strings are found by [`Lookup`](crate::lookup::Lookup).)

/// The place in its table of each variant of an enum of `N` variants, by discriminant.
#[derive(Debug)]
pub struct Index<const N: usize> {
    /// `(discriminant, place)` for every variant, sorted by discriminant.
    by_discriminant: [(i64, u32); N],
}

impl<const N: usize> Index<N> {
    /// The index of the variants whose discriminants are `discriminants`, in table order.
    pub const fn new(discriminants: [i64; N]) -> Self {
        let mut entries = [(0, 0); N];
        let mut place = 0;
        while place < N {
            // A catalog has far fewer than u32::MAX rows: `catalog-gen` cannot write more.
            entries[place] = (discriminants[place], place as u32);
            place += 1;
        }
        Index {
            by_discriminant: heap_sort(entries),
        }
    }

    /// The place of the variant whose discriminant is `discriminant`.
    pub fn place(&self, discriminant: i64) -> Option<usize> {
        let found = self
            .by_discriminant
            .binary_search_by_key(&discriminant, |&(key, _)| key)
            .ok()?;
        Some(self.by_discriminant[found].1 as usize)
    }
}

/// `entries` sorted by their first element. A heap sort: in place and O(n log n), as a
/// `const fn` must be to sort a catalog of tens of thousands of codes at compile time.
const fn heap_sort<const N: usize>(mut entries: [(i64, u32); N]) -> [(i64, u32); N] {
    let mut start = N / 2;
    while start > 0 {
        start -= 1;
        entries = sift_down(entries, start, N);
    }
    let mut end = N;
    while end > 1 {
        end -= 1;
        entries = swap(entries, 0, end);
        entries = sift_down(entries, 0, end);
    }
    entries
}

/// Restores the heap below `root` among the first `end` entries.
const fn sift_down<const N: usize>(
    mut entries: [(i64, u32); N],
    mut root: usize,
    end: usize,
) -> [(i64, u32); N] {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return entries;
        }
        if child + 1 < end && entries[child].0 < entries[child + 1].0 {
            child += 1;
        }
        if entries[root].0 >= entries[child].0 {
            return entries;
        }
        entries = swap(entries, root, child);
        root = child;
    }
}

const fn swap<const N: usize>(mut entries: [(i64, u32); N], a: usize, b: usize) -> [(i64, u32); N] {
    let kept = entries[a];
    entries[a] = entries[b];
    entries[b] = kept;
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_discriminant_finds_its_place() {
        let discriminants = [40, -7, 1_900_000_000, 0, 12, 11, 13, 5];
        let index = Index::new(discriminants);
        for (place, discriminant) in discriminants.into_iter().enumerate() {
            assert_eq!(index.place(discriminant), Some(place));
        }
        assert_eq!(index.place(41), None);
        assert_eq!(Index::<0>::new([]).place(0), None);
        let sorted: Vec<i64> = index.by_discriminant.iter().map(|&(d, _)| d).collect();
        assert!(sorted.is_sorted());
    }
}
