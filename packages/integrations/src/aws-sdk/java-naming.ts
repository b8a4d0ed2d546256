/**
 * The names the AWS SDKs for Java give to API members and errors. Step Functions runs its integrations on them, so
 * they leak into what workflows see: AWS SDK integrations (Java SDK v2) return `Bool` for DynamoDB's `BOOL` and
 * `Md5OfMessageBody` for SQS's `MD5OfMessageBody`, and name errors after Java exception classes.
 */

/** Splits a model name into words as the Java SDK v2 code generator does (`SSECustomerKey` → `SSE Customer Key`). */
export function splitOnWordBoundaries(name: string): string[] {
  return name
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .replace(/([^a-z]{2,})v([0-9]+)/g, '$1 v$2 ')
    .replace(/([^A-Z]{2,})V([0-9]+)/g, '$1 V$2 ')
    .split(/(?<=[a-z])(?=[A-Z](?:[a-zA-Z]|[0-9]))/)
    .join(' ')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([0-9])([a-zA-Z])/g, '$1 $2')
    .replace(/ +/g, ' ')
    .trim()
    .split(' ');
}

/** The Java SDK v2 Pascal case of a model name: each word lower-cased, then capitalized (`BOOL` → `Bool`). */
export function pascalCase(name: string): string {
  return splitOnWordBoundaries(name)
    .map((word) => capitalize(word.toLowerCase()))
    .join('');
}

/**
 * The key an AWS SDK integration uses for a model member: the Java SDK v2 property name, capitalized. DynamoDB's
 * `NULL` is `nul` in the Java SDK (`null` is a Java keyword), hence `Nul`.
 */
export function javaV2MemberName(member: string): string {
  return member === 'NULL' ? 'Nul' : pascalCase(member);
}

/**
 * The key an optimized integration (Java SDK v1) uses for a model member: the model's name, capitalized (ECS's
 * `taskArn` → `TaskArn`, `sizeInGiB` → `SizeInGiB`, recorded).
 */
export function javaV1MemberName(member: string): string {
  return capitalize(member);
}

/** The Java SDK v2 exception class of an error shape: `NoSuchKey` → `NoSuchKeyException`, `KMSAccessDenied...` → `Kms...`. */
export function javaV2ExceptionName(errorShape: string): string {
  if (errorShape.endsWith('Fault')) return `${pascalCase(errorShape.slice(0, -'Fault'.length))}Exception`;
  if (errorShape.endsWith('Exception')) return pascalCase(errorShape);
  return `${pascalCase(errorShape)}Exception`;
}

/** The Java SDK v1 exception class of an error shape: the shape name with `Exception` for a `Fault` suffix or none. */
export function javaV1ExceptionName(errorShape: string): string {
  if (errorShape.endsWith('Fault')) return `${capitalize(errorShape.slice(0, -'Fault'.length))}Exception`;
  return capitalize(errorShape.endsWith('Exception') ? errorShape : `${errorShape}Exception`);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
