/**
 * Tagging (TagResource, UntagResource, ListTagsForResource) and ValidateStateMachineDefinition through the SDK.
 */
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  ValidateStateMachineDefinitionCommand,
  type ValidateStateMachineDefinitionInput,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { ARN_PREFIX, failureOf, ROLE_ARN } from '../support/sdk-client.js';
import { passChain, type SdkSuiteContext } from './context.js';

/** Describes the tagging and validation operations against `ctx`'s server. */
export function describeTagsAndValidation(ctx: SdkSuiteContext): void {
  describe('tags', () => {
    // Sorted: AWS's order of the listed tags is not recorded (the SQLite store lists them by key, the memory store
    // in the order they were first set).
    const tagsOf = async (resourceArn: string) => {
      const { tags } = await ctx.sfn.send(new ListTagsForResourceCommand({ resourceArn }));
      return tags!.sort((a, b) => a.key!.localeCompare(b.key!));
    };

    it('tags state machines and activities, lists and removes tags', async () => {
      const { stateMachineArn } = await ctx.sfn.send(
        new CreateStateMachineCommand({
          name: 'tagged',
          definition: passChain('One'),
          roleArn: ROLE_ARN,
          tags: [{ key: 'team', value: 'billing' }],
        }),
      );
      expect(await tagsOf(stateMachineArn!)).toEqual([{ key: 'team', value: 'billing' }]);
      await ctx.sfn.send(
        new TagResourceCommand({
          resourceArn: stateMachineArn,
          tags: [
            { key: 'stage', value: 'prod' },
            { key: 'team', value: 'payments' },
          ],
        }),
      );
      expect(await tagsOf(stateMachineArn!)).toEqual([
        { key: 'stage', value: 'prod' },
        { key: 'team', value: 'payments' },
      ]);
      await ctx.sfn.send(new UntagResourceCommand({ resourceArn: stateMachineArn, tagKeys: ['team', 'absent'] }));
      expect(await tagsOf(stateMachineArn!)).toEqual([{ key: 'stage', value: 'prod' }]);

      const { activityArn } = await ctx.sfn.send(new CreateActivityCommand({ name: 'tagged-activity' }));
      await ctx.sfn.send(new TagResourceCommand({ resourceArn: activityArn, tags: [{ key: 'owner', value: '' }] }));
      expect(await tagsOf(activityArn!)).toEqual([{ key: 'owner', value: '' }]);
    });

    it('answers ResourceNotFound for what does not exist, InvalidArn for what is not taggable', async () => {
      const missing = `${ARN_PREFIX}:stateMachine:untagged`;
      const notFound = { name: 'ResourceNotFound', message: `Resource not found: '${missing}'`, status: 400 };
      const tag = new TagResourceCommand({ resourceArn: missing, tags: [{ key: 'k', value: 'v' }] });
      expect(await failureOf(ctx.sfn.send(tag))).toEqual(notFound);
      const untag = new UntagResourceCommand({ resourceArn: missing, tagKeys: ['k'] });
      expect(await failureOf(ctx.sfn.send(untag))).toEqual(notFound);
      expect(await failureOf(ctx.sfn.send(new ListTagsForResourceCommand({ resourceArn: missing })))).toEqual(notFound);
      const execution = `${ARN_PREFIX}:execution:tagged:run`;
      expect(await failureOf(ctx.sfn.send(new ListTagsForResourceCommand({ resourceArn: execution })))).toMatchObject({
        name: 'InvalidArn',
        message: "Invalid Arn: 'Resource type not valid in this context: execution'",
      });
    });
  });

  describe('ValidateStateMachineDefinition', () => {
    const validate = (input: ValidateStateMachineDefinitionInput) =>
      ctx.sfn.send(new ValidateStateMachineDefinitionCommand(input));

    it('answers OK, or FAIL with AWS diagnostics', async () => {
      expect(await validate({ definition: passChain('One') })).toMatchObject({
        result: 'OK',
        diagnostics: [],
        truncated: false,
      });
      const noStartAt = JSON.stringify({ States: { StartState: { Type: 'Pass', End: true } } });
      expect(await validate({ definition: noStartAt, type: 'STANDARD' })).toMatchObject({
        result: 'FAIL',
        diagnostics: [
          {
            severity: 'ERROR',
            code: 'SCHEMA_VALIDATION_FAILED',
            message: 'These fields are required: [StartAt]',
            location: '/',
          },
        ],
        truncated: false,
      });
      expect(await validate({ definition: 'not a definition' })).toMatchObject({
        result: 'FAIL',
        diagnostics: [
          {
            severity: 'ERROR',
            code: 'INVALID_JSON_DESCRIPTION',
            message:
              "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"not a definition\"; line: 1, column: 4]",
            location: '[Source: (String)"not a definition"; line: 1, column: 4]',
          },
        ],
      });
    });

    it('refuses requests that break the model: ValidationException', async () => {
      expect(await failureOf(validate({ definition: passChain('One'), maxResults: 101 }))).toEqual({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
        status: 400,
      });
      // The SDK does not check required members: the request reaches the service without a definition.
      expect(await failureOf(validate({} as ValidateStateMachineDefinitionInput))).toMatchObject({
        name: 'ValidationException',
        message:
          "1 validation error detected: Value null at 'definition' failed to satisfy constraint: Member must not be null",
      });
    });
  });
}
