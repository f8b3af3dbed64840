import type { RequestHandler } from 'express';

// Only configured origins may call the API from a browser. The console is served by the API
// itself (same origin) so production needs none; the Vite dev server's origin is listed in dev.
export function cors(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin && allowed.has(origin)) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Vary', 'Origin');
      res.set('Access-Control-Expose-Headers', 'Content-Range, X-Request-Id, Idempotent-Replayed');
      if (req.method === 'OPTIONS') {
        res.set('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
        res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, Range, X-Request-Id');
        res.set('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    }
    next();
  };
}
