// Issues of indicator values sent to the engine, e.g. through the public score API (lib/scoring/validate-values.ts).
export const values = {
  unknownIndicator: "Indikator nomor {key} tidak ada pada kerangka {framework}",
  notANumber: "Nilai indikator {key} harus berupa angka (gunakan titik desimal, mis. 3.5)",
  outOfScale: "Nilai indikator {key} harus antara {min} dan {max}",
  notInteger: "Nilai indikator {key} harus bilangan bulat (tingkat {min}-{max})",
};
