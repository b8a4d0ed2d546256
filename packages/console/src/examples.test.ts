import { runExecution } from '@lockstep/engine';
import { describe, expect, it } from 'vitest';
import { examples } from './examples.js';

describe('the bundled examples', () => {
  const byPath = (path: string) => examples.find((e) => e.path === path)!;

  it('bundles every example with its sample input', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
    expect(JSON.parse(byPath('examples/map-inline.asl.json').input)).toMatchObject({ customer: 'Ada' });
    expect(JSON.parse(byPath('examples/workshop/map-orders/map-orders.asl.json').input)).toBeTruthy();
  });

  it('says which need setting up, those that run as they are first', () => {
    expect(byPath('examples/hello-world.asl.json').needs).toBeUndefined();
    expect(byPath('examples/workshop/map-orders/map-orders.asl.json').needs).toBe(
      'Lambda functions (process-order): start the server with --functions examples/workshop/map-orders/functions',
    );
    expect(byPath('examples/quote-shipping.asl.json').needs).toContain('quote-shipping');
    const firstNeedingSetup = examples.findIndex((e) => e.needs);
    expect(examples.slice(firstNeedingSetup).every((e) => e.needs)).toBe(true);
  });

  it('names machines validly and uniquely', () => {
    const names = examples.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
  });

  it('runs those that need nothing to success with their sample input', async () => {
    for (const example of examples.filter((e) => !e.needs)) {
      const result = await runExecution({
        definition: example.definition,
        inputText: example.input,
        type: example.type,
      });
      expect([example.path, result.status, result.error, result.cause]).toEqual([
        example.path,
        'SUCCEEDED',
        undefined,
        undefined,
      ]);
    }
  });
});
