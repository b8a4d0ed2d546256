/**
 * The JSON intrinsics: `States.StringToJson`, `States.JsonToString` and `States.JsonMerge`.
 */
import { isJsonObject } from '../../json.js';
import { IntrinsicEvaluationError, invalidArguments } from '../intrinsic-failure.js';
import { JacksonParseError, parseJsonLikeJackson } from '../jackson-json.js';
import { fixedArityFunction, type IntrinsicFunction, stringArgument } from './intrinsic-function.js';

/**
 * `States.StringToJson(text)`. AWS-recorded: `""` and `" "` give `null`; bad JSON fails with
 * `Cannot convert String to Json in States.StringToJson, caused by: <Jackson's message>`.
 */
const stringToJson = fixedArityFunction(1, 1, (text) => {
  const json = stringArgument(text, 'States.StringToJson');
  try {
    return parseJsonLikeJackson(json);
  } catch (error) {
    if (!(error instanceof JacksonParseError)) throw error;
    throw new IntrinsicEvaluationError(
      `Cannot convert String to Json in States.StringToJson, caused by: ${error.message}`,
    );
  }
});

/** `States.JsonToString(value)`: compact JSON (AWS-recorded `{"Arg1":1,"Arg2":[]}`). */
const jsonToString = fixedArityFunction(1, 1, (value) => JSON.stringify(value));

/**
 * `States.JsonMerge(left, right, deep)`: a shallow merge where `right` wins. AWS supports only the shallow
 * mode: `true` is rejected, while any other third argument (AWS-observed: even the string `'false'`) merges
 * shallowly.
 */
const jsonMerge = fixedArityFunction(3, 3, (left, right, deep) => {
  const name = 'States.JsonMerge';
  if (!isJsonObject(left) || !isJsonObject(right) || deep === true) throw invalidArguments(name);
  return { ...left, ...right };
});

/** The JSON intrinsics by name. */
export const JSON_FUNCTIONS: Readonly<Record<string, IntrinsicFunction>> = {
  'States.StringToJson': stringToJson,
  'States.JsonToString': jsonToString,
  'States.JsonMerge': jsonMerge,
};
