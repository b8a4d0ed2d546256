/**
 * What a Distributed Map's `ItemReader` read from its source (an S3 object; in TestState,
 * `stateConfiguration.mapItemReaderData`), as text in the reader's format, turned into the Map's items as the
 * reader's `ReaderConfig` says: a JSON array (`InputType` JSON, or no `ReaderConfig`), optionally at `ItemsPointer`;
 * JSON Lines; or CSV rows as objects keyed by the header row (`CSVHeaderLocation` FIRST_ROW, the default) or by
 * `CSVHeaders` (GIVEN). A literal `MaxItems` keeps the first items. The messages are Lockstep's: AWS's are not
 * recorded.
 */
import type { Json } from '@lockstep/asl';

/** Where the data came from, in messages (`mapItemReaderData`, `s3://bucket/key`), and the error to throw. */
export interface ItemReaderSource {
  name: string;
  invalid(message: string): Error;
}

/** The fields of `ItemReader.ReaderConfig` this reads. */
interface ReaderConfig {
  InputType?: string;
  ItemsPointer?: string;
  CSVHeaderLocation?: string;
  CSVHeaders?: string[];
  CSVDelimiter?: string;
  MaxItems?: unknown;
}

const DELIMITERS: Record<string, string> = { COMMA: ',', PIPE: '|', SEMICOLON: ';', SPACE: ' ', TAB: '\t' };

/** The items `data` holds for a Map whose reader is `itemReader`. */
export function readItemReaderData(
  itemReader: Record<string, unknown>,
  data: string,
  source: ItemReaderSource,
): Json[] {
  const config = (itemReader.ReaderConfig ?? {}) as ReaderConfig;
  const type = config.InputType ?? 'JSON';
  const items =
    type === 'CSV'
      ? csvItems(data, config)
      : type === 'JSONL'
        ? jsonLines(data, source)
        : jsonItems(data, config, source);
  return typeof config.MaxItems === 'number' && config.MaxItems > 0 ? items.slice(0, config.MaxItems) : items;
}

function jsonItems(data: string, config: ReaderConfig, source: ItemReaderSource): Json[] {
  let value = parse(data, 'JSON', source);
  if (config.ItemsPointer) value = pointer(value, config.ItemsPointer, source);
  if (!Array.isArray(value)) throw source.invalid(`${source.name} must hold a JSON array of items.`);
  return value;
}

function jsonLines(data: string, source: ItemReaderSource): Json[] {
  return data
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => parse(line, 'JSON Lines', source));
}

function parse(text: string, format: string, source: ItemReaderSource): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw source.invalid(`${source.name} is not valid ${format}.`);
  }
}

/** RFC 6901 JSON Pointer. */
function pointer(value: Json, path: string, source: ItemReaderSource): Json {
  let current: Json | undefined = value;
  for (const raw of path.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    current =
      current !== null && typeof current === 'object'
        ? (current as Record<string, Json>)[Array.isArray(current) ? Number(key) : key]
        : undefined;
    if (current === undefined) throw source.invalid(`ItemsPointer '${path}' selects nothing in ${source.name}.`);
  }
  return current;
}

function csvItems(data: string, config: ReaderConfig): Json[] {
  const rows = csvRows(data, DELIMITERS[config.CSVDelimiter ?? 'COMMA'] ?? ',');
  const headers = config.CSVHeaderLocation === 'GIVEN' ? (config.CSVHeaders ?? []) : (rows.shift() ?? []);
  return rows.map((row) => Object.fromEntries(headers.map((header, i) => [header, row[i] ?? ''])));
}

/** Rows of delimited text, with quoted fields (`""` for a quote) that may hold delimiters and line breaks. */
function csvRows(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
