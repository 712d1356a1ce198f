//! Detection (the first part): reading numbers with units into normalised
//! values for the rubric's metric extractors.

pub mod metrics;
