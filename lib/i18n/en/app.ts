import type { app as appId } from "../id/app";

export const app: typeof appId = {
  mainNavigation: "Main navigation",
  language: "Language",
  name: "SPBE Mandiri",
  tagline: "SPBE self-assessment portal",
  skipToContent: "Skip to main content",
  nav: { home: "Home", calculator: "Index Calculator", api: "API", workspace: "Workspace", admin: "Administration", periods: "Periods", evidence: "Evidence", account: "Password" },
  footer: "SPBE Mandiri: self-assessment of Indonesia's e-government (SPBE) maturity, following the KemenPANRB frameworks.",
};
