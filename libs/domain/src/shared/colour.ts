import { invalid } from './errors';

/** A display colour, `#rrggbb` lower-case. */
export class Colour {
  private constructor(readonly hex: string) {}

  static parse(text: string, field = 'colour'): Colour {
    if (typeof text !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(text)) {
      invalid('INVALID_COLOUR', field, `"${text}" is not a colour in the form #rrggbb`);
    }
    return new Colour(text.toLowerCase());
  }

  equals(other: Colour): boolean {
    return this.hex === other.hex;
  }

  toString(): string {
    return this.hex;
  }

  toJSON(): string {
    return this.hex;
  }
}

/** Twelve colours chosen to stay apart from each other on a schedule grid. */
export const DISTINCT_PALETTE: readonly string[] = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
  '#393b79',
  '#637939',
];

/**
 * The first palette colour nobody in `taken` uses; once the palette is used up, colours spread
 * round the hue circle by the golden angle, so each new one still differs from its neighbours.
 */
export function nextDistinctColour(taken: Iterable<Colour>): Colour {
  const used = new Set([...taken].map((c) => c.hex));
  for (const hex of DISTINCT_PALETTE) if (!used.has(hex)) return Colour.parse(hex);
  for (let i = 0; ; i++) {
    const hex = hslToHex((i * 137.508) % 360, 0.62, 0.48 + 0.08 * (i % 3));
    if (!used.has(hex)) return Colour.parse(hex);
  }
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const value = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
