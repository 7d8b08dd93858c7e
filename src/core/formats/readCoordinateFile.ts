// Routes an input to its reader by content, not by file name (planners rename files freely): a zip is a
// Shapefile, JSON with a GeoJSON type is GeoJSON, [属性描述]/[地块坐标] sections are 国土 TXT, XY001= lines or
// 报盘 rows closed by "*,…" are a mining-right TXT, lines of nothing but coordinates are a plain coordinate
// list. Anything else is a gazette for the text pipeline (null here).
import { isCoordinateList, readCoordinateList } from './coordinate-list/readCoordinateList.js';
import { isGeoJSON, readGeoJSON } from './geojson/readGeoJSON.js';
import { isGuotuTxt, readGuotuTxt, type CoordinateFileRead } from './guotu-txt/readGuotuTxt.js';
import { isMiningTxt, readMiningTxt } from './mining-txt/readMiningTxt.js';
import { isZip, readShapefile } from './shapefile/readShapefile.js';
import type { ExtractOptions } from '../model/types.js';

export type { CoordinateFileRead };

/** Binary inputs, before any text decoding. */
export function readCoordinateBytes(file: string, bytes: Uint8Array, options: ExtractOptions): CoordinateFileRead | null {
  return isZip(bytes) ? readShapefile(file, bytes, options) : null;
}

/** Decoded text inputs. */
export function readCoordinateText(file: string, text: string, options: ExtractOptions): CoordinateFileRead | null {
  if (isGeoJSON(text)) return readGeoJSON(file, text, options);
  if (isGuotuTxt(text)) return readGuotuTxt(file, text);
  if (isMiningTxt(text)) return readMiningTxt(file, text);
  if (isCoordinateList(text)) return readCoordinateList(file, text);
  return null;
}
