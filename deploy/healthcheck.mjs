// The container's HEALTHCHECK: GET /api/health on this container's port; exit 0 when it answers 200 (slim Node images
// have no curl). The route checks configuration only and never calls ARM.
const port = process.env.PORT || '3000';
const controller = new AbortController();
setTimeout(() => controller.abort(), 4000).unref();
fetch(`http://127.0.0.1:${port}/api/health`, { signal: controller.signal })
  .then((response) => process.exit(response.ok ? 0 : 1))
  .catch(() => process.exit(1));
