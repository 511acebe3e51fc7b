/*
 * The offline document loader of the harness, and a guard that makes any network access fail.
 *
 * The loader answers, in this order: the JSON-LD contexts bundled with Meritpass
 * (src/meritpass/core/jsonld/contexts, read once at start-up), did:key DIDs and DID URLs
 * (@digitalbazaar/did-method-key with the Ed25519 Multikey driver), and the documents given
 * with one request (did:web DID documents, status list credentials, extra contexts). Anything
 * else is refused with an error; nothing is ever fetched.
 */
import dns from 'node:dns';
import net from 'node:net';
import {syncBuiltinESMExports} from 'node:module';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import * as DidKey from '@digitalbazaar/did-method-key';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

export const CONTEXTS_DIR = fileURLToPath(
  new URL('../../../src/meritpass/core/jsonld/contexts/', import.meta.url));

const networkAttempts = [];

/** Make every socket connection, DNS lookup and fetch throw, and remember each attempt. */
export function installNetworkGuard() {
  const refuse = what => {
    networkAttempts.push(what);
    throw new Error(`network access is disabled in the interop harness (${what})`);
  };
  net.Socket.prototype.connect = function connect() {
    return refuse('net.Socket.connect');
  };
  dns.lookup = () => refuse('dns.lookup');
  dns.promises.lookup = async () => refuse('dns.promises.lookup');
  globalThis.fetch = async url => refuse(`fetch ${url}`);
  syncBuiltinESMExports();
}

/** The network accesses attempted (and refused) since start-up. */
export function networkAttemptCount() {
  return networkAttempts.length;
}

/** Read the bundled contexts: a Map of context URL to its parsed JSON document. */
export function loadBundledContexts(dir = CONTEXTS_DIR) {
  const index = JSON.parse(readFileSync(`${dir}index.json`, 'utf8'));
  const contexts = new Map();
  for(const [url, {file}] of Object.entries(index)) {
    contexts.set(url, Object.freeze(JSON.parse(readFileSync(`${dir}${file}`, 'utf8'))));
  }
  return contexts;
}

const didKeyDriver = DidKey.driver();
didKeyDriver.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});

/** Resolve a did:key DID (to its DID document) or DID URL (to the verification method). */
export async function resolveDidKey(url) {
  return didKeyDriver.get({url});
}

/** Build a JSON-LD document loader over the bundled contexts and the request's `documents`. */
export function createDocumentLoader({contexts, documents = {}}) {
  if(documents === null || typeof documents !== 'object' || Array.isArray(documents)) {
    throw new TypeError('"documents" must be an object mapping URL to JSON document.');
  }
  return async function documentLoader(url) {
    if(typeof url !== 'string') {
      throw new TypeError('the document loader needs a URL string.');
    }
    const document = await _load({url, contexts, documents});
    return {contextUrl: null, documentUrl: url, document};
  };
}

async function _load({url, contexts, documents}) {
  if(contexts.has(url)) {
    return contexts.get(url);
  }
  if(url.startsWith('did:key:')) {
    return resolveDidKey(url);
  }
  if(Object.hasOwn(documents, url)) {
    return documents[url];
  }
  const [base, fragment] = _splitFragment(url);
  if(fragment !== undefined && Object.hasOwn(documents, base)) {
    const found = _dereference({document: documents[base], url});
    if(found) {
      return found;
    }
  }
  throw new Error(
    `offline document loader refused "${url}": not a bundled context, a did:key ` +
    'or a document given with the request');
}

function _splitFragment(url) {
  const at = url.indexOf('#');
  return at < 0 ? [url, undefined] : [url.slice(0, at), url.slice(at + 1)];
}

// A DID URL with a fragment names one verification method of its DID document; it is
// returned with the document's @context, as DID resolvers in the JS ecosystem do.
const VERIFICATION_RELATIONSHIPS = [
  'verificationMethod', 'assertionMethod', 'authentication',
  'capabilityInvocation', 'capabilityDelegation', 'keyAgreement'
];

function _dereference({document, url}) {
  for(const relationship of VERIFICATION_RELATIONSHIPS) {
    const methods = [].concat(document?.[relationship] ?? []);
    const method = methods.find(m => m && typeof m === 'object' && m.id === url);
    if(method) {
      return {'@context': document['@context'], ...method};
    }
  }
  return undefined;
}
