"use client";

// The reader's language for client components that need it without a catalog.
import { createContext, useContext, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/messages";

const LocaleContext = createContext<Locale>("id");

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export const useLocale = () => useContext(LocaleContext);
