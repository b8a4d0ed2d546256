/**
 * A Distributed Map's `ItemReader`, `ItemBatcher` and `ResultWriter`: their shapes and enumerations.
 *
 * Only what AWS documents as invalid is reported: these objects carry service request parameters whose
 * contents AWS checks when the state runs.
 */
import type { QueryLanguage } from '../definition.js';
import { isJsonataExpression, type ValidationContext } from './context.js';
import { fieldLocation } from './diagnostics.js';
import { checkReferencePath } from './paths.js';
import { checkPayloadTemplate } from './payload-template.js';
import { wrongLanguageMessage } from './state-fields.js';
import {
  type Bounds,
  checkEnum,
  checkExclusive,
  checkNumber,
  checkRequired,
  checkType,
  ifPresent,
  isOfType,
} from './value-checks.js';

/** AWS's largest `MaxItems`. */
const MAX_ITEMS = 100_000_000;
/** `MaxInputBytesPerBatch` is at most 256 KiB. */
const MAX_BATCH_BYTES = 262_144;

/** `ItemReader`: `Resource`, request `Parameters`/`Arguments` and `ReaderConfig`. */
export function checkItemReader(
  ctx: ValidationContext,
  value: unknown,
  language: QueryLanguage,
  location: string,
): void {
  checkS3Resource(ctx, value, language, location, 'ReaderConfig', (c, at) => {
    const out = ctx.out;
    ifPresent(c, 'InputType', at, (v, l) => checkEnum(out, v, ['CSV', 'JSON', 'JSONL', 'PARQUET', 'MANIFEST'], l));
    ifPresent(c, 'CSVHeaderLocation', at, (v, l) => checkEnum(out, v, ['FIRST_ROW', 'GIVEN'], l));
    ifPresent(c, 'CSVDelimiter', at, (v, l) => checkEnum(out, v, ['COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB'], l));
    ifPresent(c, 'CSVHeaders', at, (v, l) => checkType(out, v, 'ARRAY', l));
    checkMapNumber(ctx, c, 'MaxItems', 'INTEGER', { min: 0, max: MAX_ITEMS }, language, at);
    refuseJsonPathTwins(ctx, c, ['MaxItems'], language, at);
  });
}

/** `ItemBatcher`: batch size limits and `BatchInput`. */
export function checkItemBatcher(
  ctx: ValidationContext,
  value: unknown,
  language: QueryLanguage,
  location: string,
): void {
  const out = ctx.out;
  if (!checkType(out, value, 'OBJECT', location)) return;
  const batcher = value as Record<string, unknown>;
  checkMapNumber(ctx, batcher, 'MaxItemsPerBatch', 'INTEGER', { min: 0 }, language, location);
  checkMapNumber(
    ctx,
    batcher,
    'MaxInputBytesPerBatch',
    'INTEGER',
    { min: 0, max: MAX_BATCH_BYTES },
    language,
    location,
  );
  refuseJsonPathTwins(ctx, batcher, ['MaxItemsPerBatch', 'MaxInputBytesPerBatch'], language, location);
  if (language === 'JSONPath') {
    ifPresent(batcher, 'BatchInput', location, (v, at) => {
      if (checkType(out, v, 'OBJECT', at)) checkPayloadTemplate(out, v, at);
    });
  }
}

/**
 * `ResultWriter`: `Resource`, request `Parameters`/`Arguments` and `WriterConfig`, in one of the combinations the
 * guide allows ("ResultWriter (Map)"): `WriterConfig` alone, `Resource` with its parameters, or all three; a
 * `WriterConfig` has an `OutputType`. AWS's messages for these are not recorded: they are reported as the schema's
 * missing fields.
 */
export function checkResultWriter(
  ctx: ValidationContext,
  value: unknown,
  language: QueryLanguage,
  location: string,
): void {
  const out = ctx.out;
  checkS3Resource(ctx, value, language, location, 'WriterConfig', (c, at) => {
    if (!checkRequired(out, c, ['OutputType'], at)) return;
    checkEnum(out, c.OutputType, ['JSON', 'JSONL'], fieldLocation(at, 'OutputType'));
    ifPresent(c, 'Transformation', at, (v, l) => checkEnum(out, v, ['NONE', 'COMPACT', 'FLATTEN'], l));
  });
  if (!isOfType(value, 'OBJECT')) return;
  const writer = value as Record<string, unknown>;
  const parameters = language === 'JSONata' ? 'Arguments' : 'Parameters';
  const exporting = writer.Resource !== undefined || writer[parameters] !== undefined;
  if (writer.WriterConfig === undefined || exporting) checkRequired(out, writer, ['Resource', parameters], location);
}

/** The shape ItemReader and ResultWriter share: an object with `Resource`, request parameters and a config object. */
function checkS3Resource(
  ctx: ValidationContext,
  value: unknown,
  language: QueryLanguage,
  location: string,
  configField: 'ReaderConfig' | 'WriterConfig',
  checkConfig: (config: Record<string, unknown>, at: string) => void,
): void {
  const out = ctx.out;
  if (!checkType(out, value, 'OBJECT', location)) return;
  const fields = value as Record<string, unknown>;
  ifPresent(fields, 'Resource', location, (v, at) => checkType(out, v, 'STRING', at));
  checkRequestParameters(ctx, fields, language, location);
  ifPresent(fields, configField, location, (config, at) => {
    if (checkType(out, config, 'OBJECT', at)) checkConfig(config as Record<string, unknown>, at);
  });
}

function checkRequestParameters(
  ctx: ValidationContext,
  holder: Record<string, unknown>,
  language: QueryLanguage,
  location: string,
): void {
  if (language === 'JSONPath') {
    ifPresent(holder, 'Parameters', location, (v, at) => checkPayloadTemplate(ctx.out, v, at));
  }
}

/**
 * A number of a Map or of its `ItemReader`/`ItemBatcher` (`MaxConcurrency`, `MaxItems`, ...): the literal within
 * `bounds`, or in JSONata an expression; in JSONPath its `...Path` twin instead, a reference path, and never both
 * (AWS, measured by floci: `There should only be one of the following fields: [MaxItems, MaxItemsPath]`).
 */
export function checkMapNumber(
  ctx: ValidationContext,
  holder: Record<string, unknown>,
  field: string,
  type: 'INTEGER' | 'NUMBER',
  bounds: Bounds,
  language: QueryLanguage,
  location: string,
): void {
  const out = ctx.out;
  ifPresent(holder, field, location, (v, at) => {
    if (!(language === 'JSONata' && isJsonataExpression(v))) checkNumber(out, v, type, bounds, at);
  });
  if (language === 'JSONata') return;
  ifPresent(holder, `${field}Path`, location, (v, at) => checkReferencePath(out, `${field}Path`, v, at, false));
  checkExclusive(out, holder, [field, `${field}Path`], location);
}

/**
 * A JSONata Map's `ItemReader` and `ItemBatcher` take expressions, not the JSONPath `...Path` twins of their
 * numbers: AWS refuses those at the object that holds them (the state's own twins are refused with its fields).
 */
function refuseJsonPathTwins(
  ctx: ValidationContext,
  holder: Record<string, unknown>,
  fields: readonly string[],
  language: QueryLanguage,
  location: string,
): void {
  if (language !== 'JSONata') return;
  for (const field of fields) {
    if (holder[`${field}Path`] !== undefined) ctx.out.schema(wrongLanguageMessage('JSONata', `${field}Path`), location);
  }
}
