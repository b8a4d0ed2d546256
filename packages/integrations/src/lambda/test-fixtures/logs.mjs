// Writes to every console method and to the streams directly.
export const handler = async (event) => {
  console.log('hello', { n: event.n });
  console.warn('careful');
  console.error(new Error('shown, not thrown').message);
  process.stdout.write('raw line\n');
  return 'logged';
};
