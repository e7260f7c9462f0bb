import { DEFAULT_LOCALE, isLocale, type Locale } from "./messages";

/**
 * The language of an HTTP answer: the portal's `locale` cookie (the reader's choice in the
 * footer), else the first catalog language in Accept-Language by quality, else Bahasa Indonesia.
 */
export function requestLocale(request: Request): Locale {
  const cookie = /(?:^|;\s*)locale=([^;]*)/.exec(request.headers.get("cookie") ?? "")?.[1];
  if (isLocale(cookie)) return cookie;
  const ranked = (request.headers.get("accept-language") ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...options] = part.trim().split(";");
      const quality = options.map((option) => /^\s*q=([\d.]+)\s*$/.exec(option)?.[1]).find((value) => value !== undefined);
      return { language: tag.trim().toLowerCase().split("-")[0], quality: quality === undefined ? 1 : Number(quality), index };
    })
    .filter(({ quality }) => quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map(({ language }) => language).find(isLocale) ?? DEFAULT_LOCALE;
}
