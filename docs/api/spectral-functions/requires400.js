// Eenplan ruleset function: an operation that takes input documents a 400 response.
// Input = a request body, or a query or header parameter (path-level parameters count too).
// Path parameters alone do not count: an unknown or malformed id answers 404.
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export default function requires400(pathItem, _options, context) {
  if (pathItem === null || typeof pathItem !== 'object') return [];
  const results = [];
  const shared = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
  for (const method of METHODS) {
    const op = pathItem[method];
    if (op === null || typeof op !== 'object') continue;
    const params = shared.concat(Array.isArray(op.parameters) ? op.parameters : []);
    const takesInput =
      op.requestBody !== undefined || params.some((p) => p && (p.in === 'query' || p.in === 'header'));
    const responses = op.responses || {};
    if (takesInput && responses['400'] === undefined) {
      results.push({
        message: `${method.toUpperCase()} takes input (body, query or header parameters) but documents no 400 response`,
        path: [...context.path, method, 'responses'],
      });
    }
  }
  return results;
}
