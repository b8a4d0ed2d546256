// Sleeps as many seconds as the event says (under Lambda's 3-second default timeout), then answers.
export const handler = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, (event.sleepSeconds ?? 2) * 1000));
  return { slept: event.sleepSeconds };
};
