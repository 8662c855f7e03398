//! Readiness (Analisis Kesiapan Daerah): a score per aspect, an overall score and category,
//! and the share of items rated good, moderate and poor (methodology §9.1).

use crate::support::map::Map;

use serde::Serialize;

use crate::method::ReadinessRule;
use crate::model::decimal::Num;
use crate::model::framework::{vocabulary, Aspect};
use crate::model::masterplan::ReadinessItem;

/// Items counted in one rating group and their share of all items.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Share {
    /// Items in the group.
    pub count: i64,
    /// Percentage of all items, rounded to 2 decimals.
    pub percent: Num,
}

vocabulary! {
    /// The rating groups of readiness items: the keys of [`Distribution`].
    Band {
        /// Items scored from the method's `good_from`.
        Good = "good", "Baik", "Good";
        /// Items scored from `moderate_from`, below `good_from`.
        Moderate = "moderate", "Sedang", "Moderate";
        /// The rest.
        Poor = "poor", "Kurang", "Poor";
    }
}

/// How the items are rated.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Distribution {
    /// Rated good (baik).
    pub good: Share,
    /// Rated moderate (sedang).
    pub moderate: Share,
    /// Rated poor (buruk).
    pub poor: Share,
}

/// The exact readiness result.
#[derive(Debug, Clone, PartialEq)]
pub struct Exact {
    /// Overall score, exact.
    pub score: Num,
    /// Aspect means, exact (`None` for an aspect without items).
    pub aspects: Map<Aspect, Option<Num>>,
    /// Items per aspect.
    pub items: Map<Aspect, i64>,
    /// Rating shares.
    pub distribution: Distribution,
}

/// Scores the readiness items; `None` when there are none.
pub fn score(items: &[ReadinessItem], rule: &ReadinessRule) -> Option<Exact> {
    if items.is_empty() {
        return None;
    }
    let mut aspects = Map::new();
    let mut counts = Map::new();
    let mut weighted = Num::ZERO;
    let mut weight_sum = Num::ZERO;
    for a in Aspect::ALL {
        let scores: Vec<Num> = items
            .iter()
            .filter(|i| i.aspect == *a)
            .map(|i| Num::from_int(i.score))
            .collect();
        let mean = Num::mean(&scores);
        if let Some(m) = mean {
            let w = rule.aspect_weights.get(a).copied().unwrap_or(Num::ZERO);
            weighted = weighted + w * m;
            weight_sum = weight_sum + w;
        }
        aspects.insert(*a, mean);
        counts.insert(*a, scores.len() as i64);
    }
    // Renormalise over the aspects that have items (and a non-zero weight).
    let score = weighted.checked_div(weight_sum).unwrap_or(Num::ZERO);
    let total = items.len() as i64;
    let share = |count: i64| Share {
        count,
        percent: Num::ratio(count * 100, total).unwrap_or(Num::ZERO).round2(),
    };
    let good = items.iter().filter(|i| i.score >= rule.good_from).count() as i64;
    let moderate = items
        .iter()
        .filter(|i| i.score >= rule.moderate_from && i.score < rule.good_from)
        .count() as i64;
    Some(Exact {
        score,
        aspects,
        items: counts,
        distribution: Distribution {
            good: share(good),
            moderate: share(moderate),
            poor: share(total - good - moderate),
        },
    })
}
