import type { precheck as precheckId } from "../id/precheck";

export const precheck: typeof precheckId = {
  title: "Evidence pre-checks",
  intro: "Warnings on what assessors most often reject, most important first. The evidence can still be used.",
  none: "No warnings.",
  severity: { high: "Important", medium: "Check", low: "Note" },
  scanPending: "The file's content is being checked; warnings from the document's text follow.",
  unreadable: "The file's text could not be read (damaged or locked file); check it by hand.",
  noTextLayer: "PDF without a text layer ({pages} pages): a scan nobody can search. Upload the original PDF or an OCR'd one.",
  numberMissing: "{type} without a number: none was entered and none was found in its text. Drafts without a number are usually rejected.",
  dateMissing: "{type} without a date: no date of enactment was entered and none was found in its text.",
  tooOld: "The document is dated {date}, more than {months} months before {reference}: this butir asks for a more recent result.",
  afterDeadline: "The document is dated {date}, after the period's deadline ({deadline}).",
  sameContentElsewhere: "The same file content is also attached to butir of other indicators: {codes}. Make sure it fits both.",
  screenshotNoSource: "A screenshot without a source link: enter the address of the page it shows so the assessor can check it.",
  item: "{title}",
};
