/** Ready-made states for the data flow simulator, showing each stage of the data flow. */

/** A preset: a state, its input and (for a Task) the result its resource returns. */
export interface Preset {
  label: string;
  state: object;
  input: object;
  taskResult?: object;
}

/** The presets, the first one shown on opening. */
export const PRESETS: Preset[] = [
  {
    label: 'Task: InputPath, Parameters, ResultSelector, ResultPath, OutputPath',
    state: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      InputPath: '$.order',
      Parameters: { FunctionName: 'price', 'Payload.$': '$' },
      ResultSelector: { 'total.$': '$.Payload.total', 'currency.$': '$.Payload.currency' },
      ResultPath: '$.order.price',
      OutputPath: '$.order',
      End: true,
    },
    input: { order: { id: 'A-17', items: [{ sku: 'tea', quantity: 2 }] }, customer: 'Ada' },
    taskResult: { StatusCode: 200, Payload: { total: 7.5, currency: 'EUR' } },
  },
  {
    label: 'Pass: Parameters with intrinsic functions',
    state: {
      Type: 'Pass',
      Parameters: {
        'greeting.$': "States.Format('Hello, {}!', $.name)",
        'items.$': 'States.ArrayLength($.items)',
        'id.$': 'States.UUID()',
      },
      ResultPath: '$.result',
      End: true,
    },
    input: { name: 'Ada', items: [1, 2, 3] },
  },
  {
    label: 'Pass: JSONata Output and Assign',
    state: {
      Type: 'Pass',
      QueryLanguage: 'JSONata',
      Output: '{% { "total": $sum($states.input.lines.(price * quantity)), "lines": $count($states.input.lines) } %}',
      Assign: { lastCustomer: '{% $states.input.customer %}' },
      End: true,
    },
    input: {
      customer: 'Ada',
      lines: [
        { price: 2, quantity: 3 },
        { price: 5, quantity: 1 },
      ],
    },
  },
  {
    label: 'Choice: where does this input go?',
    state: {
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: '$.total', NumericGreaterThan: 100 },
            { Variable: '$.vip', BooleanEquals: true },
          ],
          Next: 'Express shipping',
        },
        { Variable: '$.total', NumericGreaterThan: 100, Next: 'Free shipping' },
      ],
      Default: 'Standard shipping',
    },
    input: { total: 120, vip: false },
  },
];
