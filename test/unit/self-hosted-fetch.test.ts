// Reading the optional models/manifest.json: none is normal, a broken one is reported, a good one yields models.
import { expect, test } from 'vitest';
import { fetchSelfHostedModels } from '../../src/lib/models';

const URL_ = new URL('https://team.example/studio/models/manifest.json');
const respond = (status: number, body = '') => async () => new Response(body, { status });

test('no manifest (404, or the app’s page served in its place) or no network means no self-hosted models and nothing to report', async () => {
  expect(await fetchSelfHostedModels(URL_, respond(404))).toEqual({ models: { mlc: [], gguf: [] }, problems: [] });
  const page = async () => new Response('<!doctype html><title>Self-Instruct Studio</title>', { headers: { 'content-type': 'text/html; charset=utf-8' } });
  expect(await fetchSelfHostedModels(URL_, page)).toEqual({ models: { mlc: [], gguf: [] }, problems: [] });
  expect(await fetchSelfHostedModels(URL_, async () => Promise.reject(new TypeError('Failed to fetch')))).toEqual({ models: { mlc: [], gguf: [] }, problems: [] });
});

test('a manifest that cannot be read or parsed is reported, and offers nothing', async () => {
  expect((await fetchSelfHostedModels(URL_, respond(500))).problems).toEqual(['models/manifest.json could not be read (HTTP 500).']);
  const broken = await fetchSelfHostedModels(URL_, respond(200, '{"gguf": ['));
  expect(broken.models).toEqual({ mlc: [], gguf: [] });
  expect(broken.problems[0]).toMatch(/not valid JSON/);
});

test('a good manifest yields its models with absolute URLs on the site', async () => {
  const manifest = JSON.stringify({ version: 1, gguf: [{ id: 'team-model', path: 'gguf/team-model.gguf', size_bytes: 500_000_000 }] });
  const { models, problems } = await fetchSelfHostedModels(URL_, respond(200, manifest));
  expect(problems).toEqual([]);
  expect(models.gguf).toEqual([expect.objectContaining({ id: 'gguf:team-model', url: 'https://team.example/studio/models/gguf/team-model.gguf' })]);
});
