// The schemas forms check in the browser before sending, by name (a schema itself cannot
// be handed from a server component to a client one).
import { ZInstansiCreate, ZMembershipAdd, ZPasswordChange, ZUnitCreate, ZUnitUpdate, ZUserCreate } from "./admin";

export const FORM_SCHEMAS = {
  unitCreate: ZUnitCreate,
  unitUpdate: ZUnitUpdate,
  userCreate: ZUserCreate,
  membershipAdd: ZMembershipAdd,
  instansiCreate: ZInstansiCreate,
  passwordChange: ZPasswordChange,
};

export type FormSchemaName = keyof typeof FORM_SCHEMAS;
