import { describe, expect, it } from 'vitest';
import { validateDefinition } from './index.js';

const PROCESSOR = {
  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
  StartAt: 'I',
  States: { I: { Type: 'Pass', End: true } },
};

/** The diagnostics of a Distributed Map with `resultWriter`. */
function diagnose(resultWriter: unknown, language?: 'JSONata'): [string, string, string | undefined][] {
  const definition = {
    StartAt: 'M',
    ...(language ? { QueryLanguage: language } : {}),
    States: { M: { Type: 'Map', End: true, ItemProcessor: PROCESSOR, ResultWriter: resultWriter } },
  };
  return validateDefinition(definition).map((d) => [d.code, d.message, d.location]);
}

const schema = (message: string, location = '/States/M/ResultWriter') => [
  'SCHEMA_VALIDATION_FAILED',
  message,
  location,
];
const PUT = 'arn:aws:states:::s3:putObject';

describe('checkResultWriter', () => {
  it("accepts the guide's three combinations: WriterConfig, Resource and Parameters (Arguments), all three", () => {
    const config = { OutputType: 'JSON', Transformation: 'FLATTEN' };
    expect(diagnose({ WriterConfig: config })).toEqual([]);
    expect(diagnose({ Resource: PUT, Parameters: { Bucket: 'b', Prefix: 'p' } })).toEqual([]);
    expect(diagnose({ Resource: PUT, Parameters: { 'Bucket.$': '$.b' }, WriterConfig: config })).toEqual([]);
    expect(diagnose({ Resource: PUT, Arguments: { Bucket: '{% $states.input.b %}' } }, 'JSONata')).toEqual([]);
  });

  it('refuses an empty ResultWriter, and a Resource without its parameters or parameters without a Resource', () => {
    expect(diagnose({})).toEqual([schema('These fields are required: [Resource, Parameters]')]);
    expect(diagnose({ Resource: PUT, WriterConfig: { OutputType: 'JSON' } })).toEqual([
      schema('These fields are required: [Parameters]'),
    ]);
    expect(diagnose({ Arguments: { Bucket: 'b' } }, 'JSONata')).toEqual([
      schema('These fields are required: [Resource]'),
    ]);
  });

  it('requires an OutputType in WriterConfig and checks both enumerations', () => {
    expect(diagnose({ WriterConfig: { Transformation: 'NONE' } })).toEqual([
      schema('These fields are required: [OutputType]', '/States/M/ResultWriter/WriterConfig'),
    ]);
    expect(diagnose({ WriterConfig: { OutputType: 'JSON', Transformation: 'ALL' } })).toEqual([
      schema(
        'Value should be one of the following: [NONE, COMPACT, FLATTEN]',
        '/States/M/ResultWriter/WriterConfig/Transformation',
      ),
    ]);
  });
});
