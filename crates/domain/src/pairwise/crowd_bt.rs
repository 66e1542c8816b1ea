//! Crowd-BT (Chen, Bennett, Collins-Thompson and Horvitz, "Pairwise ranking aggregation in a
//! crowdsourced setting", WSDM 2013), with the parameters and update rules of Gavel
//! (github.com/anishathalye/gavel, `gavel/crowd_bt.py`), which used it for hackathon judging.
//!
//! Each entry has a Gaussian belief about its quality (`mu`, `sigma_sq`); each judge a Beta
//! belief (`alpha`, `beta`) about how often they answer in line with quality — their
//! reliability. A comparison updates both by moment matching. What this module is used for:
//! choosing the pair that is expected to teach the most (the expected information gain
//! below), and a judge's reliability for the judges' report. The published ranking is not
//! the Crowd-BT belief, which depends on the order comparisons arrived in, but the
//! order-free Bradley–Terry fit in `super::fit`.

/// Weight of the judge's belief in the information gain (Gavel's `GAMMA`).
pub const GAMMA: f64 = 0.1;
/// Keeps a variance positive (Gavel's `KAPPA`).
pub const KAPPA: f64 = 0.0001;
pub const MU_PRIOR: f64 = 0.0;
pub const SIGMA_SQ_PRIOR: f64 = 1.0;
/// A new judge is believed to agree with quality 10 times out of 11.
pub const ALPHA_PRIOR: f64 = 10.0;
pub const BETA_PRIOR: f64 = 1.0;

/// The belief about one entry's quality.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Belief {
    pub mu: f64,
    pub sigma_sq: f64,
}

impl Default for Belief {
    fn default() -> Self {
        Self {
            mu: MU_PRIOR,
            sigma_sq: SIGMA_SQ_PRIOR,
        }
    }
}

/// The belief about one judge's reliability.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judge {
    pub alpha: f64,
    pub beta: f64,
}

impl Default for Judge {
    fn default() -> Self {
        Self {
            alpha: ALPHA_PRIOR,
            beta: BETA_PRIOR,
        }
    }
}

impl Judge {
    /// The expected probability that this judge answers in line with quality, in (0, 1).
    pub fn reliability(&self) -> f64 {
        self.alpha / (self.alpha + self.beta)
    }
}

/// The beliefs after `judge` preferred `winner` to `loser`.
pub fn update(judge: Judge, winner: Belief, loser: Belief) -> (Judge, Belief, Belief) {
    let (j, _) = updated_judge(judge, winner, loser);
    let (w, l) = updated_beliefs(judge, winner, loser);
    (j, w, l)
}

/// What `judge` comparing `a` with `b` is expected to teach: the outcome-weighted
/// Kullback–Leibler divergence of the updated beliefs from the current ones.
pub fn expected_information_gain(judge: Judge, a: Belief, b: Belief) -> f64 {
    let (judge_1, p_a_above) = updated_judge(judge, a, b);
    let (a_1, b_1) = updated_beliefs(judge, a, b);
    let (judge_2, _) = updated_judge(judge, b, a);
    let (b_2, a_2) = updated_beliefs(judge, b, a);
    p_a_above
        * (divergence_gaussian(a_1, a)
            + divergence_gaussian(b_1, b)
            + GAMMA * divergence_beta(judge_1, judge))
        + (1.0 - p_a_above)
            * (divergence_gaussian(a_2, a)
                + divergence_gaussian(b_2, b)
                + GAMMA * divergence_beta(judge_2, judge))
}

fn updated_beliefs(judge: Judge, winner: Belief, loser: Belief) -> (Belief, Belief) {
    let (ew, el) = (winner.mu.exp(), loser.mu.exp());
    let (a, b) = (judge.alpha, judge.beta);
    let mult_mu = (a * ew) / (a * ew + b * el) - ew / (ew + el);
    let mult_sigma = (a * ew * b * el) / (a * ew + b * el).powi(2) - (ew * el) / (ew + el).powi(2);
    let shrink = |s: f64| s * (1.0 + s * mult_sigma).max(KAPPA);
    (
        Belief {
            mu: winner.mu + winner.sigma_sq * mult_mu,
            sigma_sq: shrink(winner.sigma_sq),
        },
        Belief {
            mu: loser.mu - loser.sigma_sq * mult_mu,
            sigma_sq: shrink(loser.sigma_sq),
        },
    )
}

/// The judge's updated belief and the probability of this outcome.
fn updated_judge(judge: Judge, winner: Belief, loser: Belief) -> (Judge, f64) {
    let (ew, el) = (winner.mu.exp(), loser.mu.exp());
    let (a, b) = (judge.alpha, judge.beta);
    let c_1 = ew / (ew + el)
        + 0.5 * (winner.sigma_sq + loser.sigma_sq) * (ew * el * (el - ew)) / (ew + el).powi(3);
    let c_2 = 1.0 - c_1;
    let c = (c_1 * a + c_2 * b) / (a + b);
    let expt = (c_1 * (a + 1.0) * a + c_2 * a * b) / (c * (a + b + 1.0) * (a + b));
    let expt_sq = (c_1 * (a + 2.0) * (a + 1.0) * a + c_2 * (a + 1.0) * a * b)
        / (c * (a + b + 2.0) * (a + b + 1.0) * (a + b));
    let variance = expt_sq - expt * expt;
    (
        Judge {
            alpha: ((expt - expt_sq) * expt) / variance,
            beta: (expt - expt_sq) * (1.0 - expt) / variance,
        },
        c,
    )
}

fn divergence_gaussian(p: Belief, q: Belief) -> f64 {
    let ratio = p.sigma_sq / q.sigma_sq;
    (p.mu - q.mu).powi(2) / (2.0 * q.sigma_sq) + (ratio - 1.0 - ratio.ln()) / 2.0
}

fn divergence_beta(p: Judge, q: Judge) -> f64 {
    ln_beta(q.alpha, q.beta) - ln_beta(p.alpha, p.beta)
        + (p.alpha - q.alpha) * digamma(p.alpha)
        + (p.beta - q.beta) * digamma(p.beta)
        + (q.alpha - p.alpha + q.beta - p.beta) * digamma(p.alpha + p.beta)
}

// The two special functions the Beta divergence needs, written here rather than taken from
// `statrs` (which brings a linear-algebra crate along): both are textbook series, accurate to
// ~1e-13 for the positive arguments that occur (alpha, beta > 0), and tested below.

fn ln_beta(a: f64, b: f64) -> f64 {
    ln_gamma(a) + ln_gamma(b) - ln_gamma(a + b)
}

/// ln Γ(x) for x > 0: Lanczos (g = 7, nine coefficients).
fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let t = x + G + 0.5;
    let sum = C[1..]
        .iter()
        .enumerate()
        .fold(C[0], |acc, (i, c)| acc + c / (x + i as f64 + 1.0));
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// ψ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic
/// series.
fn digamma(mut x: f64) -> f64 {
    let mut acc = 0.0;
    while x < 10.0 {
        acc -= 1.0 / x;
        x += 1.0;
    }
    let f = 1.0 / (x * x);
    acc + x.ln()
        - 0.5 / x
        - f * (1.0 / 12.0 - f * (1.0 / 120.0 - f * (1.0 / 252.0 - f * (1.0 / 240.0 - f / 132.0))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_functions_match_known_values() {
        // ln Γ(n) = ln((n − 1)!), Γ(1/2) = √π, ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2.
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-12);
        assert!((ln_gamma(11.0) - 3_628_800f64.ln()).abs() < 1e-11);
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-12);
        let euler = 0.577_215_664_901_532_9;
        assert!((digamma(1.0) + euler).abs() < 1e-12);
        assert!((digamma(0.5) + euler + 2.0 * 2f64.ln()).abs() < 1e-12);
        assert!((digamma(10.0) - 2.251_752_589_066_721).abs() < 1e-12);
    }

    #[test]
    fn a_win_raises_the_winner_and_lowers_the_loser_and_narrows_both() {
        let (j, w, l) = update(Judge::default(), Belief::default(), Belief::default());
        assert!(w.mu > 0.0 && l.mu < 0.0);
        assert!((w.mu + l.mu).abs() < 1e-12, "symmetric from equal beliefs");
        assert!(w.sigma_sq < 1.0 && l.sigma_sq < 1.0);
        assert!(j.reliability() > 0.0 && j.reliability() < 1.0);
    }

    #[test]
    fn a_judge_who_keeps_contradicting_the_consensus_loses_reliability() {
        // Entry a is believed much better than b; a judge who keeps preferring b is less
        // reliable than one who keeps preferring a.
        let a = Belief {
            mu: 2.0,
            sigma_sq: 0.1,
        };
        let b = Belief {
            mu: -2.0,
            sigma_sq: 0.1,
        };
        let (mut honest, mut contrary) = (Judge::default(), Judge::default());
        for _ in 0..10 {
            honest = update(honest, a, b).0;
            contrary = update(contrary, b, a).0;
        }
        assert!(honest.reliability() > Judge::default().reliability());
        assert!(contrary.reliability() < 0.5, "{}", contrary.reliability());
    }

    #[test]
    fn uncertain_close_pairs_teach_more_than_settled_distant_ones() {
        let j = Judge::default();
        let fresh = Belief::default();
        let settled_high = Belief {
            mu: 3.0,
            sigma_sq: 0.05,
        };
        let settled_low = Belief {
            mu: -3.0,
            sigma_sq: 0.05,
        };
        assert!(
            expected_information_gain(j, fresh, fresh)
                > expected_information_gain(j, settled_high, settled_low)
        );
    }
}
