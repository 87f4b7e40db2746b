//! Loops on every core where that pays. rayon starts its pool (a thread per
//! core) the first time anything runs on it, which costs a start of the
//! binary more than reading a small folder does; below [`FEW`] items a loop
//! runs on the calling thread, so a command on a small folder never starts
//! the pool.

use rayon::prelude::*;

/// Below this many items a loop runs on the calling thread.
pub const FEW: usize = 64;

/// `items.iter().map(f)`, on every core when there are [`FEW`] or more.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    if items.len() < FEW {
        items.iter().map(f).collect()
    } else {
        items.par_iter().map(f).collect()
    }
}

/// `items.into_iter().map(f)`, on every core when there are [`FEW`] or more.
pub fn map_owned<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync + Send) -> Vec<R> {
    if items.len() < FEW {
        items.into_iter().map(f).collect()
    } else {
        items.into_par_iter().map(f).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_and_many_items_give_the_same_in_the_same_order() {
        for n in [0, 1, FEW - 1, FEW, 10 * FEW] {
            let items: Vec<usize> = (0..n).collect();
            let want: Vec<usize> = items.iter().map(|i| i * 3).collect();
            assert_eq!(map(&items, |i| i * 3), want, "{n}");
            assert_eq!(map_owned(items.clone(), |i| i * 3), want, "{n}");
        }
    }

    #[test]
    fn few_items_run_on_the_calling_thread() {
        let me = std::thread::current().id();
        let items: Vec<usize> = (0..FEW - 1).collect();
        assert!(
            map(&items, |_| std::thread::current().id())
                .iter()
                .all(|t| *t == me)
        );
    }
}
