import type { nodeKinds as nodeKindsId } from "../id/nodeKinds";

export const nodeKinds: typeof nodeKindsId = { domain: "domain", aspect: "aspect", indicator: "indicator" };
