/**
 * Member card numbers: 16 digits, checkable by anyone without asking the server.
 *
 *   RRRRRR YY SSSSSSS C
 *   │      │  │       └ Luhn check digit over the first 15 (the same check bank cards use)
 *   │      │  └ serial within the issuing region and year, 0000001–9999999
 *   │      └ year of issue, two digits
 *   └ GB/T 2260 code of the issuing union's region (e.g. 410105 金水区)
 *
 * The Luhn digit catches every single mistyped digit and most swapped neighbours.
 */
export interface CardNumberParts {
  regionCode: string;
  year: number;
  serial: number;
}

export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  // Doubling starts from the rightmost digit of the payload, since the check digit goes after it.
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function formatCardNumber(parts: CardNumberParts): string {
  if (!/^\d{6}$/.test(parts.regionCode)) throw new Error(`Bad region code ${parts.regionCode}`);
  if (parts.serial < 1 || parts.serial > 9_999_999)
    throw new Error(`Card serial ${parts.serial} out of range`);
  const payload = `${parts.regionCode}${String(parts.year % 100).padStart(2, '0')}${String(parts.serial).padStart(7, '0')}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

/** The parts of a well-formed card number, or null when its form or check digit is wrong. */
export function parseCardNumber(cardNo: string): CardNumberParts | null {
  const clean = cardNo.replace(/[\s-]/g, '');
  if (!/^\d{16}$/.test(clean)) return null;
  if (luhnCheckDigit(clean.slice(0, 15)) !== clean[15]) return null;
  return {
    regionCode: clean.slice(0, 6),
    year: 2000 + Number(clean.slice(6, 8)),
    serial: Number(clean.slice(8, 15)),
  };
}

/** 4101 0526 0000 0017 → shown in groups of four, as printed on the card. */
export function groupCardNumber(cardNo: string): string {
  return cardNo.replace(/(\d{4})(?=\d)/g, '$1 ');
}
