/**
 * The repository's examples (`examples/**.asl.json`), bundled into the console for "Create from example": each with
 * its sample input, and what it needs to run beyond the server (Lambda functions from `--functions`, an AWS service
 * endpoint, another machine).
 */

const definitions = import.meta.glob<string>('../../../examples/**/*.asl.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});
const inputs = import.meta.glob<string>('../../../examples/**/*input.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** An example. */
export interface Example {
  /** Its path in the repository, e.g. `examples/map-inline.asl.json`. */
  path: string;
  /** A state machine name for it, e.g. `map-inline`. */
  name: string;
  description: string;
  definition: string;
  type: 'STANDARD' | 'EXPRESS';
  input: string;
  /** What must be set up for it to run, or undefined when it runs as is. */
  needs?: string;
}

/** What a definition needs, from the resources of its Task states. */
export function requirementOf(definition: string, folder: string): string | undefined {
  if (/lambda/.test(definition)) {
    const names = new Set<string>();
    for (const m of definition.matchAll(/function:([\w-]+)|"FunctionName(?:\.\$)?"\s*:\s*"([^"]+)"/g))
      names.add(m[1] ?? m[2]);
    const list = [...names].join(', ');
    return folder.startsWith('examples/workshop/')
      ? `Lambda functions (${list}): start the server with --functions ${folder}/functions`
      : `a Lambda function (${list}) in the server's functions folder (--functions <dir>)`;
  }
  if (/states:::sns:/.test(definition)) return 'an SNS endpoint (AWS_ENDPOINT_URL_SNS where the server starts)';
  if (/states:::http:invoke/.test(definition))
    return 'an HTTP API and an EventBridge connection (edit the placeholders)';
  if (/states:::states:startExecution/.test(definition))
    return 'the workshop-job machine (create it from job.asl.json first)';
  return undefined;
}

function exampleOf(key: string, text: string): Example {
  const path = key.replace(/^(\.\.\/)+/, '');
  const folder = path.slice(0, path.lastIndexOf('/'));
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.asl\.json$/, '');
  const inputKey = [
    `${key.replace(/\.asl\.json$/, '')}.input.json`,
    `${key.slice(0, key.lastIndexOf('/'))}/input.json`,
  ].find((k) => k in inputs);
  let description = '';
  try {
    description = (JSON.parse(text) as { Comment?: string }).Comment ?? '';
  } catch {
    // An example that is not JSON is listed without a description (the editor shows what is wrong).
  }
  return {
    path,
    // The workshop's machines are named `workshop-<file>` (run-job starts `workshop-job`).
    name: folder.startsWith('examples/workshop/') ? `workshop-${base}` : base,
    description,
    definition: text,
    type: /express/i.test(path) ? 'EXPRESS' : 'STANDARD',
    input: inputKey ? inputs[inputKey] : '{}',
    needs: requirementOf(text, folder),
  };
}

/** Every example, those that run as they are first. */
export const examples: Example[] = Object.entries(definitions)
  .map(([key, text]) => exampleOf(key, text))
  .sort((a, b) => Number(!!a.needs) - Number(!!b.needs) || a.path.localeCompare(b.path));

/** The definition a new state machine starts from. */
export const BLANK_DEFINITION = `{
  "Comment": "A new state machine",
  "StartAt": "Hello",
  "States": {
    "Hello": {
      "Type": "Pass",
      "Result": { "greeting": "Hello from Lockstep" },
      "End": true
    }
  }
}
`;
