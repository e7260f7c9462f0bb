// Texts for zod issues whose schema names no message of its own (lib/validation/issues.ts).
export const validation = {
  invalid: "Isian tidak valid.",
  invalidType: "Jenis isian tidak sesuai (seharusnya {expected}).",
  invalidValue: "Pilihan tidak dikenal.",
  invalidFormat: "Format isian tidak valid.",
  tooShort: "Terlalu pendek: paling sedikit {minimum} karakter.",
  tooLong: "Terlalu panjang: paling banyak {maximum} karakter.",
  tooSmall: "Terlalu kecil: paling kecil {minimum}.",
  tooBig: "Terlalu besar: paling besar {maximum}.",
  tooFewItems: "Terlalu sedikit: paling sedikit {minimum} butir.",
  tooManyItems: "Terlalu banyak: paling banyak {maximum} butir.",
  unrecognizedKeys: "Kolom tidak dikenal: {keys}.",
};
