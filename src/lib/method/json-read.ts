/**
 * The first JSON object in a response, parsed, or undefined; never throws. Text around it (a
 * code fence, a remark, a second object after a raw completion) is ignored. With `salvage`, an
 * object cut off before its end (token limit, interrupt, or a model that stopped early) gives
 * its complete list items: the text up to the last whole item of its top-level list, closed with
 * `]}`. An item cut in half is lost, as Alpaca drops the last chunk of a truncated response
 * (anchor §2.4), but unlike text no whole item has to be given up.
 */
export function readJson(text: string, { salvage }: { salvage: boolean }): unknown {
  const { whole, itemsPrefix } = scanFirstObject(text);
  const json = whole ?? (salvage ? itemsPrefix : undefined);
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

/** The object's own string-valued field, or undefined. */
export function stringField(value: unknown, key: string): string | undefined {
  const field = isRecord(value) ? value[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}

/** The object's own array-valued field, or undefined: the shape every JSON answer has. */
export function listField(value: unknown, key: string): unknown[] | undefined {
  const field = isRecord(value) ? value[key] : undefined;
  return Array.isArray(field) ? field : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Walks from the first "{", tracking strings and nesting. Depth 2 is inside the object's
// top-level list, so a string or a "}" that returns there ends a list item.
function scanFirstObject(text: string): { whole?: string; itemsPrefix?: string } {
  const start = text.indexOf('{');
  if (start < 0) return {};
  let depth = 0;
  let inString = false;
  let escaped = false;
  let lastItemEnd = -1;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') {
        inString = false;
        if (depth === 2) lastItemEnd = i + 1;
      }
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return { whole: text.slice(start, i + 1) };
      if (depth === 2) lastItemEnd = i + 1;
    }
  }
  return lastItemEnd < 0 ? {} : { itemsPrefix: `${text.slice(start, lastItemEnd)}]}` };
}
