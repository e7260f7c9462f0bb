// English: every namespace is typed by its Indonesian twin, so a missing or extra key is a type error.
import { errorPageEn } from "../error-page";
import { app } from "./app";
import { home } from "./home";
import { calculator } from "./calculator";
import { criteria } from "./criteria";
import { frameworkWords } from "./frameworkWords";
import { nodeKinds } from "./nodeKinds";
import { errors } from "./errors";
import { auth } from "./auth";
import { dashboard } from "./dashboard";
import { forms } from "./forms";
import { admin } from "./admin";
import { account } from "./account";
import { audit } from "./audit";
import { periods } from "./periods";
import { levels } from "./levels";
import { answers } from "./answers";
import { assignments } from "./assignments";
import { indicatorList } from "./indicatorList";
import { external } from "./external";
import { externalIndex } from "./externalIndex";
import { precheck } from "./precheck";
import { evidence } from "./evidence";
import { reports } from "./reports";
import { simulation } from "./simulation";
import { recommendations } from "./recommendations";
import { notFound } from "./notFound";
import { titles } from "./titles";
import { validation } from "./validation";
import { values } from "./values";
import { corrections } from "./corrections";
import { sanggah } from "./sanggah";
import { versionMove } from "./versionMove";
import { butir } from "./butir";
import { notifications } from "./notifications";
import { unitDeadlines } from "./unitDeadlines";
import type { id } from "../id";

export const en: typeof id = {
  app,
  home,
  calculator,
  criteria,
  frameworkWords,
  nodeKinds,
  errors,
  auth,
  dashboard,
  forms,
  admin,
  account,
  audit,
  periods,
  levels,
  answers,
  assignments,
  indicatorList,
  external,
  externalIndex,
  precheck,
  evidence,
  reports,
  simulation,
  recommendations,
  errorPage: errorPageEn,
  notFound,
  titles,
  validation,
  values,
  corrections,
  sanggah,
  versionMove,
  butir,
  notifications,
  unitDeadlines,
};
