// Always fails with CustomError: Lambda reports the error's name as its errorType, which Retry and Catch match.
class CustomError extends Error {
  name = 'CustomError';
}

export const handler = async () => {
  throw new CustomError('This is a custom error!');
};
