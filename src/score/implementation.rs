//! Implementation rates: planned vs implemented programs per pillar (spec §3), pooled and as
//! the mean of pillars, plus the same per lead agency (OPD).

use crate::support::map::Map;

use serde::Serialize;

use crate::method::{Counting, Method};
use crate::model::decimal::Num;
use crate::model::framework::{Pillar, ProgramStatus};
use crate::model::masterplan::{Masterplan, Program};

/// Why a program does not count as planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotCounted {
    /// Its horizon is outside the method's (long-term by default).
    Horizon,
    /// It starts after the evaluation year.
    NotStarted,
    /// It was cancelled.
    Cancelled,
}

/// How one program counts.
pub fn classify(p: &Program, year: i64, method: &Method) -> Result<(), NotCounted> {
    if p.status == ProgramStatus::Cancelled {
        Err(NotCounted::Cancelled)
    } else if !method.outcome.horizons.contains(&p.horizon) {
        Err(NotCounted::Horizon)
    } else if p.start_year > year {
        Err(NotCounted::NotStarted)
    } else {
        Ok(())
    }
}

/// The implemented share of one planned program: 1 or 0, or its progress when counting by
/// progress.
fn implemented_share(p: &Program, counting: Counting) -> Num {
    if p.status.is_implemented() {
        return Num::ONE;
    }
    match (counting, p.progress_percent) {
        (Counting::WeightedProgress, Some(pct)) => {
            (pct / Num::from_int(100)).clamp_to(Num::ZERO, Num::ONE)
        }
        _ => Num::ZERO,
    }
}

/// Exact tally of planned and implemented programs.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Tally {
    /// Planned programs.
    pub planned: i64,
    /// Implemented (a count, or a sum of progress shares).
    pub implemented: Num,
}

impl Tally {
    /// Exact percentage, `None` without planned programs.
    pub fn percent(&self) -> Option<Num> {
        (self.implemented * Num::from_int(100)).checked_div(Num::from_int(self.planned))
    }

    fn add(&mut self, share: Num) {
        self.planned += 1;
        self.implemented = self.implemented + share;
    }

    /// More programs to implement for the rate to reach `target` percent (0 when reached).
    pub fn needed_for(&self, target: Num) -> i64 {
        let need = target * Num::from_int(self.planned) / Num::from_int(100) - self.implemented;
        if need <= Num::ZERO {
            0
        } else {
            need.ceil().to_i64().unwrap_or(0)
        }
    }
}

/// The exact result for the whole file.
#[derive(Debug, Clone, PartialEq)]
pub struct Rates {
    /// Per pillar, every pillar present.
    pub pillars: Map<Pillar, Tally>,
    /// All pillars pooled.
    pub overall: Tally,
    /// Mean of the pillar percentages (pillars without planned programs left out).
    pub mean_of_pillars: Option<Num>,
    /// Programs per pillar that were not counted, by reason.
    pub not_counted: Map<Pillar, Map<NotCounted, i64>>,
}

/// Counts planned and implemented programs.
pub fn rates(mp: &Masterplan, method: &Method) -> Rates {
    let year = mp.evaluation.year;
    let mut pillars: Map<Pillar, Tally> =
        Pillar::ALL.iter().map(|p| (*p, Tally::default())).collect();
    let mut not_counted: Map<Pillar, Map<NotCounted, i64>> = Map::new();
    let mut overall = Tally::default();
    for p in &mp.programs {
        match classify(p, year, method) {
            Ok(()) => {
                let share = implemented_share(p, method.outcome.counting);
                if let Some(t) = pillars.get_mut(&p.pillar) {
                    t.add(share);
                }
                overall.add(share);
            }
            Err(reason) => {
                *not_counted
                    .entry(p.pillar)
                    .or_default()
                    .entry(reason)
                    .or_default() += 1;
            }
        }
    }
    let percents: Vec<Num> = pillars.values().filter_map(|t| t.percent()).collect();
    Rates {
        mean_of_pillars: Num::mean(&percents),
        pillars,
        overall,
        not_counted,
    }
}

/// Tallies per lead agency (programs without one are grouped under `None`).
pub fn by_agency(mp: &Masterplan, method: &Method) -> Map<Option<String>, (Vec<usize>, Tally)> {
    // Built in one go: keys come from the file (one per agency), see `support::map`.
    let keyed = mp.programs.iter().map(|p| {
        let key = p
            .lead_agency
            .as_ref()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty());
        (key, p)
    });
    Map::grouped(keyed.collect(), |entry: &mut (Vec<usize>, Tally), p| {
        entry.0.push(p.index);
        if classify(p, mp.evaluation.year, method).is_ok() {
            entry.1.add(implemented_share(p, method.outcome.counting));
        }
    })
}

impl Ord for NotCounted {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (*self as u8).cmp(&(*other as u8))
    }
}

impl PartialOrd for NotCounted {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
