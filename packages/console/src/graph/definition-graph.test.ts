import { describe, expect, it } from 'vitest';
import { definitionGraph, type GraphNode } from './definition-graph.js';
import { describeRule } from './rule-label.js';

const edgesOf = (node: GraphNode) =>
  (node.edges ?? []).map((e) =>
    [e.sources[0], e.targets[0], e.kind, e.labels?.[0]?.text].filter((x) => x !== undefined),
  );

describe('definitionGraph', () => {
  it('draws Next, Choice rules with their rule, Default, Catch, Start and End', () => {
    const graph = definitionGraph({
      StartAt: 'Pay',
      States: {
        Pay: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Next: 'Check',
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Oops' }],
        },
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.total', NumericGreaterThan: 100, Next: 'Big' }],
          Default: 'Small',
        },
        Big: { Type: 'Succeed' },
        Small: { Type: 'Pass', End: true },
        Oops: { Type: 'Fail' },
      },
    });
    expect(graph.children!.map((c) => [c.id, c.info.kind, c.info.detail])).toEqual([
      ['start', 'start', undefined],
      ['Pay', 'state', 'lambda:invoke'],
      ['Check', 'state', undefined],
      ['Big', 'state', undefined],
      ['Small', 'state', undefined],
      ['Oops', 'state', undefined],
      ['end', 'end', undefined],
    ]);
    expect(edgesOf(graph)).toEqual([
      ['start', 'Pay', 'next'],
      ['Pay', 'Check', 'next'],
      ['Pay', 'Oops', 'catch', 'Catch: States.ALL'],
      ['Check', 'Big', 'choice', '$.total > 100'],
      ['Check', 'Small', 'default', 'Default'],
      ['Big', 'end', 'next'],
      ['Small', 'end', 'next'],
      ['Oops', 'end', 'next'],
    ]);
    expect(new Set([graph, ...graph.children!].flatMap((n) => n.edges ?? []).map((e) => e.id)).size).toBe(8);
  });

  it('holds Parallel branches and a Map item processor in containers', () => {
    const graph = definitionGraph({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Both',
            States: {
              Both: {
                Type: 'Parallel',
                Branches: [
                  { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
                  { StartAt: 'B', States: { B: { Type: 'Pass', Next: 'C' }, C: { Type: 'Pass', End: true } } },
                ],
                End: true,
              },
            },
          },
          End: true,
        },
      },
    });
    const map = graph.children!.find((c) => c.id === 'Each')!;
    expect(map.info.kind).toBe('container');
    const parallel = map.children![0];
    expect([parallel.id, parallel.info.kind, parallel.info.stateName]).toEqual(['Each/Both', 'container', 'Both']);
    expect(parallel.children!.map((b) => [b.info.label, b.children!.map((s) => s.info.stateName)])).toEqual([
      ['Branch 1', ['A']],
      ['Branch 2', ['B', 'C']],
    ]);
    expect(edgesOf(parallel.children![1])).toEqual([['Each/Both/1/B', 'Each/Both/1/C', 'next']]);
  });

  it('describes compound and JSONata rules', () => {
    expect(
      describeRule({
        And: [
          { Variable: '$.a', StringEquals: 'x' },
          { Or: [{ Variable: '$.b', IsPresent: true }, { Not: { Variable: '$.c', BooleanEquals: true } }] },
        ],
      }),
    ).toBe('$.a == "x" and ($.b is present or not $.c == true)');
    expect(describeRule({ Condition: '{% $states.input.total >= 50 %}' })).toBe('$states.input.total >= 50');
  });
});
