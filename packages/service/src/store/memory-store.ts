/**
 * A {@link Store} in memory: the reference implementation of the contract, for tests and for running the
 * service without persistence. Records are copied in and out, so callers never share mutable state with it.
 */

import { MemoryMapRuns } from './memory-map-runs.js';
import type {
  ActivityRecord,
  Change,
  ConnectionFilter,
  ConnectionRecord,
  ExecutionFilter,
  ExecutionRow,
  ExecutionSummary,
  Page,
  StateMachineAliasRecord,
  StateMachineRecord,
  StateMachineVersionRecord,
  StoredHistoryEvent,
  TaskTokenRecord,
  WorkItem,
} from './records.js';
import type { InsertExecutionResult, ListOptions, Store } from './store.js';

interface LeasedWork {
  item: WorkItem;
  leaseUntil: number;
}

/** Creates an empty store. */
export function createMemoryStore(): Store {
  return new MemoryStore();
}

class MemoryStore implements Store {
  private readonly machines = new Map<string, StateMachineRecord>();
  private readonly versions = new Map<string, StateMachineVersionRecord>();
  private readonly aliases = new Map<string, StateMachineAliasRecord>();
  private readonly executions = new Map<string, ExecutionRow>();
  private readonly history = new Map<string, StoredHistoryEvent[]>();
  private readonly work = new Map<string, LeasedWork>();
  private readonly activities = new Map<string, ActivityRecord>();
  private readonly tokens = new Map<string, TaskTokenRecord>();
  private readonly tags = new Map<string, Record<string, string>>();
  private readonly connections = new Map<string, ConnectionRecord>();
  private readonly mapRuns = new MemoryMapRuns(this.executions);

  async insertStateMachine(record: StateMachineRecord): Promise<boolean> {
    if (this.machines.has(record.stateMachineArn)) return false;
    this.machines.set(record.stateMachineArn, { ...record });
    return true;
  }

  async getStateMachine(arn: string): Promise<StateMachineRecord | undefined> {
    return copy(this.machines.get(arn));
  }

  async updateStateMachine(record: StateMachineRecord): Promise<boolean> {
    if (!this.machines.has(record.stateMachineArn)) return false;
    this.machines.set(record.stateMachineArn, { ...record });
    return true;
  }

  async deleteStateMachine(arn: string): Promise<void> {
    this.machines.delete(arn);
    this.tags.delete(arn);
    for (const [versionArn, version] of this.versions) {
      if (version.stateMachineArn === arn) {
        this.versions.delete(versionArn);
        this.tags.delete(versionArn);
      }
    }
    for (const [aliasArn, alias] of this.aliases) {
      if (alias.stateMachineArn === arn) this.aliases.delete(aliasArn);
    }
  }

  async listStateMachines(options: ListOptions): Promise<Page<StateMachineRecord>> {
    const sorted = [...this.machines.values()].sort((a, b) => compare(a.stateMachineArn, b.stateMachineArn));
    return page(sorted, options, (m) => m.stateMachineArn);
  }

  async insertVersion(version: StateMachineVersionRecord): Promise<boolean> {
    if (this.versions.has(version.stateMachineVersionArn)) return false;
    this.versions.set(version.stateMachineVersionArn, { ...version });
    const machine = this.machines.get(version.stateMachineArn);
    if (machine) machine.latestVersion = Math.max(machine.latestVersion, version.version);
    return true;
  }

  async getVersion(arn: string): Promise<StateMachineVersionRecord | undefined> {
    return copy(this.versions.get(arn));
  }

  async listVersions(stateMachineArn: string, options: ListOptions): Promise<Page<StateMachineVersionRecord>> {
    const sorted = [...this.versions.values()]
      .filter((v) => v.stateMachineArn === stateMachineArn)
      .sort((a, b) => b.version - a.version);
    return page(sorted, options, (v) => v.stateMachineVersionArn);
  }

  async deleteVersion(arn: string): Promise<void> {
    this.versions.delete(arn);
    this.tags.delete(arn);
  }

  async insertAlias(alias: StateMachineAliasRecord): Promise<boolean> {
    if (this.aliases.has(alias.stateMachineAliasArn)) return false;
    this.aliases.set(alias.stateMachineAliasArn, structuredClone(alias));
    return true;
  }

  async getAlias(arn: string): Promise<StateMachineAliasRecord | undefined> {
    return structuredClone(this.aliases.get(arn));
  }

  async updateAlias(alias: StateMachineAliasRecord): Promise<boolean> {
    if (!this.aliases.has(alias.stateMachineAliasArn)) return false;
    this.aliases.set(alias.stateMachineAliasArn, structuredClone(alias));
    return true;
  }

  async deleteAlias(arn: string): Promise<void> {
    this.aliases.delete(arn);
  }

  async listAliases(
    stateMachineArn: string,
    options: ListOptions & { stateMachineVersionArn?: string },
  ): Promise<Page<StateMachineAliasRecord>> {
    const versionArn = options.stateMachineVersionArn;
    const sorted = [...this.aliases.values()]
      .filter(
        (a) =>
          a.stateMachineArn === stateMachineArn &&
          (versionArn === undefined || a.routingConfiguration.some((r) => r.stateMachineVersionArn === versionArn)),
      )
      .sort((a, b) => a.creationDate - b.creationDate || compare(a.stateMachineAliasArn, b.stateMachineAliasArn));
    const result = page(sorted, options, (a) => a.stateMachineAliasArn);
    return { ...result, items: result.items.map((a) => structuredClone(a)) };
  }

  async insertExecution(row: ExecutionRow, start: WorkItem[]): Promise<InsertExecutionResult> {
    const existing = this.executions.get(row.executionArn);
    if (existing) return { inserted: false, existing: { ...existing } };
    this.executions.set(row.executionArn, { ...row });
    this.history.set(row.executionArn, []);
    this.putWork(start);
    return { inserted: true };
  }

  async getExecution(arn: string): Promise<ExecutionRow | undefined> {
    return copy(this.executions.get(arn));
  }

  async listExecutions(
    stateMachineArn: string,
    options: ListOptions & ExecutionFilter,
  ): Promise<Page<ExecutionSummary>> {
    const { status, stateMachineVersionArn, stateMachineAliasArn, mapRunArn } = options;
    const sorted = [...this.executions.values()]
      .filter(
        (e) =>
          e.stateMachineArn === stateMachineArn &&
          (!status || e.status === status) &&
          (!stateMachineVersionArn || e.stateMachineVersionArn === stateMachineVersionArn) &&
          (!stateMachineAliasArn || e.stateMachineAliasArn === stateMachineAliasArn) &&
          (!mapRunArn || e.mapRunArn === mapRunArn),
      )
      .sort((a, b) => b.startDate - a.startDate || compare(b.executionArn, a.executionArn));
    const result = page(sorted, options, (e) => e.executionArn);
    return { ...result, items: result.items.map(summaryOf) };
  }

  async getHistory(
    executionArn: string,
    options: ListOptions & { reverse?: boolean },
  ): Promise<Page<StoredHistoryEvent>> {
    const events = this.history.get(executionArn) ?? [];
    const ordered = options.reverse ? [...events].reverse() : events;
    return page(ordered, options, (e) => String(e.id));
  }

  async deleteClosedExecutions(stopDateBefore: number, limit: number): Promise<number> {
    let deleted = 0;
    for (const [arn, row] of this.executions) {
      if (deleted >= limit) break;
      if (row.status === 'RUNNING' || row.stopDate === undefined || row.stopDate >= stopDateBefore) continue;
      this.executions.delete(arn);
      this.history.delete(arn);
      for (const [id, work] of this.work) if (work.item.executionArn === arn) this.work.delete(id);
      for (const [token, record] of this.tokens) if (record.executionArn === arn) this.tokens.delete(token);
      this.mapRuns.deleteOf(arn);
      deleted++;
    }
    return deleted;
  }

  readonly insertMapRun: Store['insertMapRun'] = async (record) => this.mapRuns.insert(record);
  readonly getMapRun: Store['getMapRun'] = async (arn) => this.mapRuns.get(arn);
  readonly updateMapRun: Store['updateMapRun'] = async (record) => this.mapRuns.update(record);
  readonly listMapRuns: Store['listMapRuns'] = async (executionArn, options) =>
    this.mapRuns.list(executionArn, options);
  readonly countMapRunExecutions: Store['countMapRunExecutions'] = async (arn) => this.mapRuns.countExecutions(arn);

  async addWork(items: WorkItem[]): Promise<void> {
    this.putWork(items);
  }

  async claimWork(now: number, limit: number, leaseMs: number): Promise<WorkItem[]> {
    const due = [...this.work.values()]
      .filter((w) => w.item.dueTime <= now && w.leaseUntil <= now)
      .sort((a, b) => a.item.dueTime - b.item.dueTime)
      .slice(0, limit);
    for (const w of due) w.leaseUntil = now + leaseMs;
    return due.map((w) => structuredClone(w.item));
  }

  async nextDueTime(now: number): Promise<number | undefined> {
    let next: number | undefined;
    for (const w of this.work.values()) {
      if (w.leaseUntil > now) continue;
      if (next === undefined || w.item.dueTime < next) next = w.item.dueTime;
    }
    return next;
  }

  async commit(changes: Change[]): Promise<boolean[]> {
    return changes.map((change) => this.apply(change));
  }

  private apply(change: Change): boolean {
    const update = change.execution;
    if (update) {
      const row = this.executions.get(update.executionArn);
      if (!row || row.version !== update.expectedVersion) return false;
      Object.assign(row, {
        record: update.record,
        version: update.expectedVersion + 1,
        status: update.status,
        stopDate: update.stopDate,
        outputText: update.outputText,
        error: update.error,
        cause: update.cause,
      });
      if (update.redrive) {
        const { count, date, clientToken } = update.redrive;
        Object.assign(row, { redriveCount: count, redriveDate: date, redriveClientToken: clientToken });
        if (clientToken === undefined) delete row.redriveClientToken;
      }
      if (change.events?.length) this.history.get(update.executionArn)!.push(...change.events.map((e) => ({ ...e })));
    }
    for (const id of change.deleteWork ?? []) this.work.delete(id);
    this.putWork(change.addWork ?? []);
    for (const token of change.addTokens ?? []) this.tokens.set(token.taskToken, { ...token });
    for (const { executionArn, key } of change.closeTokens ?? []) {
      for (const token of this.tokens.values()) {
        if (token.executionArn === executionArn && token.key === key) token.status = 'closed';
      }
    }
    return true;
  }

  private putWork(items: WorkItem[]): void {
    for (const item of items) this.work.set(item.id, { item: structuredClone(item), leaseUntil: 0 });
  }

  async insertActivity(record: ActivityRecord): Promise<boolean> {
    if (this.activities.has(record.activityArn)) return false;
    this.activities.set(record.activityArn, { ...record });
    return true;
  }

  async getActivity(arn: string): Promise<ActivityRecord | undefined> {
    return copy(this.activities.get(arn));
  }

  async deleteActivity(arn: string): Promise<void> {
    this.activities.delete(arn);
    this.tags.delete(arn);
  }

  async listActivities(options: ListOptions): Promise<Page<ActivityRecord>> {
    const sorted = [...this.activities.values()].sort((a, b) => compare(a.activityArn, b.activityArn));
    return page(sorted, options, (a) => a.activityArn);
  }

  async getTaskToken(token: string): Promise<TaskTokenRecord | undefined> {
    return copy(this.tokens.get(token));
  }

  async takeActivityTask(
    activityArn: string,
    workerName: string | undefined,
    started?: (task: TaskTokenRecord) => WorkItem[],
  ): Promise<TaskTokenRecord | undefined> {
    let oldest: TaskTokenRecord | undefined;
    for (const token of this.tokens.values()) {
      if (token.activityArn !== activityArn || token.status !== 'queued') continue;
      if (!oldest || token.createdDate < oldest.createdDate) oldest = token;
    }
    if (!oldest) return undefined;
    oldest.status = 'started';
    if (workerName !== undefined) oldest.workerName = workerName;
    if (started) this.putWork(started({ ...oldest }));
    return { ...oldest };
  }

  async getTags(arn: string): Promise<Record<string, string>> {
    return { ...this.tags.get(arn) };
  }

  async putTags(arn: string, tags: Record<string, string>): Promise<void> {
    this.tags.set(arn, { ...this.tags.get(arn), ...tags });
  }

  async removeTags(arn: string, keys: string[]): Promise<void> {
    const tags = this.tags.get(arn);
    if (tags) for (const key of keys) delete tags[key];
  }

  async insertConnection(record: ConnectionRecord): Promise<boolean> {
    if (this.connections.has(record.name)) return false;
    this.connections.set(record.name, { ...record });
    return true;
  }

  async getConnection(name: string): Promise<ConnectionRecord | undefined> {
    return copy(this.connections.get(name));
  }

  async updateConnection(record: ConnectionRecord): Promise<boolean> {
    if (!this.connections.has(record.name)) return false;
    this.connections.set(record.name, { ...record });
    return true;
  }

  async deleteConnection(name: string): Promise<void> {
    this.connections.delete(name);
  }

  async listConnections(options: ListOptions & ConnectionFilter): Promise<Page<ConnectionRecord>> {
    const { namePrefix = '', connectionState } = options;
    const sorted = [...this.connections.values()]
      .filter((c) => c.name.startsWith(namePrefix) && (!connectionState || c.connectionState === connectionState))
      .sort((a, b) => compare(a.name, b.name));
    return page(sorted, options, (c) => c.name);
  }

  async close(): Promise<void> {}
}

function copy<T extends object>(value: T | undefined): T | undefined {
  return value && { ...value };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function summaryOf(row: ExecutionRow): ExecutionSummary {
  const { definition: _definition, record: _record, version: _version, ...summary } = row;
  return summary;
}

/** A page of `sorted` after the item whose key is `options.after`. */
function page<T extends object>(sorted: T[], options: ListOptions, keyOf: (item: T) => string): Page<T> {
  let start = 0;
  if (options.after !== undefined) start = sorted.findIndex((item) => keyOf(item) === options.after) + 1;
  const items = sorted.slice(start, start + options.limit).map((item) => ({ ...item }));
  const more = start + options.limit < sorted.length;
  return more ? { items, next: keyOf(items[items.length - 1]) } : { items };
}
