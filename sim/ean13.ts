// EAN-13 (GTIN-13) check digits: weights 1,3,1,3… over the first twelve digits.

/** The check digit for a 12-digit string. */
export function ean13CheckDigit(d12: string): number {
  if (!/^\d{12}$/.test(d12)) throw new RangeError(`ean13CheckDigit needs 12 digits, got "${d12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(d12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** The 13-digit code: the twelve digits followed by their check digit. */
export function ean13(d12: string): string {
  return d12 + String(ean13CheckDigit(d12));
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}
