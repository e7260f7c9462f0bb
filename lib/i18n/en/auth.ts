import type { auth as authId } from "../id/auth";

export const auth: typeof authId = {
  signInTitle: "Sign in",
  signInIntro: "Sign in with the SPBE Mandiri account your agency's SPBE Coordinator gave you.",
  email: "Email",
  password: "Password",
  submit: "Sign in",
  submitting: "Checking...",
  invalid: "Wrong email or password, or the account is inactive.",
  throttled: "Too many failed attempts. Try again in {minutes} minutes.",
  emailInvalid: "Enter a valid email address.",
  passwordRequired: "Enter your password.",
  networkError: "Cannot reach the server. Check your connection and try again.",
  signOut: "Sign out",
  signIn: "Sign in",
  ssoSubmit: "Sign in with {name}",
  ssoRedirecting: "Redirecting to {name}...",
  ssoDivider: "or",
  ssoRefused: "This SSO account is not linked to an active portal user. Contact your SPBE Coordinator.",
  ssoFailed: "Signing in through SSO did not succeed. Try again, or contact your SPBE Coordinator if it keeps happening.",
};
