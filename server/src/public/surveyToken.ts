/**
 * The survey form's guard against a post made from another site (CSRF): each page carries a fresh
 * random token both in the form and in a cookie (SameSite=Strict, HttpOnly, only under /q/), and a
 * post counts only when the two match. Another site can neither read the token nor make the browser
 * send the cookie with its post. Nothing is kept on the server, so any server process checks it.
 * An origin check cannot do this alone: the pages are sent with `Referrer-Policy: no-referrer`,
 * under which a browser posts the form with `Origin: null`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const SURVEY_COOKIE = 'cd_survey';
/** Long enough to fill the form in without hurry. */
const COOKIE_MAX_AGE_S = 2 * 60 * 60;

export function newSurveyToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The Set-Cookie value for this page's token; `secure` over HTTPS. */
export function surveyCookie(token: string, secure: boolean): string {
  return `${SURVEY_COOKIE}=${token}; Path=/q/; Max-Age=${COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** The token the request's Cookie header carries, if any. */
export function surveyTokenOf(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SURVEY_COOKIE) return value.join('=');
  }
  return undefined;
}

/** True when the form's token is the cookie's (compared in constant time). */
export function surveyTokensMatch(cookie: string | undefined, form: string): boolean {
  if (!cookie || !form) return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(form);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A post the browser says came from another site (Fetch Metadata): refused whatever it carries. */
export function crossSitePost(secFetchSite: string | string[] | undefined): boolean {
  return typeof secFetchSite === 'string' && secFetchSite !== 'same-origin' && secFetchSite !== 'none';
}
