//! Quick-win status (spec §3): due, achieved, on time or late, sustained, stopped, pending,
//! and the 1–4 score each due quick win gives the Quick Win dimension.

use serde::Serialize;

use crate::method::QuickWinRule;
use crate::model::decimal::Num;
use crate::model::framework::{vocabulary, QuickWinStatus};
use crate::model::masterplan::{Program, QuickWin};
use crate::model::text::{num_en, num_id, Text};

vocabulary! {
    /// Where a quick win stands as of the evaluation year (the tracker's states).
    State {
        /// Launched by its year and still running after it.
        Sustained = "sustained", "Berkelanjutan", "Sustained";
        /// Launched after its year and still running: counted as late, scored as sustained.
        SustainedLate = "sustained_late", "Berkelanjutan, terlambat", "Sustained, launched late";
        /// Launched by its year.
        OnTime = "on_time", "Tepat waktu", "On time";
        /// Launched after its year.
        Late = "late", "Terlambat", "Late";
        /// Launched, then stopped.
        Stopped = "stopped", "Dihentikan", "Stopped";
        /// Due but not launched yet.
        Pending = "pending", "Belum diluncurkan", "Not launched";
        /// Not due yet (its year is after the evaluation year).
        NotDue = "not_due", "Belum jatuh tempo", "Not yet due";
    }
}

/// The exact reading of one quick win.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    /// Its year is on or before the evaluation year.
    pub due: bool,
    /// Launched or sustained.
    pub achieved: bool,
    /// For achieved ones: launched by its year.
    pub on_time: Option<bool>,
    /// The state shown on the tracker.
    pub state: State,
    /// Implementation score per the method (due quick wins only).
    pub implementation_score: Option<Num>,
    /// Score for the Quick Win dimension: implementation averaged with innovation.
    pub score: Option<Num>,
}

/// Reads one quick win as of `year`.
pub fn read(qw: &QuickWin, year: i64, rule: &QuickWinRule) -> Reading {
    let due = qw.year <= year;
    let achieved = qw.status.is_achieved();
    let on_time = if achieved {
        qw.launched_year.map(|l| l <= qw.year)
    } else {
        None
    };
    let state = if !due && !qw.status.was_launched() {
        State::NotDue
    } else {
        match qw.status {
            QuickWinStatus::Sustained if on_time == Some(false) => State::SustainedLate,
            QuickWinStatus::Sustained => State::Sustained,
            QuickWinStatus::Launched if on_time == Some(true) => State::OnTime,
            QuickWinStatus::Launched => State::Late,
            QuickWinStatus::Stopped => State::Stopped,
            QuickWinStatus::Planned | QuickWinStatus::InProgress => State::Pending,
        }
    };
    let implementation_score = due.then(|| match qw.status {
        QuickWinStatus::Sustained => rule.sustained,
        QuickWinStatus::Launched if on_time == Some(true) => rule.on_time,
        QuickWinStatus::Launched => rule.late,
        QuickWinStatus::InProgress => rule.in_progress,
        QuickWinStatus::Planned => rule.planned,
        QuickWinStatus::Stopped => rule.stopped,
    });
    let score = implementation_score.map(|s| match qw.innovation_score {
        Some(i) if rule.use_innovation_score => (s + Num::from_int(i)) / Num::from_int(2),
        _ => s,
    });
    Reading {
        due,
        achieved,
        on_time,
        state,
        implementation_score,
        score,
    }
}

/// How a quick win's score was reached, with its numbers ("Berkelanjutan, diluncurkan tepat
/// waktu (2022) → 4").
pub fn rule_text(qw: &QuickWin, r: &Reading, rule: &QuickWinRule) -> Text {
    let (y, l) = (qw.year, qw.launched_year.unwrap_or(qw.year));
    // What happened, and whether the launch year or the due year is the one to show.
    let (id, en, year) = match (r.state, qw.status) {
        (State::NotDue, _) => {
            return Text::new(
                format!("Belum jatuh tempo (jadwal {y}); belum dinilai"),
                format!("Not yet due ({y}); not scored"),
            )
        }
        (State::Sustained, _) => (
            "Berkelanjutan, diluncurkan tepat waktu (",
            "Sustained, launched on time (",
            l,
        ),
        (State::SustainedLate, _) => (
            "Berkelanjutan, diluncurkan terlambat (",
            "Sustained, launched late (",
            l,
        ),
        (State::OnTime, _) => ("Diluncurkan tepat waktu (", "Launched on time (", l),
        (State::Late, _) => ("Diluncurkan terlambat (", "Launched late (", l),
        (State::Stopped, _) => (
            "Diluncurkan lalu dihentikan (",
            "Launched, then stopped (",
            l,
        ),
        (State::Pending, QuickWinStatus::InProgress) => (
            "Belum diluncurkan, sedang disiapkan (jadwal ",
            "Not launched, in preparation (due ",
            y,
        ),
        (State::Pending, _) => (
            "Belum diluncurkan, masih direncanakan (jadwal ",
            "Not launched, still planned (due ",
            y,
        ),
    };
    let late = matches!(r.state, State::Late | State::SustainedLate);
    let (due_id, due_en) = if late {
        (format!(", jadwal {y}"), format!(", due {y}"))
    } else {
        (String::new(), String::new())
    };
    let s = r.implementation_score.unwrap_or(Num::ZERO);
    let (si, se) = (num_id(s), num_en(s));
    let (mut id, mut en) = (
        format!("{id}{year}{due_id}) → {si}"),
        format!("{en}{year}{due_en}) → {se}"),
    );
    if let (Some(total), Some(i), true) = (r.score, qw.innovation_score, rule.use_innovation_score)
    {
        let (ti, te) = (num_id(total.round2()), num_en(total.round2()));
        id = format!("{id}; dirata-ratakan dengan nilai inovasi {i}: ({si} + {i}) ÷ 2 = {ti}");
        en = format!("{en}; averaged with the innovation score {i}: ({se} + {i}) ÷ 2 = {te}");
    }
    Text::new(id, en)
}

/// Counts over a set of quick wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    /// All quick wins in the set.
    pub total: i64,
    /// Due by the evaluation year.
    pub due: i64,
    /// Due and achieved (launched or sustained).
    pub achieved: i64,
    /// Achieved by their year.
    pub on_time: i64,
    /// Achieved after their year.
    pub late: i64,
    /// Still running after launch.
    pub sustained: i64,
    /// Launched, then stopped.
    pub stopped: i64,
    /// Due and not launched.
    pub pending: i64,
    /// Not due yet.
    pub not_due: i64,
}

impl Counts {
    /// Adds one reading.
    pub fn add(&mut self, r: &Reading) {
        self.total += 1;
        if r.due {
            self.due += 1;
            if r.achieved {
                self.achieved += 1;
                match r.on_time {
                    Some(true) => self.on_time += 1,
                    _ => self.late += 1,
                }
            }
        } else {
            self.not_due += 1;
        }
        match r.state {
            State::Sustained | State::SustainedLate => self.sustained += 1,
            State::Stopped => self.stopped += 1,
            State::Pending => self.pending += 1,
            _ => {}
        }
    }

    /// Achieved ÷ due, in percent, exact; `None` when nothing is due.
    pub fn percent(&self) -> Option<Num> {
        Num::ratio(self.achieved * 100, self.due)
    }
}

/// The quick wins of a masterplan with their readings, in file order.
pub fn read_all<'a>(
    programs: &'a [Program],
    year: i64,
    rule: &QuickWinRule,
) -> Vec<(&'a Program, QuickWin, Reading)> {
    programs
        .iter()
        .filter_map(|p| p.quick_win.map(|qw| (p, qw, read(&qw, year, rule))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::presets::kominfo_2022;

    fn qw(year: i64, status: QuickWinStatus, launched: Option<i64>) -> QuickWin {
        QuickWin {
            year,
            status,
            launched_year: launched,
            innovation_score: None,
        }
    }

    #[test]
    fn states_follow_the_spec() {
        let rule = kominfo_2022().quick_win;
        let r = read(
            &qw(2021, QuickWinStatus::Sustained, Some(2021)),
            2022,
            &rule,
        );
        assert_eq!(
            (r.due, r.achieved, r.on_time, r.state),
            (true, true, Some(true), State::Sustained)
        );
        let r = read(&qw(2021, QuickWinStatus::Launched, Some(2022)), 2022, &rule);
        assert_eq!(
            (r.on_time, r.state, r.score),
            (Some(false), State::Late, Some(Num::from_int(3)))
        );
        let r = read(&qw(2022, QuickWinStatus::InProgress, None), 2022, &rule);
        assert_eq!((r.due, r.achieved, r.state), (true, false, State::Pending));
        let r = read(&qw(2023, QuickWinStatus::Planned, None), 2022, &rule);
        assert_eq!((r.due, r.state, r.score), (false, State::NotDue, None));
        let r = read(&qw(2021, QuickWinStatus::Stopped, Some(2021)), 2022, &rule);
        assert_eq!(
            (r.achieved, r.state, r.score),
            (false, State::Stopped, Some(Num::ONE))
        );
    }

    #[test]
    fn innovation_score_is_averaged_in() {
        let rule = kominfo_2022().quick_win;
        let mut q = qw(2022, QuickWinStatus::Launched, Some(2022));
        q.innovation_score = Some(3);
        assert_eq!(read(&q, 2022, &rule).score, Num::parse("3.5"));
    }
}
