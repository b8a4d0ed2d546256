// Sleeps event.ms milliseconds (a function that outlives its timeout).
export const handler = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, event.ms));
  return { slept: event.ms };
};
