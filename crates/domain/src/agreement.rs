//! How far two orderings agree: Kendall's τ-b, used for a judge's agreement with the
//! consensus (judges' report) and for how well a ranking recovers a known order (the
//! pairwise simulation tests).

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
