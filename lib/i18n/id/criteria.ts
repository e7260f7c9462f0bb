// Criteria texts of a framework and how far they can be trusted: the form, the calculator
// and the reports share these words.
export const criteria = {
  title: "Kriteria per tingkat",
  description: "Deskripsi indikator",
  descriptionMissing: "Deskripsi indikator belum tersedia dari sumber.",
  condition: "Kondisi",
  expectedEvidence: "Bukti dukung yang diharapkan",
  butir: "Butir",
  standing: {
    regulation: "Teks peraturan",
    module: "Teks modul indikator",
    fragment: "Cuplikan modul, tidak lengkap",
    summary: "Ringkasan, belum teks resmi",
    lowConfidence: "Keyakinan rendah, belum teks resmi",
    general: "Deskripsi umum, bukan kriteria indikator ini",
  } as Record<"regulation" | "module" | "fragment" | "summary" | "lowConfidence" | "general", string>,
  status: { official: "Kerangka resmi", provisional: "Kerangka sementara" } as Record<"official" | "provisional", string>,
  basis: "Dasar",
  sources: "Sumber",
  scoringRules: "Aturan penilaian",
  externalIndex: "Indeks eksternal",
  externalConverted: "Nilai dikonversi dari indeks ini.",
  externalEvidence: "Hasil indeks diunggah sebagai bukti dan dinilai asesor.",
  externalProvisional: "Konversi sementara: dugaan kurator, belum teks resmi.",
  externalWhileMissing: "Selama nilai indeks belum ada, indikator dihitung {value}.",
  externalBand: "Tingkat {level}: {index}",
  externalBandValue: "Tingkat {level}: {index} → nilai {value}",
};
