export const errors = {
  invalid_json: "Isi permintaan bukan JSON yang valid.",
  validation_failed: "Data yang dikirim tidak valid.",
  unauthorized: "Silakan masuk terlebih dahulu.",
  forbidden: "Anda tidak berwenang melakukan tindakan ini.",
  not_found: "Data tidak ditemukan.",
  method_not_allowed: "Metode tidak didukung.",
  conflict: "Data telah diubah oleh pengguna lain. Muat ulang untuk melihat versi terbaru.",
  payload_too_large: "Ukuran permintaan melebihi batas.",
  unsupported_media_type: "Jenis konten harus application/json.",
  too_many_requests: "Terlalu banyak percobaan. Coba lagi nanti.",
  internal_error: "Terjadi kesalahan pada server.",
  service_unavailable: "Layanan sementara tidak tersedia: basis data tidak dapat dihubungi. Coba lagi sebentar lagi.",
};
