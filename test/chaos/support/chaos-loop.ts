/**
 * The chaos itself: the server is killed, by the test's SIGKILL at a random moment or by an armed failure
 * point, and restarted over the same data, life after life, until enough kills happened and the workload says
 * it is done; then a last life runs without any failure armed.
 */
import { type ChaosServer, EndedBeforeListeningError, type LifeEnd, type ServerLife } from './chaos-server.js';
import { type LifePlan, planLife } from './fail-plan.js';

/** What the chaos did. */
export interface ChaosReport {
  /** Lives ended by the test's SIGKILL. */
  kills: number;
  /** Lives ended by an armed failure point, by point name. */
  failPointDeaths: Map<string, number>;
  /** Lives that ended otherwise (a crash of the server: a bug). */
  unexpectedEnds: string[];
}

/** Options of {@link runChaos}. */
export interface ChaosOptions {
  /** The fewest lives the test kills itself. */
  minKills: number;
  /** A bound on the lives, whatever happens. */
  maxLives: number;
  /** Whether the workload needs no more chaos (checked between lives). */
  done: () => boolean;
  log: (line: string) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function recordEnd(report: ChaosReport, plan: LifePlan, end: LifeEnd, output: string): void {
  if (plan.failPoint !== undefined && end.signal === 'SIGKILL') {
    const name = plan.failPoint.split(':')[0];
    report.failPointDeaths.set(name, (report.failPointDeaths.get(name) ?? 0) + 1);
  } else {
    report.unexpectedEnds.push(`exit code ${end.code}, signal ${end.signal}: ${output.slice(-2000)}`);
  }
}

/**
 * Kills and restarts `server` (already serving its first life) until `options` are met, then starts the last
 * life, which is left running.
 */
export async function runChaos(server: ChaosServer, random: () => number, options: ChaosOptions): Promise<ChaosReport> {
  const report: ChaosReport = { kills: 0, failPointDeaths: new Map(), unexpectedEnds: [] };
  let life: ServerLife | undefined = await server.serving();
  let plan: LifePlan = { killAfterMs: planLife(random).killAfterMs };
  for (let lives = 1; ; lives++) {
    if (life) {
      const end = await Promise.race([life.ended, sleep(plan.killAfterMs).then(() => undefined)]);
      if (end === undefined) {
        await server.kill();
        report.kills++;
      } else {
        recordEnd(report, plan, end, life.output());
      }
      options.log(`life ${life.generation} ${end ? `died at ${plan.failPoint}` : 'killed'}`);
    }
    if ((report.kills >= options.minKills && options.done()) || lives >= options.maxLives) break;
    plan = planLife(random);
    try {
      life = await server.start(plan.failPoint);
    } catch (error) {
      if (!(error instanceof EndedBeforeListeningError)) throw error;
      recordEnd(report, plan, error.end, error.message);
      life = undefined;
    }
  }
  await server.start();
  return report;
}
