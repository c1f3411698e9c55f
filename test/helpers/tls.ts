/**
 * A throwaway certificate authority and a server certificate for Yahoo's host
 * names, made at test time with the `openssl` command, so that the built CLI
 * can talk real TLS to a fake Yahoo on loopback and trust it only through
 * NODE_EXTRA_CA_CERTS. Nothing is committed and nothing outlives the test run.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Every name the fake Yahoo answers for: the library's hosts, and loopback for checks by hand. */
export const SERVER_NAMES = ['DNS:*.yahoo.com', 'DNS:yahoo.com', 'DNS:*.finance.yahoo.com', 'DNS:localhost', 'IP:127.0.0.1'] as const;

export interface TestCertificates {
  /** PEM file of the test CA: what NODE_EXTRA_CA_CERTS points at. */
  readonly caFile: string;
  /** The server's private key and certificate (signed by the CA), PEM text. */
  readonly key: string;
  readonly cert: string;
}

async function openssl(args: readonly string[], cwd: string): Promise<void> {
  try {
    await run('openssl', args, { cwd });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error('the `openssl` command was not found on PATH: the network end-to-end tests need it to make a test CA (install OpenSSL, e.g. apt-get install openssl)', {
        cause: err,
      });
    }
    throw new Error(`openssl ${args.join(' ')} failed: ${e.stderr?.trim() || e.message}`, { cause: err });
  }
}

/** A CA and a server certificate for Yahoo's host names, written into `dir` (which the caller removes). */
export async function makeTestCertificates(dir: string): Promise<TestCertificates> {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await openssl(
    ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=basket test CA (throwaway)',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    dir,
  );
  await openssl(['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=finance.yahoo.com'], dir);
  await writeFile(
    path.join(dir, 'server.ext'),
    [
      `subjectAltName=${SERVER_NAMES.join(',')}`,
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'authorityKeyIdentifier=keyid,issuer',
      '',
    ].join('\n'),
  );
  await openssl(
    ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '0x' + Date.now().toString(16),
      '-days', '2', '-extfile', 'server.ext', '-out', 'server.pem'],
    dir,
  );
  const [key, cert] = await Promise.all([readFile(path.join(dir, 'server.key'), 'utf8'), readFile(path.join(dir, 'server.pem'), 'utf8')]);
  return { caFile: path.join(dir, 'ca.pem'), key, cert };
}
