/**
 * Tagging: TagResource, UntagResource, ListTagsForResource. Only state machines and activities carry tags.
 *
 * Recorded AWS behaviour (LocalStack's AWS-validated `test_sfn_api_tagging`): tagging a version ARN is
 * `ResourceNotFound` (`Resource not found: '<arn>'`); an empty tag list and empty values are accepted; tags list in
 * the order they were first set.
 */
import { parseArn, resolveActivityArn, resolveStateMachineArn } from './arns.js';
import type { Operation, ServiceContext } from './context.js';
import { invalidArnPrefix, resourceNotFound, resourceTypeNotValid } from './errors.js';
import { readRequest, Shape } from './request.js';
import { ServiceError } from './service-error.js';

/** AWS's limit of tags per resource. */
export const MAX_TAGS = 50;

/**
 * Throws AWS's `TooManyTags` (with `resourceName`) when a resource would carry more than {@link MAX_TAGS} tags. The
 * message text is inferred: no recording of it was found.
 */
export function assertTagCount(resourceArn: string, tags: Record<string, string> | undefined): void {
  if (!tags || Object.keys(tags).length <= MAX_TAGS) return;
  throw new ServiceError('TooManyTags', `Too many tags: the resource '${resourceArn}' can have at most ${MAX_TAGS}`, {
    members: { resourceName: resourceArn },
  });
}

/** The tagging operations, keyed by AWS operation name. */
export function tagOperations(ctx: ServiceContext): Record<string, Operation> {
  return {
    TagResource: async (request) => {
      const r = readRequest(request);
      const arn = r.requiredString('resourceArn', Shape.Arn);
      const tags = r.tags('tags', true) ?? {};
      r.done();
      await assertTaggable(ctx, arn);
      assertTagCount(arn, { ...(await ctx.store.getTags(arn)), ...tags });
      await ctx.store.putTags(arn, tags);
      return {};
    },
    UntagResource: async (request) => {
      const r = readRequest(request);
      const arn = r.requiredString('resourceArn', Shape.Arn);
      const keys = r.stringList('tagKeys', Shape.TagKey, true) ?? [];
      r.done();
      await assertTaggable(ctx, arn);
      await ctx.store.removeTags(arn, keys);
      return {};
    },
    ListTagsForResource: async (request) => {
      const r = readRequest(request);
      const arn = r.requiredString('resourceArn', Shape.Arn);
      r.done();
      await assertTaggable(ctx, arn);
      const tags = await ctx.store.getTags(arn);
      return { tags: Object.entries(tags).map(([key, value]) => ({ key, value })) };
    },
  };
}

/**
 * Throws unless `arn` names an existing state machine (unqualified) or activity: `InvalidArn` for other ARNs,
 * `ResourceNotFound` for versions, aliases and resources that do not exist.
 */
async function assertTaggable(ctx: ServiceContext, arn: string): Promise<void> {
  const type = parseArn(arn)?.resourceType;
  if (type === undefined) throw invalidArnPrefix(arn);
  if (type === 'stateMachine') {
    const ref = resolveStateMachineArn(arn);
    const exists = ref.version === undefined && !ref.alias && (await ctx.store.getStateMachine(arn)) !== undefined;
    if (!exists) throw resourceNotFound(arn);
  } else if (type === 'activity') {
    resolveActivityArn(arn);
    if (!(await ctx.store.getActivity(arn))) throw resourceNotFound(arn);
  } else {
    throw resourceTypeNotValid(type);
  }
}
