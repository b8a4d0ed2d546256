/**
 * TypeScript functions. Node 20 cannot run `.ts` files, so a TS function's worker registers module hooks
 * that ask this side, over a message port, for each `.ts` file it imports; this side transpiles it with the
 * TypeScript compiler's `transpileModule` (types are erased, not checked) and caches the result. Compiling here,
 * once, keeps the compiler out of every worker's memory budget.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';

type TypeScript = typeof import('typescript');

/**
 * The hooks a TS function's worker registers (loaded from a `data:` URL). `resolve` lets TS's own import
 * style work (`./util.js` or `./util` naming `util.ts`); `load` gets `.ts`/`.mts` files transpiled.
 */
const HOOKS = `
let port;
let next = 0;
const pending = new Map();
export function initialize(data) {
  port = data.port;
  port.on('message', ({ id, source, error }) => {
    const { resolve, reject } = pending.get(id);
    pending.delete(id);
    if (error === undefined) resolve(source); else reject(new SyntaxError(error));
  });
  port.unref();
}
const fromTs = (parentURL) => /\\.m?ts$/.test(parentURL ?? '');
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (!fromTs(context.parentURL) || !/^\\.{1,2}\\//.test(specifier)) throw error;
    const candidates = /\\.m?js$/.test(specifier)
      ? [specifier.replace(/js$/, 'ts')]
      : [specifier + '.ts', specifier + '/index.ts'];
    for (const candidate of candidates) {
      try { return await nextResolve(candidate, context); } catch {}
    }
    throw error;
  }
}
export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !/\\.m?ts$/.test(url)) return nextLoad(url, context);
  const id = next++;
  const source = await new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    port.ref();
    port.postMessage({ id, url });
  }).finally(() => { if (pending.size === 0) port.unref(); });
  return { format: 'module', source, shortCircuit: true };
}
`;

/** Transpiles TypeScript functions for their workers. */
export class TypeScriptLoader {
  #compiler: TypeScript | undefined;
  readonly #cache = new Map<string, { mtimeMs: number; source: string }>();

  constructor(private readonly baseDir: string) {}

  /** True for the files this loader transpiles. */
  static handles(path: string): boolean {
    return /\.m?ts$/.test(path);
  }

  /**
   * Loads the compiler (the project's `typescript`, else the one beside Lockstep), or throws an Error that
   * says how to install it.
   */
  compiler(): TypeScript {
    if (this.#compiler) return this.#compiler;
    for (const from of [join(this.baseDir, 'package.json'), import.meta.url]) {
      try {
        this.#compiler = createRequire(from)('typescript') as TypeScript;
        return this.#compiler;
      } catch {
        // Not installed there: try the next place.
      }
    }
    throw new Error(
      "Running TypeScript functions needs the 'typescript' package: npm install --save-dev typescript " +
        '(or compile the function to JavaScript and point the configuration at the .js file).',
    );
  }

  /** What one worker needs: the hooks, and a port on which this loader answers their requests. */
  connect(): { hooks: string; port: MessagePort } {
    const { port1, port2 } = new MessageChannel();
    port1.on('message', ({ id, url }: { id: number; url: string }) => {
      try {
        port1.postMessage({ id, source: this.transpile(fileURLToPath(url)) });
      } catch (e) {
        port1.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
      }
    });
    // The worker's hooks hold the other end; this end must not keep the process alive.
    port1.unref();
    return { hooks: HOOKS, port: port2 };
  }

  /** The file as ES module JavaScript; throws with the compiler's message when it is not valid TypeScript. */
  transpile(path: string): string {
    const { mtimeMs } = statSync(path);
    const cached = this.#cache.get(path);
    if (cached?.mtimeMs === mtimeMs) return cached.source;
    const ts = this.compiler();
    const output = ts.transpileModule(readFileSync(path, 'utf8'), {
      fileName: path,
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    const error = output.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
    if (error) {
      const where =
        error.file && error.start !== undefined ? error.file.getLineAndCharacterOfPosition(error.start) : undefined;
      const at = where ? ` (${path}:${where.line + 1}:${where.character + 1})` : '';
      throw new Error(`${ts.flattenDiagnosticMessageText(error.messageText, '\n')}${at}`);
    }
    this.#cache.set(path, { mtimeMs, source: output.outputText });
    return output.outputText;
  }
}
