// The error page's strings live apart from the catalogs so the client error boundary,
// loaded on every page, carries only these few lines (the id and en catalogs include them).
export const errorPageId = {
  title: "Terjadi kesalahan",
  text: "Halaman ini tidak dapat dimuat karena kesalahan pada server. Data yang sudah tersimpan tidak hilang.",
  reference: "Kode rujukan untuk petugas:",
  retry: "Coba lagi",
};

export const errorPageEn: typeof errorPageId = {
  title: "Something went wrong",
  text: "This page could not be loaded because of a server error. Data already saved is not lost.",
  reference: "Reference for support staff:",
  retry: "Try again",
};
