import type { values as valuesId } from "../id/values";

export const values: typeof valuesId = {
  unknownIndicator: "Indicator number {key} does not exist in framework {framework}",
  notANumber: "The value of indicator {key} must be a number (use a decimal point, e.g. 3.5)",
  outOfScale: "The value of indicator {key} must be between {min} and {max}",
  notInteger: "The value of indicator {key} must be a whole number (level {min}-{max})",
};
