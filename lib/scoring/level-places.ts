// How many decimal places an indicator value keeps: answers are stored as Decimal(4,2), and
// a value converted from another national index is rounded to the same places. Here, below
// both the level rule (lib/assessment) and the conversion (lib/scoring), so both share it.
export const LEVEL_MAX_PLACES = 2;
