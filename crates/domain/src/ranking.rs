//! Ranking slogan entries from judges' scores, calibrated so that a harsh and a lenient judge
//! count alike.
//!
//! Method: each judge's scores become z-scores over the entries that judge scored
//! (`(score − the judge's mean) / the judge's standard deviation`). A judge with a single
//! score, or whose scores are all equal, has no spread to calibrate by and contributes 0
//! for each entry they scored — a neutral vote that still counts towards "judges". An
//! entry's score is the mean of its z-scores; entries nobody scored have none and rank last.
//! Ties (equal score to 1e-9) go to the entry with more judges, then to the earlier entry.
//! Adding a constant to all of one judge's scores, or scaling them, changes nothing; nor does
//! the order in which judges are listed.

use std::collections::HashMap;

/// One judge's score of one entry (1–10).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score<E, J> {
    pub entry: E,
    pub judge: J,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ranked<E> {
    /// 1-based.
    pub rank: usize,
    pub entry: E,
    /// The mean calibrated score (pairwise: the fitted log-strength), `None` when nobody
    /// judged it.
    pub score: Option<f64>,
    /// Pairwise only: the score's 95 % interval, `(low, high)`.
    pub interval: Option<(f64, f64)>,
    /// Distinct judges who judged it.
    pub judges: usize,
    /// Scores of it, or comparisons it was in (pairwise).
    pub judgements: usize,
}

/// Ranks `entries` (given in submission order, earliest first) by their calibrated scores.
pub fn rank<E, J>(entries: &[E], scores: &[Score<E, J>]) -> Vec<Ranked<E>>
where
    E: Copy + Eq + std::hash::Hash,
    J: Copy + Eq + std::hash::Hash,
{
    // Judges in the order they first appear, so the sums are added in the same order on
    // every run (floating-point addition is not associative): whoever recomputes a published
    // ranking from its manifest gets the same numbers, bit for bit.
    let mut judges: Vec<J> = Vec::new();
    let mut by_judge: HashMap<J, Vec<(E, f64)>> = HashMap::new();
    for s in scores {
        let judged = by_judge.entry(s.judge).or_insert_with(|| {
            judges.push(s.judge);
            Vec::new()
        });
        judged.push((s.entry, s.score));
    }
    let mut sums: HashMap<E, (f64, usize)> = HashMap::new();
    for judged in judges.iter().filter_map(|j| by_judge.get(j)) {
        let n = judged.len() as f64;
        let mean = judged.iter().map(|(_, s)| s).sum::<f64>() / n;
        let var = judged.iter().map(|(_, s)| (s - mean).powi(2)).sum::<f64>() / n;
        let sd = var.sqrt();
        for (entry, s) in judged {
            let z = if judged.len() < 2 || sd < 1e-12 {
                0.0
            } else {
                (s - mean) / sd
            };
            let acc = sums.entry(*entry).or_insert((0.0, 0));
            acc.0 += z;
            acc.1 += 1;
        }
    }
    order_ranked(
        entries
            .iter()
            .map(|e| {
                let (score, judges) = match sums.get(e) {
                    Some((sum, n)) => (Some(sum / *n as f64), *n),
                    None => (None, 0),
                };
                Ranked {
                    rank: 0,
                    entry: *e,
                    score,
                    interval: None,
                    judges,
                    judgements: judges,
                }
            })
            .collect(),
    )
}

/// Sorts rows given in submission order (earliest first) best first and numbers them:
/// by score (scores closer than 1e-9 are equal; no score ranks last), then more judgements,
/// then the earlier entry. Both methods (scores and pairwise) rank through here.
pub(crate) fn order_ranked<E>(rows: Vec<Ranked<E>>) -> Vec<Ranked<E>> {
    let mut rows: Vec<(usize, Ranked<E>)> = rows.into_iter().enumerate().collect();
    rows.sort_by(|(ia, a), (ib, b)| {
        let by_score = match (a.score, b.score) {
            (Some(x), Some(y)) if (x - y).abs() > 1e-9 => {
                y.partial_cmp(&x).unwrap_or(std::cmp::Ordering::Equal)
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            _ => std::cmp::Ordering::Equal,
        };
        by_score
            .then(b.judgements.cmp(&a.judgements))
            .then(ia.cmp(ib))
    });
    rows.into_iter()
        .enumerate()
        .map(|(i, (_, r))| Ranked { rank: i + 1, ..r })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    fn s(entry: u32, judge: u32, score: f64) -> Score<u32, u32> {
        Score {
            entry,
            judge,
            score,
        }
    }

    fn order(r: &[Ranked<u32>]) -> Vec<u32> {
        r.iter().map(|x| x.entry).collect()
    }

    #[test]
    fn a_harsh_and_a_lenient_judge_agree() {
        let entries = [1, 2, 3, 4];
        let scores = [
            s(1, 1, 4.0),
            s(2, 1, 3.0),
            s(3, 1, 2.0),
            s(4, 1, 1.0),
            s(1, 2, 10.0),
            s(2, 2, 9.0),
            s(3, 2, 8.0),
            s(4, 2, 7.0),
        ];
        let r = rank(&entries, &scores);
        assert_eq!(order(&r), vec![1, 2, 3, 4]);
        assert_eq!(
            r.iter().map(|x| x.rank).collect::<Vec<_>>(),
            vec![1, 2, 3, 4]
        );
        assert!(r.iter().all(|x| x.judges == 2));
    }

    #[test]
    fn calibration_outweighs_raw_leniency() {
        // Judge 2 is lenient and only scored entry 2; raw averaging would put it first.
        let entries = [1, 2, 3];
        let scores = [s(1, 1, 8.0), s(2, 1, 5.0), s(3, 1, 2.0), s(2, 2, 10.0)];
        let r = rank(&entries, &scores);
        assert_eq!(order(&r), vec![1, 2, 3]);
        assert_eq!(r[1].score, Some(0.0), "a single-score judge is neutral");
    }

    #[test]
    fn ties_go_to_more_judges_then_the_earlier_entry() {
        let entries = [10, 20, 30, 40];
        let scores = [s(10, 1, 5.0), s(20, 1, 5.0), s(20, 2, 5.0), s(30, 1, 5.0)];
        let r = rank(&entries, &scores);
        assert_eq!(
            order(&r),
            vec![20, 10, 30, 40],
            "20 has two judges; 40 has none and is last"
        );
        assert_eq!(r[3].score, None);
    }

    fn random_case(rng: &mut StdRng) -> (Vec<u32>, Vec<Score<u32, u32>>) {
        let n_entries = rng.random_range(1..12);
        let n_judges = rng.random_range(1..6);
        let entries: Vec<u32> = (0..n_entries).collect();
        let mut scores = Vec::new();
        for j in 0..n_judges {
            for &e in &entries {
                if rng.random_bool(0.8) {
                    scores.push(s(e, j, f64::from(rng.random_range(1..=10))));
                }
            }
        }
        (entries, scores)
    }

    #[test]
    fn property_shifting_one_judge_changes_nothing() {
        let mut rng = StdRng::seed_from_u64(42);
        for case in 0..500 {
            let (entries, scores) = random_case(&mut rng);
            let before = rank(&entries, &scores);
            let judge = rng.random_range(0..6);
            let shift = f64::from(rng.random_range(-5..=5));
            let shifted: Vec<_> = scores
                .iter()
                .map(|x| {
                    if x.judge == judge {
                        s(x.entry, x.judge, x.score + shift)
                    } else {
                        *x
                    }
                })
                .collect();
            let after = rank(&entries, &shifted);
            assert_eq!(order(&before), order(&after), "case {case}");
            for (a, b) in before.iter().zip(&after) {
                assert!(match (a.score, b.score) {
                    (Some(x), Some(y)) => (x - y).abs() < 1e-9,
                    (None, None) => true,
                    _ => false,
                });
            }
        }
    }

    #[test]
    fn property_swapping_judges_changes_nothing() {
        let mut rng = StdRng::seed_from_u64(7);
        for case in 0..500 {
            let (entries, scores) = random_case(&mut rng);
            let (a, b) = (rng.random_range(0..6), rng.random_range(0..6));
            let swapped: Vec<_> = scores
                .iter()
                .map(|x| {
                    let j = if x.judge == a {
                        b
                    } else if x.judge == b {
                        a
                    } else {
                        x.judge
                    };
                    s(x.entry, j, x.score)
                })
                .rev()
                .collect();
            assert_eq!(
                order(&rank(&entries, &scores)),
                order(&rank(&entries, &swapped)),
                "case {case}"
            );
        }
    }
}
