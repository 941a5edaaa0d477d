// GS1 check digits for the codes a shop counter scans: EAN-13 (JAN), EAN-8, UPC-A, UPC-E and
// GTIN-14. Anything else is the shop's own code and passes through untouched.
// A wrong check digit is reported, never corrected: the clerk rescans or types the code.

export type CodeKind = 'ean13' | 'ean8' | 'upca' | 'upce' | 'gtin14' | 'shop_code';

export interface CodeCheck {
  kind: CodeKind;
  /** False when a GTIN's check digit is wrong, or the text is empty. */
  valid: boolean;
  /** GTIN-14 (zero-padded) for GTINs; the trimmed text for shop codes. */
  normalized: string;
  message?: string;
}

export interface CheckOptions {
  /**
   * AIM symbology identifier when the scanner sends one (HID POS does), e.g. "]E0" or "]E4".
   * It settles the one ambiguity of bare digits: 8 digits are EAN-8 ("]E4") or UPC-E ("]E0").
   */
  aim?: string;
}

/** The GS1 check digit for a digit string that lacks it (weights 3,1,3,… from the right). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** Expand an 8-digit UPC-E (number system 0/1, six digits, check) to its 12-digit UPC-A. */
export function expandUpcE(upce: string): string | null {
  if (!/^[01]\d{7}$/.test(upce)) return null;
  const ns = upce[0];
  const [d1, d2, d3, d4, d5, d6] = upce.slice(1, 7);
  const check = upce[7];
  let body: string;
  if (d6 === '0' || d6 === '1' || d6 === '2') body = `${d1}${d2}${d6}0000${d3}${d4}${d5}`;
  else if (d6 === '3') body = `${d1}${d2}${d3}00000${d4}${d5}`;
  else if (d6 === '4') body = `${d1}${d2}${d3}${d4}00000${d5}`;
  else body = `${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  return `${ns}${body}${check}`;
}

const GTIN_KIND_BY_LENGTH: Record<number, CodeKind> = { 8: 'ean8', 12: 'upca', 13: 'ean13', 14: 'gtin14' };

function checkGtin(kind: CodeKind, digits: string, checkedAs: string = digits): CodeCheck {
  const expected = gs1CheckDigit(checkedAs.slice(0, -1));
  const actual = Number(checkedAs[checkedAs.length - 1]);
  const normalized = checkedAs.padStart(14, '0');
  if (expected === actual) return { kind, valid: true, normalized };
  return { kind, valid: false, normalized, message: `check digit should be ${expected}` };
}

function checkEightDigits(digits: string, aim: string | undefined): CodeCheck {
  const upcA = expandUpcE(digits);
  const asUpcE = upcA ? checkGtin('upce', digits, upcA) : null;
  if (aim === ']E0' && asUpcE) return asUpcE;
  const asEan8 = checkGtin('ean8', digits);
  if (asEan8.valid || aim === ']E4' || !asUpcE) return asEan8;
  return asUpcE.valid ? asUpcE : asEan8;
}

/** Classify scanned text and verify its check digit when it is a GTIN. */
export function checkCode(text: string, opts: CheckOptions = {}): CodeCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'shop_code', valid: false, normalized: '', message: 'empty code' };
  if (!/^\d+$/.test(trimmed)) return { kind: 'shop_code', valid: true, normalized: trimmed };
  if (trimmed.length === 8) return checkEightDigits(trimmed, opts.aim);
  const kind = GTIN_KIND_BY_LENGTH[trimmed.length];
  if (!kind) return { kind: 'shop_code', valid: true, normalized: trimmed };
  return checkGtin(kind, trimmed);
}

/** True when the text is a GTIN (8, 12, 13 or 14 digits, or UPC-E) with a correct check digit. */
export function isGtin(text: string, opts: CheckOptions = {}): boolean {
  const result = checkCode(text, opts);
  return result.kind !== 'shop_code' && result.valid;
}
