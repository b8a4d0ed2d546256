/**
 * The Map state's numeric fields given as constants or by reference paths: `MaxConcurrency[Path]`,
 * `ToleratedFailureCount[Path]`, `ToleratedFailurePercentage[Path]`, with AWS's runtime errors.
 */
import { type Json, type MapState, runtimeError } from '@lockstep/asl';
import type { StateScope } from '../scope.js';
import type { Tolerance } from '../tolerance.js';
import { compileNumberField } from './number-field.js';

/** Reads a Map run's limits for a state input. */
export interface MapLimitsReader {
  /** `MaxConcurrency[Path]`; 0 = unlimited. */
  maxConcurrency(input: Json, scope: StateScope): number;
  /** `ToleratedFailureCount[Path]` and `ToleratedFailurePercentage[Path]`, absent when not set. */
  tolerance(input: Json, scope: StateScope): Tolerance;
}

/** Compiles the three fields. */
export function compileMapLimits(def: MapState): MapLimitsReader {
  const maxConcurrency = compileNumberField(
    'MaxConcurrencyPath',
    def.MaxConcurrency,
    def.MaxConcurrencyPath,
    'integer',
  );
  const count = compileNumberField(
    'ToleratedFailureCountPath',
    def.ToleratedFailureCount,
    def.ToleratedFailureCountPath,
    'integer',
  );
  const percentage = compileNumberField(
    'ToleratedFailurePercentagePath',
    def.ToleratedFailurePercentage,
    def.ToleratedFailurePercentagePath,
    'float',
  );
  return {
    maxConcurrency(input, scope) {
      const value = maxConcurrency(input, scope) ?? 0;
      if (value < 0) throw runtimeError('MaxConcurrency cannot be negative.');
      return value;
    },
    tolerance(input, scope) {
      const tolerance: Tolerance = {};
      const c = count(input, scope);
      if (c !== undefined) {
        if (c < 0) throw runtimeError('ToleratedFailureCount cannot be negative.');
        tolerance.toleratedFailureCount = c;
      }
      const p = percentage(input, scope);
      if (p !== undefined) {
        if (p < 0 || p > 100) throw runtimeError('ToleratedFailurePercentage must be between 0 and 100.');
        tolerance.toleratedFailurePercentage = p;
      }
      return tolerance;
    },
  };
}
