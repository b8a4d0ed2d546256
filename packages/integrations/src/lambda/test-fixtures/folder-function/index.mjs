// A function in its own folder: <functionsDir>/<name>/index.mjs.
export const handler = async () => 'from the folder';
