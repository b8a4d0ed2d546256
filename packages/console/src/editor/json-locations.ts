/**
 * Where a JSON pointer (`/States/Pay/Next`, as ValidateStateMachineDefinition's diagnostics locate problems) is in
 * a JSON text: the range of the member's key (or of an array element's value), for the editor to underline.
 */

/** A range of characters. */
export interface TextRange {
  from: number;
  to: number;
}

/** The range of each pointer of a JSON text: member keys, and array elements' values. */
export function jsonLocations(text: string): Map<string, TextRange> {
  const locations = new Map<string, TextRange>();
  let i = 0;
  const space = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      while (i < text.length && text[i] !== '}') {
        const keyStart = i;
        const key = string();
        const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        locations.set(child, { from: keyStart, to: i });
        space();
        i++; // :
        value(child);
        space();
        if (text[i] === ',') i++;
        space();
      }
      i++;
    } else if (c === '[') {
      i++;
      space();
      for (let index = 0; i < text.length && text[i] !== ']'; index++) {
        space();
        const start = i;
        value(`${pointer}/${index}`);
        locations.set(`${pointer}/${index}`, { from: start, to: i });
        space();
        if (text[i] === ',') i++;
        space();
      }
      i++;
    } else if (c === '"') {
      string();
    } else {
      while (i < text.length && /[^\s,}\]]/.test(text[i])) i++;
    }
  };
  try {
    value('');
  } catch {
    // A text that is not JSON has no locations (its syntax error is reported by the parser).
  }
  return locations;
}

/** The range a diagnostic's location points at: the pointer itself, else its closest located ancestor. */
export function locate(text: string, pointer: string | undefined): TextRange | undefined {
  if (!pointer?.startsWith('/')) return undefined;
  const locations = jsonLocations(text);
  for (let p = pointer; p; p = p.slice(0, p.lastIndexOf('/'))) {
    const range = locations.get(p);
    if (range) return range;
  }
  return undefined;
}
