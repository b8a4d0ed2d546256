/**
 * Design mode's edits of a definition, as pure functions from a definition object to a new one: add a flow state
 * after another, delete a state (its predecessors are reconnected to its successor), connect a state to another,
 * rename a state (references follow) and replace a state's fields. States are found in nested blocks too.
 */

/** A definition or a block of one (`StartAt` and `States`). */
export interface Block {
  StartAt?: string;
  States?: Record<string, StateJson>;
  [field: string]: unknown;
}

/** A state's fields. */
export type StateJson = Record<string, unknown>;

/** The flow states the palette offers. */
export const PALETTE = ['Pass', 'Wait', 'Choice', 'Parallel', 'Map', 'Succeed', 'Fail'] as const;

/** A state type of the palette. */
export type PaletteType = (typeof PALETTE)[number];

const TERMINAL = new Set(['Choice', 'Succeed', 'Fail']);

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Every block of the definition: itself, Parallel branches and Map item processors, depth first. */
export function blocksOf(block: Block): Block[] {
  const blocks = [block];
  for (const state of Object.values(block.States ?? {})) {
    for (const branch of Array.isArray(state.Branches) ? (state.Branches as Block[]) : [])
      blocks.push(...blocksOf(branch));
    const processor = (state.ItemProcessor ?? state.Iterator) as Block | undefined;
    if (processor && typeof processor === 'object') blocks.push(...blocksOf(processor));
  }
  return blocks;
}

/** The block holding the state named `name`. */
export function blockOf(definition: Block, name: string): Block | undefined {
  return blocksOf(definition).find((b) => b.States && Object.hasOwn(b.States, name));
}

/** Every state name of the definition (names are unique across the machine). */
export function stateNames(definition: Block): string[] {
  return blocksOf(definition).flatMap((b) => Object.keys(b.States ?? {}));
}

/** A name not used yet: `Pass`, `Pass 2`, `Pass 3`... */
export function freshName(definition: Block, base: string): string {
  const taken = new Set(stateNames(definition));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

/** Calls `visit` with each field of the states of `block` that names a state (Next, Default, rules, catchers). */
function forEachReference(block: Block, visit: (holder: Record<string, unknown>, key: string, owner: string) => void) {
  for (const [name, state] of Object.entries(block.States ?? {})) {
    if (typeof state.Next === 'string') visit(state, 'Next', name);
    if (typeof state.Default === 'string') visit(state, 'Default', name);
    for (const list of [state.Choices, state.Catch]) {
      for (const item of Array.isArray(list) ? (list as Record<string, unknown>[]) : []) {
        if (item && typeof item.Next === 'string') visit(item, 'Next', name);
      }
    }
  }
}

function template(definition: Block, type: PaletteType, name: string, next: string | undefined): StateJson {
  const flow = next ? { Next: next } : { End: true };
  switch (type) {
    case 'Pass':
      return { Type: 'Pass', ...flow };
    case 'Wait':
      return { Type: 'Wait', Seconds: 1, ...flow };
    case 'Choice':
      return { Type: 'Choice', Choices: [{ Variable: '$.value', IsPresent: true, Next: next }], Default: next };
    case 'Succeed':
      return { Type: 'Succeed' };
    case 'Fail':
      return { Type: 'Fail', Error: 'Failed', Cause: 'Something went wrong' };
    case 'Parallel': {
      const inner = freshName(definition, `${name} branch`);
      return {
        Type: 'Parallel',
        Branches: [{ StartAt: inner, States: { [inner]: { Type: 'Pass', End: true } } }],
        ...flow,
      };
    }
    case 'Map': {
      const inner = freshName(definition, `${name} item`);
      return {
        Type: 'Map',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: inner,
          States: { [inner]: { Type: 'Pass', End: true } },
        },
        ...flow,
      };
    }
  }
}

/**
 * Adds a state of `type` after `after` (taking over its `Next`), or unconnected at the top level without `after`
 * (or after a state that has no single `Next`: a Choice, Succeed or Fail). Returns the new definition and name.
 */
export function addState(definition: Block, type: PaletteType, after?: string): { definition: Block; name: string } {
  const result = clone(definition);
  const name = freshName(result, type);
  const block = (after && blockOf(result, after)) || result;
  block.States ??= {};
  const predecessor = after ? block.States[after] : undefined;
  const linkable = predecessor && !TERMINAL.has(String(predecessor.Type));
  let next = linkable && typeof predecessor.Next === 'string' ? predecessor.Next : undefined;
  if (type === 'Choice' && !next) {
    next = freshName(result, 'Done');
    block.States[next] = { Type: 'Succeed' };
  }
  block.States[name] = template(result, type, name, TERMINAL.has(type) && type !== 'Choice' ? undefined : next);
  if (linkable) {
    predecessor.Next = name;
    delete predecessor.End;
  }
  if (!block.StartAt) block.StartAt = name;
  return { definition: result, name };
}

/**
 * Deletes a state. What led to it leads to its `Next` instead; without one, a `Next` becomes `End`, and a rule,
 * `Default` or catcher leading to it is removed. `StartAt` moves to its successor (or the first state left).
 */
export function deleteState(definition: Block, name: string): Block {
  const result = clone(definition);
  const block = blockOf(result, name);
  if (!block?.States) return result;
  const removed = block.States[name];
  delete block.States[name];
  const successor = typeof removed.Next === 'string' && removed.Next !== name ? removed.Next : undefined;
  forEachReference(block, (holder, key) => {
    if (holder[key] !== name) return;
    if (successor) holder[key] = successor;
    else delete holder[key];
  });
  for (const state of Object.values(block.States)) {
    if (state.Type !== 'Choice' && !('Next' in state) && !TERMINAL.has(String(state.Type)) && state.End === undefined) {
      state.End = true;
    }
    if (Array.isArray(state.Choices)) state.Choices = (state.Choices as StateJson[]).filter((r) => 'Next' in r);
    if (Array.isArray(state.Catch)) state.Catch = (state.Catch as StateJson[]).filter((c) => 'Next' in c);
  }
  if (block.StartAt === name) block.StartAt = successor ?? Object.keys(block.States)[0];
  return result;
}

/** Makes `from` go on to `to` (its `Next`; a Choice's `Default`). */
export function connect(definition: Block, from: string, to: string): Block {
  const result = clone(definition);
  const state = blockOf(result, from)?.States?.[from];
  if (!state) return result;
  if (state.Type === 'Choice') state.Default = to;
  else {
    state.Next = to;
    delete state.End;
  }
  return result;
}

/** Renames a state; `StartAt` and every reference follow. */
export function renameState(definition: Block, from: string, to: string): Block {
  const result = clone(definition);
  const block = blockOf(result, from);
  if (!block?.States || from === to) return result;
  block.States = Object.fromEntries(Object.entries(block.States).map(([k, v]) => [k === from ? to : k, v]));
  forEachReference(block, (holder, key) => {
    if (holder[key] === from) holder[key] = to;
  });
  if (block.StartAt === from) block.StartAt = to;
  return result;
}

/** Replaces a state's fields. */
export function replaceState(definition: Block, name: string, state: StateJson): Block {
  const result = clone(definition);
  const block = blockOf(result, name);
  if (block?.States) block.States[name] = state;
  return result;
}
