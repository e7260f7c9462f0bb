// Issue 15, the dead ends of the year: taking a submission back, corrections after
// verification and reopening, work done on behalf of a unit without an Admin OPD.
export const corrections = {
  withdraw: "Tarik pengajuan",
  withdrawHint: "Selama Asesor belum memeriksanya, Anda dapat menarik pengajuan ini untuk diubah lagi.",
  withdrawn: "Pengajuan ditarik; jawaban kembali menjadi draf.",
  withdrawStarted: "Pengajuan tidak dapat ditarik lagi: Asesor sudah mulai memeriksanya (status {status}).",
  withdrawNotSubmitted: "Jawaban berstatus {status} belum diajukan, jadi tidak ada pengajuan yang ditarik.",
  returnTitle: "Kembalikan ke pemilik untuk dikoreksi",
  returnHint: "Jawaban ini sudah terverifikasi. Bila perlu dikoreksi, kembalikan kepada pemiliknya dengan catatan; pemilik mengubah dan mengajukannya lagi.",
  returnNotes: "Catatan koreksi",
  returnSubmit: "Kembalikan ke pemilik",
  returned: "Jawaban dikembalikan kepada pemiliknya untuk dikoreksi.",
  returnNotVerified: "Hanya jawaban terverifikasi yang dapat dikembalikan untuk koreksi (status sekarang {status}).",
  returnNotesRequired: "Tulis catatan koreksi (minimal 10 karakter) agar pemilik tahu apa yang perlu diubah.",
  reopenTo: "Buka kembali ke tahap",
};
