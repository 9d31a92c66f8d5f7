/**
 * One photo processed in a fresh process, as one Lambda invocation would: decode, rotate,
 * resize to 2048 px and 320 px, encode. Prints the CPU time and the peak resident memory, both
 * sampled while processing (the resident set of the whole process, which is what Lambda's
 * memory setting must hold, and what it was just before).
 */
import { readFileSync } from 'node:fs';
import { sharpProcessor } from '../../shared/adapters/images/sharp-processor.js';
import { FULL_MAX_PX, THUMB_MAX_PX } from '../../shared/domain/upload.js';

const input = readFileSync(process.argv[2]!);
global.gc?.();
const rssBefore = process.memoryUsage.rss();
let peak = rssBefore;
// libvips works on its own threads: the main thread is free to sample the resident set.
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 2);
const cpu = process.cpuUsage();
const started = performance.now();
const full = await sharpProcessor.render(input, 'jpeg', FULL_MAX_PX);
await sharpProcessor.render(full.bytes, 'jpeg', THUMB_MAX_PX);
const wall = performance.now() - started;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage.rss());
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ cpuMs: (used.user + used.system) / 1000, wallMs: wall, peakRssMb: peak / 2 ** 20, rssBeforeMb: rssBefore / 2 ** 20, width: full.width, height: full.height }));
