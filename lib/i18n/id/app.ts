export const app = {
  mainNavigation: "Navigasi utama",
  language: "Bahasa",
  name: "SPBE Mandiri",
  tagline: "Portal penilaian mandiri Indeks Pemerintah Digital dan Indeks SPBE",
  skipToContent: "Lewati ke konten utama",
  nav: { home: "Beranda", calculator: "Kalkulator Indeks", api: "API", workspace: "Beranda kerja", admin: "Administrasi", periods: "Periode", evidence: "Bukti", account: "Kata sandi" },
  footer: "SPBE Mandiri: penilaian mandiri Indeks Pemerintah Digital (sejak 2026) dan Indeks SPBE (sampai 2025) sesuai kerangka KemenPANRB.",
};
