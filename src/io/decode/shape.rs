//! The keys each object of format v1 may carry and the ones it must carry.
//!
//! One table serves the decoder (unknown-key warnings, missing-field errors) and the schema
//! test, so the JSON Schema cannot drift from what the decoder accepts.

/// The keys of one kind of object.
#[derive(Debug)]
pub(super) struct Shape {
    /// Where the object sits: `""` for the root, `.` between keys, `[]` for array items.
    pub path: &'static str,
    /// Every key the format knows here.
    pub keys: &'static [&'static str],
    /// The keys that must be present (a `null` value counts as absent).
    pub required: &'static [&'static str],
}

pub(super) const ROOT: Shape = Shape {
    path: "",
    keys: &[
        "format",
        "format_version",
        "region",
        "masterplan",
        "evaluation",
        "institutions",
        "readiness",
        "programs",
        "impact",
        "national_indices",
    ],
    required: &[
        "format",
        "format_version",
        "region",
        "evaluation",
        "programs",
    ],
};

pub(super) const REGION: Shape = Shape {
    path: "region",
    keys: &["code", "name", "kind", "province"],
    required: &["name", "kind"],
};

pub(super) const MASTERPLAN: Shape = Shape {
    path: "masterplan",
    keys: &["period_start", "period_end", "legal_basis", "title"],
    required: &[],
};

pub(super) const LEGAL_BASIS: Shape = Shape {
    path: "masterplan.legal_basis",
    keys: &["kind", "number", "year"],
    required: &["kind"],
};

pub(super) const EVALUATION: Shape = Shape {
    path: "evaluation",
    keys: &["year", "method", "previous", "dimension_scores"],
    required: &["year"],
};

pub(super) const PREVIOUS: Shape = Shape {
    path: "evaluation.previous[]",
    keys: &["year", "index"],
    required: &["year", "index"],
};

/// A closed map: its keys are the evaluation dimension ids.
pub(super) const DIMENSION_SCORES: Shape = Shape {
    path: "evaluation.dimension_scores",
    keys: &["baseline", "output", "outcome", "impact", "quick_win"],
    required: &[],
};

pub(super) const INSTITUTIONS: Shape = Shape {
    path: "institutions",
    keys: &[
        "council",
        "implementation_team",
        "forum",
        "hr_plan",
        "risk_register",
        "budget",
        "evidence",
    ],
    required: &[],
};

const BODY_KEYS: &[&str] = &["exists", "decree", "active", "meetings", "evidence"];
const DOCUMENT_KEYS: &[&str] = &["exists", "evidence"];

pub(super) const COUNCIL: Shape = Shape {
    path: "institutions.council",
    keys: BODY_KEYS,
    required: &["exists"],
};

pub(super) const IMPLEMENTATION_TEAM: Shape = Shape {
    path: "institutions.implementation_team",
    keys: BODY_KEYS,
    required: &["exists"],
};

pub(super) const FORUM: Shape = Shape {
    path: "institutions.forum",
    keys: BODY_KEYS,
    required: &["exists"],
};

pub(super) const HR_PLAN: Shape = Shape {
    path: "institutions.hr_plan",
    keys: DOCUMENT_KEYS,
    required: &["exists"],
};

pub(super) const RISK_REGISTER: Shape = Shape {
    path: "institutions.risk_register",
    keys: DOCUMENT_KEYS,
    required: &["exists"],
};

pub(super) const BUDGET: Shape = Shape {
    path: "institutions.budget",
    keys: &["apbd", "non_apbd", "apbd_total", "sources", "evidence"],
    required: &[],
};

pub(super) const READINESS: Shape = Shape {
    path: "readiness",
    keys: &["items"],
    required: &[],
};

pub(super) const READINESS_ITEM: Shape = Shape {
    path: "readiness.items[]",
    keys: &["aspect", "id", "question", "score", "evidence"],
    required: &["aspect", "id", "score"],
};

pub(super) const PROGRAM: Shape = Shape {
    path: "programs[]",
    keys: &[
        "id",
        "name",
        "pillar",
        "sub_dimension",
        "horizon",
        "start_year",
        "end_year",
        "status",
        "progress_percent",
        "lead_agency",
        "evidence",
        "quick_win",
    ],
    required: &["id", "name", "pillar", "horizon", "start_year", "status"],
};

pub(super) const QUICK_WIN: Shape = Shape {
    path: "programs[].quick_win",
    keys: &["year", "status", "launched_year", "innovation_score"],
    required: &["year", "status"],
};

pub(super) const IMPACT: Shape = Shape {
    path: "impact",
    keys: &["surveys", "indicators"],
    required: &[],
};

pub(super) const SURVEY: Shape = Shape {
    path: "impact.surveys[]",
    keys: &["pillar", "sub_dimension", "respondents", "mean", "year"],
    required: &["pillar", "respondents", "mean"],
};

pub(super) const INDICATOR: Shape = Shape {
    path: "impact.indicators[]",
    keys: &["code", "value", "year", "unit", "source"],
    required: &["code", "value"],
};

/// A closed map of the national indices.
pub(super) const NATIONAL_INDICES: Shape = Shape {
    path: "national_indices",
    keys: &["spbe", "pemdi", "sakip", "ikm", "ipm", "bpk_opinion"],
    required: &[],
};

/// Every object of the format, parents before children.
pub(super) const ALL: &[&Shape] = &[
    &ROOT,
    &REGION,
    &MASTERPLAN,
    &LEGAL_BASIS,
    &EVALUATION,
    &PREVIOUS,
    &DIMENSION_SCORES,
    &INSTITUTIONS,
    &COUNCIL,
    &IMPLEMENTATION_TEAM,
    &FORUM,
    &HR_PLAN,
    &RISK_REGISTER,
    &BUDGET,
    &READINESS,
    &READINESS_ITEM,
    &PROGRAM,
    &QUICK_WIN,
    &IMPACT,
    &SURVEY,
    &INDICATOR,
    &NATIONAL_INDICES,
];
