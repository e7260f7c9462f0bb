import type { errors as errorsId } from "../id/errors";

export const errors: typeof errorsId = {
  invalid_json: "The request body is not valid JSON.",
  validation_failed: "The submitted data is not valid.",
  unauthorized: "Please sign in first.",
  forbidden: "You are not allowed to do this.",
  not_found: "Not found.",
  method_not_allowed: "Method not supported.",
  conflict: "Somebody else changed this. Reload to see the latest version.",
  payload_too_large: "The request is too large.",
  unsupported_media_type: "The content type must be application/json.",
  too_many_requests: "Too many attempts. Try again later.",
  internal_error: "Something went wrong on the server.",
  internal_error_reference: "Something went wrong on the server. (id: {requestId})",
  service_unavailable: "The service is temporarily unavailable: the database cannot be reached. Please try again shortly.",
};
