// End to end: the web console in Chromium against `lockstep serve` (the built CLI and console: `npm run build`).
// Skipped only when Chromium is missing (.ci/run installs Debian's `chromium`). Render times of the executions
// list and of a 10,000-event history are measured and printed, not asserted.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  consoleBuilt,
  fillEditor,
  launchBrowser,
  measured,
  type Server,
  screenshot,
  startServer,
} from './browser.js';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`console end-to-end tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

const ROLE = 'arn:aws:iam::123456789012:role/e2e';
const ORDERS = {
  Comment: 'Takes an order, waits a second, ships it.',
  StartAt: 'Take order',
  States: {
    'Take order': { Type: 'Pass', Parameters: { 'orderId.$': '$.orderId', status: 'taken' }, Next: 'Wait a second' },
    'Wait a second': { Type: 'Wait', Seconds: 1, Next: 'Ship' },
    Ship: { Type: 'Pass', Result: 'shipped', ResultPath: '$.status', End: true },
  },
};

describe.skipIf(!hasChromium)('the web console (Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let functions: string;
  const arnOf = (name: string) => `arn:aws:states:us-east-1:123456789012:stateMachine:${name}`;
  const open = (path: string) => page.goto(`${server.url}${path}`);

  beforeAll(async () => {
    expect(consoleBuilt(), "the console is not built: run 'npm run build'").toBe(true);
    functions = mkdtempSync(join(tmpdir(), 'lockstep-console-functions-'));
    writeFileSync(
      join(functions, 'charge.mjs'),
      "export const handler = async () => { const e = new Error('Card expired'); e.name = 'Payment.Declined'; throw e; };\n",
    );
    server = await startServer('--functions', functions);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGKILL');
    if (functions) rmSync(functions, { recursive: true, force: true });
  });

  it('creates a state machine in the editor, with diagnostics at their place', async () => {
    await open('/');
    await page.getByRole('button', { name: 'Create state machine' }).click();
    await page.getByPlaceholder('my-state-machine').fill('orders');
    // A transition to a state that does not exist: the server's diagnostic is listed and underlined.
    const broken = {
      ...ORDERS,
      States: { ...ORDERS.States, Ship: { ...ORDERS.States.Ship, End: undefined, Next: 'Nowhere' } },
    };
    await fillEditor(page, 'Definition', JSON.stringify(broken, null, 2));
    await expect.poll(() => page.getByTestId('diagnostics').textContent()).toContain('Nowhere');
    await page.locator('.cm-lintRange-error').first().waitFor();
    await fillEditor(page, 'Definition', JSON.stringify(ORDERS, null, 2));
    await page.getByText('The definition is valid.').waitFor();
    await page.locator('.react-flow__node:has([data-state="Ship"])').waitFor();
    await screenshot(page, 'editor', 'console-editor.png');
    // Design mode: select a state on the graph, add a Wait after it from the palette, then delete it again.
    await page.locator('.react-flow__node:has([data-state="Take order"])').click();
    await page.getByRole('tab', { name: 'Design', selected: true }).waitFor();
    await page.getByRole('button', { name: '+ Wait' }).click();
    await page.locator('.react-flow__node:has([data-state="Wait"])').waitFor();
    await page.getByRole('form', { name: 'State Wait' }).waitFor();
    await screenshot(page, 'editor-design');
    await page.getByRole('button', { name: 'Delete state' }).click();
    await page.locator('.react-flow__node:has([data-state="Wait"])').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Code' }).click();
    const saved = await page.locator('.cm-content[aria-label="Definition"]').textContent();
    expect(JSON.parse(saved ?? '')).toEqual(ORDERS);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: 'orders' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/state-machines/${encodeURIComponent(arnOf('orders'))}`);
    await screenshot(page, 'state-machine');
  });

  it('starts an execution and watches it finish', async () => {
    await page.getByRole('button', { name: 'Start execution' }).click();
    await page.getByPlaceholder('A unique name; a UUID if empty').fill('first-order');
    await fillEditor(page, 'Execution input', '{"orderId": "A-1"}');
    await page.getByRole('button', { name: 'Start execution' }).last().click();
    await page.getByRole('heading', { name: 'first-order' }).waitFor();
    await expect.poll(() => page.getByTestId('execution-status').textContent(), { timeout: 15_000 }).toBe('SUCCEEDED');
    await page.locator('[data-state="Ship"][data-status="succeeded"]').waitFor();
    await page.getByRole('tab', { name: 'Input and output' }).click();
    await page.getByText('"shipped"').waitFor();
    await page.getByRole('tab', { name: 'Graph view' }).click();
    await page.locator('[data-state="Wait a second"][data-status="succeeded"]').waitFor();
    await screenshot(page, 'execution');
    await page.getByRole('tab', { name: 'Event history' }).click();
    await page.getByRole('table', { name: 'Event history' }).getByText('ExecutionSucceeded').waitFor();
    await screenshot(page, 'execution-history');
  });

  it('opens a failed execution and reads the error at the failed state', async () => {
    const definition = {
      StartAt: 'Charge card',
      States: {
        'Charge card': {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'charge', 'Payload.$': '$' },
          End: true,
        },
      },
    };
    await server.call('CreateStateMachine', {
      name: 'payments',
      definition: JSON.stringify(definition),
      roleArn: ROLE,
    });
    const { executionArn } = await server.call<{ executionArn: string }>('StartExecution', {
      stateMachineArn: arnOf('payments'),
      name: 'declined',
      input: '{"amount": 12}',
    });
    await open(`/executions/${encodeURIComponent(executionArn)}`);
    await expect.poll(() => page.getByTestId('execution-status').textContent(), { timeout: 15_000 }).toBe('FAILED');
    await page.getByTestId('execution-error').getByText('Payment.Declined').waitFor();
    // With the keyboard: the state is focusable, Enter selects it.
    await page.locator('.react-flow__node:has([data-state="Charge card"][data-status="failed"])').focus();
    await page.keyboard.press('Enter');
    const error = page.getByTestId('state-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Payment.Declined');
    expect(await error.textContent()).toContain('Card expired');
    expect(await page.getByTestId('state-input').textContent()).toContain('"amount": 12');
    await screenshot(page, 'execution-failed', 'console-execution-failed.png');

    // Redrive: the card is still declined, so the execution fails again, once redriven.
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Redrive' }).click();
    await expect
      .poll(
        () =>
          page
            .locator('dt:text-is("Redrives") + dd')
            .textContent()
            .catch(() => null),
        { timeout: 15_000 },
      )
      .toBe('1');
    await expect.poll(() => page.getByTestId('execution-status').textContent(), { timeout: 15_000 }).toBe('FAILED');
    const described = await server.call<{ redriveCount: number }>('DescribeExecution', { executionArn });
    expect(described.redriveCount).toBe(1);
  });

  it('opens a Map iteration', async () => {
    await open('/');
    await page.getByRole('link', { name: 'payments' }).waitFor();
    await screenshot(page, 'state-machines');
    await page.getByRole('button', { name: 'Create from example' }).click();
    await page.getByRole('button', { name: /map-inline/ }).waitFor();
    await screenshot(page, 'create-from-example');
    await page.getByRole('button', { name: /map-inline/ }).click();
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: 'map-inline' }).waitFor();
    await page.getByRole('button', { name: 'Start execution' }).click();
    // The example's sample input is proposed.
    await page.locator('.cm-content[aria-label="Execution input"]').getByText('scone').waitFor();
    await page.getByRole('button', { name: 'Start execution' }).last().click();
    await expect.poll(() => page.getByTestId('execution-status').textContent(), { timeout: 15_000 }).toBe('SUCCEEDED');
    await page.locator('.react-flow__node:has([data-state="Label lines"])').click({ position: { x: 20, y: 10 } });
    await page.getByRole('button', { name: 'Iteration 1: succeeded' }).click();
    await page.getByText('Showing iteration 1 of Label lines.').waitFor();
    await page.locator('.react-flow__node:has([data-state="Label"])').click();
    await expect.poll(() => page.getByTestId('state-output').textContent()).toContain('3 x scone for Ada');
    expect(await page.getByTestId('state-input').textContent()).toContain('"index": 1');
    await page.getByRole('region', { name: 'Data flow' }).getByText('Parameters').waitFor();
    await screenshot(page, 'map-iteration', 'console-map-iteration.png');
  });

  it('shows a Distributed Map’s run: its counts, its children, a child and the way back, and its settings', async () => {
    const distributed = (States: Record<string, object>, StartAt: string) => ({
      Type: 'Map',
      Label: 'Orders',
      MaxConcurrency: 2,
      ToleratedFailureCount: 1,
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt, States },
      End: true,
    });
    const definition = {
      StartAt: 'Each order',
      States: {
        'Each order': distributed(
          {
            Check: {
              Type: 'Choice',
              Choices: [{ Variable: '$.broken', IsPresent: true, Next: 'Reject' }],
              Default: 'Ship',
            },
            Reject: { Type: 'Fail', Error: 'Order.Broken', Cause: 'this order cannot ship' },
            Ship: { Type: 'Pass', Result: 'shipped', ResultPath: '$.status', End: true },
          },
          'Check',
        ),
      },
    };
    await server.call('CreateStateMachine', {
      name: 'distributed-orders',
      definition: JSON.stringify(definition),
      roleArn: ROLE,
    });
    const { executionArn } = await server.call<{ executionArn: string }>('StartExecution', {
      stateMachineArn: arnOf('distributed-orders'),
      name: 'batch',
      input: JSON.stringify([{ id: 1 }, { id: 2, broken: true }, { id: 3 }, { id: 4 }]),
    });
    await open(`/executions/${encodeURIComponent(executionArn)}`);
    await expect.poll(() => page.getByTestId('execution-status').textContent(), { timeout: 15_000 }).toBe('SUCCEEDED');
    await page.locator('.react-flow__node:has([data-state="Each order"])').click({ position: { x: 20, y: 10 } });
    const mapRun = page.getByRole('region', { name: 'Map Run' });
    await mapRun.getByRole('heading', { name: 'Map Run Orders' }).waitFor();
    await mapRun.getByTestId('map-run-status').getByText('SUCCEEDED').waitFor();
    // Pending, running, succeeded, failed, timed out, aborted, total: the broken order failed, within tolerance.
    expect(await mapRun.getByTestId('map-run-items').locator('td').allTextContents()).toEqual([
      '0',
      '0',
      '3',
      '1',
      '0',
      '0',
      '4',
    ]);
    expect(await mapRun.getByTestId('map-run-executions').locator('td').allTextContents()).toEqual([
      '0',
      '0',
      '3',
      '1',
      '0',
      '0',
      '4',
    ]);
    const children = mapRun.getByRole('table', { name: 'Child executions' });
    await mapRun.getByTestId('executions-count').getByText('4 shown').waitFor();
    await mapRun.getByLabel('Status').selectOption('FAILED');
    await mapRun.getByTestId('executions-count').getByText('1 shown').waitFor();
    await mapRun.scrollIntoViewIfNeeded();
    await screenshot(page, 'map-run', 'console-map-run.png');

    // The failed child: its own page, its item processor's graph, and a link back to the run.
    await children.getByRole('link').first().click();
    await expect.poll(() => page.getByTestId('execution-status').textContent(), { timeout: 15_000 }).toBe('FAILED');
    await page.getByTestId('execution-error').getByText('Order.Broken').waitFor();
    await page.locator('[data-state="Reject"][data-status="failed"]').waitFor();
    const note = page.getByTestId('map-run-child');
    expect(await note.textContent()).toContain('Map Run Orders');
    await screenshot(page, 'map-run-child');
    await note.getByRole('link', { name: 'batch' }).click();
    await page.getByRole('heading', { name: 'batch' }).waitFor();
    await mapRun.getByTestId('executions-count').getByText('4 shown').waitFor();

    // A run still running (its children wait an hour) takes new settings.
    const waiting = {
      StartAt: 'Each order',
      States: { 'Each order': distributed({ Hold: { Type: 'Wait', Seconds: 3600, End: true } }, 'Hold') },
    };
    await server.call('CreateStateMachine', {
      name: 'held-orders',
      definition: JSON.stringify(waiting),
      roleArn: ROLE,
    });
    const held = await server.call<{ executionArn: string }>('StartExecution', {
      stateMachineArn: arnOf('held-orders'),
      input: JSON.stringify([1, 2, 3]),
    });
    await open(`/executions/${encodeURIComponent(held.executionArn)}`);
    await page.locator('.react-flow__node:has([data-state="Each order"])').click({ position: { x: 20, y: 10 } });
    const settings = mapRun.getByRole('form', { name: 'Map Run settings' });
    await settings.getByLabel('Max concurrency').fill('5');
    await settings.getByRole('button', { name: 'Update Map Run' }).click();
    await settings.getByText('Updated.').waitFor();
    await expect.poll(() => mapRun.locator('.facts').textContent()).toContain('Max concurrency5');
    await mapRun.scrollIntoViewIfNeeded();
    await screenshot(page, 'map-run-running');
    await server.call('StopExecution', { executionArn: held.executionArn });
  });

  it('simulates a state’s data flow in the browser', async () => {
    await open('/simulator');
    const simulation = page.getByTestId('simulation');
    await simulation.locator('[data-stage="ResultSelector"]').getByText('"total": 7.5').waitFor();
    expect(await simulation.locator('[data-stage="Output"]').textContent()).toContain('"price"');
    await fillEditor(page, 'Task result', '{"Payload": {"total": 99, "currency": "USD"}}');
    await simulation.locator('[data-stage="Output"]').getByText('"total": 99').waitFor();
    await screenshot(page, 'simulator', 'console-simulator.png');
    await page.getByLabel('Example').selectOption({ label: 'Choice: where does this input go?' });
    await expect.poll(() => page.getByTestId('next-state').textContent()).toBe('Free shipping');
  });

  it('lists activities and the tasks open for them', async () => {
    const { activityArn } = (await server.call('CreateActivity', { name: 'review' })) as { activityArn: string };
    const definition = JSON.stringify({
      StartAt: 'Await review',
      States: { 'Await review': { Type: 'Task', Resource: activityArn, End: true } },
    });
    await server.call('CreateStateMachine', { name: 'reviewed', definition, roleArn: ROLE });
    await server.call('StartExecution', { stateMachineArn: arnOf('reviewed'), name: 'needs-review' });
    await open('/activities');
    await page.getByText(activityArn).waitFor();
    const openTasks = page.getByRole('table', { name: 'Open activity tasks' });
    await openTasks.getByText('needs-review').waitFor();
    await openTasks.getByText('waiting for a worker').waitFor();
    await screenshot(page, 'activities');
  });

  it('renders 1,000 executions and a 10,000-event history (timings printed)', async () => {
    await server.call('CreateStateMachine', {
      name: 'many',
      definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }),
      roleArn: ROLE,
    });
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          server.call('StartExecution', { stateMachineArn: arnOf('many'), name: `run-${batch * 50 + i}` }),
        ),
      );
    }
    let started = Date.now();
    await open(`/state-machines/${encodeURIComponent(arnOf('many'))}`);
    await page.getByTestId('executions-count').getByText('1000 shown').waitFor();
    const listWall = Date.now() - started;
    const list = await measured(page, 'executions-list');
    await screenshot(page, 'executions-list');

    // 2,500 iterations of a Map of one Pass: 4 events each, 10,006 in all.
    const items = Array.from({ length: 2500 }, (_, i) => i);
    await server.call('CreateStateMachine', {
      name: 'long-history',
      definition: JSON.stringify({
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            ItemProcessor: { StartAt: 'Touch', States: { Touch: { Type: 'Pass', End: true } } },
            ResultPath: null,
            End: true,
          },
        },
      }),
      roleArn: ROLE,
    });
    const { executionArn } = await server.call<{ executionArn: string }>('StartExecution', {
      stateMachineArn: arnOf('long-history'),
      input: JSON.stringify(items),
    });
    await expect
      .poll(async () => (await server.call<{ status: string }>('DescribeExecution', { executionArn })).status, {
        timeout: 60_000,
      })
      .toBe('SUCCEEDED');
    started = Date.now();
    await open(`/executions/${encodeURIComponent(executionArn)}?tab=events`);
    await page.getByTestId('events-count').getByText('10006 of 10006 events').waitFor({ timeout: 30_000 });
    const historyWall = Date.now() - started;
    const page_ = await measured(page, 'execution-page');
    const table = await measured(page, 'event-history');
    await page.getByRole('table', { name: 'Event history' }).getByText('MapIterationStarted').first().waitFor();
    await screenshot(page, 'execution-history-10000');
    // A 500-state graph: a chain of Pass states with a Choice every 10 states (laid out in the worker).
    const big: Record<string, object> = {};
    for (let i = 0; i < 500; i++) {
      const next = i === 499 ? { End: true } : { Next: `S${i + 1}` };
      big[`S${i}`] =
        i % 10 === 5 && i < 490
          ? {
              Type: 'Choice',
              Choices: [{ Variable: '$.skip', IsPresent: true, Next: `S${i + 3}` }],
              Default: `S${i + 1}`,
            }
          : { Type: 'Pass', ...next };
    }
    await server.call('CreateStateMachine', {
      name: 'five-hundred',
      definition: JSON.stringify({ StartAt: 'S0', States: big }),
      roleArn: ROLE,
    });
    started = Date.now();
    await open(`/state-machines/${encodeURIComponent(arnOf('five-hundred'))}?tab=graph`);
    await page.locator('[data-testid="graph"][data-laid-out="true"]').waitFor({ timeout: 60_000 });
    const layout = await measured(page, 'graph-layout');
    const graphWall = Date.now() - started;
    await screenshot(page, 'graph-500-states');
    console.log(
      [
        'console render timings:',
        `  graph of 500 states: ELK layout ${layout.toFixed(0)} ms in the worker (${graphWall} ms from navigation to drawn)`,
        `  executions list (1,000 executions): ${list.toFixed(0)} ms from mount to rendered rows (${listWall} ms from navigation)`,
        `  execution with 10,006 events: ${page_.toFixed(0)} ms from mount to rendered (fetch of 11 pages included), ` +
          `event table ${table.toFixed(0)} ms to render (${historyWall} ms from navigation)`,
      ].join('\n'),
    );
  }, 180_000);
});
