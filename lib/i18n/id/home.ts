export const home = {
  title: "Penilaian mandiri Indeks Pemerintah Digital dan Indeks SPBE dalam satu portal yang dapat dipercaya",
  intro:
    "Setiap tahun KemenPANRB mengevaluasi kematangan pemerintah digital setiap instansi pusat dan pemerintah daerah: sejak 2026 dengan Indeks Pemerintah Digital (PermenPANRB 8/2026: 7 aspek, 20 indikator, nilai desimal), sampai 2025 dengan Indeks SPBE (PermenPANRB 59/2020). SPBE Mandiri menggantikan lembar kerja dan folder bersama: unit kerja (OPD) mengisi indikatornya, asesor internal memverifikasi bukti dukung, Koordinator SPBE mengunci hasil akhir, dan pimpinan melihat indeks serta predikatnya.",
  calculatorTitle: "Kalkulator Indeks",
  calculatorText:
    "Pilih tingkat kematangan setiap indikator dan lihat indeks, predikat, serta indeks setiap aspek (dan domain pada Indeks SPBE) dihitung seketika dengan aritmetika eksak, lengkap dengan jejak perhitungannya. Tanpa akun.",
  calculatorCta: "Buka Kalkulator Indeks",
  frameworksTitle: "Kerangka penilaian",
  provisional: "sementara",
  official: "resmi",
  indicators: "indikator",
  apiTitle: "API publik",
  apiText: "Kerangka dan perhitungan indeks tersedia sebagai API JSON berversi dengan dokumen OpenAPI 3.1.",
  apiCta: "Dokumen OpenAPI",
  rolesTitle: "Siapa mengerjakan apa",
  roles: [
    { name: "Admin OPD", text: "mengisi indikator yang ditugaskan ke unitnya: tingkat, penjelasan, dan bukti dukung." },
    { name: "Asesor internal", text: "memeriksa bukti dukung, menetapkan tingkat terverifikasi, dan mengembalikan yang perlu perbaikan." },
    { name: "Koordinator SPBE", text: "membuka periode evaluasi, menugaskan indikator, dan mengunci hasil akhir." },
    { name: "Pimpinan", text: "melihat indeks, predikat, kesenjangan, dan tren dari tahun ke tahun." },
  ],
};
