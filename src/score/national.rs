//! National indices quoted in evaluations, read against the official predicate tables.

use serde::Serialize;

use crate::method::{Grade, NationalTables};
use crate::model::decimal::Num;
use crate::model::framework::{vocabulary, BpkOpinion};
use crate::model::masterplan::NationalIndices;

vocabulary! {
    /// The national indices an evaluation quotes: the keys of [`National`], in its order.
    NationalIndex {
        Spbe = "spbe", "Indeks SPBE", "SPBE index";
        Sakip = "sakip", "Nilai SAKIP", "SAKIP score";
        Ikm = "ikm", "Indeks Kepuasan Masyarakat (IKM)", "Public satisfaction index (IKM)";
        Ipm = "ipm", "Indeks Pembangunan Manusia (IPM)", "Human development index (IPM)";
        BpkOpinion = "bpk_opinion", "Opini BPK", "BPK audit opinion";
    }
}

/// SPBE index with its predicate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spbe {
    /// The value exactly as given.
    pub value: Num,
    /// Official predicate (Kurang … Memuaskan).
    pub predicate: String,
    /// English label.
    pub label_en: String,
    /// True when the predicate is below what evaluators expect.
    pub concern: bool,
}

/// An index with a grade and label (SAKIP, IKM).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Graded {
    /// The value exactly as given.
    pub value: Num,
    /// Grade (AA … D; A … D).
    pub grade: String,
    /// Official label.
    pub label: String,
    /// English label.
    pub label_en: String,
    /// True when the grade is below what evaluators expect.
    pub concern: bool,
}

/// IPM with its BPS category.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ipm {
    /// The value exactly as given.
    pub value: Num,
    /// BPS category.
    pub category: String,
    /// English label.
    pub label_en: String,
    /// True when the category is below "Tinggi".
    pub concern: bool,
}

/// BPK opinion with its label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Opinion {
    /// The opinion code.
    pub value: BpkOpinion,
    /// Official label.
    pub label: String,
    /// English label.
    pub label_en: String,
    /// Rank, 1 = best.
    pub rank: i64,
    /// True when the opinion is not unqualified.
    pub concern: bool,
}

/// Every national index the file gives, read.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct National {
    /// SPBE.
    pub spbe: Option<Spbe>,
    /// SAKIP / LAKIP.
    pub sakip: Option<Graded>,
    /// IKM.
    pub ikm: Option<Graded>,
    /// IPM.
    pub ipm: Option<Ipm>,
    /// BPK opinion.
    pub bpk_opinion: Option<Opinion>,
}

fn graded(value: Num, g: &Grade) -> Graded {
    Graded {
        value,
        grade: g.grade.clone().unwrap_or_default(),
        label: g.label.clone(),
        label_en: g.label_en.clone(),
        concern: g.concern,
    }
}

/// Reads the indices against the tables.
pub fn read(given: &NationalIndices, tables: &NationalTables) -> National {
    National {
        spbe: given.spbe.and_then(|v| {
            tables.spbe.classify(v).map(|g| Spbe {
                value: v,
                predicate: g.label.clone(),
                label_en: g.label_en.clone(),
                concern: g.concern,
            })
        }),
        sakip: given
            .sakip
            .and_then(|v| tables.sakip.classify(v).map(|g| graded(v, g))),
        ikm: given
            .ikm
            .and_then(|v| tables.ikm.classify(v).map(|g| graded(v, g))),
        ipm: given.ipm.and_then(|v| {
            tables.ipm.classify(v).map(|g| Ipm {
                value: v,
                category: g.label.clone(),
                label_en: g.label_en.clone(),
                concern: g.concern,
            })
        }),
        bpk_opinion: given.bpk_opinion.and_then(|o| {
            tables.bpk.iter().find(|g| g.opinion == o).map(|g| Opinion {
                value: o,
                label: g.label.clone(),
                label_en: g.label_en.clone(),
                rank: g.rank,
                concern: g.concern,
            })
        }),
    }
}
