export const notFound = { title: "Halaman tidak ditemukan", back: "Kembali ke beranda" };
