// Runs CloudFront Functions for the local edge, one JSON line in, one out: {"name", "code"} loads a function's
// code into a context of its own (no require, no process, no network, as at the edge); {"name", "event"} calls its
// handler(event) and answers {"result"} or {"error"}. Ends when the JVM's pipe on standard input closes.
'use strict'

const vm = require('vm')
const readline = require('readline')

const handlers = {}

async function answer (message) {
  try {
    if (message.code !== undefined) {
      const context = vm.createContext({})
      vm.runInContext(message.code, context, { filename: message.name, timeout: 1000 })
      if (typeof context.handler !== 'function') throw new Error(message.name + ' defines no handler(event)')
      handlers[message.name] = context.handler
      return { result: null }
    }
    return { result: await handlers[message.name](message.event) }
  } catch (error) {
    return { error: String((error && error.stack) || error) }
  }
}

let previous = Promise.resolve()
readline.createInterface({ input: process.stdin })
  .on('line', (line) => {
    previous = previous.then(() => answer(JSON.parse(line)))
      .then((reply) => process.stdout.write(JSON.stringify(reply) + '\n'))
  })
  .on('close', () => process.exit(0))

// Ctrl-C reaches the whole process group; the JVM decides when we stop.
process.on('SIGINT', () => {})
