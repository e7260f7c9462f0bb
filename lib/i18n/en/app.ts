import type { app as appId } from "../id/app";

export const app: typeof appId = {
  mainNavigation: "Main navigation",
  language: "Language",
  name: "SPBE Mandiri",
  tagline: "Digital Government Index and SPBE Index self-assessment portal",
  skipToContent: "Skip to main content",
  nav: { home: "Home", calculator: "Index Calculator", api: "API", workspace: "Workspace", admin: "Administration", periods: "Periods", evidence: "Evidence", account: "Password" },
  footer: "SPBE Mandiri: self-assessment of the Digital Government Index (from 2026) and the SPBE Index (up to 2025), following the KemenPANRB frameworks.",
};
