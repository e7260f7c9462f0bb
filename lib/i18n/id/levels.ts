// The level rule's words (lib/assessment/level-rule.ts), for the server and the level input.
export const levels = {
  notANumber: "\"{value}\" bukan tingkat: tuliskan angka, mis. {example}.",
  outOfScale: "{value} di luar skala: tingkat antara {min} dan {max}.",
  notWhole: "Kerangka ini hanya menerima tingkat bilangan bulat {min} sampai {max}; {value} bukan bilangan bulat.",
  tooManyPlaces: "{value} memiliki {places} angka desimal; skala ini paling banyak {allowed}, mis. {example}.",
  exampleInteger: "3",
  exampleDecimal: "2,75",
  none: "Belum diisi",
  decimalHint: "Angka {min} sampai {max}, paling banyak 2 desimal dengan koma, mis. 2,75",
};
