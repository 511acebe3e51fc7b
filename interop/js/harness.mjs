#!/usr/bin/env node
/*
 * A long-running JSON Lines process around the Digital Bazaar reference implementation:
 * one request per line on stdin, one response per line on stdout, in order. Errors are
 * responses ({"ok": false, "error": ...}); the process runs until stdin closes.
 * See README.md for the requests.
 */
import {createInterface} from 'node:readline';
import {
  createDocumentLoader, installNetworkGuard, loadBundledContexts, networkAttemptCount
} from './lib/loader.mjs';
import {
  canonize, describeError, errorMessages, generateKey, importKeyPair, kindOf, packageVersions,
  sign, verify
} from './lib/suites.mjs';

installNetworkGuard();
// Library chatter must never corrupt the response stream.
console.log = console.info = console.debug = console.warn = (...args) => console.error(...args);

const contexts = loadBundledContexts();
let handled = 0;

const OPERATIONS = {
  async ping() {
    return {node: process.version, packages: packageVersions(), contexts: contexts.size};
  },
  async stats() {
    return {requests: handled, networkAttempts: networkAttemptCount()};
  },
  async generate_key(request) {
    return {key: await generateKey({seed: request.seed})};
  },
  async sign(request) {
    const documentLoader = createDocumentLoader({contexts, documents: request.documents});
    const keyPair = await importKeyPair({
      key: request.key, controller: request.controller,
      verificationMethod: request.verificationMethod
    });
    const document = await sign({
      document: _object(request.document, 'document'), suite: request.suite, keyPair,
      created: request.created, purpose: request.proofPurpose, challenge: request.challenge,
      domain: request.domain, kind: request.kind, documentLoader
    });
    return {document};
  },
  async verify(request) {
    const document = _object(request.document, 'document');
    const documentLoader = createDocumentLoader({contexts, documents: request.documents});
    const status = request.status ?? 'check';
    const result = await verify({
      document, kind: request.kind, challenge: request.challenge, domain: request.domain,
      now: request.now, purpose: request.proofPurpose, status, documentLoader
    });
    const verified = result.verified === true;
    const errors = errorMessages(result);
    if(!verified && errors.length === 0) {
      errors.push('not verified (the library gave no reason)');
    }
    const hasStatus = kindOf(document, request.kind) !== 'document' && _hasStatus(document);
    const statusMode = status === 'skip' ? 'skipped' : 'checked';
    return {verified, errors, status: hasStatus ? statusMode : 'none'};
  },
  async canonize(request) {
    const documentLoader = createDocumentLoader({contexts, documents: request.documents});
    const document = _object(request.document, 'document');
    return {nquads: await canonize({document, documentLoader})};
  }
};

function _object(value, name) {
  if(!(value && typeof value === 'object' && !Array.isArray(value))) {
    throw new TypeError(`"${name}" must be a JSON object.`);
  }
  return value;
}

function _hasStatus(document) {
  const credentials = [].concat(document.verifiableCredential ?? [], document);
  return credentials.some(c => c && typeof c === 'object' && c.credentialStatus);
}

async function handle(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch(error) {
    return {ok: false, error: `malformed request: ${error.message}`};
  }
  const id = request?.id;
  try {
    const operation = Object.hasOwn(OPERATIONS, request?.op) ? OPERATIONS[request.op] : null;
    if(!operation) {
      throw new Error(`unknown op "${request?.op}"; expected one of ${Object.keys(OPERATIONS)}`);
    }
    return {id, ok: true, ...await operation(request)};
  } catch(error) {
    return {id, ok: false, error: describeError(error)};
  }
}

const lines = createInterface({input: process.stdin, crlfDelay: Infinity});
for await (const line of lines) {
  if(line.trim() === '') {
    continue;
  }
  const response = await handle(line);
  handled += 1;
  process.stdout.write(`${JSON.stringify(response)}\n`);
}
