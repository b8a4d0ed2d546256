// A non-async handler answering through its callback.
export const handler = (event, _context, callback) => {
  setTimeout(() => callback(null, { viaCallback: event.value }), 1);
};
