// The schemas forms check in the browser before sending, by name (a schema itself cannot
// be handed from a server component to a client one).
import { ZAnswerReturn, ZAnswerVerify, ZCommentCreate } from "./answers";
import { ZButirStage } from "./butir";
import { ZInstansiCreate, ZMembershipAdd, ZPasswordChange, ZUnitCreate, ZUnitUpdate, ZUserCreate } from "./admin";
import { ZPeriodOpen, ZPeriodReopen, ZPeriodVersionMove, ZPeriodUpdate } from "./periods";
import { ZAssignmentSave } from "./assignments";
import { ZExternalStageRecord, ZObjectionDecide, ZObjectionSave } from "./external";
import { ZEvidenceLinkCreate, ZEvidenceUpdate } from "./evidence";
import { ZExternalIndexSave } from "./external-index";
import { ZPlanSave, ZRecommendationCreate, ZRecommendationStatus, ZRecommendationUpdate } from "./recommendations";

export const FORM_SCHEMAS = {
  recommendationCreate: ZRecommendationCreate,
  recommendationUpdate: ZRecommendationUpdate,
  recommendationStatus: ZRecommendationStatus,
  planSave: ZPlanSave,
  unitCreate: ZUnitCreate,
  unitUpdate: ZUnitUpdate,
  userCreate: ZUserCreate,
  membershipAdd: ZMembershipAdd,
  instansiCreate: ZInstansiCreate,
  passwordChange: ZPasswordChange,
  answerVerify: ZAnswerVerify,
  answerReturn: ZAnswerReturn,
  butirStage: ZButirStage,
  commentCreate: ZCommentCreate,
  periodOpen: ZPeriodOpen,
  periodUpdate: ZPeriodUpdate,
  periodReopen: ZPeriodReopen,
  periodVersionMove: ZPeriodVersionMove,
  assignmentSave: ZAssignmentSave,
  externalStageRecord: ZExternalStageRecord,
  objectionSave: ZObjectionSave,
  objectionDecide: ZObjectionDecide,
  evidenceLinkCreate: ZEvidenceLinkCreate,
  evidenceUpdate: ZEvidenceUpdate,
  externalIndexSave: ZExternalIndexSave,
};

export type FormSchemaName = keyof typeof FORM_SCHEMAS;
