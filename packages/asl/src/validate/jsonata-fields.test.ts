import { describe, expect, it } from 'vitest';
import { formatInvalidDefinition, validateDefinition } from './index.js';

type Row = [string, string, string | undefined];

function diagnose(definition: unknown): Row[] {
  return validateDefinition(definition).map((d) => [d.code, d.message, d.location]);
}

/** A JSONata machine of one state `E` (plus `D` for states that need a target). */
function machine(state: Record<string, unknown>): Record<string, unknown> {
  return { QueryLanguage: 'JSONata', StartAt: 'E', States: { E: state, D: { Type: 'Succeed' } } };
}

const pass = (fields: Record<string, unknown>) => machine({ Type: 'Pass', Next: 'D', ...fields });
const task = (fields: Record<string, unknown>) =>
  machine({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'D', ...fields });
const map = (fields: Record<string, unknown>) =>
  machine({
    Type: 'Map',
    Next: 'D',
    ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } },
    ...fields,
  });

const INVALID = 'INVALID_JSONATA_EXPRESSION';
const UNSUPPORTED = 'UNSUPPORTED_JSONATA_EXPRESSION';
const topLevel = (name: string, location: string): Row => [
  UNSUPPORTED,
  `Reference to '${name}' at the top level is not supported.`,
  location,
];
const missingMember = (member: string, location: string): Row => [
  UNSUPPORTED,
  `Field '$states.${member}' does not exist.`,
  location,
];

describe('expressions that do not parse (3P-measured against AWS)', () => {
  it.each([
    ['a[1,2)', 'Expected "]", got ","'],
    ['"unterminated', 'String literal must be terminated by a matching quote'],
    ['1 +', 'Unexpected end of expression'],
    ['{"a":}', 'The symbol "}" cannot be used as a unary operator'],
    ['$x :=', 'Unexpected end of expression'],
    ['$match("a", /abc', 'No terminating / in regular expression'],
    ['phone %.other', 'The symbol "." cannot be used as a unary operator'],
    ['', 'Unexpected end of expression'],
  ])('refuses %j with the parser message without its code', (expression, message) => {
    expect(diagnose(pass({ Output: `{% ${expression} %}` }))).toEqual([[INVALID, message, '/States/E/Output']]);
  });

  it('renders as AWS renders it in InvalidDefinition', () => {
    const diagnostics = validateDefinition(pass({ Output: { v: '{% phone[1,2) %}' } }));
    expect(formatInvalidDefinition(diagnostics)).toBe(
      `Invalid State Machine Definition: 'INVALID_JSONATA_EXPRESSION: Expected "]", got "," at /States/E/Output/v'`,
    );
  });

  it('reports every failing expression of a field, at its own path', () => {
    expect(diagnose(pass({ Output: { a: '{% 1 + %}', b: ['ok', { c: '{% $x := %}' }] } }))).toEqual([
      [INVALID, 'Unexpected end of expression', '/States/E/Output/a'],
      [INVALID, 'Unexpected end of expression', '/States/E/Output/b[1]/c'],
    ]);
  });
});

describe('references to the absent context item (3P-measured against AWS)', () => {
  it('names each top-level field, in the order written', () => {
    expect(diagnose(pass({ Output: { v: '{% phone %}' } }))).toEqual([topLevel('phone', '/States/E/Output/v')]);
    expect(diagnose(pass({ Output: { v: '{% aaa + bbb %}' } }))).toEqual([
      topLevel('aaa', '/States/E/Output/v'),
      topLevel('bbb', '/States/E/Output/v'),
    ]);
  });

  it('locates nested expressions down to the array element', () => {
    expect(diagnose(pass({ Output: { a: { b: ['{% phone %}'] } } }))).toEqual([
      topLevel('phone', '/States/E/Output/a/b[0]'),
    ]);
  });

  it("names the context item '$' and refuses '$$'", () => {
    expect(diagnose(pass({ Output: { v: '{% $.phone %}' } }))).toEqual([topLevel('$', '/States/E/Output/v')]);
    expect(diagnose(pass({ Output: '{% $$ %}' }))).toEqual([
      [UNSUPPORTED, "Reference to '$$' is not supported.", '/States/E/Output'],
    ]);
  });

  it('renders as AWS renders it in InvalidDefinition', () => {
    const diagnostics = validateDefinition(pass({ Output: { v: '{% phone[0] %}' } }));
    expect(formatInvalidDefinition(diagnostics)).toBe(
      "Invalid State Machine Definition: 'UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'phone' at the top level is not supported. at /States/E/Output/v'",
    );
  });

  it('accepts names read through $states, a variable, a predicate or a function parameter', () => {
    for (const expression of [
      '$states.input.phone',
      '$states.input.items[phone > 3]',
      '$map($states.input.a, function($x){ $x.phone })',
      '$phone',
      '$doesNotExist',
      '($v := 1; $v + 1)',
    ]) {
      expect(diagnose(pass({ Output: { v: `{% ${expression} %}` } }))).toEqual([]);
    }
  });

  it('reads a function body at the top level of its definition', () => {
    expect(diagnose(pass({ Output: { v: '{% $map($states.input.a, function($x){ b }) %}' } }))).toEqual([
      topLevel('b', '/States/E/Output/v'),
    ]);
  });

  it('an earlier Assign does not make the bare name legal', () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { phone: '{% 1 %}' }, Next: 'E' },
        E: { Type: 'Pass', Output: { v: '{% phone %}' }, End: true },
      },
    };
    expect(diagnose(definition)).toEqual([topLevel('phone', '/States/E/Output/v')]);
  });
});

describe('$states members', () => {
  const catcher = (fields: Record<string, unknown>) => ({ ErrorEquals: ['States.ALL'], Next: 'D', ...fields });

  it('offers errorOutput only to a catcher’s Output and Assign (3P-measured)', () => {
    expect(diagnose(pass({ Output: '{% $states.errorOutput %}' }))).toEqual([
      missingMember('errorOutput', '/States/E/Output'),
    ]);
    expect(diagnose(task({ Catch: [catcher({ Output: '{% $states.errorOutput %}' })] }))).toEqual([]);
    expect(diagnose(task({ Catch: [catcher({ Assign: { lastError: '{% $states.errorOutput %}' } })] }))).toEqual([]);
    expect(diagnose(task({ Assign: { e: '{% $states.errorOutput.Cause %}' } }))).toEqual([
      missingMember('errorOutput', '/States/E/Assign/e'),
    ]);
  });

  it('offers result only to the Output and Assign of Task, Map and Parallel (inferred, not measured)', () => {
    expect(diagnose(task({ Output: '{% $states.result %}', Assign: { r: '{% $states.result.Payload %}' } }))).toEqual(
      [],
    );
    expect(diagnose(map({ Output: { n: '{% $count($states.result) %}' } }))).toEqual([]);
    expect(diagnose(pass({ Output: '{% $states.result %}' }))).toEqual([missingMember('result', '/States/E/Output')]);
    expect(diagnose(task({ Arguments: { p: '{% $states.result %}' } }))).toEqual([
      missingMember('result', '/States/E/Arguments/p'),
    ]);
    expect(diagnose(task({ Catch: [catcher({ Output: '{% $states.result %}' })] }))).toEqual([
      missingMember('result', '/States/E/Catch[0]/Output'),
    ]);
  });

  it('offers input and context everywhere and no other member', () => {
    expect(diagnose(pass({ Output: '{% [$states.input, $states.context.Execution.Id, $states] %}' }))).toEqual([]);
    expect(diagnose(pass({ Output: '{% $states.item %}' }))).toEqual([missingMember('item', '/States/E/Output')]);
  });
});

describe('which fields hold expressions', () => {
  const phone = '{% phone %}';

  it('checks the state fields of every type, at their locations', () => {
    expect(diagnose(pass({ Assign: { v: phone } }))).toEqual([topLevel('phone', '/States/E/Assign/v')]);
    expect(diagnose(machine({ Type: 'Wait', Seconds: phone, Next: 'D' }))).toEqual([
      topLevel('phone', '/States/E/Seconds'),
    ]);
    expect(diagnose(machine({ Type: 'Wait', Timestamp: phone, Next: 'D' }))).toEqual([
      topLevel('phone', '/States/E/Timestamp'),
    ]);
    expect(diagnose(machine({ Type: 'Fail', Error: phone, Cause: phone }))).toEqual([
      topLevel('phone', '/States/E/Error'),
      topLevel('phone', '/States/E/Cause'),
    ]);
    expect(diagnose(machine({ Type: 'Succeed', Output: phone }))).toEqual([topLevel('phone', '/States/E/Output')]);
    expect(
      diagnose(
        task({
          Arguments: { FunctionName: 'f', Payload: { Comment: phone } },
          Credentials: { RoleArn: phone },
          TimeoutSeconds: phone,
          HeartbeatSeconds: phone,
        }),
      ),
    ).toEqual([
      topLevel('phone', '/States/E/Arguments/Payload/Comment'),
      topLevel('phone', '/States/E/Credentials/RoleArn'),
      topLevel('phone', '/States/E/TimeoutSeconds'),
      topLevel('phone', '/States/E/HeartbeatSeconds'),
    ]);
  });

  it('checks Choice rules and catchers under their index', () => {
    const choice = machine({
      Type: 'Choice',
      Output: phone,
      Choices: [{ Condition: '{% phone = 1 %}', Output: { x: phone }, Assign: { y: phone }, Next: 'D' }],
      Default: 'D',
    });
    expect(diagnose(choice)).toEqual([
      topLevel('phone', '/States/E/Output'),
      topLevel('phone', '/States/E/Choices[0]/Assign/y'),
      topLevel('phone', '/States/E/Choices[0]/Output/x'),
      topLevel('phone', '/States/E/Choices[0]/Condition'),
    ]);
    const caught = task({
      Catch: [{ ErrorEquals: ['States.ALL'], Output: { v: phone }, Assign: { Retry: phone }, Next: 'D' }],
    });
    expect(diagnose(caught)).toEqual([
      topLevel('phone', '/States/E/Catch[0]/Output/v'),
      topLevel('phone', '/States/E/Catch[0]/Assign/Retry'),
    ]);
  });

  it('checks a Map’s items, limits and Distributed Map objects', () => {
    const diagnostics = diagnose(
      map({
        Items: phone,
        ItemSelector: { Next: phone },
        MaxConcurrency: phone,
        ToleratedFailurePercentage: phone,
        ToleratedFailureCount: phone,
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          Arguments: { Bucket: phone },
          ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: [phone], MaxItems: phone },
        },
        ItemBatcher: { MaxItemsPerBatch: phone, MaxInputBytesPerBatch: phone, BatchInput: { Comment: phone } },
        ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Arguments: { Bucket: phone } },
      }),
    );
    expect(diagnostics.map((d) => d[2])).toEqual([
      '/States/E/Items',
      '/States/E/ItemSelector/Next',
      '/States/E/MaxConcurrency',
      '/States/E/ToleratedFailurePercentage',
      '/States/E/ToleratedFailureCount',
      '/States/E/ItemReader/Arguments/Bucket',
      '/States/E/ItemReader/ReaderConfig/MaxItems',
      '/States/E/ItemBatcher/MaxItemsPerBatch',
      '/States/E/ItemBatcher/MaxInputBytesPerBatch',
      '/States/E/ItemBatcher/BatchInput/Comment',
      '/States/E/ResultWriter/Arguments/Bucket',
    ]);
  });

  it('checks the states of item processors and branches', () => {
    const nested = map({
      Items: '{% $states.input.a %}',
      ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', Output: { v: phone }, End: true } } },
    });
    expect(diagnose(nested)).toEqual([topLevel('phone', '/States/E/ItemProcessor/States/I/Output/v')]);
    const parallel = machine({
      Type: 'Parallel',
      Arguments: phone,
      Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', Output: { v: phone }, End: true } } }],
      Next: 'D',
    });
    expect(diagnose(parallel)).toEqual([
      topLevel('phone', '/States/E/Arguments'),
      topLevel('phone', '/States/E/Branches[0]/States/B/Output/v'),
    ]);
  });

  it('keeps {% %} as text where AWS does (3P-measured)', () => {
    expect(diagnose(pass({ Comment: phone }))).toEqual([]);
    expect(diagnose(task({ Retry: [{ ErrorEquals: [phone] }] }))).toEqual([]);
    expect(diagnose(pass({ Output: ` ${phone}` }))).toEqual([]);
  });

  it('parses only the states whose language is JSONata', () => {
    const jsonPath = {
      StartAt: 'E',
      States: { E: { Type: 'Pass', Parameters: { v: phone }, Assign: { a: phone }, End: true } },
    };
    expect(diagnose(jsonPath)).toEqual([]);
    const upgraded = {
      StartAt: 'E',
      States: { E: { Type: 'Pass', QueryLanguage: 'JSONata', Output: { v: phone }, End: true } },
    };
    expect(diagnose(upgraded)).toEqual([topLevel('phone', '/States/E/Output/v')]);
  });
});
