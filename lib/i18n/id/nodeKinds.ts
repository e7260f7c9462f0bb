export const nodeKinds = { domain: "domain", aspect: "aspek", indicator: "indikator" } as Record<string, string>;
