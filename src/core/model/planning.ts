// 控规 planning blocks as the documents name them.
import type { SourceSpan } from './source.js';

/** 组团 (group, "BF"), 街区 (street block, "BF-09") or 地块 (plot, "BF-09-03", or "XC-79 地块"). */
export type BlockLevel = 'group' | 'street' | 'plot';

/** How a document refers to a block: it approves a 控规 change for it, or only names it (e.g. a cited application). */
export type BlockRole = 'approval' | 'mention';

export interface BlockDocument {
  doc: string;
  title: string;
  date: string | null;
  role: BlockRole;
  /** The project the approval is for when its title names one ("吕梁新区大武商业街项目"). */
  project: string | null;
  /** Every place in the document where the code is printed. */
  sources: SourceSpan[];
}

export interface PlanningBlock {
  /** Normalised code: ASCII hyphen, upper case, no spaces ("BF-09-03"). */
  code: string;
  level: BlockLevel;
  /** The 组团 prefix ("BF"). */
  group: string;
  /** The 街区 a three-part plot code belongs to ("BF-09"); null otherwise. */
  street: string | null;
  /** Documents in date order, oldest first; a document printed in two gazettes is listed once. */
  documents: BlockDocument[];
}
