import type { frameworkWords as frameworkWordsId } from "../id/frameworkWords";

export const frameworkWords: typeof frameworkWordsId = {
  spbe: {
    index: "SPBE Index",
    evaluation: "SPBE Self-Assessment",
    subject: "Electronic-Based Government System",
    team: "SPBE Coordination Team",
    coordinator: "SPBE Coordinator",
    fileSlug: "spbe",
  },
  pemdi: {
    index: "Digital Government Index",
    evaluation: "Digital Government Index Self-Assessment",
    subject: "Digital Government",
    team: "Digital Government Coordination Team",
    coordinator: "Digital Government Coordinator",
    fileSlug: "pemdi",
  },
};
