// The smallest and largest of the event's numbers.
export const handler = async ({ numbers }) => ({ min: Math.min(...numbers), max: Math.max(...numbers) });
