import type { home as homeId } from "../id/home";

export const home: typeof homeId = {
  title: "Digital Government Index and SPBE Index self-assessment in one portal people can trust",
  intro:
    "Every year KemenPANRB evaluates the digital government maturity of every ministry, agency and regional government: from 2026 with the Digital Government Index (PermenPANRB 8/2026: 7 aspects, 20 indicators, decimal values), up to 2025 with the SPBE Index (PermenPANRB 59/2020). SPBE Mandiri replaces spreadsheets and shared folders: units fill their indicators, internal assessors verify the evidence, the SPBE Coordinator locks the final result, and leaders see the index and its predicate.",
  calculatorTitle: "Index Calculator",
  calculatorText:
    "Choose a maturity level for each indicator and see the index, the predicate and every aspect index (and domain, in the SPBE Index) computed live with exact arithmetic, with the full calculation trail. No account needed.",
  calculatorCta: "Open the Index Calculator",
  frameworksTitle: "Frameworks",
  provisional: "provisional",
  official: "official",
  indicators: "indicators",
  apiTitle: "Public API",
  apiText: "Frameworks and the index calculation are available as a versioned JSON API with an OpenAPI 3.1 document.",
  apiCta: "OpenAPI document",
  rolesTitle: "Who does what",
  roles: [
    { name: "Unit admin (Admin OPD)", text: "fills the indicators assigned to their unit: level, explanation and evidence." },
    { name: "Internal assessor", text: "checks the evidence, sets a verified level and sends items back for revision." },
    { name: "SPBE Coordinator", text: "opens assessment periods, assigns indicators and locks the final result." },
    { name: "Leadership", text: "sees the index, predicate, gaps and the trend over the years." },
  ],
};
