//! Monte Carlo (contract 1.1, `simulate`): the generator's reference
//! vectors, the triangular draws' moments, agreement with `compute` when
//! nothing is uncertain, and the invariants of the statistics.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use aicloud_scenario::presets::base_scenario;
use aicloud_scenario::simulate::{
    simulate, triangular, triangular_at, Options, SplitMix64, Xoshiro256PlusPlus,
};
use aicloud_scenario::{compute, ModelError};
use proptest::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use support::{any_scenario, d};

#[test]
fn the_generator_gives_the_reference_vectors() {
    let mut x = Xoshiro256PlusPlus::from_state([1, 2, 3, 4]);
    let outputs: Vec<u64> = (0..4).map(|_| x.next_u64()).collect();
    assert_eq!(
        outputs,
        [41943041, 58720359, 3588806011781223, 3591011842654386]
    );
    assert_eq!(SplitMix64::new(0).next_u64(), 0xe220a8397b1dcdaf);
    // Seeded as rand_xoshiro's seed_from_u64: the state is SplitMix64's first four outputs.
    let mut seeder = SplitMix64::new(7);
    let state = [
        seeder.next_u64(),
        seeder.next_u64(),
        seeder.next_u64(),
        seeder.next_u64(),
    ];
    let (mut a, mut b) = (
        Xoshiro256PlusPlus::seed_from_u64(7),
        Xoshiro256PlusPlus::from_state(state),
    );
    assert_eq!(a.next_u64(), b.next_u64());
    let u = Xoshiro256PlusPlus::from_state([1, 2, 3, 4]).uniform();
    assert_eq!(u, (41943041u64 >> 11) as f64 / 9007199254740992.0);
}

#[test]
fn triangular_draws_have_the_exact_mean_and_variance() {
    // Triangular on [m - w, m + w] with mode m: mean m, variance w^2 / 6.
    let (m, w, n) = (7.17, 0.5, 100_000);
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
    let draws: Vec<f64> = (0..n).map(|_| triangular(m, w, rng.uniform())).collect();
    let mean = draws.iter().sum::<f64>() / n as f64;
    let variance = draws.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    let exact_variance = w * w / 6.0;
    let mean_error = (exact_variance / n as f64).sqrt();
    assert!((mean - m).abs() < 4.0 * mean_error, "mean {mean}");
    // The sample variance varies by (mu4 - sigma^4) / n, with mu4 = w^4 / 15 here; bounded by w^4 / 15 / n.
    let variance_error = (w.powi(4) / 15.0 / n as f64).sqrt();
    assert!(
        (variance - exact_variance).abs() < 4.0 * variance_error,
        "variance {variance}"
    );
    assert!(draws.iter().all(|&x| (m - w..=m + w).contains(&x)));
    assert_eq!(triangular(1.0, 0.0, 0.3), 1.0);
    assert_eq!(triangular(0.0, 1.0, 0.5), 0.0);
}

#[test]
fn the_branch_free_triangular_draw_is_the_contract_formula_bit_for_bit() {
    let top = 1u64 << 53;
    let half = 1u64 << 52;
    let edges = [
        0,
        1,
        2,
        half - 2,
        half - 1,
        half,
        half + 1,
        top - 2,
        top - 1,
    ];
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(11);
    let bits = edges
        .into_iter()
        .chain((0..200_000).map(|_| rng.next_u53()));
    let shapes = [
        (0.0, 0.3),
        (7.17, 0.5),
        (0.0, 0.0),
        (-3.0, 10.0),
        (0.01, 100.0),
        (1.0, 5e-324),
    ];
    for b in bits {
        let u = b as f64 / 9007199254740992.0;
        for (mode, width) in shapes {
            assert_eq!(
                triangular_at(mode, width, b).to_bits(),
                triangular(mode, width, u).to_bits(),
                "bits {b}, mode {mode}, width {width}"
            );
        }
    }
}

#[test]
fn without_uncertainty_every_sample_is_compute() {
    let mut s = base_scenario();
    s.uncertainty.ai_growth_spread = Decimal::ZERO;
    s.uncertainty.core_growth_spread = Decimal::ZERO;
    s.uncertainty.fx_spread = Decimal::ZERO;
    s.uncertainty.cash_margin_spread = Decimal::ZERO;
    let p = compute(&s).unwrap();
    let sim = simulate(
        &s,
        Options {
            samples: 1000,
            seed: 3,
        },
    )
    .unwrap();
    let close = |got: Decimal, want: Decimal| {
        let (got, want) = (got.to_f64().unwrap(), want.to_f64().unwrap());
        (got - want).abs() <= 1e-9 * want.abs().max(1.0)
    };
    let cumulative = p.revenue.cumulative_usd_bn[4];
    for value in [
        sim.cumulative_usd_bn.mean,
        sim.cumulative_usd_bn.p5,
        sim.cumulative_usd_bn.p50,
        sim.cumulative_usd_bn.p95,
    ] {
        assert!(close(value, cumulative), "{value} vs {cumulative}");
    }
    assert!(close(sim.npv_rmb_bn.p50, p.capex.npv_rmb_bn));
    assert!(close(sim.annual_usd_bn.p10, p.revenue.annual_usd_bn[4]));
    // Reached in FY2029 (year 3) for certain; never in a single year.
    let hit: Vec<String> = sim.hit_by_year.iter().map(|v| v.to_string()).collect();
    assert_eq!(hit, ["0", "0", "1", "1", "1"]);
    assert_eq!(sim.probability_hit_target, Decimal::ONE);
    assert_eq!(sim.probability_hit_annual_target, Decimal::ZERO);
    assert_eq!(sim.probability_npv_positive, Decimal::ZERO);
    // All samples equal: every count in the first bin.
    assert_eq!(sim.histogram.counts[0], 1000);
    assert_eq!(sim.histogram.edges.len(), 41);
}

#[test]
fn the_base_preset_under_its_uncertainty() {
    let sim = simulate(&base_scenario(), Options::default()).unwrap();
    assert_eq!((sim.samples, sim.seed), (10_000, 1));
    assert_eq!(sim.histogram.counts.iter().sum::<u32>(), 10_000);
    assert!(sim.hit_by_year.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(*sim.hit_by_year.last().unwrap(), sim.probability_hit_target);
    let c = &sim.cumulative_usd_bn;
    assert!(c.p5 <= c.p10 && c.p10 <= c.p50 && c.p50 <= c.p90 && c.p90 <= c.p95);
    assert!(sim.histogram.edges[0] <= c.p5);
    assert!(sim.histogram.edges[40] >= c.p95);
    // The same options give the same output, bit for bit.
    assert_eq!(simulate(&base_scenario(), Options::default()).unwrap(), sim);
    assert_ne!(
        simulate(
            &base_scenario(),
            Options {
                samples: 10_000,
                seed: 2
            }
        )
        .unwrap(),
        sim
    );
}

#[test]
fn bad_options_and_scenarios_name_their_field() {
    for samples in [0, 1_000_001] {
        let error = simulate(&base_scenario(), Options { samples, seed: 1 }).unwrap_err();
        assert_eq!(error.field(), "options.samples");
        assert_eq!(
            error.to_string(),
            "options.samples must be a whole number from 1 to 1000000"
        );
    }
    let mut s = base_scenario();
    s.fx_rmb_per_usd = d("0");
    assert!(matches!(
        simulate(&s, Options::default()),
        Err(ModelError::OutOfRange { .. })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_scenario_or_option_panics(s in any_scenario(), samples in 1u32..2000, seed in any::<u32>()) {
        if let Ok(sim) = simulate(&s, Options { samples, seed }) {
            prop_assert_eq!(sim.histogram.counts.iter().sum::<u32>(), samples);
            prop_assert!(sim.hit_by_year.windows(2).all(|w| w[0] <= w[1]));
            prop_assert_eq!(*sim.hit_by_year.last().unwrap(), sim.probability_hit_target);
        }
    }
}
