// A real OpenID Connect provider for end-to-end tests (panva's oidc-provider, the certified
// implementation), on loopback. Its development login form accepts any login name; the name
// typed there becomes the account's subject and its verified email address, the way a
// pemda's Keycloak would vouch for an employee's mailbox.
import type { Server } from "node:http";
import Provider from "oidc-provider";

export type OidcProviderOptions = { port: number; clientId: string; clientSecret: string; redirectUri: string };

export async function startOidcProvider(options: OidcProviderOptions): Promise<{ issuer: string; close: () => Promise<void> }> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The portal reads the claims from the ID token rather than calling userinfo.
    conformIdTokenClaims: false,
    cookies: { keys: ["kunci-cookie-uji-e2e-saja"] },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, email: sub, email_verified: true, name: sub.split("@")[0] }),
    }),
    // A first-party client, as a pemda would register the portal: no consent screen.
    async loadExistingGrant(ctx) {
      const client = ctx.oidc.client!;
      const session = ctx.oidc.session!;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });

  const server: Server = await new Promise((resolve, reject) => {
    const listening = provider.listen(options.port, "127.0.0.1", () => resolve(listening));
    listening.once("error", reject);
  });
  return {
    issuer,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
