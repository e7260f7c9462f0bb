import type { forms as formsId } from "../id/forms";

export const forms: typeof formsId = {
  forbiddenCharacters: "Contains control or text-direction characters (such as NUL or U+202E) that are not allowed. Remove them and send again.",
  saving: "Saving...",
  fixErrors: "Please check the marked fields.",
  required: "Required.",
  optional: "optional",
  search: "Search",
  searchPlaceholder: "Name, code or email",
  previous: "Previous",
  next: "Next",
  pageOf: "Page {page} of {pages} ({total} records)",
  pagination: "Pages",
  // Two messages shown as one text (a result and a note about it).
  sentences: "{first} {second}",
  empty: "Nothing matches.",
  actions: "Actions",
  yes: "Yes",
  no: "No",
};
