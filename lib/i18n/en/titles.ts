import type { titles as titlesId } from "../id/titles";

export const titles: typeof titlesId = {
  description: "Self-assessment portal for the Digital Government Index (PermenPANRB 8/2026) and the SPBE Index (PermenPANRB 59/2020).",
  audit: "Audit trail",
  units: "Units",
  frameworks: "Frameworks",
  agencies: "Agencies",
  users: "Users",
  signIn: "Sign in",
  calculator: "Index Calculator",
  evidence: "Evidence library",
  periods: "Assessment periods",
  period: "Assessment period",
  assignments: "Indicator assignment",
  external: "External assessment results",
  import: "Import answers from Excel",
  recommendations: "Recommendations",
  indicators: "Indicators",
  indicator: "Indicator",
  simulation: "Target simulation",
  dashboard: "Workspace",
  password: "Change password",
};
