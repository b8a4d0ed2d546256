// The sum of the event's numbers.
export const handler = async ({ numbers }) => ({ sum: numbers.reduce((total, n) => total + n, 0) });
