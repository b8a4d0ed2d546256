import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from './router.js';

describe('routes', () => {
  const execution = 'arn:aws:states:us-east-1:123456789012:execution:orders:run/1';

  it('round-trips every page through its path', () => {
    expect(parseRoute(paths.machines())).toEqual({ page: 'machines' });
    expect(parseRoute(paths.create())).toEqual({ page: 'create' });
    expect(parseRoute(paths.execution(execution))).toEqual({ page: 'execution', arn: execution });
    const mapRun = 'arn:aws:states:us-east-1:123456789012:mapRun:orders/Items:1';
    const [executionPath, query] = paths.execution(execution, mapRun).split('?');
    expect(parseRoute(executionPath, `?${query}`)).toEqual({ page: 'execution', arn: execution });
    expect(new URLSearchParams(query).get('mapRun')).toBe(mapRun);
    expect(parseRoute(paths.edit('arn:x'))).toEqual({ page: 'edit', arn: 'arn:x' });
    const [path, search] = paths.machine('arn:x', 'graph').split('?');
    expect(parseRoute(path, `?${search}`)).toEqual({ page: 'machine', arn: 'arn:x', tab: 'graph' });
    expect(parseRoute(paths.simulator())).toEqual({ page: 'simulator' });
    expect(parseRoute(paths.activities())).toEqual({ page: 'activities' });
  });

  it('knows no other page', () => {
    expect(parseRoute('/nowhere/at/all')).toEqual({ page: 'not-found', path: '/nowhere/at/all' });
  });
});
