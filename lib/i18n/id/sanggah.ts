// Issue 15: the sanggah before Final — an accepted objection corrects the contested stage,
// and a locked period shows the outcome instead of a countdown.
export const sanggah = {
  correctedLevel: "Tingkat setelah sanggah diterima",
  correctedLevelRequired: "Sanggahan yang diterima mengoreksi tingkat tahap yang disanggah: isi tingkatnya.",
  correctedLevelNotHigher: "Tingkat koreksi indikator {number} harus lebih tinggi dari hasil tahap {stage} yang disanggah ({level}).",
  note: "Catatan keputusan",
  levelReason: "Sanggah diterima ({stage}): {reason}",
  levelReasonWithNote: "Sanggah diterima ({stage}): {reason} · {note}",
  decidedAccepted: "Sanggahan indikator {number} diterima; tingkat tahap {stage} dikoreksi menjadi {level}.",
  lockedOutcome: "Periode terkunci. Hasil sanggah: {accepted} diterima, {rejected} ditolak, {open} tanpa jawaban.",
};
