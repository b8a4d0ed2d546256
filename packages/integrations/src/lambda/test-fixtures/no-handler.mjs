export const other = async () => 'not the handler';
