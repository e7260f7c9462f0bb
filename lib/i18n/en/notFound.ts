import type { notFound as notFoundId } from "../id/notFound";

export const notFound: typeof notFoundId = { title: "Page not found", back: "Back to the home page" };
