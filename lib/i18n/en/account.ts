import type { account as accountId } from "../id/account";

export const account: typeof accountId = {
  title: "Change password",
  intro: "At least 10 characters, and not a common or easily guessed password.",
  mustChange: "You signed in with a temporary password. Choose a new password before you continue.",
  current: "Current password",
  next: "New password",
  confirm: "Repeat the new password",
  submit: "Save password",
  changed: "Password changed. Other sessions of this account have ended.",
  currentWrong: "The current password is wrong.",
  mismatch: "The two new passwords differ.",
  sameAsCurrent: "The new password must differ from the current one.",
  ssoOnly: "Your account signs in through SSO; its password is managed by the SSO provider.",
  problems: {
    too_short: "The password must be at least 10 characters.",
    too_long: "The password may be at most 200 characters.",
    common: "This password is too common. Choose another.",
    predictable: "This password is easy to guess (a run or repetition). Choose another.",
    personal: "The password must not be your email or name.",
  },
  mustChangeFirst: "Change your temporary password first.",
  continue: "Continue to the workspace",
  sessionsTitle: "Signed-in sessions",
  sessionsIntro: "Another device is still signed in with your account, or you forgot to sign out on a shared computer? End every session of this account at once, this one included.",
  signOutEverywhere: "Sign out of all devices",
};
