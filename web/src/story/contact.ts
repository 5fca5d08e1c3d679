// Telephone numbers and e-mail addresses checked as they are typed. Several may be given, separated by commas
// or semicolons. Numbers are kept in international form (E.164: "+" then the country code), as the server does.
export const splitList = (text: string): string[] =>
  text
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter(Boolean);

export const isPhone = (text: string): boolean => /^\+[1-9]\d{6,14}$/.test(text.replace(/[\s.()-]/g, ''));
export const isEmail = (text: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(text);
