// The Content-Security-Policy of every page: scripts only from the portal itself and only
// those carrying this response's nonce (Next.js puts it on its own scripts), nothing may
// frame the portal, forms post only to the portal (and to the agency's SSO provider, which
// the sign-in redirects to).
export function contentSecurityPolicy(nonce: string, options: { isDev: boolean; ssoOrigin: string | null }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    // React and the charts set style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    `form-action 'self'${options.ssoOrigin ? ` ${options.ssoOrigin}` : ""}`,
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * The JSON API and the health check answer data, never a document: nothing may load, run or
 * frame. Static (no nonce), so these routes need no proxy and get it from next.config.ts.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/**
 * The routes that proxy.ts leaves alone and that carry API_CONTENT_SECURITY_POLICY instead.
 * next-auth's routes answer JSON and redirects only: the portal has its own sign-in page and
 * signs out through a server action, so none of next-auth's built-in pages is ever shown.
 */
export const API_PATH_SOURCES = ["/api/v1/:path*", "/api/health", "/api/ping", "/api/auth/:path*"];
