/**
 * The engine's execution record as stored: JSON text without the transient links (`parent`, `driving`,
 * `pumping`) the interpreter keeps in memory, restored on load. User data inside the record (inputs,
 * outputs, variables) is written as it is, whatever its keys.
 */
import { attachParents, type BlockRun, type ExecutionRecord, type GroupRun } from '@lockstep/engine';

/** The record as JSON text. */
export function serializeRecord(record: ExecutionRecord): string {
  return JSON.stringify(record.root ? { ...record, root: storedRun(record.root) } : record);
}

/** A record read back, with its `parent` links restored. */
export function parseRecord(text: string): ExecutionRecord {
  const record = JSON.parse(text) as ExecutionRecord;
  if (record.root) attachParents(record.root);
  return record;
}

function storedRun(run: BlockRun): BlockRun {
  const { parent: _parent, driving: _driving, group, redriveGroup, ...rest } = run;
  const stored: BlockRun = rest;
  if (group) stored.group = storedGroup(group);
  // A redriven state's children as they ended, until its group takes them over (a retry may come first).
  if (redriveGroup) stored.redriveGroup = storedGroup(redriveGroup);
  return stored;
}

function storedGroup(group: GroupRun): GroupRun {
  const { pumping: _pumping, children, ...stored } = group;
  // Ended children are `undefined`; JSON writes them as null, which the interpreter treats alike.
  return { ...stored, children: children.map((child) => (child ? storedRun(child) : undefined)) };
}
