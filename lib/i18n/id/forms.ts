export const forms = {
  forbiddenCharacters: "Berisi karakter kendali atau penanda arah teks (mis. NUL, U+202E) yang tidak diizinkan. Hapus karakter tersebut lalu kirim ulang.",
  saving: "Menyimpan...",
  fixErrors: "Periksa kembali isian yang ditandai.",
  required: "Wajib diisi.",
  optional: "opsional",
  search: "Cari",
  searchPlaceholder: "Nama, kode, atau email",
  previous: "Sebelumnya",
  next: "Berikutnya",
  pageOf: "Halaman {page} dari {pages} ({total} data)",
  pagination: "Halaman",
  // Two messages shown as one text (a result and a note about it).
  sentences: "{first} {second}",
  empty: "Tidak ada data yang cocok.",
  actions: "Tindakan",
  yes: "Ya",
  no: "Tidak",
};
