import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runBenchPage } from './bench-page';
import { alphabetModel } from '../test/gguf/tiny-llama';
const requests = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const tiny = alphabetModel();
const server = createServer((_q, r) => { r.writeHead(200, { 'access-control-allow-origin': '*', 'content-length': String(tiny.byteLength) }); r.end(tiny); });
await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tiny.gguf`;
await runBenchPage('replay-check', new URL('./replay-check/', import.meta.url).pathname, 20 * 60_000, async (page) => {
  await page.waitForFunction('"replayBench" in globalThis');
  const out: any = await page.evaluate(`globalThis.replayBench.replay(${JSON.stringify(url)}, ${JSON.stringify(requests)}, 8)`);
  console.log(JSON.stringify(out.by));
  const total = Object.values(out.by).reduce((s: number, p: any) => s + p.processed, 0);
  console.log('processed total', total);
  writeFileSync(process.argv[3]!, JSON.stringify(out.perCall));
}, { headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'credentialless' } });
server.close();
