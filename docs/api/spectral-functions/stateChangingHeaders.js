// Eenplan ruleset function: state-changing operations that need a session document the
// X-CSRF-Token header (required) and a 403; PATCH also requires If-Match and documents 412/428.
const STATE_CHANGING = ['post', 'put', 'patch', 'delete'];

function hasRequiredHeader(params, name) {
  return params.some(
    (p) => p && p.in === 'header' && typeof p.name === 'string' &&
      p.name.toLowerCase() === name.toLowerCase() && p.required === true,
  );
}

export default function stateChangingHeaders(pathItem, _options, context) {
  if (pathItem === null || typeof pathItem !== 'object') return [];
  const doc = context.document && context.document.data ? context.document.data : {};
  const results = [];
  const shared = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
  for (const method of STATE_CHANGING) {
    const op = pathItem[method];
    if (op === null || typeof op !== 'object') continue;
    const params = shared.concat(Array.isArray(op.parameters) ? op.parameters : []);
    const security = op.security !== undefined ? op.security : doc.security;
    const anonymous = Array.isArray(security) && (security.length === 0 ||
      security.some((req) => req && Object.keys(req).length === 0));
    const where = [...context.path, method];
    if (!anonymous) {
      if (!hasRequiredHeader(params, 'X-CSRF-Token')) {
        results.push({ message: `${method.toUpperCase()} needs a session but does not require the X-CSRF-Token header`, path: where });
      }
      if (!op.responses || op.responses['403'] === undefined) {
        results.push({ message: `${method.toUpperCase()} needs X-CSRF-Token but documents no 403 (csrf-token-invalid)`, path: [...where, 'responses'] });
      }
    }
    if (method === 'patch') {
      if (!hasRequiredHeader(params, 'If-Match')) {
        results.push({ message: 'PATCH does not require the If-Match header', path: where });
      }
      for (const status of ['412', '428']) {
        if (!op.responses || op.responses[status] === undefined) {
          results.push({ message: `PATCH documents no ${status} response`, path: [...where, 'responses'] });
        }
      }
    }
  }
  return results;
}
