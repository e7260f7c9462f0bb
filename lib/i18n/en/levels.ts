import type { levels as levelsId } from "../id/levels";

export const levels: typeof levelsId = {
  notANumber: "\"{value}\" is not a level: type a number, e.g. {example}.",
  outOfScale: "{value} is outside the scale: a level from {min} to {max}.",
  notWhole: "This framework takes whole levels {min} to {max} only; {value} is not a whole level.",
  tooManyPlaces: "{value} has {places} decimal places; this scale allows at most {allowed}, e.g. {example}.",
  exampleInteger: "3",
  exampleDecimal: "2.75",
  none: "Not filled in",
  decimalHint: "A number from {min} to {max}, at most 2 decimals, e.g. 2.75",
};
