// Place names as data: the readers that need them (mine names start with a province, city or county; a
// county followed by 煤矿 or 矿区 names a mine) read them from the JSON files of this folder, one per
// province. A new province is a new file listed in PROVINCES.
import shanxi from './shanxi.json' with { type: 'json' };

interface ProvinceFile {
  province: string;
  cities: { name: string; counties: string[] }[];
}

const PROVINCES: readonly ProvinceFile[] = [shanxi];

/** "吕梁市" → "吕梁", "离石区" → "离石"; a two-character name keeps its suffix ("兴县" stays "兴县"). */
function shortForm(name: string): string {
  return name.length > 2 && /[省市区县]$/u.test(name) ? name.slice(0, -1) : name;
}

const withShortForms = (names: readonly string[]) => [...new Set(names.flatMap((n) => [n, shortForm(n)]))];

/** Province, city and county names, each in full and in its short form, as enterprise names start with them. */
export const PLACE_PREFIXES: readonly string[] = withShortForms(
  PROVINCES.flatMap((p) => [p.province, ...p.cities.flatMap((c) => [c.name, ...c.counties])]),
);

/**
 * A county with its optional 区/县/市, never followed by one (so "离石区非煤矿山" does not read as 离石 + "区非"),
 * as a regular-expression source. Longer names first, so that no county stops inside a longer one.
 */
export const COUNTY_PATTERN = `(?:${[...new Set(PROVINCES.flatMap((p) => p.cities.flatMap((c) => c.counties.map(shortForm))))]
  .sort((a, b) => b.length - a.length)
  .join('|')})(?:区|县|市)?(?![区县市非])`;
