//! Pairwise judging: a judge is shown two slogans and picks the better one.
//!
//! Comparing two is easier and more consistent than scoring one on a scale. Which pair to
//! show next is chosen by Crowd-BT ([`crowd_bt`]), replayed over the comparisons recorded so
//! far: the pair whose answer is expected to teach the most about the entries and the judge.
//! The published ranking is the Bradley–Terry fit ([`fit`]). Method and references:
//! docs/RANKING.md.

pub mod crowd_bt;
pub mod fit;

use crowd_bt::{Belief, Judge};
use std::collections::{HashMap, HashSet};

/// One judge preferred `winner` to `loser`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comparison<E, J> {
    pub winner: E,
    pub loser: E,
    pub judge: J,
}

/// At most this many entries — the least certain — are paired in one choice, so choosing
/// stays quick (about 7,000 candidate pairs) however large the contest.
pub const CANDIDATE_POOL: usize = 120;

/// Crowd-BT's beliefs after replaying comparisons in the order they were recorded.
#[derive(Debug, Clone, Default)]
pub struct CrowdBt<E, J>
where
    E: Eq + std::hash::Hash,
    J: Eq + std::hash::Hash,
{
    beliefs: HashMap<E, Belief>,
    judges: HashMap<J, Judge>,
}

impl<E, J> CrowdBt<E, J>
where
    E: Copy + Eq + std::hash::Hash,
    J: Copy + Eq + std::hash::Hash,
{
    /// Replays `comparisons`, oldest first.
    pub fn replay<'a>(comparisons: impl IntoIterator<Item = &'a Comparison<E, J>>) -> Self
    where
        E: 'a,
        J: 'a,
    {
        let mut state = Self {
            beliefs: HashMap::new(),
            judges: HashMap::new(),
        };
        for c in comparisons {
            state.record(c);
        }
        state
    }

    pub fn record(&mut self, c: &Comparison<E, J>) {
        if c.winner == c.loser {
            return;
        }
        let judge = self.judge(c.judge);
        let (j, w, l) = crowd_bt::update(judge, self.belief(c.winner), self.belief(c.loser));
        self.judges.insert(c.judge, j);
        self.beliefs.insert(c.winner, w);
        self.beliefs.insert(c.loser, l);
    }

    pub fn belief(&self, e: E) -> Belief {
        self.beliefs.get(&e).copied().unwrap_or_default()
    }

    pub fn judge(&self, j: J) -> Judge {
        self.judges.get(&j).copied().unwrap_or_default()
    }

    /// The pair `judge` should compare next among `entries` (those they may judge, in
    /// submission order), leaving out the pairs in `done` (compared or skipped by them, in
    /// either order): the one with the greatest expected information gain, among the
    /// [`CANDIDATE_POOL`] least certain entries; ties go to the earlier pair. Which of the
    /// two is shown first alternates with the judge's count of `done` pairs, so neither side
    /// of the screen is favoured. `None` when nothing is left.
    pub fn next_pair(&self, judge: J, entries: &[E], done: &HashSet<(E, E)>) -> Option<(E, E)> {
        let seen = |a: E, b: E| done.contains(&(a, b)) || done.contains(&(b, a));
        let mut pool: Vec<(usize, E, Belief)> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (i, *e, self.belief(*e)))
            .collect();
        if pool.len() > CANDIDATE_POOL {
            // Most uncertain first, then earlier; only those with a pair left count.
            pool.retain(|(_, e, _)| entries.iter().any(|o| o != e && !seen(*e, *o)));
            pool.sort_by(|x, y| {
                y.2.sigma_sq
                    .partial_cmp(&x.2.sigma_sq)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(x.0.cmp(&y.0))
            });
            pool.truncate(CANDIDATE_POOL);
            pool.sort_by_key(|x| x.0);
        }
        let j = self.judge(judge);
        let mut best: Option<(f64, E, E)> = None;
        for (i, (_, a, ba)) in pool.iter().enumerate() {
            for (_, b, bb) in &pool[i + 1..] {
                if seen(*a, *b) {
                    continue;
                }
                let gain = crowd_bt::expected_information_gain(j, *ba, *bb);
                if best.is_none_or(|(g, _, _)| gain > g + 1e-15) {
                    best = Some((gain, *a, *b));
                }
            }
        }
        best.map(|(_, a, b)| {
            if done.len().is_multiple_of(2) {
                (a, b)
            } else {
                (b, a)
            }
        })
    }
}

#[cfg(test)]
mod simulation;
