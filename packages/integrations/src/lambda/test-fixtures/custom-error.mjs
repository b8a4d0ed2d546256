// Throws a custom error type, as the Step Functions workshop's error-handling function does.
class CustomError extends Error {
  constructor(message) {
    super(message);
    this.name = 'CustomError';
  }
}
export const handler = async () => {
  throw new CustomError('This is a custom error!');
};
