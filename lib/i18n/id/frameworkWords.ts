// What a period's framework is called in titles, reports and the Berita Acara: "Indeks
// SPBE" under PermenPANRB 59/2020, "Indeks Pemerintah Digital" under PermenPANRB 8/2026.
export const frameworkWords = {
  spbe: {
    index: "Indeks SPBE",
    evaluation: "Penilaian Mandiri SPBE",
    subject: "Sistem Pemerintahan Berbasis Elektronik",
    team: "Tim Koordinasi SPBE",
    coordinator: "Koordinator SPBE",
    fileSlug: "spbe",
  },
  pemdi: {
    index: "Indeks Pemerintah Digital",
    evaluation: "Penilaian Mandiri Indeks Pemerintah Digital",
    subject: "Pemerintah Digital",
    team: "Tim Koordinasi Pemerintah Digital",
    coordinator: "Koordinator Pemerintah Digital",
    fileSlug: "pemdi",
  },
} as Record<"spbe" | "pemdi", { index: string; evaluation: string; subject: string; team: string; coordinator: string; fileSlug: string }>;
