//! A small ordered map: a `Vec` of pairs kept sorted by key. Replaces
//! `std::collections::BTreeMap`.
//!
//! Why: most of the engine's maps hold a handful of entries (five dimensions, six pillars),
//! and `BTreeMap` compiled into about 30 KB of wasm: node code repeated for every key/value
//! type. A sorted `Vec` needs only a binary search, while iteration, lookup and serialisation
//! (a JSON object in key order) behave exactly as `BTreeMap`'s.
//!
//! The cost: [`Map::insert`] and [`Entry::or_default`] shift the tail of the `Vec`, O(n) each,
//! so filling a map one key at a time is O(n²). That is fine for closed sets, not for keys
//! taken from the file (one per lead agency: 50 000 distinct agencies took seconds). Maps
//! keyed by user data are therefore built in one go, in O(n log n): [`Map::from_unsorted`]
//! and [`Map::grouped`], with exactly the result of inserting one by one.
//!
//! Tested against `BTreeMap` on random operation sequences (proptest) in this file.

use std::cmp::Ordering;
use std::ops::Index;

use serde::ser::{Serialize, SerializeMap, Serializer};

/// An ordered map from `K` to `V`, iterated in ascending key order like `BTreeMap`.
#[derive(Debug, Clone, PartialEq)]
pub struct Map<K, V>(Vec<(K, V)>);

impl<K, V> Default for Map<K, V> {
    fn default() -> Self {
        Map(Vec::new())
    }
}

impl<K: Ord, V> Map<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Map(Vec::new())
    }

    /// Where `key` is (`Ok`) or would go (`Err`).
    fn find(&self, key: &K) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.cmp(key))
    }

    /// Sets `key` to `value`; the previous value, if any.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    /// The value for `key`.
    pub fn get(&self, key: &K) -> Option<&V> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    /// The value for `key`, to change it.
    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        self.find(key).ok().map(|i| &mut self.0[i].1)
    }

    /// True when `key` has a value.
    pub fn contains_key(&self, key: &K) -> bool {
        self.find(key).is_ok()
    }

    /// The entry for `key`, for `entry(k).or_default()`.
    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        Entry { map: self, key }
    }
}

impl<K, V> Map<K, V> {
    /// Number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.0.iter().map(|(k, _)| k)
    }

    /// The values in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.0.iter().map(|(_, v)| v)
    }
}

/// A place in a [`Map`] for one key, filled on demand.
pub struct Entry<'a, K, V> {
    map: &'a mut Map<K, V>,
    key: K,
}

impl<'a, K: Ord, V> Entry<'a, K, V> {
    /// The value for the key, inserting `V::default()` first when there is none.
    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        let i = match self.map.find(&self.key) {
            Ok(i) => i,
            Err(i) => {
                self.map.0.insert(i, (self.key, V::default()));
                i
            }
        };
        &mut self.map.0[i].1
    }
}

impl<K: Ord, V> Index<&K> for Map<K, V> {
    type Output = V;

    fn index(&self, key: &K) -> &V {
        self.get(key).expect("no entry for the key")
    }
}

impl<K: Ord, V> Map<K, V> {
    /// The map of `pairs` given in any order, in O(n log n): the same map as inserting them
    /// one by one, so for a repeated key the first key and the last value are kept (as with
    /// `BTreeMap::insert`).
    pub fn from_unsorted(mut pairs: Vec<(K, V)>) -> Self {
        sort_by_key(&mut pairs);
        let mut out: Vec<(K, V)> = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            match out.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => out.push((k, v)),
            }
        }
        Map(out)
    }

    /// Groups `items` by key in O(n log n): the same map as
    /// `for (k, x) in items { add(map.entry(k).or_default(), x) }`, with `add` called for each
    /// key's items in their order in `items` (and the first of equal keys kept).
    pub fn grouped<T>(mut items: Vec<(K, T)>, mut add: impl FnMut(&mut V, T)) -> Self
    where
        V: Default,
    {
        sort_by_key(&mut items);
        let mut out: Vec<(K, V)> = Vec::new();
        for (k, x) in items {
            match out.last_mut() {
                Some(last) if last.0 == k => add(&mut last.1, x),
                _ => {
                    let mut v = V::default();
                    add(&mut v, x);
                    out.push((k, v));
                }
            }
        }
        Map(out)
    }
}

/// Sorts pairs by key, equal keys kept in their order (a stable sort), in O(n log n).
///
/// The work is done by [`sorted_positions`] and [`permute`], which are not generic: what each key type adds to the
/// wasm module is its comparison and a swap (the standard stable sort is about 2.5 KB per
/// element type).
fn sort_by_key<K: Ord, T>(pairs: &mut [(K, T)]) {
    let n = pairs.len();
    let order = {
        let pairs = &*pairs;
        sorted_positions(n, &|a, b| {
            pairs[a].0.cmp(&pairs[b].0).then(a.cmp(&b)) == Ordering::Less
        })
    };
    permute(order, &mut |a, b| pairs.swap(a, b));
}

/// The positions `0..n` in the order `less` gives (a strict total order on positions): a
/// heapsort.
#[inline(never)]
fn sorted_positions(n: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // Moves order[root] down until both children are smaller, within order[..end].
    let sift_down = |order: &mut [usize], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(order[child], order[child + 1]) {
            child += 1;
        }
        if !less(order[root], order[child]) {
            return;
        }
        order.swap(root, child);
        root = child;
    };
    for root in (0..n / 2).rev() {
        sift_down(&mut order, root, n);
    }
    for end in (1..n).rev() {
        order.swap(0, end);
        sift_down(&mut order, 0, end);
    }
    order
}

/// Rearranges a sequence in place, by `swap`s, so that position `j` holds what was at
/// `order[j]` (`order` a permutation of the positions): one pass along each cycle, marking
/// each position done by making it a fixed point of `order`.
#[inline(never)]
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut j = start;
        loop {
            let k = std::mem::replace(&mut order[j], j);
            if k == start || k == j {
                break;
            }
            swap(j, k);
            j = k;
        }
    }
}

/// Inserts in order, so a later duplicate key wins, as with `BTreeMap`. One insert at a time,
/// O(n²) for keys in random order: for the small closed sets it is used on (a sorted build
/// behind every `collect()` cost the module about 2 KB). Maps keyed by user data use
/// [`Map::from_unsorted`] or [`Map::grouped`].
impl<K: Ord, V> FromIterator<(K, V)> for Map<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = Map::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl<K, V> IntoIterator for Map<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a Map<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

/// A JSON object in key order, as `BTreeMap` serialises.
impl<K: Serialize, V: Serialize> Serialize for Map<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    //! Oracle: `std::collections::BTreeMap`, on random sequences of operations.

    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::Map;

    /// One operation on both maps. Keys are small so that sequences hit existing keys often.
    #[derive(Debug, Clone)]
    enum Op {
        Insert(u8, u32),
        AddTo(u8, u32),
        Get(u8),
        GetMut(u8, u32),
        Clear,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (0..40u8, any::<u32>()).prop_map(|(k, v)| Op::Insert(k, v)),
            4 => (0..40u8, any::<u32>()).prop_map(|(k, v)| Op::AddTo(k, v)),
            2 => (0..40u8).prop_map(Op::Get),
            2 => (0..40u8, any::<u32>()).prop_map(|(k, v)| Op::GetMut(k, v)),
            1 => Just(Op::Clear),
        ]
    }

    fn same<K: Ord + Clone + std::fmt::Debug, V: PartialEq + Clone + std::fmt::Debug>(
        map: &Map<K, V>,
        oracle: &BTreeMap<K, V>,
    ) {
        let a: Vec<(K, V)> = map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let b: Vec<(K, V)> = oracle.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        assert_eq!(a, b);
        assert_eq!(map.len(), oracle.len());
        assert_eq!(map.is_empty(), oracle.is_empty());
        assert!(map.keys().eq(oracle.keys()));
        assert!(map.values().eq(oracle.values()));
        assert!(map.iter().rev().eq(oracle.iter().rev()));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn operations_behave_as_on_a_btreemap(ops in prop::collection::vec(op(), 0..200)) {
            let mut map: Map<u8, u32> = Map::new();
            let mut oracle: BTreeMap<u8, u32> = BTreeMap::new();
            for op in ops {
                match op {
                    Op::Insert(k, v) => prop_assert_eq!(map.insert(k, v), oracle.insert(k, v)),
                    Op::AddTo(k, v) => {
                        let a = map.entry(k).or_default();
                        *a = a.wrapping_add(v);
                        let b = oracle.entry(k).or_default();
                        *b = b.wrapping_add(v);
                        prop_assert_eq!(*map.get(&k).unwrap(), oracle[&k]);
                    }
                    Op::Get(k) => {
                        prop_assert_eq!(map.get(&k), oracle.get(&k));
                        prop_assert_eq!(map.contains_key(&k), oracle.contains_key(&k));
                        if oracle.contains_key(&k) {
                            prop_assert_eq!(map[&k], oracle[&k]);
                        }
                    }
                    Op::GetMut(k, v) => {
                        if let Some(x) = map.get_mut(&k) { *x = v; }
                        if let Some(x) = oracle.get_mut(&k) { *x = v; }
                    }
                    Op::Clear => { map.clear(); oracle.clear(); }
                }
                same(&map, &oracle);
            }
            let owned: Vec<(u8, u32)> = map.clone().into_iter().collect();
            prop_assert_eq!(owned, oracle.clone().into_iter().collect::<Vec<_>>());
        }

        /// `from_unsorted` and `collect` give what inserting one by one gives, duplicates
        /// included (the last value wins).
        #[test]
        fn bulk_build_equals_repeated_insert(pairs in prop::collection::vec((0..60u16, any::<u32>()), 0..300)) {
            let oracle: BTreeMap<u16, u32> = pairs.iter().copied().collect();
            let mut one_by_one: Map<u16, u32> = Map::new();
            for (k, v) in pairs.iter().copied() {
                one_by_one.insert(k, v);
            }
            let bulk = Map::from_unsorted(pairs.clone());
            same(&bulk, &oracle);
            prop_assert_eq!(&bulk, &one_by_one);
            let collected: Map<u16, u32> = pairs.into_iter().collect();
            prop_assert_eq!(collected, bulk);
        }

        /// `grouped` gives what `entry(k).or_default()` in a loop gives, items in their order.
        #[test]
        fn grouped_equals_entry_in_a_loop(items in prop::collection::vec((0..30u8, any::<u16>()), 0..300)) {
            let mut oracle: BTreeMap<u8, Vec<u16>> = BTreeMap::new();
            for (k, x) in items.iter().copied() {
                oracle.entry(k).or_default().push(x);
            }
            let map = Map::<u8, Vec<u16>>::grouped(items, |list, x| list.push(x));
            same(&map, &oracle);
        }
    }

    /// Equal keys that are still distinguishable: the first key inserted stays, as in
    /// `BTreeMap`, and the last value wins.
    #[test]
    fn a_repeated_key_keeps_the_first_key_and_the_last_value() {
        #[derive(Debug, Clone, Copy)]
        struct Key(u8, &'static str);
        impl PartialEq for Key {
            fn eq(&self, o: &Self) -> bool {
                self.0 == o.0
            }
        }
        impl Eq for Key {}
        impl PartialOrd for Key {
            fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(o))
            }
        }
        impl Ord for Key {
            fn cmp(&self, o: &Self) -> std::cmp::Ordering {
                self.0.cmp(&o.0)
            }
        }
        let pairs = vec![
            (Key(2, "first"), 1),
            (Key(1, "a"), 9),
            (Key(2, "second"), 2),
            (Key(2, "third"), 3),
        ];
        let mut oracle = BTreeMap::new();
        for (k, v) in pairs.iter().copied() {
            oracle.insert(k, v);
        }
        let bulk = Map::from_unsorted(pairs);
        let got: Vec<(u8, &str, i32)> = bulk.iter().map(|(k, v)| (k.0, k.1, *v)).collect();
        let want: Vec<(u8, &str, i32)> = oracle.iter().map(|(k, v)| (k.0, k.1, *v)).collect();
        assert_eq!(got, want);
        assert_eq!(got, vec![(1, "a", 9), (2, "first", 3)]);
    }

    /// 50 000 distinct keys in scrambled order: the bulk build is O(n log n) (insertion one by
    /// one shifts the tail each time). A size, not a timing: the result must be complete and
    /// sorted.
    #[test]
    fn fifty_thousand_distinct_keys_in_scrambled_order() {
        let n = 50_000u32;
        let keys: Vec<(String, u32)> = (0..n)
            .map(|i| (format!("OPD {:07}", (i * 7919) % n), i))
            .collect();
        let map = Map::from_unsorted(keys);
        assert_eq!(map.len(), n as usize);
        assert!(map.keys().zip(map.keys().skip(1)).all(|(a, b)| a < b));
        assert_eq!(map.get(&"OPD 0007919".to_string()), Some(&1));
    }
}
