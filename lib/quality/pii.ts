// Entry point for PII detection; the detectors live in ./pii/, one file per identifier family.
export { findPii, maskPii, maskPiiCounting, PII_PLACEHOLDERS, type PiiMatch } from "./pii/index";
