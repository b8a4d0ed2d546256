export const handler = async (event) => {
  process.exit(event.code);
};
