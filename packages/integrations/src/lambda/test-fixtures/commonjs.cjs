// A CommonJS module, as older Lambda functions are written.
exports.handler = async (event) => ({ commonjs: true, event });
