// Runs dynalite for the JVM that started this process, and ends when that JVM's pipe on our standard input
// closes. The JVM holds that pipe, so this process cannot outlive it however it ends (even kill -9), and no
// terminal is involved: it works under nohup, in CI and with the JVM's own standard input closed.
'use strict'

const [dynaliteDir, port, dataPath] = process.argv.slice(2)
const dynalite = require(dynaliteDir)

const options = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }
if (dataPath) options.path = dataPath

// dynalite rethrows the error of a request its client dropped half-sent (a timeout, or a fault proxy letting go
// of a frozen request), which would end this process: a client giving up must not take DynamoDB down with it.
process.on('uncaughtException', (error) => {
  if (error && (error.code === 'ECONNRESET' || error.message === 'aborted')) return
  console.error(error)
  process.exit(1)
})

const server = dynalite(options)
// Node closes an idle keep-alive connection after 5 s, the same moment the JDK's HTTP client gives up reusing one:
// a request sent on a connection the server is just closing fails with a reset. DynamoDB keeps idle connections
// far longer, so the client always lets go first, and so it does here.
server.keepAliveTimeout = 65000
server.headersTimeout = 66000
server.on('error', (error) => {
  console.error(`dynalite: ${error.message}`)
  process.exit(1)
})
server.listen(Number(port), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`)
})

// Ctrl-C reaches the whole process group; the JVM decides when we stop, after its own shutdown.
process.on('SIGINT', () => {})

let stopping = false
function stop () {
  if (stopping) return
  stopping = true
  // Closing the server closes LevelDB cleanly; never wait long for idle keep-alive connections.
  setTimeout(() => process.exit(0), 2000).unref()
  server.close(() => process.exit(0))
}
process.stdin.on('end', stop)
process.stdin.on('error', stop)
process.stdin.resume()
