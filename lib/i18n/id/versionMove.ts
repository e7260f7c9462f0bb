// Moving a period to a newer version of its framework (lib/assessment/version-move.ts).
export const versionMove = {
  title: "Versi kerangka lebih baru: {framework} versi {version}",
  intro:
    "Periode ini memakai versi {current}. Selama periode masih Persiapan atau Pengisian, Koordinator dapat memindahkannya ke versi {version}: jawaban, penugasan, komentar, rekomendasi, dan kandidat bukti tetap pada indikator yang sama (dicocokkan menurut kode indikator, bukan nomornya). Alasan pemindahan dicatat di jejak audit.",
  changes: "Perubahan versi {current} → {version}",
  kept: "Tetap pada indikator yang sama: {answers} jawaban, {assignments} penugasan, {comments} komentar, {recommendations} rekomendasi, {candidates} kandidat bukti.",
  noneKept: "Periode ini belum memiliki catatan apa pun; hanya versinya yang berganti.",
  dropped: "Indikator yang tidak ada lagi di versi {version}; penugasan, kandidat bukti, dan tenggat unitnya dilepas:",
  droppedItem: "{code} {name}: {assignments} penugasan, {candidates} kandidat bukti, {deadlines} tenggat unit",
  refusedTitle: "Periode belum dapat dipindah",
  reason: "Alasan pemindahan",
  reasonHint: "Mis. salinan resmi PermenPANRB diterbitkan dan kerangka dikoreksi Superadmin.",
  submit: "Pindahkan ke versi {version}",
  confirm: "Pindahkan periode {year} ke {framework} versi {version}? Skor dihitung ulang dengan bobot dan kriteria versi baru.",
  reasonInvalid: "Tuliskan alasan pemindahan, 10 sampai 1.000 karakter.",
  locked: "Periode {year} sudah final dan terkunci: versi kerangkanya tidak dapat diganti.",
  wrongPhase: "Periode {year} sudah pada tahap {phase}: versi kerangka hanya dapat diganti pada tahap Persiapan atau Pengisian, sebelum verifikasi menilai terhadap kriteria versi yang dipakai.",
  otherFramework: "{target} adalah kerangka lain, bukan versi baru dari {current}. Periode tidak dapat dipindah antarkerangka; buka periode tahun berikutnya dengan bawaan dari periode sebelumnya.",
  sameVersion: "Periode ini sudah memakai {framework} versi {version}.",
  olderVersion: "Versi {target} lebih lama dari versi {current} yang dipakai periode ini; periode hanya dapat dipindah ke versi yang lebih baru.",
  removedWithWork: "Versi {version} tidak lagi memuat indikator yang sudah berisi jawaban, komentar, rekomendasi, atau sanggahan di periode ini: {indicators}. Periode tidak dipindah.",
  outOfScale: "Tingkat berikut berada di luar skala versi {version}: {indicators}. Periode tidak dipindah.",
  missingButir: "Butir berikut sudah berisi bukti atau status di periode ini tetapi tidak ada di versi {version}: {indicators}. Periode tidak dipindah.",
  done: "Periode {year} kini memakai {framework} versi {version}; {answers} jawaban tetap pada indikatornya.",
  calculatorNote:
    "Versi baru kerangka diimpor Superadmin dan tidak mengubah periode yang sudah berjalan. Koordinator dapat memindahkan periode yang masih Persiapan atau Pengisian ke versi baru kerangka yang sama, dengan alasan tercatat.",
};
