export const handler = async () => {
  throw 'plain text';
};
