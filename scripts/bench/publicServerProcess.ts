/** The public server in its own process for the load benchmark (as in production). Prints its port. */
import { createPublicServer } from '../../site/server/publicServer'

const server = createPublicServer({ releasesDir: process.argv[2], accessLog: false })
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as { port: number }).port })))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
