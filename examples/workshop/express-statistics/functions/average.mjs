// The average of the event's numbers.
export const handler = async ({ numbers }) => ({
  average: numbers.reduce((total, n) => total + n, 0) / numbers.length,
});
