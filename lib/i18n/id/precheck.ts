// Pra-periksa bukti: peringatan sebelum asesor melihat bukti (tidak pernah memblokir).
export const precheck = {
  title: "Pra-periksa bukti",
  intro: "Peringatan yang sering membuat asesor menolak bukti, paling penting lebih dulu. Bukti tetap dapat dipakai.",
  none: "Tidak ada peringatan.",
  severity: { high: "Penting", medium: "Perlu dicek", low: "Catatan" },
  scanPending: "Isi berkas sedang diperiksa; peringatan dari teks dokumen menyusul.",
  unreadable: "Teks berkas tidak dapat dibaca (berkas rusak atau terkunci); periksa berkas secara manual.",
  noTextLayer: "PDF tanpa lapisan teks ({pages} halaman): hasil pindai yang tidak dapat dicari. Unggah PDF asli atau hasil OCR.",
  numberMissing: "{type} tanpa nomor: nomor dokumen tidak diisi dan tidak ditemukan pada teksnya. Draf tanpa nomor biasanya ditolak.",
  dateMissing: "{type} tanpa tanggal: tanggal penetapan tidak diisi dan tidak ditemukan pada teksnya.",
  tooOld: "Dokumen bertanggal {date}, lebih lama dari {months} bulan sebelum {reference}: butir ini meminta hasil yang lebih baru.",
  afterDeadline: "Dokumen bertanggal {date}, setelah batas waktu periode ({deadline}).",
  sameContentElsewhere: "Isi berkas yang sama juga dilampirkan pada butir indikator lain: {codes}. Pastikan cocok untuk keduanya.",
  screenshotNoSource: "Tangkapan layar tanpa tautan sumber: isi alamat halaman yang ditampilkan agar asesor dapat memeriksanya.",
  item: "{title}",
};
