//! The published ranking in pairwise mode: a Bradley–Terry maximum-likelihood fit over every
//! recorded comparison (Bradley and Terry, 1952) in which each judge has a reliability, as in
//! Crowd-BT's model (Chen et al., WSDM 2013): judge `k` prefers `i` to `j` with probability
//! `η_k·σ(s_i − s_j) + (1 − η_k)·σ(s_j − s_i)`, so a judge who answers at random (`η` near
//! ½) or against the others (`η` below ½) weighs little or counts reversed, instead of
//! dragging the ranking.
//!
//! Fitted by expectation–maximisation: given the strengths, each comparison's probability of
//! having been answered "in line with quality" is computed; given those, the strengths are
//! the weighted Bradley–Terry maximum, by the minorisation–maximisation iteration of Hunter
//! ("MM algorithms for generalized Bradley–Terry models", Annals of Statistics 2004), and
//! each `η_k` the posterior mode under Crowd-BT's Beta(10, 1) prior.
//!
//! **Prior on strengths**: every compared entry also played [`PRIOR`] virtual wins and as
//! many losses against a fixed reference of strength 1, which keeps an entry that won (or
//! lost) every comparison, or a group never compared with the rest, at a finite strength.
//! **Interval**: `s_i ± 1.96 / √I_i`, with `I_i` the observed information of `s_i` (the
//! others held fixed) — a normal approximation. **Determinism**: the comparisons are first
//! counted per (judge, winner, loser), judges in their sorted order, and every sum is added
//! in one fixed order, so the same manifest gives the same ranking whatever the order of its
//! comparisons.

use super::crowd_bt::{ALPHA_PRIOR, BETA_PRIOR};
use super::Comparison;
use crate::ranking::{order_ranked, Ranked};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Virtual wins (and as many losses) of every compared entry against the reference.
pub const PRIOR: f64 = 0.5;
/// An iteration stops when nothing moves by more than this…
pub const TOLERANCE: f64 = 1e-9;
/// …or after this many rounds (inner: strengths; outer: reliabilities).
pub const MAX_ITERATIONS: u32 = 2_000;
pub const MAX_ROUNDS: u32 = 200;
/// The interval's half-width in standard errors (95 %).
pub const INTERVAL_Z: f64 = 1.96;

/// The fit: the ranking, and each judge's reliability `η` in (0, 1) (½: no better than a
/// coin; below: against the consensus).
#[derive(Debug, Clone, PartialEq)]
pub struct Fit<E, J> {
    pub ranking: Vec<Ranked<E>>,
    pub reliability: BTreeMap<J, f64>,
}

/// Ranks `entries` (submission order, earliest first) by their fitted strengths. An entry
/// nobody compared has no score and ranks last; `judges` counts the distinct judges who
/// compared an entry, `judgements` its comparisons. Comparisons naming an entry not in
/// `entries`, or one entry twice, are left out.
pub fn fit<E, J>(entries: &[E], comparisons: &[Comparison<E, J>]) -> Fit<E, J>
where
    E: Copy + Eq + std::hash::Hash,
    J: Copy + Ord,
{
    let index: HashMap<E, usize> = entries.iter().enumerate().map(|(i, e)| (*e, i)).collect();
    let n = entries.len();
    let judges: Vec<J> = comparisons
        .iter()
        .map(|c| c.judge)
        .collect::<BTreeSet<J>>()
        .into_iter()
        .collect();
    let judge_index: BTreeMap<J, usize> = judges.iter().enumerate().map(|(i, j)| (*j, i)).collect();
    // (judge, winner, loser) → how often.
    let mut counted: BTreeMap<(usize, usize, usize), f64> = BTreeMap::new();
    let mut judged_by: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    let mut played = vec![0usize; n];
    for c in comparisons {
        let (Some(&w), Some(&l)) = (index.get(&c.winner), index.get(&c.loser)) else {
            continue;
        };
        let Some(&k) = judge_index.get(&c.judge) else {
            continue;
        };
        if w == l {
            continue;
        }
        *counted.entry((k, w, l)).or_insert(0.0) += 1.0;
        for i in [w, l] {
            judged_by[i].insert(k);
            played[i] += 1;
        }
    }
    // Games between each unordered pair, for the MM denominators and the information.
    let mut games: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for (&(_, w, l), &count) in &counted {
        *games.entry((w.min(l), w.max(l))).or_insert(0.0) += count;
    }
    let mut opponents: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for (&(a, b), &g) in &games {
        opponents[a].push((b, g));
        opponents[b].push((a, g));
    }
    let mut eta = vec![ALPHA_PRIOR / (ALPHA_PRIOR + BETA_PRIOR); judges.len()];
    let mut p = vec![1.0f64; n];
    for _ in 0..MAX_ROUNDS {
        // E: the weight of "in line with quality" of each counted comparison.
        let mut won = vec![PRIOR; n];
        let mut honest = vec![(0.0f64, 0.0f64); judges.len()];
        for (&(k, w, l), &count) in &counted {
            let agree = eta[k] * p[w] / (p[w] + p[l]);
            let against = (1.0 - eta[k]) * p[l] / (p[w] + p[l]);
            let r = agree / (agree + against);
            won[w] += count * r;
            won[l] += count * (1.0 - r);
            honest[k].0 += count * r;
            honest[k].1 += count;
        }
        // M: the strengths…
        let before = p.clone();
        for _ in 0..MAX_ITERATIONS {
            let mut moved = 0.0f64;
            let mut next = p.clone();
            for i in (0..n).filter(|&i| played[i] > 0) {
                let denom: f64 = opponents[i]
                    .iter()
                    .map(|&(j, g)| g / (p[i] + p[j]))
                    .sum::<f64>()
                    + 2.0 * PRIOR / (p[i] + 1.0);
                next[i] = won[i] / denom;
                moved = moved.max((next[i] / p[i]).ln().abs());
            }
            p = next;
            if moved < TOLERANCE {
                break;
            }
        }
        // …and the reliabilities (posterior mode under Beta(α, β)).
        let mut moved = before
            .iter()
            .zip(&p)
            .map(|(a, b)| (b / a).ln().abs())
            .fold(0.0f64, f64::max);
        for (k, (r, m)) in honest.iter().enumerate() {
            let next = (r + ALPHA_PRIOR - 1.0) / (m + ALPHA_PRIOR + BETA_PRIOR - 2.0);
            moved = moved.max((next - eta[k]).abs());
            eta[k] = next;
        }
        if moved < TOLERANCE {
            break;
        }
    }
    let rows = (0..n)
        .map(|i| {
            let (score, interval) = if played[i] == 0 {
                (None, None)
            } else {
                let information: f64 = opponents[i]
                    .iter()
                    .map(|&(j, g)| g * p[i] * p[j] / (p[i] + p[j]).powi(2))
                    .sum::<f64>()
                    + 2.0 * PRIOR * p[i] / (p[i] + 1.0).powi(2);
                let s = p[i].ln();
                let half = INTERVAL_Z / information.sqrt();
                (Some(s), Some((s - half, s + half)))
            };
            Ranked {
                rank: 0,
                entry: entries[i],
                score,
                interval,
                judges: judged_by[i].len(),
                judgements: played[i],
            }
        })
        .collect();
    Fit {
        ranking: order_ranked(rows),
        reliability: judges.into_iter().zip(eta).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(winner: u32, loser: u32, judge: u32) -> Comparison<u32, u32> {
        Comparison {
            winner,
            loser,
            judge,
        }
    }

    #[test]
    fn a_clear_chain_is_ranked_in_order_with_finite_scores() {
        // 1 beats 2 beats 3 beats 4, every time: without the prior, the maximum would be at
        // infinity.
        let comparisons: Vec<_> = (0..3)
            .flat_map(|_| [c(1, 2, 1), c(2, 3, 1), c(3, 4, 2), c(1, 3, 2)])
            .collect();
        let r = fit(&[4, 3, 2, 1, 5], &comparisons).ranking;
        let order: Vec<u32> = r.iter().map(|x| x.entry).collect();
        assert_eq!(order, vec![1, 2, 3, 4, 5], "5 was never compared: last");
        assert!(r[..4].iter().all(|x| x.score.is_some_and(f64::is_finite)));
        assert_eq!(r[4].score, None);
        let (lo, hi) = r[0].interval.expect("interval");
        assert!(lo < r[0].score.unwrap_or(0.0) && r[0].score.unwrap_or(0.0) < hi);
        assert_eq!(r[0].judges, 2);
        assert_eq!(r[0].judgements, 6);
    }

    #[test]
    fn the_order_of_the_comparisons_changes_nothing() {
        let mut comparisons = vec![c(1, 2, 1), c(2, 1, 2), c(2, 3, 1), c(3, 1, 3), c(1, 3, 2)];
        let a = fit(&[1, 2, 3], &comparisons);
        comparisons.reverse();
        let b = fit(&[1, 2, 3], &comparisons);
        assert_eq!(a, b, "bit for bit");
    }

    #[test]
    fn more_comparisons_narrow_the_interval() {
        let few = fit(&[1, 2], &[c(1, 2, 1), c(2, 1, 1)]).ranking;
        let many: Vec<_> = (0..20).flat_map(|_| [c(1, 2, 1), c(2, 1, 1)]).collect();
        let many = fit(&[1, 2], &many).ranking;
        let width = |r: &[Ranked<u32>]| r[0].interval.map_or(0.0, |(l, h)| h - l);
        assert!(width(&many) < width(&few) / 3.0);
    }

    #[test]
    fn a_judge_against_everyone_else_is_outweighed() {
        // Judges 1–3 agree that 1 > 2 > 3, each twice; judge 9 says the opposite of
        // everything, three times over. The majority's order is kept and judge 9 is the
        // least reliable. (EM alone does not push η below ½ here: with so few judgements
        // the fit can explain judge 9 as noise as well as a reversal, and the Beta(10, 1)
        // prior leans to noise. That is the cautious reading; docs/RANKING.md says so.)
        let mut comparisons = Vec::new();
        for judge in 1..=3 {
            for _ in 0..2 {
                comparisons.extend([c(1, 2, judge), c(2, 3, judge), c(1, 3, judge)]);
            }
        }
        for _ in 0..3 {
            comparisons.extend([c(2, 1, 9), c(3, 2, 9), c(3, 1, 9)]);
        }
        let f = fit(&[3, 2, 1], &comparisons);
        let order: Vec<u32> = f.ranking.iter().map(|x| x.entry).collect();
        assert_eq!(order, vec![1, 2, 3]);
        for honest in 1..=3 {
            assert!(
                f.reliability[&9] < f.reliability[&honest],
                "{:?} {:?}",
                f.reliability,
                f.ranking
            );
        }
    }
}
