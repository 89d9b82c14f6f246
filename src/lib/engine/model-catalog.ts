import type { DeviceReport, ModelOption } from './engine';
import { isShortListed, profileModel } from './model-profile';

/** The fields of a web-llm ModelRecord that decide whether and how well a model runs here. */
export interface CatalogRecord {
  model_id: string;
  vram_required_MB?: number;
  buffer_size_required_bytes?: number;
  required_features?: string[];
  /** 0 or absent: a text LLM; 1: embedding; 2: vision. */
  model_type?: number;
  overrides?: { context_window_size?: number };
}

// Chosen for instruction writing at 1–2 GB of GPU memory (research/webllm.md §2): the first one
// this device can run is the default.
const PREFERRED = [
  'Qwen2.5-1.5B-Instruct-q4f16_1-MLC',
  'Qwen2.5-1.5B-Instruct-q4f32_1-MLC',
  'Llama-3.2-1B-Instruct-q4f16_1-MLC',
  'Llama-3.2-1B-Instruct-q4f32_1-MLC',
];

// A Self-Instruct prompt with 8 in-context tasks and room for 7 new ones needs about 1.5k tokens.
const MIN_CONTEXT = 2048;

/**
 * The text models this device can run, the recommended one first, then smallest first. The short
 * list holds one build of each listed chat model: the 16-bit-shader one where the GPU has them.
 */
export function rankModels(records: readonly CatalogRecord[], device: DeviceReport): ModelOption[] {
  if (!device.webgpu) return [];
  const runnable = records.filter((record) => isTextModel(record) && fitsDevice(record, device));
  const recommended = PREFERRED.find((id) => runnable.some((record) => record.model_id === id));
  const shortListed = (id: string) => id === recommended || (isShortListed(id) && !(device.shaderF16 && /-q\df32/.test(id)));
  return runnable
    .map((record) => toOption(record, record.model_id === recommended, shortListed(record.model_id), device))
    .sort((a, b) => Number(b.recommended) - Number(a.recommended) || (a.vramMB ?? Infinity) - (b.vramMB ?? Infinity));
}

/**
 * q4f16/q0f16 kernels need shader-f16 whether or not the record says so: many records omit it
 * and then fail late, after the download, with a WGSL compile error (research/webllm.md §1.12).
 */
export function needsShaderF16(record: CatalogRecord): boolean {
  return /-q\df16/.test(record.model_id) || (record.required_features ?? []).includes('shader-f16');
}

function isTextModel(record: CatalogRecord): boolean {
  const context = record.overrides?.context_window_size;
  return !record.model_type && (context === undefined || context < 0 || context >= MIN_CONTEXT);
}

function fitsDevice(record: CatalogRecord, device: DeviceReport): boolean {
  if (needsShaderF16(record) && !device.shaderF16) return false;
  const needed = record.buffer_size_required_bytes;
  const limit = device.maxStorageBufferBindingSize;
  return needed === undefined || limit === undefined || needed <= limit;
}

function toOption(record: CatalogRecord, recommended: boolean, shortListed: boolean, device: DeviceReport): ModelOption {
  const profile = profileModel(record.model_id);
  // The build this GPU runs best (4-bit, with 16-bit shaders where it has them) goes unnamed.
  const usualBuild = device.shaderF16 ? /-q4f16/ : /-q4f32/;
  const label = usualBuild.test(record.model_id) ? profile.name : `${profile.name}, ${profile.variant}`;
  const option: ModelOption = { id: record.model_id, label, kind: profile.kind, recommended };
  if (profile.billions !== undefined) option.billions = profile.billions;
  if (!shortListed) option.onlyInFullList = true;
  if (record.vram_required_MB !== undefined) option.vramMB = Math.round(record.vram_required_MB);
  const context = record.overrides?.context_window_size;
  if (context !== undefined && context > 0) option.contextWindow = context;
  return option;
}
