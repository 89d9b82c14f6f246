/** Self-Instruct's keyword blacklist (anchor §1.1): tasks a text-only model cannot do. */
export const SELF_INSTRUCT_BLACKLIST: readonly string[] = [
  'image',
  'images',
  'graph',
  'graphs',
  'picture',
  'pictures',
  'file',
  'files',
  'map',
  'maps',
  'draw',
  'plot',
  'go to',
];

/** Alpaca's blacklist (anchor §2.4): Self-Instruct's 13 words and 5 more for media a model cannot make. */
export const ALPACA_BLACKLIST: readonly string[] = [...SELF_INSTRUCT_BLACKLIST, 'video', 'audio', 'music', 'flowchart', 'diagram'];
