/**
 * The Map state: runs its item processor once per item. Inline, the iterations run inside this execution
 * (their events are in its history); Distributed, each item is a child execution of a Map Run, which the
 * runtime performs (`StartMapRun`), and only the Map Run's events are recorded here.
 */
import { type Json, JsonataEvaluationError, type MapState, type QueryLanguage, runtimeError } from '@lockstep/asl';
import type { AbortReason, CompiledState, StateSignal } from '../compiled.js';
import { compileCatchers, compileRetriers } from '../error-handling.js';
import type { BlockRun } from '../execution.js';
import { errorDetails } from '../failures.js';
import { abortChildren, startGroup, succeedWith } from '../group.js';
import { uuid } from '../ids.js';
import type { Interpreter } from '../interpreter.js';
import { compileRequiredPath, compileTemplate } from '../io.js';
import { compileJsonataValue, compileTypedJsonataValue } from '../jsonata-io.js';
import { stringify } from '../payload.js';
import type { StateScope } from '../scope.js';
import { type CompileContext, compileBasics, compiledState } from './common.js';
import { compileItemBatcher } from './item-batcher.js';
import { compileItemReader, ITEM_READER_FAILED } from './item-reader.js';
import { compileMapLimits } from './map-fields.js';
import { compileResultWriter, putObjectCall, RESULT_WRITER_FAILED, type ResultWriting } from './result-writer.js';
import { type MapRunChild, manifestKey, resultObjects, transformResults } from './result-writer-files.js';
import { compileWorkFlow } from './work-flow.js';

/** Compiles a Map state and its item processor. */
export function compileMapState(
  name: string,
  def: MapState,
  language: QueryLanguage,
  ctx: CompileContext,
): CompiledState {
  const basics = compileBasics(name, def);
  const processor = (def.ItemProcessor ?? def.Iterator)!;
  const processorId = `${ctx.blockId}/States/${name}/ItemProcessor`;
  ctx.compileBlock(processorId, processor);
  const distributed = processor.ProcessorConfig?.Mode === 'DISTRIBUTED';
  const executionType = processor.ProcessorConfig?.ExecutionType ?? 'STANDARD';
  const jsonata = language === 'JSONata';
  const items = jsonata ? compileItems(def.Items) : compileItemsPath(def.ItemsPath);
  const selectItem = jsonata ? compileJsonataItemSelector(def.ItemSelector) : compileItemSelector(def);
  const limits = compileMapLimits(def);
  const batch = distributed ? compileItemBatcher(def.ItemBatcher, language) : undefined;
  const compiledReader = distributed ? compileItemReader(def, language) : undefined;
  const reader = typeof compiledReader === 'string' ? undefined : compiledReader;
  const compiledWriter = distributed ? compileResultWriter(def, language) : undefined;
  const writer = typeof compiledWriter === 'string' ? undefined : compiledWriter;
  const unsupported =
    typeof compiledReader === 'string'
      ? compiledReader
      : typeof compiledWriter === 'string'
        ? compiledWriter
        : undefined;
  const flow = compileWorkFlow(def, language, false);
  const withRetry = { withRetryCount: true };
  const label = def.Label ?? name;

  const state: CompiledState = compiledState(basics, {
    type: 'Map',
    retriers: compileRetriers(def.Retry),
    catchers: compileCatchers(def.Catch, language),
    start(it: Interpreter, run: BlockRun) {
      // Each attempt starts its own Map Run (a redrive, the failed one's again: `redriveMapRunArn`).
      run.mapRunArn = undefined;
      if (unsupported) throw runtimeError(unsupported);
      const scope = it.scope(run, withRetry);
      const input = flow.input(scope);
      if (reader) return readItems(it, run, input, scope, [], undefined);
      proceed(it, run, input, scope, items(input, scope));
    },
    resume(it: Interpreter, run: BlockRun, signal: StateSignal) {
      const waiting = run.waiting;
      if (waiting?.kind === 'task' && waiting.writing?.export) {
        if (signal.type !== 'TaskSucceeded' && signal.type !== 'TaskFailed') return;
        run.waiting = undefined;
        return wrote(it, run, this, waiting.writing, signal);
      }
      if (waiting?.kind === 'task' && waiting.reading && reader) {
        if (signal.type !== 'TaskSucceeded' && signal.type !== 'TaskFailed') return;
        run.waiting = undefined;
        if (signal.type === 'TaskFailed') {
          return it.stateFailed(run, this, ITEM_READER_FAILED, signal.cause ?? signal.error, {
            beforeGivingUp: () => this.beforeGivingUp!(it, run),
          });
        }
        const scope = it.scope(run, withRetry);
        const input = flow.input(scope);
        const { parameters } = reader.call(input, scope, waiting.reading.token);
        const page = reader.itemsOf(signal.output as Json, parameters);
        const read = [...waiting.reading.items, ...page.items];
        const max = reader.maxItems(input, scope);
        if (page.next !== undefined && (max === undefined || read.length < max)) {
          return readItems(it, run, input, scope, read, page.next);
        }
        return proceed(it, run, input, scope, max === undefined ? read : read.slice(0, max));
      }
      finish(it, run, this, signal);
    },
    beforeGivingUp: (it: Interpreter, run: BlockRun) => it.emit(run, 'MapStateFailed'),
    abort(it: Interpreter, run: BlockRun, reason: AbortReason) {
      const waiting = run.waiting;
      if (waiting?.kind === 'task') {
        // Waiting for its Map Run (not reading items, not writing results): the run's children stop too.
        const onRun = !waiting.reading && !waiting.writing?.export && run.mapRunArn !== undefined;
        it.commands.push({ type: 'CancelTask', key: waiting.key, ...(onRun && { mapRunArn: run.mapRunArn }) });
      }
      abortChildren(it, run, reason);
      if (reason === 'sibling') it.emit(run, 'MapStateAborted', undefined, { previous: it.siblingAbortPrevious });
    },
  });
  return state;

  /** Asks the runtime for a page of the ItemReader's source; the answer comes back to `resume`. */
  function readItems(it: Interpreter, run: BlockRun, input: Json, scope: StateScope, read: Json[], token?: string) {
    const { resource, parameters } = reader!.call(input, scope, token);
    const key = it.newKey(run);
    run.waiting = { kind: 'task', key, reading: token === undefined ? { items: read } : { items: read, token } };
    const idempotencyKey = `${it.execution.executionArn}/${run.enteredEventId}/${run.retryCount}`;
    const request = { stateName: name, resource, input: parameters, context: scope.context, idempotencyKey };
    it.commands.push({ type: 'InvokeTask', key, request });
  }

  /** Iterates over `list`: inline, in this execution; distributed, as a Map Run. */
  function proceed(it: Interpreter, run: BlockRun, input: Json, scope: StateScope, list: Json[]) {
    const maxConcurrency = limits.maxConcurrency(input, scope);
    const inputs = selectItem
      ? list.map((value, index) =>
          selectItem(input, it.scope(run, { mapItem: { index, value }, withRetryCount: true })),
        )
      : list;
    it.emit(run, 'MapStateStarted', { length: inputs.length });
    // AWS reads the tolerance after MapStateStarted (its errors follow that event), MaxConcurrency before.
    const { toleratedFailureCount, toleratedFailurePercentage } = limits.tolerance(input, scope);
    if (!distributed) {
      return startGroup(it, run, {
        kind: 'map',
        inputs,
        maxConcurrency,
        toleratedFailureCount,
        toleratedFailurePercentage,
      });
    }
    const ex = it.execution;
    const account = ex.stateMachineArn.split(':')[4];
    // A redrive redrives the run this state started (AWS: "the parent workflow redrives ... a failed Map Run").
    const redriven = run.redriveMapRunArn;
    run.redriveMapRunArn = undefined;
    const mapRunArn =
      redriven ?? `arn:aws:states:${ex.region}:${account}:mapRun:${ex.stateMachineName}/${label}:${uuid(it.random)}`;
    run.mapRunArn = mapRunArn;
    // The destination is the Map Run's configuration: resolved as the run starts.
    writer?.destination?.(input, scope, mapRunArn);
    if (redriven) it.emit(run, 'MapRunRedriven', { mapRunArn, redriveCount: ex.redriveCount });
    else it.emit(run, 'MapRunStarted', { mapRunArn });
    const key = it.newKey(run);
    run.waiting = writer ? { kind: 'task', key, writing: { mapRunArn } } : { kind: 'task', key };
    it.commands.push({
      type: 'StartMapRun',
      key,
      request: {
        mapRunArn,
        blockId: processorId,
        items: batch ? batch(inputs, input, scope) : inputs,
        maxConcurrency,
        toleratedFailureCount,
        toleratedFailurePercentage,
        executionType,
        ...(writer && { reportChildren: true }),
        ...(redriven && { redriveCount: ex.redriveCount }),
      },
    });
  }

  /** The iterations (or the Map Run) ended: the state succeeds with their results, or fails. */
  function finish(it: Interpreter, run: BlockRun, self: CompiledState, signal: StateSignal) {
    let failure: { error?: string; cause?: string } | undefined;
    let result: Json;
    if (signal.type === 'ChildrenDone') {
      const group = run.group!;
      failure = group.failure;
      // A failed state keeps its children (as they ended) for a redrive.
      if (!failure) run.group = undefined;
      result = group.results;
      // A successful Map's closing events follow its last MapIterationSucceeded.
      if (!failure && group.lastSucceededEventId) run.lastEventId = group.lastSucceededEventId;
    } else if (signal.type === 'MapRunEnded') {
      // With a ResultWriter, the run reports its children whether it failed or not.
      failure = signal.error === undefined && signal.output ? undefined : { error: signal.error, cause: signal.cause };
      const children = writer && signal.output ? (signal.output as unknown as MapRunChild[]) : undefined;
      const writing = run.waiting?.kind === 'task' ? run.waiting.writing : undefined;
      if (children && writing && writer?.destination)
        return exportResults(it, run, writing.mapRunArn, children, failure);
      it.emit(
        run,
        failure ? 'MapRunFailed' : 'MapRunSucceeded',
        failure ? errorDetails(failure.error, failure.cause) : undefined,
      );
      result = children ? transformResults(children, writer!.transformation) : ((signal.output ?? []) as Json);
    } else {
      return;
    }
    run.waiting = undefined;
    end(it, run, self, failure, result);
  }

  /** The state fails with the Map Run's failure, or succeeds with `result`. */
  function end(
    it: Interpreter,
    run: BlockRun,
    self: CompiledState,
    failure: { error?: string; cause?: string } | undefined,
    result: Json,
  ) {
    if (failure)
      return it.stateFailed(run, self, failure.error, failure.cause, {
        beforeGivingUp: () => self.beforeGivingUp!(it, run),
      });
    const { output, assigned } = succeedWith(it, run, 'MapStateSucceeded', () =>
      flow.finish(it.scope(run, withRetry, { result })),
    );
    it.exit(run, self, output, { assigned });
  }

  /** The Map Run ended: its children's results are exported to S3 before it is recorded as ended. */
  function exportResults(
    it: Interpreter,
    run: BlockRun,
    mapRunArn: string,
    children: MapRunChild[],
    failure: { error?: string; cause?: string } | undefined,
  ) {
    const scope = it.scope(run, withRetry);
    const destination = writer!.destination!(flow.input(scope), scope, mapRunArn);
    const objects = resultObjects(children, writer!.transformation, mapRunArn, destination);
    const result = {
      MapRunArn: mapRunArn,
      ResultWriterDetails: { Bucket: destination.bucket, Key: manifestKey(destination) },
    };
    const exporting = { bucket: destination.bucket, objects, result };
    putNext(it, run, { mapRunArn, export: failure ? { ...exporting, failure } : exporting });
  }

  /** Asks the runtime to put the next object of `writing`; the answer comes back to `resume`. */
  function putNext(it: Interpreter, run: BlockRun, writing: ResultWriting) {
    const { bucket, objects } = writing.export!;
    const { resource, parameters } = putObjectCall(bucket, objects[0]);
    const key = it.newKey(run);
    run.waiting = { kind: 'task', key, writing };
    const context = it.scope(run, withRetry).context;
    it.commands.push({ type: 'InvokeTask', key, request: { stateName: name, resource, input: parameters, context } });
  }

  /** An object was put (or not): the next one, or the end of the Map Run and of the state. */
  function wrote(it: Interpreter, run: BlockRun, self: CompiledState, writing: ResultWriting, signal: StateSignal) {
    const exporting = writing.export!;
    if (signal.type === 'TaskFailed') {
      const cause = signal.cause ?? signal.error;
      it.emit(run, 'MapRunFailed', errorDetails(RESULT_WRITER_FAILED, cause));
      return end(it, run, self, { error: RESULT_WRITER_FAILED, cause }, null);
    }
    const objects = exporting.objects.slice(1);
    if (objects.length > 0) return putNext(it, run, { ...writing, export: { ...exporting, objects } });
    const { failure } = exporting;
    it.emit(
      run,
      failure ? 'MapRunFailed' : 'MapRunSucceeded',
      failure ? errorDetails(failure.error, failure.cause) : undefined,
    );
    end(it, run, self, failure, exporting.result);
  }
}

/** Builds an iteration's input from the effective input; the scope has `$$.Map.Item`. */
type ItemSelector = (input: Json, scope: StateScope) => Json;

/** JSONPath `ItemSelector` (or its legacy name `Parameters`), a payload template. */
export function compileItemSelector(def: MapState): ItemSelector | undefined {
  const template = def.ItemSelector ?? def.Parameters;
  return template === undefined ? undefined : compileTemplate(template);
}

/** JSONata `ItemSelector`, which reads the item as `$states.context.Map.Item.Value`. */
export function compileJsonataItemSelector(value: unknown): ItemSelector | undefined {
  const evaluate = compileJsonataValue(value, 'ItemSelector');
  return evaluate && ((_input, scope) => evaluate(scope));
}

/** Reads the items to iterate over from the effective input. */
export type ItemsReader = (input: Json, scope: StateScope) => Json[];

/** JSONata `Items`: an array, or an expression giving one; without it, the input must be an array. */
export function compileItems(value: unknown): ItemsReader {
  const evaluate = compileTypedJsonataValue(value, 'Items', 'array');
  if (evaluate) return (_input, scope) => evaluate(scope) as Json[];
  return (input) => {
    if (!Array.isArray(input)) throw new JsonataEvaluationError(notAnArray(input));
    return input;
  };
}

function notAnArray(value: Json): string {
  return `Map state input must be an array but was: ${stringify(value)}`;
}

/** `ItemsPath` (default `$`): must select an array. */
export function compileItemsPath(path: string | undefined): ItemsReader {
  const read = path === undefined || path === '$' ? undefined : compileRequiredPath(path);
  return (input, scope) => {
    const value = read ? read(input, scope) : input;
    if (!Array.isArray(value)) throw runtimeError(notAnArray(value));
    return value;
  };
}
