/*
 * Sign, verify and canonicalize with the Digital Bazaar reference libraries, configured the way
 * their own documentation shows. The harness and the benchmark both use these functions.
 */
import {readFileSync} from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as statusList from '@digitalbazaar/vc-bitstring-status-list';
import {
  createSignCryptosuite as createJcsSignCryptosuite,
  createVerifyCryptosuite as createJcsVerifyCryptosuite
} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import {cryptosuite as rdfcCryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import jsigs from 'jsonld-signatures';
import jsonld from 'jsonld';

const {AssertionProofPurpose, AuthenticationProofPurpose} = jsigs.purposes;

export const SUITES = ['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'Ed25519Signature2020'];
const KINDS = ['credential', 'presentation', 'document'];

export const PINNED_PACKAGES = [
  '@digitalbazaar/vc', 'jsonld-signatures', 'jsonld', 'rdf-canonize',
  '@digitalbazaar/data-integrity', '@digitalbazaar/eddsa-rdfc-2022-cryptosuite',
  '@digitalbazaar/eddsa-jcs-2022-cryptosuite', '@digitalbazaar/ed25519-multikey',
  '@digitalbazaar/ed25519-signature-2020', '@digitalbazaar/did-method-key',
  '@digitalbazaar/vc-bitstring-status-list'
];

/** The installed version of each reference package. */
export function packageVersions() {
  const versions = {};
  for(const name of PINNED_PACKAGES) {
    const url = new URL(`../node_modules/${name}/package.json`, import.meta.url);
    versions[name] = JSON.parse(readFileSync(url, 'utf8')).version;
  }
  return versions;
}

/** Import an Ed25519 key pair given as Multikey multibase strings. */
export async function importKeyPair({key, controller, verificationMethod}) {
  if(!(key && typeof key.publicKeyMultibase === 'string')) {
    throw new TypeError('"key.publicKeyMultibase" is required.');
  }
  // The W3C vectors' keyPair.json names the secret key "privateKeyMultibase".
  const secretKeyMultibase = key.secretKeyMultibase ?? key.privateKeyMultibase;
  const {publicKeyMultibase} = key;
  controller ??= `did:key:${publicKeyMultibase}`;
  if(!verificationMethod) {
    if(!controller.startsWith('did:key:')) {
      throw new TypeError('"verificationMethod" is required unless the controller is a did:key.');
    }
    verificationMethod = `${controller}#${publicKeyMultibase}`;
  }
  return Ed25519Multikey.from({
    '@context': 'https://w3id.org/security/multikey/v1', type: 'Multikey',
    id: verificationMethod, controller, publicKeyMultibase, secretKeyMultibase
  });
}

/** Generate a fresh (or seeded) Ed25519 key with a did:key controller. */
export async function generateKey({seed} = {}) {
  const options = seed ? {seed: Buffer.from(seed, 'hex')} : {};
  const pair = await Ed25519Multikey.generate(options);
  const controller = `did:key:${pair.publicKeyMultibase}`;
  return {
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKeyMultibase: pair.secretKeyMultibase,
    controller,
    verificationMethod: `${controller}#${pair.publicKeyMultibase}`
  };
}

/** Create the signing suite for one of SUITES. */
export function signingSuite({suite, keyPair, created}) {
  const date = created ?? undefined;
  if(suite === 'eddsa-rdfc-2022') {
    return new DataIntegrityProof({signer: keyPair.signer(), date, cryptosuite: rdfcCryptosuite});
  }
  if(suite === 'eddsa-jcs-2022') {
    return new DataIntegrityProof({
      signer: keyPair.signer(), date, cryptosuite: createJcsSignCryptosuite()
    });
  }
  if(suite === 'Ed25519Signature2020') {
    return new Ed25519Signature2020({key: keyPair, date});
  }
  throw new TypeError(`unknown suite "${suite}"; expected one of ${SUITES.join(', ')}.`);
}

/** Create the verifying suites: every suite the harness knows, each matched by its proof. */
export function verifyingSuites() {
  return [
    new DataIntegrityProof({cryptosuite: rdfcCryptosuite}),
    new DataIntegrityProof({cryptosuite: createJcsVerifyCryptosuite()}),
    new Ed25519Signature2020()
  ];
}

/** Guess what a document is from its type, unless the caller said so. */
export function kindOf(document, kind) {
  if(kind !== undefined) {
    if(!KINDS.includes(kind)) {
      throw new TypeError(`unknown kind "${kind}"; expected one of ${KINDS.join(', ')}.`);
    }
    return kind;
  }
  const types = [].concat(document?.type ?? []);
  if(types.includes('VerifiablePresentation')) {
    return 'presentation';
  }
  return types.includes('VerifiableCredential') ? 'credential' : 'document';
}

function proofPurpose({purpose = 'assertionMethod', challenge, domain, controller}) {
  if(purpose === 'assertionMethod') {
    return new AssertionProofPurpose({controller});
  }
  if(purpose === 'authentication') {
    return new AuthenticationProofPurpose({challenge, domain, controller});
  }
  throw new TypeError(
    `unknown proofPurpose "${purpose}"; expected assertionMethod or authentication.`);
}

/**
 * Sign a credential (vc.issue), a presentation (vc.signPresentation) or any other document
 * (jsigs.sign) and return the signed copy.
 */
export async function sign({document, suite, keyPair, created, purpose, challenge, domain,
  documentLoader, kind}) {
  const signer = signingSuite({suite, keyPair, created});
  const what = kindOf(document, kind);
  if(what === 'credential' && (purpose ?? 'assertionMethod') === 'assertionMethod') {
    return vc.issue({credential: document, suite: signer, documentLoader});
  }
  if(what === 'presentation' && (purpose ?? 'authentication') === 'authentication') {
    return vc.signPresentation({
      presentation: document, suite: signer, documentLoader, challenge, domain
    });
  }
  return jsigs.sign(document, {
    suite: signer, purpose: proofPurpose({purpose, challenge, domain}), documentLoader
  });
}

/**
 * Verify a document. Credentials and presentations go through vc.verifyCredential and
 * vc.verify (which also check the shape, validity period, the issuer as controller of the
 * verification method, and the holder's challenge); kind "document" uses jsigs.verify with the
 * given proof purpose only.
 */
export async function verify({document, kind, challenge, domain, now, purpose, status = 'check',
  documentLoader}) {
  const suite = verifyingSuites();
  const what = kindOf(document, kind);
  const checkStatus = statusChecker(status);
  if(what === 'credential') {
    return vc.verifyCredential({credential: document, suite, documentLoader, now, checkStatus});
  }
  if(what === 'presentation') {
    return vc.verify({
      presentation: document, suite, documentLoader, now, checkStatus, challenge, domain
    });
  }
  return jsigs.verify(document, {
    suite, purpose: proofPurpose({purpose, challenge, domain}), documentLoader
  });
}

function statusChecker(status) {
  if(status === 'skip') {
    return async () => ({verified: true, skipped: true});
  }
  if(status === 'check') {
    return checkBitstringStatus;
  }
  throw new TypeError(`unknown status mode "${status}"; expected check or skip.`);
}

/**
 * Check every BitstringStatusListEntry with the reference library (which loads and verifies
 * the status list credential and requires its issuer to be the credential's issuer), and fail
 * when a bit is set: the library reports the bit but leaves its meaning to the caller.
 */
async function checkBitstringStatus(options) {
  const result = await statusList.checkStatus(options);
  if(!result.verified) {
    return result;
  }
  const set = (result.results ?? []).filter(r => r.status);
  if(set.length === 0) {
    return result;
  }
  const which = set.map(({credentialStatus: cs}) =>
    `${cs.statusPurpose} bit ${cs.statusListIndex} of ${cs.statusListCredential} is set`);
  return {...result, verified: false, error: new Error(`credential status: ${which.join('; ')}`)};
}

/** Canonicalize a JSON-LD document with RDFC-1.0, as eddsa-rdfc-2022 does before hashing. */
export async function canonize({document, documentLoader}) {
  return jsonld.canonize(document, {
    algorithm: 'RDFC-1.0', format: 'application/n-quads', safe: true, base: null,
    rdfDirection: 'i18n-datatype', documentLoader
  });
}

/** Collect the messages of every error in a verification result, without repeats. */
export function errorMessages(result) {
  const messages = new Set();
  const visit = (node, depth) => {
    if(!node || typeof node !== 'object' || depth > 8) {
      return;
    }
    if(node instanceof Error) {
      _addError(messages, node, visit, depth);
      return;
    }
    for(const key of ['error', 'presentationResult', 'statusResult', 'purposeResult']) {
      visit(node[key], depth + 1);
    }
    for(const key of ['results', 'credentialResults']) {
      for(const child of node[key] ?? []) {
        visit(child, depth + 1);
      }
    }
  };
  visit(result, 0);
  return [...messages];
}

function _addError(messages, error, visit, depth) {
  const nested = Array.isArray(error.errors) ? error.errors : [];
  if(nested.length === 0) {
    messages.add(describeError(error));
  }
  for(const child of nested) {
    visit(child, depth + 1);
  }
}

/**
 * Describe an error with the causes it wraps, innermost last: jsonld.js wraps a loader's error
 * in details.cause, and says what safe mode refused in details.event.
 */
export function describeError(error) {
  const parts = [];
  for(let e = error, depth = 0; e && depth < 5; depth += 1) {
    parts.push(e.message || String(e));
    const event = e.details?.event;
    if(event) {
      parts.push(`${event.code}: ${event.message} ${JSON.stringify(event.details ?? {})}`);
    }
    e = e.details?.cause ?? e.cause;
  }
  return parts.join(' <- ');
}
