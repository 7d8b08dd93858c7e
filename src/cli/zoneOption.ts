// `--zone N`: the zone for Y coordinates printed without a zone prefix.
import { InvalidArgumentError } from 'commander';

export type ZoneOption = { width: 3 | 6; zone: number };

// 3° zones (25–45) and 6° zones (13–23) do not overlap, so the number alone says which.
export function parseZone(text: string): ZoneOption {
  const n = Number(text);
  if (Number.isInteger(n) && n >= 25 && n <= 45) return { width: 3, zone: n };
  if (Number.isInteger(n) && n >= 13 && n <= 23) return { width: 6, zone: n };
  throw new InvalidArgumentError('a zone is 25–45 (3° zones) or 13–23 (6° zones)');
}
