// A subclass that does not set `name`: its errorType is Error, as on AWS.
class Unnamed extends Error {}
export const handler = async () => {
  throw new Unnamed('no name');
};
