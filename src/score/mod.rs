//! Scoring: each concern of the method on a validated masterplan, the findings, and the
//! assessment that gathers them, rounded once for output.

pub mod assessment;
pub mod evaluation;
pub mod findings;
pub mod implementation;
pub mod national;
pub mod quick_wins;
pub mod readiness;
