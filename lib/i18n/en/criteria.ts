import type { criteria as criteriaId } from "../id/criteria";

export const criteria: typeof criteriaId = {
  title: "Criteria per level",
  description: "Indicator description",
  descriptionMissing: "No description of this indicator is available from the sources.",
  condition: "Condition",
  expectedEvidence: "Expected evidence",
  butir: "Items",
  standing: {
    regulation: "Regulation text",
    module: "Indicator module text",
    fragment: "Module excerpt, incomplete",
    summary: "Summary, not the official text",
    lowConfidence: "Low confidence, not the official text",
    general: "General description, not this indicator's criterion",
  },
  status: { official: "Official framework", provisional: "Provisional framework" },
  basis: "Basis",
  sources: "Sources",
  scoringRules: "Scoring rules",
  externalIndex: "External index",
  externalConverted: "The value is converted from this index.",
  externalEvidence: "The index result is uploaded as evidence and judged by the assessor.",
  externalProvisional: "Provisional conversion: the curator's inference, not the official text.",
  externalWhileMissing: "While no index value exists, the indicator counts {value}.",
  externalBand: "Level {level}: {index}",
  externalBandValue: "Level {level}: {index} → value {value}",
};
