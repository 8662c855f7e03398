//! The catalogue of problem and finding codes: every `code` the engine writes, with its
//! meaning. The wire string ([`Code::id`]) is stable: pages, batch tools and saved results
//! match on it. The README's "Problem and finding codes" section lists exactly [`Code::ALL`]
//! with these meanings (checked by `tests/codes.rs`).
//!
//! Problems come from reading a file, a method or the JavaScript call (`validate` returns
//! them; `assess` throws on errors). Input warnings are carried into the assessment's
//! `findings`, so their codes can appear there too. Findings are the weaknesses an assessor
//! would write (`findings[]` of an assessment).

/// Declares the catalogue: the enum with one doc line per code, the wire ids, the meanings and
/// the canonical order (problems first, then findings).
macro_rules! codes {
    (
        problems { $( #[doc = $pdoc:literal] $pvariant:ident = $pid:literal, )+ }
        findings { $( #[doc = $fdoc:literal] $fvariant:ident = $fid:literal, )+ }
    ) => {
        /// A problem or finding code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( #[doc = $pdoc] $pvariant, )+
            $( #[doc = $fdoc] $fvariant, )+
        }

        impl Code {
            /// Every code, in catalogue order: problems, then findings.
            pub const ALL: &'static [Code] = &[$(Code::$pvariant,)+ $(Code::$fvariant,)+];

            /// The codes of problems (reading a file, a method, a call), in catalogue order.
            pub const PROBLEMS: &'static [Code] = &[$(Code::$pvariant,)+];

            /// The codes of findings, in catalogue order.
            pub const FINDINGS: &'static [Code] = &[$(Code::$fvariant,)+];

            /// The wire string, `snake_case`, as written in `code`.
            pub fn id(self) -> &'static str {
                match self {
                    $( Code::$pvariant => $pid, )+
                    $( Code::$fvariant => $fid, )+
                }
            }

            /// The code for a wire string; `None` when it is not in the catalogue.
            pub fn from_id(id: &str) -> Option<Code> {
                match id {
                    $( $pid => Some(Code::$pvariant), )+
                    $( $fid => Some(Code::$fvariant), )+
                    _ => None,
                }
            }

            /// Its one-line meaning (English), the doc line above.
            pub fn meaning(self) -> &'static str {
                match self {
                    $( Code::$pvariant => $pdoc.trim_ascii(), )+
                    $( Code::$fvariant => $fdoc.trim_ascii(), )+
                }
            }
        }
    };
}

codes! {
    problems {
        /// The text is not JSON (a syntax error, an empty file, UTF-16, a spreadsheet or web page).
        NotJson = "not_json",
        /// The text is larger than the 20 MB the engine reads.
        FileTooLarge = "file_too_large",
        /// The file is JSON but not one object `{ … }`.
        NotAnObject = "not_an_object",
        /// `format` is missing or is not `"kota-cerdas/masterplan"`.
        WrongFormat = "wrong_format",
        /// `format_version` is missing.
        MissingFormatVersion = "missing_format_version",
        /// `format_version` is not a positive whole number.
        InvalidFormatVersion = "invalid_format_version",
        /// `format_version` is newer than this engine reads.
        FormatVersionTooNew = "format_version_too_new",
        /// A required key is missing.
        MissingField = "missing_field",
        /// A value has the wrong JSON type (e.g. text where a number belongs).
        WrongType = "wrong_type",
        /// A required text is empty or blank.
        EmptyText = "empty_text",
        /// A text is longer than its limit.
        TextTooLong = "text_too_long",
        /// A text holds unreadable characters (the file was saved in another encoding); warning.
        InvalidCharacters = "invalid_characters",
        /// A text holds invisible control or text-direction characters; warning.
        ControlCharacters = "control_characters",
        /// A program id or an agency name holds invisible characters (zero-width, word joiner, byte-order mark, direction marks), ignored when ids and names are compared; warning.
        InvisibleCharacters = "invisible_characters",
        /// A number has a fraction where a whole number belongs.
        NotAnInteger = "not_an_integer",
        /// A number is outside its allowed range.
        OutOfRange = "out_of_range",
        /// A year is outside 2000–2100.
        YearOutOfRange = "year_out_of_range",
        /// The Pemdi index is outside 1–5: left out of the assessment (a warning).
        PemdiOutOfRange = "pemdi_out_of_range",
        /// A list has more items than its limit.
        TooManyItems = "too_many_items",
        /// The file holds more values than the engine reads (3 000 000: numbers, texts, lists and objects, counted as read).
        TooManyValues = "too_many_values",
        /// An object has the same key twice.
        DuplicateKey = "duplicate_key",
        /// A key the format does not define; kept but not used; warning.
        UnknownKey = "unknown_key",
        /// A key of `national_indices` that is not a national index.
        UnknownNationalIndex = "unknown_national_index",
        /// A pillar that is not one of the six.
        UnknownPillar = "unknown_pillar",
        /// A sub-dimension that is not one of the eighteen.
        UnknownSubDimension = "unknown_sub_dimension",
        /// An evaluation dimension (a key of `dimension_scores`) that is not one of the five.
        UnknownDimension = "unknown_dimension",
        /// A program horizon that is not one of the four.
        UnknownHorizon = "unknown_horizon",
        /// A program status that is not one of the seven.
        UnknownStatus = "unknown_status",
        /// A quick-win status that is not one of the five.
        UnknownQuickWinStatus = "unknown_quick_win_status",
        /// A readiness aspect that is not struktur, infrastruktur or suprastruktur.
        UnknownAspect = "unknown_aspect",
        /// A region kind that is not kabupaten or kota.
        UnknownRegionKind = "unknown_region_kind",
        /// A legal-basis kind that is not perda, perbup, perwali or keputusan.
        UnknownLegalKind = "unknown_legal_kind",
        /// A BPK opinion that is not WTP, WTP_DPP, WDP, TW or TMP.
        UnknownBpkOpinion = "unknown_bpk_opinion",
        /// Two programs or readiness items share an id.
        DuplicateId = "duplicate_id",
        /// An indicator code that is not lower-case `snake_case`.
        InvalidCode = "invalid_code",
        /// `evaluation.previous` lists a year twice.
        DuplicatePreviousYear = "duplicate_previous_year",
        /// A previous index is not from before the evaluation year, so it is not used; warning.
        PreviousNotBefore = "previous_not_before",
        /// The masterplan period ends before it starts.
        PeriodEndBeforeStart = "period_end_before_start",
        /// A program's sub-dimension belongs to another pillar.
        SubDimensionWrongPillar = "sub_dimension_wrong_pillar",
        /// A program ends before it starts.
        EndBeforeStart = "end_before_start",
        /// A program with horizon `quick_win` has no `quick_win` object.
        QuickWinMissing = "quick_win_missing",
        /// A program has a `quick_win` object but another horizon.
        QuickWinNotQuickWinHorizon = "quick_win_not_quick_win_horizon",
        /// A running or completed program starts after the evaluation year; warning.
        RunningBeforeStart = "running_before_start",
        /// A launched, sustained or stopped quick win has no `launched_year`.
        QuickWinMissingLaunchedYear = "quick_win_missing_launched_year",
        /// A quick win that never launched has a `launched_year`.
        QuickWinLaunchedYearUnexpected = "quick_win_launched_year_unexpected",
        /// A quick win's status contradicts its program's status.
        QuickWinInconsistentStatus = "quick_win_inconsistent_status",
        /// A quick win launched after the evaluation year.
        LaunchedInFuture = "launched_in_future",
        /// A quick win launched before its program started; warning.
        LaunchedBeforeStart = "launched_before_start",
        /// An indicator code the method does not know; kept but not scored; warning.
        UnknownIndicator = "unknown_indicator",
        /// More problems than are reported (500); the rest are counted in this one; warning.
        TooManyProblems = "too_many_problems",
        /// The method id (option or `evaluation.method`) is not a preset.
        UnknownMethod = "unknown_method",
        /// A custom method is not valid JSON or breaks a rule (weights, band tables).
        InvalidMethod = "invalid_method",
        /// The options of a JavaScript call are not an object or hold an unknown value.
        InvalidOptions = "invalid_options",
        /// A JavaScript call got the wrong kind of input (text to `assess`, an object to `assessText`).
        WrongInput = "wrong_input",
        /// A JavaScript value cannot be turned into JSON (a function, BigInt or cycle).
        NotSerializable = "not_serializable",
        /// `exportCsv` was given something that is not an assessment.
        NotAnAssessment = "not_an_assessment",
        /// `compare` was given files of two different regions.
        CompareDifferentRegion = "compare_different_region",
        /// `compare`'s earlier ("before") file is of a later evaluation year than the other.
        CompareBeforeLater = "compare_before_later",
        /// `compare`'s two files are of the same evaluation year; a notice.
        CompareSameYear = "compare_same_year",
        /// `compare`'s two files were assessed with different methods; a notice.
        CompareMethodDiffers = "compare_method_differs",
        /// `rank` was given files of several evaluation years: each year is ranked apart; a notice.
        BatchMixedYears = "batch_mixed_years",
        /// `rank`: a file is the same input as another, or of the same region and year; counted once.
        BatchDuplicate = "batch_duplicate",
        /// `rank`: a file could not be assessed; listed with its reason.
        BatchFailed = "batch_failed",
        /// `rank` was given something that is not a list of batch entries.
        NotABatch = "not_a_batch",
    }
    findings {
        /// The file has no `masterplan` section (period and legal basis).
        MasterplanMissing = "masterplan_missing",
        /// The masterplan is not fixed by a regulation or decree.
        MasterplanNotFixed = "masterplan_not_fixed",
        /// The file does not say whether the masterplan has a legal basis.
        LegalBasisUnknown = "legal_basis_unknown",
        /// The masterplan period ended before the evaluation year.
        MasterplanPeriodEnded = "masterplan_period_ended",
        /// The file has no `institutions` section.
        InstitutionsMissing = "institutions_missing",
        /// The file says nothing about one institution (council, team or forum).
        InstitutionUnknown = "institution_unknown",
        /// An institution (council, team or forum) has not been formed.
        InstitutionMissing = "institution_missing",
        /// An institution did not meet or act in the evaluation year.
        InstitutionInactive = "institution_inactive",
        /// Something is claimed (an institution, a program, a quick win, a readiness item) without evidence.
        ClaimWithoutEvidence = "claim_without_evidence",
        /// The HR plan or the risk register does not exist.
        DocumentMissing = "document_missing",
        /// No smart-city budget in the evaluation year.
        NoBudget = "no_budget",
        /// The budget comes from the APBD only.
        NoNonApbdFunding = "no_non_apbd_funding",
        /// A pillar has no planned programs.
        PillarWithoutPrograms = "pillar_without_programs",
        /// A pillar's implementation rate is below the method's target.
        PillarBelowTarget = "pillar_below_target",
        /// The masterplan has no quick wins.
        NoQuickWins = "no_quick_wins",
        /// A quick win was launched and then stopped.
        QuickWinStopped = "quick_win_stopped",
        /// A quick win is due but not launched.
        QuickWinOverdue = "quick_win_overdue",
        /// A quick win launched after its year.
        QuickWinLate = "quick_win_late",
        /// A program past its end year is still planned, in preparation or delayed.
        ProgramOverdue = "program_overdue",
        /// A program was stopped.
        ProgramStopped = "program_stopped",
        /// A program is delayed (and not yet past its end year).
        ProgramDelayed = "program_delayed",
        /// An evaluation dimension has neither evidence nor a provided score, so the index is missing.
        DimensionMissing = "dimension_missing",
        /// A provided dimension score is 0.5 or more away from what the file's evidence gives.
        ProvidedDiffers = "provided_differs",
        /// The index fell compared with the previous published index.
        IndexDeclined = "index_declined",
        /// The SPBE index has a low predicate.
        SpbeLow = "spbe_low",
        /// The Pemdi index (Indeks Pemerintah Digital) has a low predicate.
        PemdiLow = "pemdi_low",
        /// The file gives both SPBE and Pemdi for one evaluation year; Pemdi counts.
        DigitalIndexBoth = "digital_index_both",
        /// SPBE given for an evaluation year from 2026 on, when Pemdi replaced it.
        SpbeSuperseded = "spbe_superseded",
        /// Pemdi given for an evaluation year before 2026, when it did not exist yet.
        PemdiTooEarly = "pemdi_too_early",
        /// The SAKIP grade is low.
        SakipLow = "sakip_low",
        /// The IKM grade is low.
        IkmLow = "ikm_low",
        /// The IPM category is below "Tinggi" (high).
        IpmLow = "ipm_low",
        /// The BPK opinion is not unqualified (WTP).
        BpkNotWtp = "bpk_not_wtp",
        /// The file has no readiness analysis.
        ReadinessMissing = "readiness_missing",
        /// A readiness aspect scores low.
        ReadinessWeakAspect = "readiness_weak_aspect",
        /// A survey has fewer respondents than the method requires.
        SurveyTooSmall = "survey_too_small",
        /// A pillar has no impact evidence (survey or indicator).
        ImpactPillarMissing = "impact_pillar_missing",
    }
}

impl From<Code> for &'static str {
    fn from(code: Code) -> &'static str {
        code.id()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_snake_case_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            let id = c.id();
            assert!(seen.insert(id), "{id} twice");
            assert!(
                id.split('_')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())),
                "{id}"
            );
            assert_eq!(Code::from_id(id), Some(*c));
            assert!(
                !c.meaning().is_empty() && !c.meaning().starts_with(' '),
                "{id}"
            );
        }
        assert_eq!(Code::ALL.len(), Code::PROBLEMS.len() + Code::FINDINGS.len());
        assert_eq!(Code::from_id("Unknown_Pillar"), None);
        assert_eq!(Code::UnknownPillar.id(), "unknown_pillar");
        assert_eq!(
            Code::ClaimWithoutEvidence.meaning(),
            "Something is claimed (an institution, a program, a quick win, a readiness item) without evidence."
        );
    }
}
