/**
 * One Open311 model, two wire formats. JSON is the record as is; XML follows the GeoReport v2
 * documents: a root element, one element per list item (the item names below), a field per
 * child element, null as an empty element.
 */
import type { Open311Format, Open311Record, Open311Value } from '../../domain/open311.js';

export const OPEN311_CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The element of each item of a list field, as the spec's XML examples name them. */
const itemElement: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

/** Root and item element of each top-level document. */
export const documents = {
  services: ['services', 'service'],
  requests: ['service_requests', 'request'],
  errors: ['errors', 'error'],
} as const;

export function toXml(root: string, value: Open311Record | Open311Record[], item?: string): string {
  const body = Array.isArray(value) ? value.map((v) => element(item ?? 'item', v)).join('') : children(value);
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${body}</${root}>\n`;
}

function children(record: Open311Record): string {
  return Object.entries(record)
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => element(name, v as Open311Value))
    .join('');
}

function element(name: string, value: Open311Value): string {
  if (value === null || value === '') return `<${name}/>`;
  if (Array.isArray(value)) {
    const inner = itemElement[name] ?? 'item';
    return `<${name}>${value.map((v) => element(inner, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') return `<${name}>${children(value)}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than sent broken.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface Open311Body {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/** A list document (services, requests, errors) in the asked format. */
export function listBody(doc: keyof typeof documents, items: Open311Record[], format: Open311Format, status = 200): Open311Body {
  const [root, item] = documents[doc];
  return {
    status,
    headers: { 'content-type': OPEN311_CONTENT_TYPES[format] },
    body: format === 'json' ? JSON.stringify(items) : toXml(root, items, item),
  };
}

/** A single-object document (discovery, service definition). */
export function objectBody(root: string, record: Open311Record, format: Open311Format): Open311Body {
  return {
    status: 200,
    headers: { 'content-type': OPEN311_CONTENT_TYPES[format] },
    body: format === 'json' ? JSON.stringify(record) : toXml(root, record),
  };
}
