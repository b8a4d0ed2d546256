// Allocates until the heap limit stops it.
export const handler = async () => {
  const hoard = [];
  for (;;) hoard.push(new Array(100_000).fill(Math.random()));
};
