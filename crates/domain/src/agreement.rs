//! How far two orderings agree: Kendall's τ-b, used for a judge's agreement with the
//! consensus (judges' report) and for how well a ranking recovers a known order (the
//! pairwise simulation tests).

use crate::pairwise::fit::fit;
use crate::pairwise::Comparison;
use std::collections::{BTreeMap, BTreeSet};

/// Kendall's τ-b of paired observations, in [-1, 1]: 1 when every pair of items is ordered
/// alike, -1 when every pair is reversed; tied pairs count as in τ-b. `None` with fewer than
/// two observations, or when either side is all ties (no order to agree with).
pub fn kendall_tau(xs: &[f64], ys: &[f64]) -> Option<f64> {
    let n = xs.len().min(ys.len());
    let (mut concordant, mut discordant, mut ties_x, mut ties_y) = (0i64, 0i64, 0i64, 0i64);
    for i in 0..n {
        for j in i + 1..n {
            let dx = xs[i] - xs[j];
            let dy = ys[i] - ys[j];
            let tx = dx.abs() < 1e-12;
            let ty = dy.abs() < 1e-12;
            match (tx, ty) {
                (true, true) => {}
                (true, false) => ties_x += 1,
                (false, true) => ties_y += 1,
                (false, false) if (dx > 0.0) == (dy > 0.0) => concordant += 1,
                (false, false) => discordant += 1,
            }
        }
    }
    let untied_x = (concordant + discordant + ties_y) as f64;
    let untied_y = (concordant + discordant + ties_x) as f64;
    if untied_x == 0.0 || untied_y == 0.0 {
        return None;
    }
    Some((concordant - discordant) as f64 / (untied_x * untied_y).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_reversed_and_undefined() {
        let a = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(kendall_tau(&a, &[10.0, 20.0, 30.0, 40.0]), Some(1.0));
        assert_eq!(kendall_tau(&a, &[4.0, 3.0, 2.0, 1.0]), Some(-1.0));
        assert_eq!(kendall_tau(&a, &[5.0, 5.0, 5.0, 5.0]), None);
        assert_eq!(kendall_tau(&[1.0], &[1.0]), None);
        // One swapped pair of six: (5 − 1) / 6.
        let t = kendall_tau(&a, &[1.0, 3.0, 2.0, 4.0]).unwrap_or(0.0);
        assert!((t - 4.0 / 6.0).abs() < 1e-12);
    }
}

/// One judge in the judges' report.
#[derive(Debug, Clone, PartialEq)]
pub struct JudgeStanding {
    /// Scores given (scores mode) or comparisons made (pairwise).
    pub judged: usize,
    /// Scores: how much higher than the others this judge scores the same entries, in
    /// standard deviations of all scores (0: like the others; `None` without an entry
    /// scored by someone else too). Pairwise: the fitted reliability η (½: a coin).
    pub leniency: Option<f64>,
    /// Kendall's τ between this judge's judgements and the consensus of the others (the
    /// ranking without them), in [-1, 1]; `None` when there is nothing to compare.
    pub agreement: Option<f64>,
}

/// The standing of each judge in a scores contest. `scores` are `(entry, judge, score)`.
pub fn score_standings<E, J>(entries: &[E], scores: &[(E, J, f64)]) -> BTreeMap<J, JudgeStanding>
where
    E: Copy + Eq + std::hash::Hash + Ord,
    J: Copy + Eq + std::hash::Hash + Ord,
{
    let all: Vec<f64> = scores.iter().map(|s| s.2).collect();
    let n = all.len().max(1) as f64;
    let mean = all.iter().sum::<f64>() / n;
    let sd = (all.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / n).sqrt();
    let judges: BTreeSet<J> = scores.iter().map(|s| s.1).collect();
    let mut out = BTreeMap::new();
    for judge in judges {
        let (mine, others): (Vec<_>, Vec<_>) = scores.iter().partition(|s| s.1 == judge);
        // Leniency: the mean gap to the others' mean on the entries both scored.
        let mut gaps = Vec::new();
        for (entry, _, score) in &mine {
            let theirs: Vec<f64> = others
                .iter()
                .filter(|o| o.0 == *entry)
                .map(|o| o.2)
                .collect();
            if !theirs.is_empty() {
                gaps.push(score - theirs.iter().sum::<f64>() / theirs.len() as f64);
            }
        }
        let leniency = (!gaps.is_empty() && sd > 1e-12)
            .then(|| gaps.iter().sum::<f64>() / gaps.len() as f64 / sd);
        // Agreement: τ between this judge's scores and the others' calibrated ranking.
        let consensus = crate::ranking::rank(
            entries,
            &others
                .iter()
                .map(|o| crate::ranking::Score {
                    entry: o.0,
                    judge: o.1,
                    score: o.2,
                })
                .collect::<Vec<_>>(),
        );
        let (xs, ys): (Vec<f64>, Vec<f64>) = mine
            .iter()
            .filter_map(|(entry, _, score)| {
                consensus
                    .iter()
                    .find(|r| r.entry == *entry)
                    .and_then(|r| r.score)
                    .map(|c| (*score, c))
            })
            .unzip();
        out.insert(
            judge,
            JudgeStanding {
                judged: mine.len(),
                leniency,
                agreement: kendall_tau(&xs, &ys),
            },
        );
    }
    out
}

/// The standing of each judge in a pairwise contest: leniency is the fit's reliability,
/// agreement `(agreeing − disagreeing) / both` over the judge's comparisons against the fit
/// of everyone else's (Kendall's τ restricted to the pairs the judge compared).
pub fn pairwise_standings<E, J>(
    entries: &[E],
    comparisons: &[Comparison<E, J>],
) -> BTreeMap<J, JudgeStanding>
where
    E: Copy + Eq + std::hash::Hash,
    J: Copy + Ord,
{
    let everyone = fit(entries, comparisons);
    let judges: BTreeSet<J> = comparisons.iter().map(|c| c.judge).collect();
    let mut out = BTreeMap::new();
    for judge in judges {
        let (mine, others): (Vec<_>, Vec<_>) =
            comparisons.iter().copied().partition(|c| c.judge == judge);
        let consensus = fit(entries, &others).ranking;
        let score = |e: E| {
            consensus
                .iter()
                .find(|r| r.entry == e)
                .and_then(|r| r.score)
        };
        let (mut agree, mut disagree) = (0usize, 0usize);
        for c in &mine {
            if let (Some(w), Some(l)) = (score(c.winner), score(c.loser)) {
                if w > l + 1e-9 {
                    agree += 1;
                } else if l > w + 1e-9 {
                    disagree += 1;
                }
            }
        }
        let both = agree + disagree;
        out.insert(
            judge,
            JudgeStanding {
                judged: mine.len(),
                leniency: everyone.reliability.get(&judge).copied(),
                agreement: (both > 0).then(|| (agree as f64 - disagree as f64) / both as f64),
            },
        );
    }
    out
}

#[cfg(test)]
mod standing_tests {
    use super::*;

    #[test]
    fn a_generous_judge_is_lenient_and_a_contrarian_disagrees() {
        let entries = [1, 2, 3, 4];
        let mut scores = Vec::new();
        for (e, s) in [(1, 8.0), (2, 6.0), (3, 4.0), (4, 2.0)] {
            scores.push((e, 'a', s));
            scores.push((e, 'b', s + 2.0)); // generous, same order
            scores.push((e, 'd', s));
            scores.push((e, 'c', 10.0 - s)); // the reverse
        }
        let st = score_standings(&entries, &scores);
        assert!(st[&'b'].leniency.unwrap_or(0.0) > 0.3, "{st:?}");
        assert!(st[&'a'].leniency.unwrap_or(0.0) < st[&'b'].leniency.unwrap_or(0.0));
        assert_eq!(st[&'b'].judged, 4);
        // Three judges agree on the order, c reverses it.
        assert_eq!(st[&'c'].agreement, Some(-1.0), "{st:?}");
        assert_eq!(st[&'a'].agreement, Some(1.0), "{st:?}");
    }

    #[test]
    fn in_pairwise_the_contrarian_is_least_reliable_and_disagrees() {
        let entries = [1, 2, 3];
        let c = |winner, loser, judge| Comparison {
            winner,
            loser,
            judge,
        };
        let mut cs = Vec::new();
        for judge in ['a', 'b', 'd'] {
            cs.extend([c(1, 2, judge), c(2, 3, judge), c(1, 3, judge)]);
        }
        cs.extend([c(2, 1, 'x'), c(3, 2, 'x'), c(3, 1, 'x')]);
        let st = pairwise_standings(&entries, &cs);
        assert_eq!(st[&'x'].agreement, Some(-1.0));
        assert_eq!(st[&'a'].agreement, Some(1.0));
        assert!(st[&'x'].leniency < st[&'a'].leniency, "{st:?}");
    }
}
