"use server";

import { formAction } from "@/lib/http/form-action";
import { COMMANDS } from "@/lib/commands";

export const createRecommendation = formAction(COMMANDS.createRecommendation, { revalidate: ["/periode"] });
export const updateRecommendation = formAction(COMMANDS.updateRecommendation, { revalidate: ["/periode"] });
export const setRecommendationStatus = formAction(COMMANDS.setRecommendationStatus, { revalidate: ["/periode"] });
