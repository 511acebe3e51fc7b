#!/usr/bin/env node
/*
 * Time the JavaScript reference implementation on one credential, offline, and print JSON.
 *
 *   node bench.mjs [--credential PATH] [--iterations N] [--warmup N]
 *
 * Measures what a user of the libraries measures: jsonld-signatures sign() and verify() with
 * DataIntegrityProof and each cryptosuite (JSON-LD expansion, canonicalization, hashing, Ed25519
 * and the did:key resolution of the verification method included), with a fresh key and a
 * did:key controller; then, for reference, the parts: RDFC-1.0 canonicalization of the
 * credential, did:key resolution, and raw Ed25519 sign/verify of a 64-byte message.
 * Each operation is timed on its own after a warm-up; the JSON gives the median and p95.
 */
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {parseArgs} from 'node:util';
import jsigs from 'jsonld-signatures';
import {
  createDocumentLoader, installNetworkGuard, loadBundledContexts, resolveDidKey
} from './lib/loader.mjs';
import {
  canonize, generateKey, importKeyPair, packageVersions, signingSuite, verifyingSuites
} from './lib/suites.mjs';

const TYPICAL = new URL('../../tests/data/credentials/ob3-microcredential.json', import.meta.url);
const SUITES = ['eddsa-rdfc-2022', 'eddsa-jcs-2022'];
const {AssertionProofPurpose} = jsigs.purposes;

function options() {
  const {values} = parseArgs({options: {
    credential: {type: 'string'},
    iterations: {type: 'string', default: '300'},
    warmup: {type: 'string', default: '50'}
  }});
  const iterations = Number.parseInt(values.iterations, 10);
  const warmup = Number.parseInt(values.warmup, 10);
  if(!(iterations > 0 && warmup >= 0)) {
    throw new TypeError('--iterations must be > 0 and --warmup >= 0.');
  }
  return {path: values.credential ?? TYPICAL, iterations, warmup};
}

/** Run `operation` warmup + iterations times, timing each of the latter on its own. */
async function measure(operation, {iterations, warmup}) {
  for(let i = 0; i < warmup; i += 1) {
    await operation();
  }
  const times = new Float64Array(iterations);
  for(let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    await operation();
    times[i] = performance.now() - start;
  }
  return summary(times.sort());
}

function summary(sorted) {
  const at = q => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = ms => Math.round(ms * 10000) / 10000;
  const mean = sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length;
  return {
    median_ms: round(at(0.5)), p95_ms: round(at(0.95)), mean_ms: round(mean),
    min_ms: round(sorted[0]), n: sorted.length
  };
}

async function benchSuite({suite, credential, keyPair, documentLoader, counts}) {
  const signer = signingSuite({suite, keyPair, created: '2026-06-12T09:00:00Z'});
  const verifier = verifyingSuites();
  const purpose = () => new AssertionProofPurpose();
  const signOnce = () => jsigs.sign(structuredClone(credential), {
    suite: signer, purpose: purpose(), documentLoader
  });
  const signed = await signOnce();
  let failures = 0;
  const verifyOnce = async () => {
    const result = await jsigs.verify(signed, {
      suite: verifier, purpose: purpose(), documentLoader
    });
    failures += result.verified ? 0 : 1;
  };
  const results = {
    sign: await measure(signOnce, counts),
    verify: await measure(verifyOnce, counts)
  };
  if(failures > 0) {
    throw new Error(`${suite}: ${failures} verifications of our own signature failed`);
  }
  return results;
}

async function benchParts({credential, keyPair, documentLoader, counts}) {
  const message = new Uint8Array(64).fill(7);
  const signer = keyPair.signer();
  const verifier = keyPair.verifier();
  const signature = await signer.sign({data: message});
  const unsigned = structuredClone(credential);
  return {
    'rdfc-1.0-canonize': {
      canonize: await measure(() => canonize({document: unsigned, documentLoader}), counts)
    },
    'did-key-resolve': {
      resolve: await measure(() => resolveDidKey(keyPair.id), counts)
    },
    'ed25519-raw': {
      sign: await measure(() => signer.sign({data: message}), counts),
      verify: await measure(() => verifier.verify({data: message, signature}), counts)
    }
  };
}

async function main() {
  installNetworkGuard();
  const counts = options();
  const credential = JSON.parse(readFileSync(counts.path, 'utf8'));
  delete credential.proof;
  const documentLoader = createDocumentLoader({contexts: loadBundledContexts()});
  const fresh = await generateKey();
  const keyPair = await importKeyPair({key: fresh});
  const results = {};
  for(const suite of SUITES) {
    results[suite] = await benchSuite({suite, credential, keyPair, documentLoader, counts});
  }
  Object.assign(results, await benchParts({credential, keyPair, documentLoader, counts}));
  const report = {
    implementation: 'Digital Bazaar JavaScript reference (jsonld-signatures + DataIntegrityProof)',
    node: process.version,
    packages: packageVersions(),
    credential: {
      path: String(counts.path instanceof URL ? counts.path.pathname : counts.path),
      bytes: Buffer.byteLength(JSON.stringify(credential))
    },
    iterations: counts.iterations,
    warmup: counts.warmup,
    controller: fresh.controller,
    results
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
