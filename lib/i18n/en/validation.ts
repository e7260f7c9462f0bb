import type { validation as validationId } from "../id/validation";

export const validation: typeof validationId = {
  invalid: "Invalid value.",
  invalidType: "Wrong kind of value (expected {expected}).",
  invalidValue: "Unknown option.",
  invalidFormat: "Invalid format.",
  tooShort: "Too short: at least {minimum} characters.",
  tooLong: "Too long: at most {maximum} characters.",
  tooSmall: "Too small: at least {minimum}.",
  tooBig: "Too big: at most {maximum}.",
  tooFewItems: "Too few: at least {minimum} items.",
  tooManyItems: "Too many: at most {maximum} items.",
  unrecognizedKeys: "Unknown fields: {keys}.",
};
