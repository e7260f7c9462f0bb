export const app = {
  mainNavigation: "Navigasi utama",
  language: "Bahasa",
  name: "SPBE Mandiri",
  tagline: "Portal penilaian mandiri SPBE",
  skipToContent: "Lewati ke konten utama",
  nav: { home: "Beranda", calculator: "Kalkulator Indeks", api: "API", workspace: "Beranda kerja", admin: "Administrasi", periods: "Periode", evidence: "Bukti", account: "Kata sandi" },
  footer: "SPBE Mandiri: penilaian mandiri Sistem Pemerintahan Berbasis Elektronik sesuai kerangka KemenPANRB.",
};
